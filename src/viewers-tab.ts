/**
 * Side-effect entry: defines `<viewers-tab>` (and the `<story-ring>` of its avatars). The
 * viewer loads it for the signed-in user's own stories only.
 */
import './story-ring.js';
import { ViewersTab } from './elements/viewers-tab/viewers-tab.js';

export { ViewersTab };

if (!customElements.get('viewers-tab')) customElements.define('viewers-tab', ViewersTab);

declare global {
  interface HTMLElementTagNameMap {
    'viewers-tab': ViewersTab;
  }
}
