/**
 * Side-effect entry: defines `<viewers-tab>`. The viewer loads it for the signed-in user's
 * own stories only.
 */
import { ViewersTab } from './elements/viewers-tab/viewers-tab.js';

export { ViewersTab };

if (!customElements.get('viewers-tab')) customElements.define('viewers-tab', ViewersTab);

declare global {
  interface HTMLElementTagNameMap {
    'viewers-tab': ViewersTab;
  }
}
