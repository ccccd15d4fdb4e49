/**
 * Events of making a story (see `src/events.ts`, which exports them with every other
 * event): apart, so they load with the sidebar's panel and the composer, not up front.
 */
import type { Story } from '../model/types.js';

/** What the composer published: the story the adapter made of the draft. */
export interface StoryPublishDetail {
  story: Story;
  storyId: string;
  authorId: string;
}

/** The composer published a story; the author's ring shows it at once. */
export class StoryPublishEvent extends CustomEvent<StoryPublishDetail> {
  static get eventName(): 'story-publish' {
    return 'story-publish';
  }
  constructor(detail: StoryPublishDetail) {
    super('story-publish', { detail, bubbles: true, composed: true });
  }
}

/**
 * The person asked to make a story (the sidebar's Create). Cancel it (`preventDefault()`)
 * to open the page's own flow instead of `<story-composer>`.
 */
export class StoryCreateEvent extends CustomEvent<null> {
  static get eventName(): 'story-create' {
    return 'story-create';
  }
  constructor() {
    super('story-create', { detail: null, bubbles: true, composed: true, cancelable: true });
  }
}
