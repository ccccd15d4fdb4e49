import { StoryErrorEvent } from '../../events.js';
import type { Messages } from '../../i18n/words.js';
import { viewerMessages } from './messages.js';
import type { Slot } from './stage.js';

/** How long a failed story stays before playback moves on (ms). */
const FAILED_PAUSE = 3000;

export const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Stories whose media failed: each failure is one `story-error` (code `media`, with the
 * reason in words), and the story stays on screen, saying why, for {@link FAILED_PAUSE}
 * before playback moves on — unless it is paused, it recovered, or motion is reduced (then
 * it waits for the person).
 */
export class Failures {
  #reported = new WeakSet<Slot>();
  #timer?: ReturnType<typeof setTimeout>;
  readonly #host: HTMLElement;
  readonly #moveOn: () => void;

  /** `moveOn` is asked once the pause is over; it checks the story is still failed and playing. */
  constructor(host: HTMLElement, moveOn: () => void) {
    this.#host = host;
    this.#moveOn = moveOn;
  }

  failed(slot: Slot | undefined): void {
    if (slot?.failed && !this.#reported.has(slot)) {
      this.#reported.add(slot);
      const { story } = slot;
      this.#host.dispatchEvent(
        new StoryErrorEvent({
          code: 'media',
          reason: slot.failed,
          // For developers: in English.
          message: `${((viewerMessages as Messages)[slot.failedId!] as string | undefined) ?? 'The media failed'} (${story.media.src})`,
          storyId: story.id,
          authorId: story.author.id,
        }),
      );
    }
    this.stop();
    if (!reducedMotion()) this.#timer = setTimeout(this.#moveOn, FAILED_PAUSE);
  }

  /** The story left: it does not move on by itself any more. */
  stop(): void {
    clearTimeout(this.#timer);
  }
}
