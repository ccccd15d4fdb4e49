/**
 * The arithmetic of a virtualised list of rows of varying height: only the rows near the
 * viewport are rendered, each placed at its offset (a transform), inside a spacer as tall
 * as the whole list. Heights start as an estimate and become exact once a row has been
 * measured; when a row above the viewport changes height, the scroll position is corrected
 * so what the reader looks at stays put. (VirtualList, beside it, is for fixed-size items.)
 * Used by the comments panel and the viewers tab.
 */
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * The list structure VirtualRows lays out: a scrolling `.list` whose first child is a
 * `.spacer` as tall as every row, holding absolutely placed `.row`s that carry
 * `data-key` and `data-index`. Elements add their own look on top.
 */
export const virtualRowStyles = css`
  .list {
    flex: 1;
    overflow-y: auto;
    overscroll-behavior: contain;
    position: relative;
  }
  .spacer {
    position: relative;
    contain: strict;
    inline-size: 100%;
  }
  .row {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    display: flex;
    padding: 8px 16px;
    box-sizing: border-box;
    will-change: transform;
  }
`;

/** The heights and offsets of the rows; {@link VirtualRows} puts them on screen. */
export class RowHeights {
  /** Rows rendered beyond each edge of the viewport, in pixels. */
  overscan = 400;
  readonly #estimate: number;
  readonly #measured = new Map<string, number>();
  #keys: readonly string[] = [];
  /** offsets[i]: the top of row i; offsets[n]: the total height. */
  #offsets = new Float64Array(1);

  constructor(estimate: number) {
    this.#estimate = estimate;
  }

  /** The rows, by key, in order. */
  setKeys(keys: readonly string[]): void {
    this.#keys = keys;
    this.#layout();
  }

  get total(): number {
    return this.#offsets[this.#keys.length];
  }

  offset(index: number): number {
    return this.#offsets[Math.max(0, Math.min(index, this.#keys.length))];
  }

