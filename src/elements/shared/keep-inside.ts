import { setCssVars } from './css-vars.js';

/** Bands of the frame that text keeps clear of, as fractions of its height: the header above, the edge below. */
const BAND = { top: 0.11, bottom: 0.03, side: 0.03 } as const;

/**
 * Keeps every text overlay under `root` inside `frame`: a text too tall for the frame is
 * set smaller, and one that would cross the frame's edges (or run under the header) is moved
 * in, so a 300-character caption near the bottom or a long right-to-left text near the top
 * stays whole and legible, above `footer` (the latest comments) when given. Only what is
 * drawn changes, never the story's data. Measures each text once per frame size.
 */
export function keepInside(root: ParentNode, frame: HTMLElement | null, footer?: HTMLElement | null): void {
  if (!frame) return;
  const f = frame.getBoundingClientRect();
  if (!f.height || !f.width) return;
  const top = f.top + f.height * BAND.top;
  // Above what sits at the bottom of the frame (the latest comments and the field), unless it takes most of it.
  const under = footer?.getBoundingClientRect().top ?? f.bottom;
  const bottom = Math.min(f.bottom - f.height * BAND.bottom, under > f.top + f.height * 0.6 ? under - 4 : f.bottom);
  const left = f.left + f.width * BAND.side;
  const right = f.right - f.width * BAND.side;
  const key = `${Math.round(f.width)}x${Math.round(f.height)}-${Math.round(bottom - f.top)}`;
  root.querySelectorAll<HTMLElement>('.overlay.text').forEach((el) => {
    // Placed again from the data on every render: what was measured for the same place, text and frame is reused.
    const placed = `${key}:${el.style.getPropertyValue('--x')},${el.style.getPropertyValue('--y')}:${el.textContent?.length}`;
    if (el.dataset.fitted === placed) {
      setCssVars(el, { '--x': el.dataset.fx, '--y': el.dataset.fy, '--fit': el.dataset.ff || undefined });
      return;
    }
    setCssVars(el, { '--fit': undefined });
    let r = el.getBoundingClientRect();
    // Smaller until it fits the height between the bands (wrapping changes as it shrinks).
    for (let fit = 1, i = 0; r.height > bottom - top && i < 4; i++) {
      fit = Math.max(0.35, fit * ((bottom - top) / r.height) * 0.97);
      setCssVars(el, { '--fit': String(fit) });
      r = el.getBoundingClientRect();
      if (fit === 0.35) break;
    }
    const cy = Math.min(Math.max(r.top + r.height / 2, top + r.height / 2), bottom - r.height / 2);
    const cx = Math.min(Math.max(r.left + r.width / 2, left + r.width / 2), right - r.width / 2);
    const dy = cy - (r.top + r.height / 2);
    const dx = cx - (r.left + r.width / 2);
    if (Math.abs(dy) > 0.5 || Math.abs(dx) > 0.5) {
      const x = Number(el.style.getPropertyValue('--x') || 0.5) + dx / f.width;
      const y = Number(el.style.getPropertyValue('--y') || 0.5) + dy / f.height;
      setCssVars(el, { '--x': String(x), '--y': String(y) });
    }
    el.dataset.fitted = placed;
    el.dataset.fx = el.style.getPropertyValue('--x');
    el.dataset.fy = el.style.getPropertyValue('--y');
    el.dataset.ff = el.style.getPropertyValue('--fit');
  });
}
