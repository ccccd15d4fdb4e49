/**
 * The viewers tab's event (see `src/events.ts`, which exports it with every other event):
 * apart, so it loads with `<viewers-tab>`.
 */

/** Detail of `story-viewers-count`: how many people have viewed the story. */
export interface StoryViewersCountDetail {
  count: number;
}

/** The number of viewers of the author's story changed (the viewer's tab label shows it). */
export class StoryViewersCountEvent extends CustomEvent<StoryViewersCountDetail> {
  static get eventName(): 'story-viewers-count' {
    return 'story-viewers-count';
  }
  constructor(detail: StoryViewersCountDetail) {
    super('story-viewers-count', { detail, bubbles: true, composed: true });
  }
}
