import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { Words, type Messages } from '../../i18n/words.js';
import { whenIdle } from '../../state/idle.js';
import type { StoriesStore } from '../../state/store.js';
import { ReelList } from '../shared/reel-list.js';
import { ringStateOf, type ReelEntry } from '../shared/reels.js';
import { sharedMessages } from '../shared/messages.js';
import { barMessages } from './messages.js';
import { styles } from './story-bar.styles.js';

const english = { ...sharedMessages, ...barMessages };

/**
 * A horizontal, scrollable row of story rings with names under them: the stories bar a
 * brand embeds on its site. It shows the feed of the nearest `<story-provider>` (or its
 * own, with `feed="…"`), unseen accounts first, the signed-in user's own stories first of
 * all ("Your story"). Only the rings near the viewport are in the DOM, further feed pages
 * load as it scrolls, and its height is reserved before data arrives.
 *
 * Keyboard: one tab stop; arrow keys move between rings (following the reading direction),
 * Home and End jump to the ends, Enter or Space opens. Activating a ring fires
 * `story-open` and starts playback there, continuing through the accounts after it.
 *
 * @summary A horizontal stories bar of followed accounts' rings.
 *
 * With `warm="3"` it fetches the first story of the first three unseen accounts into the
 * media cache when the browser is idle.
 *
 * @slot empty - Shown when there are no stories; without it the bar hides itself.
 *
 * @fires {StoryOpenEvent} story-open - From a ring when it is activated; `detail.authorId`.
 * @fires {StoryErrorEvent} story-error - With `feed`, when the feed fails or has malformed items.
 *
 * @csspart base - The wrapper of everything.
 * @csspart list - The scrolling row.
 * @csspart item - One account: its ring and name.
 * @csspart ring - The `<story-ring>` of an account (its own parts are its shadow's).
 * @csspart name - The name under a ring.
 * @csspart skeleton - A placeholder item while loading.
 * @csspart scroll-button - The back and forward buttons (pointer devices only).
 * @csspart message - The error message.
 * @csspart retry-button - The button that loads the feed again after an error.
 *
 * @cssproperty [--story-bar-ring-size=64px] - Diameter of the rings.
 * @cssproperty [--story-bar-gap=16px] - Space between two rings.
 * @cssproperty [--story-bar-padding=8px] - Space above and below the row.
 * @cssproperty [--story-bar-font-size=0.8rem] - Size of the names.
 * @cssproperty [--story-bar-color=inherit] - Colour of the names and messages.
 * @cssproperty [--story-bar-background=transparent] - Background of the bar.
 * @cssproperty [--story-bar-button-background=rgb(255 255 255 / 0.92)] - Background of the scroll buttons.
 * @cssproperty [--story-color-skeleton=rgb(128 128 128 / 0.18)] - Colour of the loading placeholders.
 */
export class StoryBar extends LitElement {
  static override styles = styles;

  static override properties = {
    feed: {},
    label: {},
    strings: { attribute: false },
    state: { reflect: true },
    warm: { type: Number },
    store: { attribute: false },
  };

  /** A static feed URL for this bar alone, without a provider (loads the data layer on demand). */
  feed?: string;

  /** The accessible name of the list of accounts ("Stories" in the reader's language by default). */
  label = '';

  /** The site's own wording, by message id, for the bar and its rings; see the README's "Languages". */
  strings?: Messages;

  readonly #words = new Words(this, english);

  /**
   * A store to show, instead of the provider's (or the page's): e.g. one over reels given in
   * JavaScript, loaded before a server renders the bar (`createStore({ reels })`, `load()`).
   */
  store?: StoriesStore;

  /**
   * Warms the media cache with the first story of the first `warm` unseen accounts, when the
   * browser is idle, so they open at once (and offline). 0 (the default) fetches nothing ahead.
   */
  warm = 0;

  #warmed = false;

