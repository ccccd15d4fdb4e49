/**
 * Side-effect entry: defines `<story-composer>`. Its own entry, loaded on first use: the
 * bar and the viewer never download it.
 */
import { StoryComposer } from './elements/story-composer/story-composer.js';

export { StoryComposer };
export { StoryPublishEvent, type StoryPublishDetail } from './events/composer-events.js';

if (!customElements.get('story-composer')) customElements.define('story-composer', StoryComposer);

declare global {
  interface HTMLElementTagNameMap {
    'story-composer': StoryComposer;
  }
}
