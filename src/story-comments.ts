/**
 * Side-effect entry: defines `<story-comments>`.
 * The viewer loads it on first use.
 */
import { StoryComments } from './elements/story-comments/story-comments.js';

export { StoryComments };
export { StoryCommentEvent, StoryHoldEvent, type StoryCommentDetail, type StoryHoldDetail } from './events/comment-events.js';

if (!customElements.get('story-comments')) customElements.define('story-comments', StoryComments);

declare global {
  interface HTMLElementTagNameMap {
    'story-comments': StoryComments;
  }
}
