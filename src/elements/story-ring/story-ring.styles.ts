import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  css`
    :host {
      --_size: var(--story-ring-size, 64px);
      --_width: var(--story-ring-width, 3px);
      --_gap: var(--story-ring-gap, 3px);
      --_unseen: var(--story-ring-color, var(--_accent));
      --_seen-color: var(--story-ring-seen-color, var(--_seen));
      display: inline-block;
      vertical-align: middle;
      line-height: 0;
    }
    :host([size='small']) {
      --_size: 40px;
      --_width: var(--story-ring-width, 2px);
      --_gap: var(--story-ring-gap, 2px);
    }
    :host([size='large']) {
      --_size: 88px;
      --_width: var(--story-ring-width, 4px);
    }

    .base {
      position: relative;
      display: block;
      inline-size: var(--_size);
      block-size: var(--_size);
      margin: 0;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: none;
      color: inherit;
      font: inherit;
    }
    button.base {
      cursor: pointer;
    }
    /* Off the ring by a gap of the page's own colour, in the text colour rather than the accent. */
    button.base:focus-visible {
      /* The page's text colour, not the accent: the outline of a focused blue ring must not read as the ring itself. */
      outline: 2px solid var(--story-ring-focus-color, var(--story-color-focus, currentColor));
      outline-offset: 3px;
    }

    /* The ring is a painted disc with its centre masked out, so its width and colours are
       plain CSS and the loading spin is a transform the compositor runs alone. */
    .ring {
      position: absolute;
      inset: 0;
      border-radius: 50%;
      background: var(--_arcs, var(--_paint, var(--_unseen)));
      mask: radial-gradient(farthest-side, transparent calc(100% - var(--_width)), #000 calc(100% - var(--_width) + 0.5px));
    }
    .state-seen .ring {
      --_paint: var(--_seen-color);
    }
    .state-loading .ring {
      --_paint: repeating-conic-gradient(var(--_unseen) 0deg 22deg, transparent 22deg 30deg);
      animation: spin 1.1s linear infinite;
    }
    /* Segments run clockwise from the top; in right-to-left pages they run the other way. */
    :host(:dir(rtl)) .ring {
      scale: -1 1;
    }
    @keyframes spin {
      to {
        rotate: 1turn;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .state-loading .ring {
        animation: none;
      }
    }

    .avatar {
      position: absolute;
      inset: calc(var(--_width) + var(--_gap));
      display: grid;
      place-items: center;
      overflow: hidden;
      border-radius: 50%;
      background: var(--_bg, var(--_seen-color));
    }
    .state-none .avatar {
      inset: 0;
    }
    .initials {
      color: #fff;
      font-size: calc(var(--_size) * 0.34);
      font-weight: 600;
      line-height: 1;
      user-select: none;
    }
    /* Painted, not text: the accessible name already carries the account's name, and
       initials as text would make the visible label disagree with it. */
    .initials::before {
      content: attr(data-initials) / '';
    }
    img {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }

    @media (forced-colors: active) {
      .ring {
        background: CanvasText;
      }
      .state-seen .ring {
        background: GrayText;
      }
    }
  `,
];
