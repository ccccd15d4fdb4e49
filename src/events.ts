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
  // A literal, not StoryEvents.open, so importing one event class does not pull in the map.
  static readonly eventName = 'story-open';
  constructor(detail: StoryOpenDetail) {
    super(StoryOpenEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Every event this library dispatches, by name, for typed listeners anywhere. */
interface StoryEventMap {
  'story-open': StoryOpenEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends StoryEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends StoryEventMap {}
}
