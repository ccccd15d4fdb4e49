import type { StoryIdsDetail } from '../../events.js';

// Beside the comments, not in events.ts: that module loads with the bar, the comments later.

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
