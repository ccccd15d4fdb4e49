/**
 * How a story's overlays look and where they sit, shared by the viewer and the composer's
 * preview, so what the author places is exactly what viewers see. Positions, rotation,
 * scale and colour go through the CSSOM (custom properties), never a style attribute: a
 * strict style-src policy refuses those. Sizes are relative to the frame (`cqi`): the frame
 * must be a size container.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Overlay } from '../../model/types.js';
import { setCssVars } from './css-vars.js';

export const overlayStyles = css`
    .overlay {
      position: absolute;
      /* Physical fractions of the frame, whatever the page's direction. */
      left: calc(var(--x, 0.5) * 100%);
      top: calc(var(--y, 0.5) * 100%);
      margin: 0;
      max-inline-size: 80cqi;
      transform: translate(-50%, -50%) rotate(var(--r, 0deg)) scale(var(--s, 1));
      font-size: 6cqi;
      line-height: 1.2;
      text-align: center;
      overflow-wrap: anywhere;
    }
    .text {
      /* --fit shrinks a text too long to fit the frame (see keepInside). */
      font-size: calc(6cqi * var(--fit, 1));
      color: var(--c, #fff);
      font-weight: 700;
      white-space: pre-wrap;
    }
    .text.background {
      padding: 0.2em 0.45em;
      border-radius: 0.3em;
      background: rgb(0 0 0 / 0.55);
    }
    .text.outline {
      -webkit-text-stroke: 0.06em #000;
      paint-order: stroke fill;
    }
    .text.plain {
      text-shadow: 0 1px 3px rgb(0 0 0 / 0.6);
    }
    .sticker {
      font-size: 14cqi;
    }
    img.sticker {
      inline-size: 24cqi;
    }
    .link,
    .mention {
      pointer-events: auto;
      padding: 0.35em 0.8em;
      border: 0;
      border-radius: 0.6em;
      background: #fff;
      color: #111;
      font: inherit;
      font-size: 4.5cqi;
      font-weight: 600;
      text-decoration: none;
      cursor: pointer;
    }
`;

/** One overlay, as text and safe elements only; `onMention` makes a mention with an account a button. */
export function renderOverlay(o: Overlay, onMention?: (authorId: string) => void): TemplateResult {
  switch (o.kind) {
    case 'text':
      return html`<p part="overlay" class="overlay text ${o.style ?? 'plain'}">${o.text}</p>`;
    case 'sticker':
      return o.src
        ? html`<img part="overlay" class="overlay sticker" src=${o.src} alt=${o.alt ?? ''} draggable="false" />`
        : html`<span part="overlay" class="overlay sticker emoji" role="img" aria-label=${o.alt ?? o.emoji ?? ''}>${o.emoji}</span>`;
    case 'link':
      // Validated as https by the data layer; checked again here, as the last line.
      return o.url.startsWith('https://')
        ? html`<a part="overlay link" class="overlay link" href=${o.url} target="_blank" rel="noopener noreferrer">${o.label}</a>`
        : html`<span part="overlay" class="overlay link">${o.label}</span>`;
    case 'mention':
      return o.authorId && onMention
        ? html`<button part="overlay" class="overlay mention" type="button" @click=${() => onMention(o.authorId!)}>@${o.handle}</button>`
        : html`<span part="overlay" class="overlay mention">@${o.handle}</span>`;
    default:
      return html``;
  }
}

/** Places rendered overlays (the `.overlay` elements under `root`, in order) at their positions. */
export function placeOverlays(root: ParentNode, overlays: readonly Overlay[]): void {
  root.querySelectorAll<HTMLElement>('.overlay').forEach((el, i) => {
    const o = overlays[i];
    if (!o) return;
    setCssVars(el, {
      '--x': String(o.x),
      '--y': String(o.y),
      '--r': `${o.rotation ?? 0}deg`,
      '--s': String(o.scale ?? 1),
      '--c': o.kind === 'text' ? o.color : undefined,
    });
  });
}

/** Bands of the frame that text keeps clear of, as fractions of its height: the header above, the edge below. */
const BAND = { top: 0.11, bottom: 0.03, side: 0.03 } as const;

/**
 * Keeps every text overlay under `root` inside `frame`: a text too tall for the frame is
 * set smaller, and one that would cross the frame's edges (or run under the header) is moved
 * in, so a 300-character caption near the bottom or a long right-to-left text near the top
 * stays whole and legible. Only what is drawn changes, never the story's data. Measures
 * each text once per frame size.
 */
export function keepInside(root: ParentNode, frame: HTMLElement | null): void {
  if (!frame) return;
  const f = frame.getBoundingClientRect();
  if (!f.height || !f.width) return;
  const top = f.top + f.height * BAND.top;
  const bottom = f.bottom - f.height * BAND.bottom;
  const left = f.left + f.width * BAND.side;
  const right = f.right - f.width * BAND.side;
  const key = `${Math.round(f.width)}x${Math.round(f.height)}`;
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
