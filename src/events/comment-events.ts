/**
 * The comments' events (see `src/events.ts`, which exports them with every other event):
 * apart, so they load with `<story-comments>`, not with the rings and the bar.
 */
import type { StoryIdsDetail } from './viewer-events.js';

/** Detail of `story-comment`: what the user did to which comment of which story. */
export interface StoryCommentDetail extends StoryIdsDetail {
  /** `post`: kept in the outbox and on its way; `sent`: the backend has it; `delete`; `report`. */
  action: 'post' | 'sent' | 'delete' | 'report';
  /** The comment's id (for `sent`, `delete`, `report`). */
  commentId?: string;
  /** The outbox's idempotency key (for `post` and `sent`). */
  clientId?: string;
}

/** The signed-in user posted, deleted or reported a comment (the analytics hook of `<story-comments>`). */
export class StoryCommentEvent extends CustomEvent<StoryCommentDetail> {
  static get eventName(): 'story-comment' {
    return 'story-comment';
  }
  constructor(detail: StoryCommentDetail) {
    super('story-comment', { detail, bubbles: true, composed: true });
  }
}

/** Detail of `story-hold`: whether playback should wait for the person, and whether the comments panel is open. */
export interface StoryHoldDetail {
  hold: boolean;
  panel: boolean;
}

/**
 * The comments ask the viewer to hold playback (the field has focus or the panel is open)
 * or to let it go on; `<story-viewer>` listens for it on its footer.
 */
export class StoryHoldEvent extends CustomEvent<StoryHoldDetail> {
  static get eventName(): 'story-hold' {
    return 'story-hold';
  }
  constructor(detail: StoryHoldDetail) {
    super('story-hold', { detail, bubbles: true, composed: true });
  }
}