  /** The index of the row at `y` (the last one whose top is at or above it). */
  indexAt(y: number): number {
    let lo = 0;
    let hi = this.#keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#offsets[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** The rows to render for a viewport: [first, end). */
  range(scrollTop: number, viewport: number): [number, number] {
    if (!this.#keys.length) return [0, 0];
    const first = this.indexAt(Math.max(0, scrollTop - this.overscan));
    const last = this.indexAt(scrollTop + viewport + this.overscan);
    return [first, Math.min(this.#keys.length, last + 1)];
  }

  /**
   * Records measured heights. Returns whether any changed, and how far the content above
   * `scrollTop` moved: added to the scroll position, the visible rows stay where they were.
   */
  measure(heights: Iterable<[string, number]>, scrollTop: number): { changed: boolean; moved: number } {
    const anchor = this.indexAt(scrollTop);
    const before = this.#offsets[anchor];
    let changed = false;
    for (const [key, height] of heights) {
      if (height > 0 && this.#measured.get(key) !== height) {
        this.#measured.set(key, height);
        changed = true;
      }
    }
    if (!changed) return { changed, moved: 0 };
    this.#layout();
    return { changed, moved: this.#offsets[anchor] - before };
  }

  /**
   * After a render of `list` (see {@link virtualRowStyles}): measures the rows on screen,
   * then sizes the spacer and places every row through the CSSOM (a strict style-src policy
   * refuses style attributes). Returns how far the content above `scrollTop` moved.
   */
  layout(list: HTMLElement, scrollTop: number): number {
    const rows = [...list.querySelectorAll<HTMLElement>('.row')];
    const { moved } = this.measure(
      rows.map((row) => [row.dataset.key!, row.offsetHeight]),
      scrollTop,
    );
    (list.firstElementChild as HTMLElement).style.blockSize = `${this.total}px`;
    for (const row of rows) row.style.transform = `translateY(${this.offset(Number(row.dataset.index))}px)`;
    return moved;
  }

  /** Whether the rows rendered in `list` are exactly those its viewport needs now. */
  covers(list: HTMLElement): boolean {
    const [first, end] = this.range(list.scrollTop, list.clientHeight);
    const rendered = list.querySelectorAll<HTMLElement>('.row');
    return rendered.length === end - first && rendered[0]?.dataset.key === this.#keys[first];
  }

  #layout(): void {
    const n = this.#keys.length;
    const offsets = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + (this.#measured.get(this.#keys[i]) ?? this.#estimate);
    this.#offsets = offsets;
  }
}

/** Options of {@link VirtualRows}. */
export interface VirtualRowsOptions {
  /** The end stays in view while the reader is at it, as rows arrive (the comments: newest last). */
  sticky?: boolean;
  /** After each scroll the reader made (to load the next page near an edge). */
  onScroll?: (list: HTMLElement) => void;
}

/**
 * A virtualised list of rows in a Lit element (the comments panel, the viewers tab): it
 * follows the host's `.list` (see {@link virtualRowStyles}) — its scroll position, its size
 * (a list shown after being hidden is laid out again), the rows each render uncovers (they
 * come with the next frame) — and lays the rows out after every update. The host renders
 * `visible()` of its rows and binds `onScroll` to the list.
 */
export class VirtualRows extends RowHeights implements ReactiveController {
  scrollTop = 0;
  viewport = 0;
  /** The reader is at the end of the list (a `sticky` list keeps it in view). */
  atEnd = true;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: VirtualRowsOptions;
  #frame = 0;
  // Made on connection: a server constructs elements but has no ResizeObserver.
  #resize?: ResizeObserver;

  constructor(host: ReactiveControllerHost & HTMLElement, estimate: number, options: VirtualRowsOptions = {}) {
    super(estimate);
    (this.#host = host).addController(this);
    this.#options = options;
  }

  hostConnected(): void {
    (this.#resize ??= new ResizeObserver(() => this.#host.requestUpdate())).observe(this.#host);
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  hostUpdated(): void {
    // No rows yet: nothing to lay out, and no reason to make the browser lay out the page now.
    if (!this.total) return;
    // A server renders without a render root to query.
    const list = this.#host.shadowRoot?.querySelector<HTMLElement>('.list');
    // Nothing to lay out while the list is closed or not displayed.
    if (!list?.clientHeight) return;
    this.viewport = list.clientHeight;
    // The reader scrolled since the last frame (the scroll event may not have come yet): theirs wins.
    if (Math.abs(list.scrollTop - this.scrollTop) >= 1) this.#read(list);
    // Heights of the rows on screen are exact from now on; what moved above the reader is compensated.
    const moved = this.layout(list, this.scrollTop);
    const target = this.#stuck ? this.bottom : this.scrollTop + moved;
    if (Math.abs(list.scrollTop - target) >= 1) list.scrollTop = target;
    this.scrollTop = list.scrollTop;
    if (!this.covers(list)) this.renderSoon();
  }

  /** The scroll position that shows the end of the list. */
  get bottom(): number {
    return Math.max(0, this.total - this.viewport);
  }

  get #stuck(): boolean {
    return !!this.#options.sticky && this.atEnd;
  }

  /** The rows to render now: [first, end). */
  visible(): [number, number] {
    const viewport = this.viewport || 400;
    return this.range(this.#stuck ? Math.max(0, this.total - viewport) : this.scrollTop, viewport);
  }

  onScroll = (event: Event): void => {
    this.#read(event.currentTarget as HTMLElement);
    this.renderSoon();
  };

  renderSoon(): void {
    if (!this.#frame) this.#frame = requestAnimationFrame(() => ((this.#frame = 0), this.#host.requestUpdate()));
  }

  #read(list: HTMLElement): void {
    this.scrollTop = list.scrollTop;
    this.atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    this.#options.onScroll?.(list);
  }
}
