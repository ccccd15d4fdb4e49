/**
 * Side-effect entry: defines `<story-composer>`. Its own entry, loaded on first use: the
 * bar and the viewer never download it.
 */
import { StoryComposer } from './elements/story-composer/story-composer.js';

export { StoryComposer };
export type { StoryPublishDetail } from './elements/story-composer/story-composer.js';

if (!customElements.get('story-composer')) customElements.define('story-composer', StoryComposer);

declare global {
  interface HTMLElementTagNameMap {
    'story-composer': StoryComposer;
  }
}
