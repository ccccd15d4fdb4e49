import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { StoryOpenEvent } from '../../events.js';
import { StoreController } from '../../state/store-controller.js';
import { setCssVars } from '../shared/css-vars.js';
import { reelEntries, ringStateOf, type ReelEntry } from '../shared/reels.js';
import { VirtualList, rovingIndex } from '../shared/virtual-list.js';
import type { StoryRing } from '../story-ring/story-ring.js';
import { styles } from './story-bar.styles.js';

const SKELETONS = 8;

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
    state: { reflect: true },
    focusIndex: { state: true },
    opening: { state: true },
  };

  /** A static feed URL for this bar alone, without a provider (loads the data layer on demand). */
  feed?: string;

  /** The accessible name of the list of accounts. */
  label = 'Stories';

  /** `loading`, `ready`, `empty` or `error`: reflected, for styling. */
  state: 'loading' | 'ready' | 'empty' | 'error' = 'loading';

  private focusIndex = 0;
  private opening: string | null = null;
  private entries: ReelEntry[] = [];
  private readonly stores = new StoreController(this);
  private readonly list = new VirtualList(this, {
    estimate: 80,
    count: () => this.entries.length,
    onNearEnd: () => void this.stores.store?.loadMore(),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feed')) this.stores.useSource(this.feed ? { feed: this.feed } : null);
    const store = this.stores.store;
    this.entries = reelEntries(store);
    const status = store?.status ?? 'loading';
    this.state = status === 'error' ? 'error' : status !== 'ready' ? 'loading' : this.entries.length ? 'ready' : 'empty';
    this.toggleAttribute('has-empty', !!this.querySelector(':scope > [slot="empty"]'));
    this.focusIndex = Math.min(this.focusIndex, Math.max(0, this.entries.length - 1));
    this.list.measure(true);
  }

  protected override updated(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.list');
    this.list.observe(scroller);
    setCssVars(this.renderRoot.querySelector<HTMLElement>('.before'), { 'inline-size': `${this.list.before}px` });
    setCssVars(this.renderRoot.querySelector<HTMLElement>('.after'), { 'inline-size': `${this.list.after}px` });
    this.updateScrollButtons();
  }

  private updateScrollButtons(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.list');
    const [back, forward] = this.renderRoot.querySelectorAll<HTMLButtonElement>('.scroll');
    if (!scroller || !back) return;
    const offset = Math.abs(scroller.scrollLeft);
    back.disabled = offset <= 1;
    forward.disabled = offset + scroller.clientWidth >= scroller.scrollWidth - 1;
  }

  private ringAt(index: number): StoryRing | null {
    return this.renderRoot.querySelector<StoryRing>(`[data-index="${index}"] story-ring`);
  }

  private isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  private async moveFocus(index: number): Promise<void> {
    this.focusIndex = index;
    this.list.reveal(index);
    await this.updateComplete;
    this.ringAt(index)?.focus();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const next = rovingIndex(event.key, this.focusIndex, this.entries.length, false, this.isRtl());
    if (next === null) return;
    event.preventDefault();
    void this.moveFocus(next);
  }

  private onFocusIn(event: FocusEvent): void {
    const item = (event.target as Element).closest?.('[data-index]');
    if (item) this.focusIndex = Number(item.getAttribute('data-index'));
  }

  private scrollByPage(direction: 1 | -1): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.list')!;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const sign = this.isRtl() ? -1 : 1;
    scroller.scrollBy({ left: sign * direction * scroller.clientWidth * 0.8, behavior: reduce ? 'auto' : 'smooth' });
  }

  /** A ring was activated: start playback there (the event itself goes on to the page). */
  private async onOpen(event: StoryOpenEvent): Promise<void> {
    const store = this.stores.store;
    if (!store || event.defaultPrevented) return;
    const { authorId } = event.detail;
    this.opening = authorId;
    try {
      await store.open(authorId);
    } finally {
      if (this.opening === authorId) this.opening = null;
    }
  }

  /** A click anywhere on an item (its name too) activates its ring. */
  private onItemClick(event: MouseEvent): void {
    const target = event.target as Element;
    if (target.localName === 'story-ring') return;
    const index = target.closest('[data-index]')?.getAttribute('data-index');
    if (index != null) this.ringAt(Number(index))?.shadowRoot?.querySelector('button')?.click();
  }

  private renderItem(entry: ReelEntry, index: number) {
    const { reel, own, unseen } = entry;
    const name = own ? 'Your story' : reel.author.name;
    const state = ringStateOf(entry, this.opening);
    const label = own ? (state === 'loading' ? 'Your story, opening' : unseen ? `Your story, ${unseen} new` : 'Your story') : '';
    return html`<div part="item" class="item" role="listitem" data-index=${index} aria-setsize=${this.entries.length} aria-posinset=${index + 1}>
      <story-ring
        part="ring"
        .author=${reel.author}
        state=${state}
        segments=${reel.stories.length}
        seen-segments=${reel.stories.length - unseen}
        label=${label}
        tabindex=${index === this.focusIndex ? '0' : '-1'}
      ></story-ring>
      <span part="name" class="name" aria-hidden="true">${name}</span>
    </div>`;
  }

  protected override render() {
    if (this.state === 'error') {
      return html`<div part="base" class="base">
        <p part="message" class="message" role="status">
          Stories could not be loaded.
          <button part="retry-button" class="retry" type="button" @click=${() => this.stores.store?.refresh()}>Try again</button>
        </p>
      </div>`;
    }
    if (this.state === 'empty') return html`<slot name="empty"></slot>`;
    const loading = this.state === 'loading';
    const items = loading
      ? Array.from({ length: SKELETONS }, () => html`<div part="item skeleton" class="item skeleton" aria-hidden="true"><span class="circle"></span><span class="line"></span></div>`)
      : this.entries.slice(this.list.start, this.list.end).map((entry, i) => this.renderItem(entry, this.list.start + i));
    return html`<div part="base" class="base">
      ${loading ? html`<span class="sr-only" role="status">Loading stories</span>` : nothing}
      <button part="scroll-button" class="scroll start" type="button" tabindex="-1" aria-label="Scroll back" @click=${() => this.scrollByPage(-1)}>‹</button>
      <div
        part="list"
        class="list"
        role="list"
        aria-label=${this.label}
        aria-busy=${loading ? 'true' : 'false'}
        @keydown=${this.onKeyDown}
        @focusin=${this.onFocusIn}
        @story-open=${this.onOpen}
        @click=${this.onItemClick}
        @scroll=${this.updateScrollButtons}
      >
        <div class="spacer before" aria-hidden="true"></div>
        ${items}
        <div class="spacer after" aria-hidden="true"></div>
      </div>
      <button part="scroll-button" class="scroll end" type="button" tabindex="-1" aria-label="Scroll forward" @click=${() => this.scrollByPage(1)}>›</button>
    </div>`;
  }
}
