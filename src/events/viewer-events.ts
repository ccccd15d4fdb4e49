/**
 * The viewer's notifications (see `src/events.ts`, which exports them with every other
 * event): apart, so they load with the viewer, not with the rings and the bar.
 */

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
