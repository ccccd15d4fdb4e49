import type { Overlay } from '../../model/types.js';

/** What the gestures change: the composer's overlays, through these. */
export interface OverlayTarget {
  overlays(): readonly Overlay[];
  update(index: number, change: Partial<Overlay>): void;
  select(index: number): void;
  remove(index: number): void;
  /** Opens a text overlay's words for editing. */
  edit(index: number): void;
}

const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 1000) / 1000));

/** The overlay under an event, and its index among the composer's overlays. */
function overlayAt(event: Event): number | null {
  const el = (event.composedPath()[0] as HTMLElement).closest<HTMLElement>('.overlay');
  return el ? Number(el.dataset.index) : null;
}

/**
 * How a person moves, scales, turns and removes the overlays of the composer's frame: one
 * finger or the mouse drags, two fingers pinch and twist, the wheel scales (Shift: turns),
 * and the keyboard does all of it on the focused overlay (arrows, Shift for further, + and
 * -, [ and ], Delete; Enter edits a text). The handlers go on the frame holding the overlays.
 */
export class OverlayGestures {
  #drag: { index: number; pointers: Map<number, { x: number; y: number }>; start: { dist: number; angle: number; scale: number; rotation: number } | null } | null = null;

  constructor(private readonly target: OverlayTarget) {}

  /** A double click on a text opens its words. */
  onDoubleClick = (event: Event): void => {
    const el = (event.composedPath()[0] as HTMLElement).closest<HTMLElement>('.overlay.text');
    if (el) this.target.edit(Number(el.dataset.index));
  };

  onKey = (event: KeyboardEvent): void => {
    const i = overlayAt(event);
    if (i === null) return;
    const o = this.target.overlays()[i];
    const step = event.shiftKey ? 0.05 : 0.01;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const update = (change: Partial<Overlay>) => this.target.update(i, change);
    let handled = true;
    if (moves[event.key]) update({ x: clamp(o.x + moves[event.key][0]), y: clamp(o.y + moves[event.key][1]) });
    else if (event.key === '+' || event.key === '=') update({ scale: Math.min(5, (o.scale ?? 1) * 1.1) });
    else if (event.key === '-') update({ scale: Math.max(0.2, (o.scale ?? 1) / 1.1) });
    else if (event.key === ']') update({ rotation: ((o.rotation ?? 0) + 5) % 360 });
    else if (event.key === '[') update({ rotation: ((o.rotation ?? 0) - 5) % 360 });
    else if (event.key === 'Delete' || event.key === 'Backspace') this.target.remove(i);
    else if (event.key === 'Enter' && o.kind === 'text') this.target.edit(i);
    else handled = false;
    if (handled) {
      event.preventDefault();
      this.target.select(i);
    }
  };

  onDown = (event: PointerEvent): void => {
    const index = overlayAt(event);
    if (index === null) return;
    event.preventDefault();
    this.target.select(index);
    if (!this.#drag || this.#drag.index !== index) this.#drag = { index, pointers: new Map(), start: null };
    this.#drag.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    // Follows the pointer even outside the frame (a pointer the browser does not know cannot be captured).
    try {
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    } catch {
      // Moves are still seen while the pointer stays over the frame.
    }
    if (this.#drag.pointers.size === 2) {
      const [a, b] = [...this.#drag.pointers.values()];
      const o = this.target.overlays()[index];
      this.#drag.start = { dist: Math.hypot(b.x - a.x, b.y - a.y), angle: Math.atan2(b.y - a.y, b.x - a.x), scale: o.scale ?? 1, rotation: o.rotation ?? 0 };
    }
  };

  onMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag?.pointers.has(event.pointerId)) return;
    drag.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    if (drag.pointers.size === 1) {
      this.target.update(drag.index, { x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) });
    } else if (drag.start) {
      // Two fingers: pinch to scale, twist to rotate.
      const [a, b] = [...drag.pointers.values()];
      const dist = Math.hypot(b.x - a.x, b.y - a.y);
      const angle = Math.atan2(b.y - a.y, b.x - a.x);
      this.target.update(drag.index, { scale: Math.min(5, Math.max(0.2, (drag.start.scale * dist) / drag.start.dist)), rotation: Math.round(drag.start.rotation + ((angle - drag.start.angle) * 180) / Math.PI) });
    }
  };

  onUp = (event: PointerEvent): void => {
    this.#drag?.pointers.delete(event.pointerId);
    if (this.#drag && this.#drag.pointers.size < 2) this.#drag.start = null;
    if (this.#drag?.pointers.size === 0) this.#drag = null;
  };

  onWheel = (event: WheelEvent): void => {
    const i = overlayAt(event);
    if (i === null) return;
    event.preventDefault();
    const o = this.target.overlays()[i];
    if (event.shiftKey) this.target.update(i, { rotation: Math.round((o.rotation ?? 0) + Math.sign(event.deltaY || event.deltaX) * 5) });
    else this.target.update(i, { scale: Math.min(5, Math.max(0.2, (o.scale ?? 1) * (event.deltaY < 0 ? 1.1 : 1 / 1.1))) });
  };
}
