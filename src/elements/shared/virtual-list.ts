import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../../state/idle.js';

export interface VirtualListOptions {
  /** Scroll axis: the bar scrolls across, the sidebar down. */
  vertical?: boolean;
  /** Most items in the DOM at once. */
  max?: number;
  /** Item size along the axis (px) until an item can be measured. */
  estimate: number;
  count(): number;
  /** Called when the rendered range nears the end (to load the next page). */
  onNearEnd?(): void;
}

/**
 * Renders only the items near the viewport of a scroller of fixed-size items, so a list of
 * 10,000 accounts keeps at most `max` (40) in the DOM. The host renders items
 * `start..end-1` between two spacers of `before` and `after` pixels, and calls `observe()`
 * with its scroller after rendering. Right-to-left scrolling (negative `scrollLeft`) is
 * handled. Measuring happens once per animation frame at most, never in the scroll event.
 */
export class VirtualList implements ReactiveController {
  start = 0;
  end = 0;
  #scroller: HTMLElement | null = null;
  #size: number;
  #frame = 0;
  #resize?: ResizeObserver;
  /** False until items were first painted: the first render holds only what is visible. */
  #warm = false;
  readonly #onScroll = () => {
    if (!this.#frame) this.#frame = requestAnimationFrame(() => ((this.#frame = 0), this.measure()));
  };

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: VirtualListOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: VirtualListOptions) {
    this.#host = host;
    this.#options = options;
    this.#size = options.estimate;
    host.addController(this);
  }

  /** Pixels before the first rendered item. */
  get before(): number {
    return this.start * this.#size;
  }

  /** Pixels after the last rendered item. */
  get after(): number {
    return Math.max(0, this.#options.count() - this.end) * this.#size;
  }

  /** Starts following `scroller` (called after each render; cheap when unchanged). */
  observe(scroller: HTMLElement | null): void {
    if (scroller !== this.#scroller) {
      this.#unobserve();
      this.#scroller = scroller;
      if (scroller) {
        scroller.addEventListener('scroll', this.#onScroll, { passive: true });
        this.#resize = new ResizeObserver(this.#onScroll);
        this.#resize.observe(scroller);
      }
    }
    const item = scroller?.querySelector<HTMLElement>('[data-index]');
    const measured = item ? (this.#options.vertical ? item.offsetHeight : item.offsetWidth) : 0;
    if (measured > 0 && measured !== this.#size) {
      this.#size = measured;
      this.measure();
    }
    if (item && !this.#warm) {
      // Once the visible items are on screen, render the overscan around them when idle.
      whenIdle(() => {
        this.#warm = true;
        this.measure();
      }, 300);
    }
  }

  #unobserve(): void {
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#resize?.disconnect();
    this.#scroller = null;
  }

  hostDisconnected(): void {
    this.#unobserve();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #viewport(): { offset: number; length: number } {
    const el = this.#scroller;
    // Before the scroller is laid out, the window's size; on a server (no layout, no window:
    // clientWidth is undefined) a long row, so every ring up to `max` is rendered.
    if (!el) return { offset: 0, length: this.#options.vertical ? (this.#host.clientHeight ?? 1e4) || innerHeight : (this.#host.clientWidth ?? 1e4) || innerWidth };
    return this.#options.vertical ? { offset: el.scrollTop, length: el.clientHeight } : { offset: Math.abs(el.scrollLeft), length: el.clientWidth };
  }

  /**
   * Recomputes the rendered range; asks the host to render when it changed (unless
   * `quiet`, for calls made while the host is already updating). Returns whether it changed.
   */
  measure(quiet = false): boolean {
    const count = this.#options.count();
    const max = this.#options.max ?? 40;
    const { offset, length } = this.#viewport();
    const visible = Math.ceil(length / this.#size) + 1;
    const overscan = this.#warm ? Math.max(0, Math.min(8, Math.floor((max - visible) / 2))) : 0;
    const first = Math.floor(offset / this.#size);
    const start = Math.max(0, Math.min(first - overscan, count - visible - overscan));
    const end = Math.min(count, start + Math.min(max, visible + 2 * overscan));
    // 0 ≤ start ≤ end ≤ count: start is at most count - visible, end at least start + 1 below count.
    const changed = start !== this.start || end !== this.end;
    this.start = start;
    this.end = end;
    if (changed && !quiet) this.#host.requestUpdate();
    if (count > 0 && this.end >= count - overscan) this.#options.onNearEnd?.();
    return changed;
  }

  /** Scrolls the least needed to show item `index` whole, and renders it. */
  reveal(index: number): void {
    const el = this.#scroller;
    if (!el) return;
    const { offset, length } = this.#viewport();
    const from = index * this.#size;
    const to = from + this.#size;
    let target = offset;
    if (from < offset) target = from;
    else if (to > offset + length) target = to - length;
    if (target !== offset) {
      if (this.#options.vertical) el.scrollTop = target;
      else el.scrollLeft = getComputedStyle(el).direction === 'rtl' ? -target : target;
    }
    this.measure();
  }
}

/**
 * The index a roving-tabindex list moves to for `key`, or null when the key is not one
 * of its keys. Arrows follow the reading direction: in right-to-left lists, ArrowLeft
 * moves forward.
 */
export function rovingIndex(key: string, index: number, count: number, vertical: boolean, rtl: boolean): number | null {
  const forward = vertical ? 'ArrowDown' : rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = vertical ? 'ArrowUp' : rtl ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return Math.min(count - 1, index + 1);
  if (key === back) return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
