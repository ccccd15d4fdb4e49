/**
 * Side-effect entry: defines `<story-viewer>`.
 */
import { StoryViewer } from './elements/story-viewer/story-viewer.js';

export { StoryViewer };

if (!customElements.get('story-viewer')) customElements.define('story-viewer', StoryViewer);

declare global {
  interface HTMLElementTagNameMap {
    'story-viewer': StoryViewer;
  }
}
