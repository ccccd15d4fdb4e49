/**
 * The arithmetic of a virtualised list of rows of varying height: only the rows near the
 * viewport are rendered, each placed at its offset (a transform), inside a spacer as tall
 * as the whole list. Heights start as an estimate and become exact once a row has been
 * measured; when a row above the viewport changes height, the scroll position is corrected
 * so what the reader looks at stays put. (VirtualList, beside it, is for fixed-size items.)
 * Used by the comments panel and the viewers tab.
 */
import { css } from 'lit';

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

export class VirtualRows {
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
