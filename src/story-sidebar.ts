/**
 * Side-effect entry: defines `<story-sidebar>` (and the `<story-ring>` it renders).
 */
import './story-ring.js';
import { StorySidebar } from './elements/story-sidebar/story-sidebar.js';

export { StorySidebar };

if (!customElements.get('story-sidebar')) customElements.define('story-sidebar', StorySidebar);

declare global {
  interface HTMLElementTagNameMap {
    'story-sidebar': StorySidebar;
  }
}
