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
  static readonly eventName = 'story-error';
  constructor(detail: StoryErrorDetail) {
    super(StoryErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Detail of the viewer's notifications: the story (and its account) concerned. */
export interface StoryIdsDetail {
  authorId: string;
  storyId: string;
}

/**
 * The viewer's notifications share their shape; each has its own class below, whose
 * `eventName` is a static getter, not a field: bundlers keep a class with static fields
 * even when nothing uses it.
 */
abstract class StoryIdsEvent extends CustomEvent<StoryIdsDetail> {
  constructor(name: string, detail: StoryIdsDetail) {
    super(name, { detail, bubbles: true, composed: true });
  }
}

/** The viewer moved to another story (also when it opens). */
export class StoryChangeEvent extends StoryIdsEvent {
  static get eventName(): 'story-change' {
    return 'story-change';
  }
  constructor(detail: StoryIdsDetail) {
    super('story-change', detail);
  }
}

/** A story was shown (its media on screen) and marked viewed; once per story. */
export class StoryViewEvent extends StoryIdsEvent {
  static get eventName(): 'story-view' {
    return 'story-view';
  }
  constructor(detail: StoryIdsDetail) {
    super('story-view', detail);
  }
}

/** Playback paused (pause button, Space/K, press and hold, a hidden page). */
export class StoryPauseEvent extends StoryIdsEvent {
  static get eventName(): 'story-pause' {
    return 'story-pause';
  }
  constructor(detail: StoryIdsDetail) {
    super('story-pause', detail);
  }
}

/** Playback resumed. */
export class StoryResumeEvent extends StoryIdsEvent {
  static get eventName(): 'story-resume' {
    return 'story-resume';
  }
  constructor(detail: StoryIdsDetail) {
    super('story-resume', detail);
  }
}

/** The last story of the last account ended; the viewer closes next. */
export class StoryCompleteEvent extends StoryIdsEvent {
  static get eventName(): 'story-complete' {
    return 'story-complete';
  }
  constructor(detail: StoryIdsDetail) {
    super('story-complete', detail);
  }
}

/** The viewer closed; `detail` names the story on screen then. */
export class StoryCloseEvent extends StoryIdsEvent {
  static get eventName(): 'story-close' {
    return 'story-close';
  }
  constructor(detail: StoryIdsDetail) {
    super('story-close', detail);
  }
}

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
  'story-comment': import('./elements/story-comments/comment-event.js').StoryCommentEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends StoryEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends StoryEventMap {}
}
