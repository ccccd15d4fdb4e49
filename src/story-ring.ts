/**
 * Side-effect entry: defines `<story-ring>`. Import `stories-kit/story-ring.js` to get just
 * this element.
 */
import { StoryRing } from './elements/story-ring/story-ring.js';

export { StoryRing };

if (!customElements.get('story-ring')) customElements.define('story-ring', StoryRing);

declare global {
  interface HTMLElementTagNameMap {
    'story-ring': StoryRing;
  }
}
