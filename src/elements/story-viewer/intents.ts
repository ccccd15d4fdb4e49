/**
 * What a person asks the viewer for, by pointer or by key, as intents: this module knows
 * gestures and keys, the viewer knows what each intent does to playback and the store.
 */

/** Press this long (ms) to pause instead of tapping. */
const HOLD = 250;
/** A swipe: this many pixels, mostly in one direction. */
const SWIPE = 50;
/** A tap: the pointer moved less than this many pixels. */
const TAP = 10;

export type Move = 'next' | 'previous' | 'nextReel' | 'previousReel';
/** `hold` and `release` frame a press-and-hold; `pause` and `mute` toggle. */
export type Intent = Move | 'close' | 'pause' | 'mute' | 'hold' | 'release';

/**
 * The key's intent, or null for a key the viewer leaves alone. Arrows follow the reading
 * direction (`rtl` mirrors them); Shift+arrow and PageUp/PageDown move between accounts.
 */
export function keyIntent(event: KeyboardEvent, rtl: boolean): Intent | null {
  const { key } = event;
  const forward = key === 'ArrowRight' ? !rtl : key === 'ArrowLeft' ? rtl : null;
  if (forward !== null) return event.shiftKey ? (forward ? 'nextReel' : 'previousReel') : forward ? 'next' : 'previous';
  if (key === 'PageDown') return 'nextReel';
  if (key === 'PageUp') return 'previousReel';
  // Space on a button is that button's click.
  if ((key === ' ' && (event.composedPath()[0] as Element).localName !== 'button') || key === 'k' || key === 'K') return 'pause';
  return key === 'm' || key === 'M' ? 'mute' : null;
}

/**
 * The viewer's keydown handler: Tab goes to `trap`, typing in a field of a slot (a comment)
 * is typing, not a shortcut; any other key with an intent is taken for it.
 */
export function keyHandler(trap: (event: KeyboardEvent) => void, rtl: () => boolean, onIntent: (intent: Intent) => void): (event: KeyboardEvent) => void {
  return (event) => {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.key === 'Tab') return trap(event);
    if (target.isContentEditable || /^(input|textarea|select)$/.test(target.localName)) return;
    const intent = keyIntent(event, rtl());
    if (!intent) return;
    event.preventDefault();
    onIntent(intent);
  };
}

/**
 * Taps, holds and swipes on the stage. A press held past {@link HOLD} is a hold (released
 * wherever the pointer goes up: it is captured); otherwise the release is a tap — the left
 * third back, the rest forward (mirrored right to left) — or a swipe: sideways between
 * accounts (content follows the finger), down to close. `onIntent(null)` is a release that
 * asked for nothing (a short drag): still a touch, which takes up a "tap for sound" hint.
 */
export class Gestures {
  #timer?: ReturnType<typeof setTimeout>;
  #held = false;
  #pointer: { id: number; x: number; y: number } | null = null;

  readonly #onIntent: (intent: Intent | null) => void;
  readonly #rtl: () => boolean;

  constructor(onIntent: (intent: Intent | null) => void, rtl: () => boolean) {
    this.#onIntent = onIntent;
    this.#rtl = rtl;
  }

  down = (event: PointerEvent): void => {
    if (!event.isPrimary || event.button !== 0 || (event.target as Element).closest('a,button')) return;
    // A hold whose release was never seen ends now; and this one's release reaches us wherever it happens.
    this.end();
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    this.#pointer = { id: event.pointerId, x: event.clientX, y: event.clientY };
    this.#timer = setTimeout(() => {
      this.#held = true;
      this.#onIntent('hold');
    }, HOLD);
  };

  move = (event: PointerEvent): void => {
    const start = this.#pointer;
    if (start?.id === event.pointerId && Math.hypot(event.clientX - start.x, event.clientY - start.y) > TAP) clearTimeout(this.#timer);
  };

  up = (event: PointerEvent): void => {
    const start = this.#pointer;
    if (start?.id !== event.pointerId || this.end()) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    const rtl = this.#rtl();
    let intent: Intent | null = null;
    if (Math.abs(dx) > SWIPE && Math.abs(dx) > Math.abs(dy)) intent = dx < 0 !== rtl ? 'nextReel' : 'previousReel';
    else if (dy > SWIPE && dy > Math.abs(dx)) intent = 'close';
    else if (Math.abs(dx) < TAP && Math.abs(dy) < TAP) {
      const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
      const third = (event.clientX - box.left) / box.width;
      intent = (rtl ? third > 2 / 3 : third < 1 / 3) ? 'previous' : 'next';
    }
    this.#onIntent(intent);
  };

  cancel = (): void => void this.end();

  /** The pointer is up or gone: ends a hold (`release`); returns whether there was one. */
  end(): boolean {
    this.#pointer = null;
    clearTimeout(this.#timer);
    if (!this.#held) return false;
    this.#held = false;
    this.#onIntent('release');
    return true;
  }

  /** The viewer closed: a pending hold never fires. */
  stop(): void {
    clearTimeout(this.#timer);
  }
}