  /** `loading`, `ready`, `empty` or `error`: reflected, for styling. */
  state: 'loading' | 'ready' | 'empty' | 'error' = 'loading';

  private readonly list = new ReelList(this, false, 80);

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.list.refresh(changed);
    this.state = this.list.status;
  }

  protected override updated(): void {
    // Here rather than before rendering: a server renders without a DOM to query.
    this.toggleAttribute('has-empty', !!this.querySelector(':scope > [slot="empty"]'));
    this.updateScrollButtons();
    if (this.warm > 0 && this.state === 'ready' && !this.#warmed) {
      this.#warmed = true;
      const first = this.list.entries.filter((e) => e.unseen && !e.own).slice(0, this.warm);
      const stories = first.map((e) => e.reel.stories.find((s) => !this.list.store!.isSeen(s.id)) ?? e.reel.stories[0]);
      // Its code loads only for bars that warm, at idle: the page's own work comes first.
      whenIdle(() => void import('../../state/media-source.js').then((m) => m.warmStories(stories)));
    }
  }

  private updateScrollButtons(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.list');
    const [back, forward] = this.renderRoot.querySelectorAll<HTMLButtonElement>('.scroll');
    if (!scroller || !back) return;
    const offset = Math.abs(scroller.scrollLeft);
    back.disabled = offset <= 1;
    forward.disabled = offset + scroller.clientWidth >= scroller.scrollWidth - 1;
  }

  private scrollByPage(direction: 1 | -1): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.list')!;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const sign = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    scroller.scrollBy({ left: sign * direction * scroller.clientWidth * 0.8, behavior: reduce ? 'auto' : 'smooth' });
  }

  private renderItem = (entry: ReelEntry, index: number) => {
    const { reel, own, unseen } = entry;
    const state = ringStateOf(entry, this.list.opening);
    const t = (id: string) => this.#words.t(id, { n: unseen });
    const label = own ? t(state === 'loading' ? 'bar.ownOpening' : unseen ? 'bar.ownUnseen' : 'bar.own') : '';
    return html`<div part="item" class="item" role="listitem" data-index=${index} aria-setsize=${this.list.entries.length} aria-posinset=${index + 1}>
      <story-ring
        part="ring"
        .author=${reel.author}
        state=${state}
        segments=${reel.stories.length}
        seen-segments=${reel.stories.length - unseen}
        label=${label}
        .strings=${this.strings}
        tabindex=${index === this.list.focusIndex ? '0' : '-1'}
      ></story-ring>
      <span part="name" class="name ${own ? 'own' : ''}" aria-hidden="true">${own ? t('bar.own') : reel.author.name}</span>
    </div>`;
  };

  protected override render() {
    const t = (id: string) => this.#words.t(id);
    if (this.state === 'error') return html`<div part="base" class="base">${this.list.error(t)}</div>`;
    if (this.state === 'empty') return html`<slot name="empty"></slot>`;
    const loading = this.state === 'loading';
    return html`<div part="base" class="base">
      ${loading ? html`<span class="sr-only" role="status">${t('bar.loading')}</span>` : nothing}
      <button part="scroll-button" class="scroll start" type="button" tabindex="-1" aria-label=${t('bar.scrollBack')} @click=${() => this.scrollByPage(-1)}>‹</button>
      <div
        part="list"
        class="list"
        role="list"
        aria-label=${this.label || t('bar.label')}
        aria-busy=${String(loading)}
        @keydown=${this.list.onKeyDown}
        @focusin=${this.list.onFocusIn}
        @focusout=${this.list.onFocusOut}
        @story-open=${this.list.onOpen}
        @click=${this.list.onClick}
        @scroll=${this.updateScrollButtons}
      >
        ${this.list.rows(this.renderItem, 8)}
      </div>
      <button part="scroll-button" class="scroll end" type="button" tabindex="-1" aria-label=${t('bar.scrollForward')} @click=${() => this.scrollByPage(1)}>›</button>
    </div>`;
  }
}
