/**
 * The sidebar's Create (see `src/events.ts`, which exports it with every other event):
 * apart, so it loads with the sidebar's panel alone, and the composer's chunk does not.
 */

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
