/**
 * Side-effect entry: defines `<viewers-tab>`. The viewer loads it for the signed-in user's
 * own stories only. It draws avatars with the ring's avatar code; importing the ring entry
 * (already loaded wherever a viewer is) keeps that code in the ring's chunk instead of a
 * chunk of its own that the bar would then load up front as well.
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
