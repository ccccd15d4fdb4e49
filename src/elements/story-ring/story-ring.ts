import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { StoryOpenEvent } from '../../events.js';
import type { Author, RingState } from '../../model/types.js';
import { avatarColor, initials } from '../shared/avatar.js';
import { cssVars } from '../shared/css-vars.js';
import { Words, type Messages } from '../../i18n/words.js';
import { ringMessages } from './messages.js';
import { styles } from './story-ring.styles.js';

const RING_STATES: readonly RingState[] = ['none', 'unseen', 'seen', 'loading'];

/** Degrees left empty between two arcs of a segmented ring, at least. */
const SEGMENT_GAP_DEG = 6;

/**
 * An account's avatar inside a ring that tells whether it has live stories: no ring
 * (`none`), the accent colour (`unseen`), grey (`seen`) or a spinning dashed ring while its
 * stories open (`loading`). With a live story it is one accessible button whose name says
 * the state in words ("Ana Lima, 3 new stories"); activating it fires `story-open`.
 *
 * The account comes from the `author` property, or from the `author-id`, `name` and
 * `avatar` attributes for plain HTML; `author` wins when both are given. A missing or
 * broken avatar shows the account's initials on a colour derived from its id.
 *
 * @summary An avatar with a story ring; a button that opens the account's stories.
 *
 * @fires {StoryOpenEvent} story-open - When the ring is activated (click, Enter or Space)
 *   while it has stories. `detail.authorId` names the account. Not fired while `loading`.
 *
 * @csspart base - The button (or, with `state="none"`, the image) that holds everything.
 * @csspart ring - The coloured ring around the avatar.
 * @csspart avatar - The circle holding the picture or the initials.
 * @csspart image - The avatar picture, while it loads or has loaded.
 * @csspart initials - The initials shown when there is no picture or it failed to load.
 *
 * @cssproperty [--story-ring-size=64px] - Outer diameter; the `size` attribute overrides it.
 * @cssproperty [--story-ring-color=var(--story-color-accent)] - Ring colour of unseen stories.
 * @cssproperty [--story-ring-seen-color=var(--story-color-muted)] - Ring colour once every story was seen.
 * @cssproperty [--story-ring-width=3px] - Thickness of the ring.
 * @cssproperty [--story-ring-gap=3px] - Space between the ring and the avatar.
 * @cssproperty [--story-color-accent=#1d6ff2] - Global accent (blue by default; lighter in dark mode).
 * @cssproperty [--story-color-muted=#8e8e93] - Global colour of seen and inactive things.
 * @cssproperty [--story-ring-focus-color=var(--story-color-focus, currentColor)] - Focus outline, 3px off the ring, in the text colour around the ring by default; not the accent, so a focused blue ring does not look like a thicker ring.
 * @cssproperty [--story-color-focus] - Global focus outline colour.
 * @cssproperty [--story-font=system-ui] - Font family.
 */
export class StoryRing extends LitElement {
  static override styles = styles;

  // Declared without decorators: the decorator runtime would cost more bytes than the ring.
  static override properties = {
    author: { attribute: false },
    authorId: { attribute: 'author-id' },
    name: {},
    avatar: {},
    state: { reflect: true },
    segments: { type: Number },
    seenSegments: { type: Number, attribute: 'seen-segments' },
    size: { reflect: true },
    theme: { reflect: true },
    label: {},
    strings: { attribute: false },
    imageFailed: { state: true },
  };
  /** @internal Focus on the host goes to the inner button. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The account shown. Takes precedence over the `author-id`, `name` and `avatar` attributes. */
  author?: Author;

  /** Account id, for plain-HTML use; sent as `detail.authorId` of `story-open`. */
  authorId = '';

  /** Display name, for plain-HTML use. */
  name = '';

  /** Avatar URL, for plain-HTML use. */
  avatar = '';

  /**
   * `none`: no live story (no ring, not a button); `unseen`: at least one story not seen
   * yet; `seen`: every live story seen; `loading`: the stories are opening.
   */
  state: RingState = 'none';

  /** Number of live stories; above 1 the ring splits into one arc per story. */
  segments = 0;

  /** How many of the `segments` (the oldest first) were seen; their arcs are grey. */
  seenSegments = 0;

  /** `small` (40px), `medium` (64px, default), `large` (88px) or a number of pixels. */
  size: 'small' | 'medium' | 'large' | `${number}` = 'medium';

