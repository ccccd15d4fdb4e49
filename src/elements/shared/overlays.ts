/**
 * How a story's overlays look and where they sit, shared by the viewer and the composer's
 * preview, so what the author places is exactly what viewers see. Positions, rotation,
 * scale and colour go through the CSSOM (custom properties), never a style attribute: a
 * strict style-src policy refuses those. Sizes are relative to the frame (`cqi`): the frame
 * must be a size container.
 */
import { css, html, type TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import type { Overlay } from '../../model/types.js';
import { cssVars, type CssVars } from './css-vars.js';

export const overlayStyles = css`
    .overlay {
      position: absolute;
      /* Physical fractions of the frame, whatever the page's direction. */
      left: calc(var(--x, 0.5) * 100%);
      top: calc(var(--y, 0.5) * 100%);
      margin: 0;
      /* Its own width up to 80% of the frame, wherever its centre is (not the room to the frame's edge). */
      inline-size: max-content;
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

/** Where an overlay sits and how it is turned, scaled and coloured, as custom properties. */
export function overlayVars(o: Overlay): CssVars {
  return { '--x': String(o.x), '--y': String(o.y), '--r': `${o.rotation ?? 0}deg`, '--s': String(o.scale ?? 1), '--c': o.kind === 'text' ? o.color : undefined };
}

/**
 * One overlay, as text and safe elements only; `onMention` makes a mention with an account
 * a button. `place` is bound on the overlay's element: its position by default, and the
 * composer's editing (see overlay-editing.ts) there.
 */
export function renderOverlay(o: Overlay, onMention?: (authorId: string) => void, place: DirectiveResult = cssVars(overlayVars(o))): TemplateResult {
  switch (o.kind) {
    case 'text':
      return html`<p part="overlay" class="overlay text ${o.style ?? 'plain'}" ${place}>${o.text}</p>`;
    case 'sticker':
      return o.src
        ? html`<img part="overlay" class="overlay sticker" src=${o.src} alt=${o.alt ?? ''} draggable="false" ${place} />`
        : html`<span part="overlay" class="overlay sticker emoji" role="img" aria-label=${o.alt ?? o.emoji ?? ''} ${place}>${o.emoji}</span>`;
    case 'link':
      // Validated as https by the data layer; checked again here, as the last line.
      return o.url.startsWith('https://')
        ? html`<a part="overlay link" class="overlay link" href=${o.url} target="_blank" rel="noopener noreferrer" ${place}>${o.label}</a>`
        : html`<span part="overlay" class="overlay link" ${place}>${o.label}</span>`;
    case 'mention':
      return o.authorId && onMention
        ? html`<button part="overlay" class="overlay mention" type="button" @click=${() => onMention(o.authorId!)} ${place}>@${o.handle}</button>`
        : html`<span part="overlay" class="overlay mention" ${place}>@${o.handle}</span>`;
    default:
      return html``;
  }
}
