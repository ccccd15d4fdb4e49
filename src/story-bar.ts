/**
 * Side-effect entry: defines `<story-bar>` (and the `<story-ring>` it renders).
 */
import './story-ring.js';
import { StoryBar } from './elements/story-bar/story-bar.js';

export { StoryBar };

if (!customElements.get('story-bar')) customElements.define('story-bar', StoryBar);

declare global {
  interface HTMLElementTagNameMap {
    'story-bar': StoryBar;
  }
}