  /** Forces the `light` or `dark` palette; by default the user's colour scheme decides. */
  theme?: 'light' | 'dark';

  /** Replaces the generated accessible name. */
  label = '';

  /** The site's own wording, by message id (e.g. `{ 'ring.seen': '{name}, all seen' }`); see the README's "Languages". */
  strings?: Messages;

  readonly #words = new Words(this, ringMessages);

  /** Whether the avatar picture failed; the initials show instead. */
  private imageFailed = false;

  get #account(): Author {
    return this.author ?? { id: this.authorId, name: this.name, avatar: this.avatar || undefined };
  }

  get #ringState(): RingState {
    return RING_STATES.includes(this.state) ? this.state : 'none';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('author') || changed.has('avatar')) this.imageFailed = false;
  }

  /** The accessible name: the state in words, so it is never told by colour alone. */
  #accessibleName(name: string): string {
    // Stories not seen yet, when the ring knows how many there are.
    const n = this.segments > 0 ? Math.max(0, this.segments - Math.max(0, this.seenSegments)) : 0;
    const state = this.#ringState;
    return this.label || (state === 'none' ? name : this.#words.t(state === 'unseen' && !n ? 'ring.unseenAny' : `ring.${state}`, { name, n }));
  }

  /** A conic gradient with one arc per story; `undefined` leaves the plain ring. */
  #segmentPaint(): string | undefined {
    const count = Math.floor(this.segments);
    const ringState = this.#ringState;
    if (count < 2 || ringState === 'loading' || ringState === 'none') return undefined;
    const seen = ringState === 'seen' ? count : Math.min(count, Math.max(0, Math.floor(this.seenSegments)));
    const step = 360 / count;
    // Wide enough to leave 3 px at the ring's inner edge (radius about d/2 - 3), where a gap is
    // narrowest, so it shows on a 40 px ring too: 3 px / (d/2 - 3) rad = 344 / (d - 6) degrees.
    const d = ({ small: 40, large: 88 } as Record<string, number>)[this.size] ?? (Number(this.size) || 64);
    const gap = Math.min(Math.max(SEGMENT_GAP_DEG, 344 / Math.max(d - 6, 12)), step / 3);
    let stops = '';
    for (let i = 0; i < count; i++) {
      const start = i * step + gap / 2;
      // A stop at 0deg starts where the one before it ended: transparent from the last arc's end to this one's start.
      stops += `transparent 0deg ${start}deg,var(--_${i < seen ? 'seen-color' : 'unseen'}) ${start}deg ${start + step - gap}deg,`;
    }
    return `conic-gradient(${stops}transparent 0deg)`;
  }

  #onActivate(): void {
    if (this.#ringState === 'loading') return;
    this.dispatchEvent(new StoryOpenEvent({ authorId: this.#account.id }));
  }

  #onImageError(): void {
    this.imageFailed = true;
  }

  protected override render() {
    const account = this.#account;
    const ringState = this.#ringState;
    const name = account.name.trim() || account.id;
    const showImage = Boolean(account.avatar) && !this.imageFailed;
    const inner = html`${ringState === 'none' ? nothing : html`<span part="ring" class="ring"></span>`}
      <span part="avatar" class="avatar">
        <span part="initials" class="initials" aria-hidden="true" data-initials=${initials(name)}></span>
        ${showImage
          ? html`<img part="image" src=${account.avatar!} alt="" loading="lazy" decoding="async" draggable="false" @error=${this.#onImageError} />`
          : nothing}
      </span>`;
    const classes = `base state-${ringState}`;
    const pixels = Number(this.size);
    // Dynamic paint goes through the CSSOM (see cssVars) onto the base, whose parts inherit it.
    const paint = cssVars({
      '--_size': pixels > 0 ? `${pixels}px` : undefined,
      '--_arcs': this.#segmentPaint(),
      '--_bg': avatarColor(account.id || account.name),
    });
    const label = this.#accessibleName(name);
    if (ringState === 'none') {
      return html`<span part="base" class=${classes} role="img" aria-label=${label} ${paint}>${inner}</span>`;
    }
    return html`<button
      part="base"
      class=${classes}
      ${paint}
      type="button"
      aria-label=${label}
      aria-busy=${String(ringState === 'loading')}
      @click=${this.#onActivate}>${inner}</button>`;
  }
}
