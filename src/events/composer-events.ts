/**
 * The composer's event (see `src/events.ts`, which exports it with every other event):
 * apart, so it loads with the composer, not up front.
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
