/**
 * Every event the library dispatches, in one place. Events are bubbling, composed
 * CustomEvents named `story-*`, so a page can listen on `document` whatever the nesting of
 * shadow roots; each has a small class so listeners get a typed `detail`.
 */

/** Names of the public notification events; the analytics hooks for brands. */
export const StoryEvents = {
  open: 'story-open',
  close: 'story-close',
  change: 'story-change',
  view: 'story-view',
  complete: 'story-complete',
  pause: 'story-pause',
  resume: 'story-resume',
  comment: 'story-comment',
  publish: 'story-publish',
  error: 'story-error',
} as const;

/** Detail of `story-open`: which account (and optionally which story) to play. */
export interface StoryOpenDetail {
  authorId: string;
  storyId?: string;
}

/** Fired when a person asks to play an account's stories (e.g. by activating a ring). */
export class StoryOpenEvent extends CustomEvent<StoryOpenDetail> {
  static readonly eventName = StoryEvents.open;
  constructor(detail: StoryOpenDetail) {
    super(StoryOpenEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'story-open': StoryOpenEvent;
  }
}
