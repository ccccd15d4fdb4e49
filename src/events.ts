/**
 * Every event the library dispatches, in one place. Events are bubbling, composed
 * CustomEvents named `story-*`, so a page can listen on `document` whatever the nesting of
 * shadow roots; each has a small class so listeners get a typed `detail`.
 */

import type { StoriesError, StoriesErrorCode } from './model/errors.js';

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
  hold: 'story-hold',
  create: 'story-create',
  publish: 'story-publish',
  viewersCount: 'story-viewers-count',
  error: 'story-error',
} as const;

/** Detail of `story-open`: which account (and optionally which story) to play. */
export interface StoryOpenDetail {
  authorId: string;
  storyId?: string;
}

/** Fired when a person asks to play an account's stories (e.g. by activating a ring). */
export class StoryOpenEvent extends CustomEvent<StoryOpenDetail> {
  // A getter returning a literal (not StoryEvents.open, nor a static field): importing one
  // event class pulls in neither the map nor a class nobody uses.
  static get eventName(): 'story-open' {
    return 'story-open';
  }
  constructor(detail: StoryOpenDetail) {
    super('story-open', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of `story-error`: what failed, in words and as a machine-readable code. */
export interface StoryErrorDetail {
  /**
   * `not-found`, `forbidden`, `network`, `invalid`, `quota`, `read-only`, or `media` (a
   * story's photo or video could not be shown; `reason` says why).
   */
  code: StoriesErrorCode;
  message: string;
  /** What the error concerns, when known. */
  storyId?: string;
  authorId?: string;
  /** For invalid data: the kind of item dropped and where it was wrong (e.g. `media.src`). */
  item?: string;
  path?: string;
  /** The error object itself. */
  error?: StoriesError;
  /** For `media`: `gone` (404, 410), `unsupported` (a format this browser cannot play), `damaged` or `network`. */
  reason?: string;
}

/**
 * Fired when something failed or data was dropped as malformed. The elements also show a
 * polite state; the page may log or report it.
 */
export class StoryErrorEvent extends CustomEvent<StoryErrorDetail> {
  static get eventName(): 'story-error' {
    return 'story-error';
  }
  constructor(detail: StoryErrorDetail) {
    super('story-error', { detail, bubbles: true, composed: true });
  }
}

// The viewer's notifications live in their own module, so a page that only shows rings and
// a bar does not download their classes; they are exported from here all the same.
export { StoryChangeEvent, StoryCloseEvent, StoryCompleteEvent, StoryPauseEvent, StoryResumeEvent, StoryViewEvent, type StoryIdsDetail } from './events/viewer-events.js';
import type { StoryChangeEvent, StoryCloseEvent, StoryCompleteEvent, StoryPauseEvent, StoryResumeEvent, StoryViewEvent } from './events/viewer-events.js';
// So are those of the comments, of making a story and of the viewers tab.
export { StoryCommentEvent, StoryHoldEvent, type StoryCommentDetail, type StoryHoldDetail } from './events/comment-events.js';
export { StoryPublishEvent, type StoryPublishDetail } from './events/composer-events.js';
export { StoryCreateEvent } from './events/create-event.js';
export { StoryViewersCountEvent, type StoryViewersCountDetail } from './events/viewers-events.js';
import type { StoryCommentEvent, StoryHoldEvent } from './events/comment-events.js';
import type { StoryPublishEvent } from './events/composer-events.js';
import type { StoryCreateEvent } from './events/create-event.js';
import type { StoryViewersCountEvent } from './events/viewers-events.js';

/** Every event this library dispatches, by name, for typed listeners anywhere. */
interface StoryEventMap {
  'story-open': StoryOpenEvent;
  'story-error': StoryErrorEvent;
  'story-change': StoryChangeEvent;
  'story-view': StoryViewEvent;
  'story-pause': StoryPauseEvent;
  'story-resume': StoryResumeEvent;
  'story-complete': StoryCompleteEvent;
  'story-close': StoryCloseEvent;
  'story-comment': StoryCommentEvent;
  'story-hold': StoryHoldEvent;
  'story-create': StoryCreateEvent;
  'story-publish': StoryPublishEvent;
  'story-viewers-count': StoryViewersCountEvent;
}

// Every event bubbles and is composed: typed wherever a page listens, the window included.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends StoryEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends StoryEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends StoryEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends StoryEventMap {}
}
