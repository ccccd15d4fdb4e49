import { css } from 'lit';
import { framingStyles } from '../shared/fit.js';
import { overlayStyles } from '../shared/overlays.js';
import { plainAvatarStyles } from '../shared/plain-avatar.js';
import { srOnly } from '../shared/sr-only.styles.js';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  framingStyles,
  srOnly,
  plainAvatarStyles,
  overlayStyles,
  css`
    :host {
      display: contents;
      --_fg: #fff;
    }
    dialog {
      position: fixed;
      inset: 0;
      inline-size: 100vw;
      block-size: 100dvh;
      max-inline-size: none;
      max-block-size: none;
      margin: 0;
      padding: 0;
      border: 0;
      overflow: hidden;
      color: var(--_fg);
      /* Opaque: the page behind is not legible around the frame. */
      background: var(--story-viewer-background, #0c0c0e);
      z-index: var(--story-viewer-z-index, 2000);
    }
    dialog::backdrop {
      background: transparent;
    }
    dialog[open] {
      display: grid;
      place-items: center;
    }
    /* The story frame: 9:16, as large as the screen allows. Overlay positions are fractions of it. */
    .frame {
      position: relative;
      block-size: min(100dvh, 100vw * 16 / 9);
      aspect-ratio: 9 / 16;
      max-inline-size: 100vw;
      overflow: hidden;
      background: #000;
      container-type: size;
    }
    /* Wide screens with a fine pointer: a centred frame with a margin. Phones (narrow, or
       touch): the story at the full width of the screen, edge to edge. */
    @media (min-width: 641px) and (pointer: fine), (min-width: 641px) and (min-height: 501px) {
      .frame {
        block-size: min(100dvh - 32px, (100vw - 32px) * 16 / 9);
        border-radius: var(--story-viewer-radius, 12px);
      }
    }
    @media (max-width: 640px), (pointer: coarse) and (max-height: 500px) {
      dialog {
        background: var(--story-viewer-background, #000);
      }
      .frame {
        block-size: min(100dvh, 100vw * 16 / 9);
      }
    }
    .stage {
      position: absolute;
      inset: 0;
      touch-action: none;
      user-select: none;
      -webkit-user-select: none;
      -webkit-touch-callout: none;
    }
    .media-box,
    .overlays {
      position: absolute;
      inset: 0;
    }
    .media,
    .backdrop {
      visibility: hidden;
    }
    /* An image shows once decoded; failed media never shows (no broken-image icon, no alt text over the header). */
    .media.current:not(.failed, img:not(.ready)),
    .backdrop.current[data-show] {
      visibility: visible;
    }
    .media-box.veiled {
      filter: blur(40px) brightness(0.5);
    }
    /* Behind the white chrome and the footer, so they stay legible over light media. */
    .scrim {
      position: absolute;
      inset-inline: 0;
      pointer-events: none;
    }
    .scrim.top {
      inset-block-start: 0;
      block-size: 18%;
      background: linear-gradient(rgb(0 0 0 / 0.55), rgb(0 0 0 / 0.2) 60%, transparent);
    }
    .scrim.bottom {
      inset-block-end: 0;
      block-size: 28%;
      background: linear-gradient(transparent, rgb(0 0 0 / 0.25) 40%, rgb(0 0 0 / 0.6));
    }
    .overlays {
      pointer-events: none;
    }
    .chrome {
      position: absolute;
      inset-inline: 0;
      inset-block-start: 0;
      padding: max(8px, env(safe-area-inset-top)) max(8px, env(safe-area-inset-right)) 24px max(8px, env(safe-area-inset-left));
      transition: opacity 0.2s;
    }
    .bare .chrome,
    .bare .step,
    .bare .footer,
    .bare .scrim {
      opacity: 0;
    }
    /* Link and mention stickers stay above the latest comments, visible and clickable; an
       open comments panel or a focused field covers them. */
    .overlays .link,
    .overlays .mention {
      z-index: 1;
    }
    .frame.holding .overlays .link,
    .frame.holding .overlays .mention {
      z-index: auto;
    }
    .progress {
      display: flex;
      gap: 3px;
    }
    .segment {
      flex: 1;
      block-size: 2px;
      border-radius: 1px;
      overflow: hidden;
      background: rgb(255 255 255 / 0.35);
    }
    .fill {
      block-size: 100%;
      background: var(--story-viewer-progress-color, #fff);
      transform: scaleX(0);
      transform-origin: left;
      will-change: transform;
    }
    :host(:dir(rtl)) .fill {
      transform-origin: right;
    }
    .segment.done .fill {
      transform: none;
    }
    .header {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-block-start: 8px;
    }
    .who {
      display: flex;
      align-items: baseline;
      gap: 6px;
      min-inline-size: 0;
      flex: 1;
      text-shadow: 0 1px 2px rgb(0 0 0 / 0.5);
    }
    /* A narrow frame (a short landscape window): the controls take their own row, so the
       author's name keeps its room. */
    @container (max-width: 300px) {
      .header {
        flex-wrap: wrap;
        row-gap: 0;
      }
      .who {
        flex-basis: calc(100% - 40px);
      }
      .controls button {
        inline-size: 34px;
        block-size: 34px;
      }
    }
    .name {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .time {
      opacity: 0.85;
      font-size: 0.85em;
      white-space: nowrap;
    }
    .controls {
      display: flex;
      align-items: center;
      gap: 2px;
      margin-inline-start: auto;
    }
    button {
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    .controls button {
      inline-size: 40px;
      block-size: 40px;
      border: 0;
      border-radius: 50%;
      background: transparent;
      font-size: 18px;
      line-height: 1;
    }
    svg {
      display: block;
      inline-size: 24px;
      block-size: 24px;
      margin: auto;
      fill: currentColor;
    }
    button:focus-visible,
    a:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .step {
      position: absolute;
      inset-block-start: 50%;
      inline-size: 40px;
      block-size: 40px;
      margin-block-start: -20px;
      border: 0;
      border-radius: 50%;
      background: rgb(255 255 255 / 0.85);
      color: #111;
      font-size: 26px;
      line-height: 1;
      opacity: 0;
      transition: opacity 0.2s;
    }
    .previous {
      inset-inline-start: 8px;
    }
    .next {
      inset-inline-end: 8px;
    }
    .frame:hover .step,
    .step:focus-visible {
      opacity: 1;
    }
    .hint {
      display: block;
      margin: 12px auto 0;
      padding: 6px 14px;
      border: 0;
      border-radius: 999px;
      background: rgb(0 0 0 / 0.6);
    }
    .footer {
      position: absolute;
      inset-inline: 0;
      inset-block-end: 0;
      padding-block-end: env(safe-area-inset-bottom);
    }
    /* A panel over the story: the story's own controls under it are out of sight and reach. */
    .covered .step,
    .covered .overlays {
      visibility: hidden;
    }
    .spinner {
      position: absolute;
      inset-block-start: 50%;
      inset-inline-start: 50%;
      inline-size: 40px;
      block-size: 40px;
      margin: -20px;
      border-radius: 50%;
      border: 3px solid rgb(255 255 255 / 0.3);
      border-block-start-color: #fff;
      animation: spin 0.9s linear infinite, appear 0.2s 0.3s both;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @keyframes appear {
      from {
        opacity: 0;
      }
    }
    .error {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      gap: 12px;
      padding: 24px;
      text-align: center;
      background: rgb(0 0 0 / 0.6);
    }
    .error p {
      margin: 0;
    }
    .retry {
      justify-self: center;
      padding: 8px 18px;
      border: 1px solid currentColor;
      border-radius: 999px;
      background: transparent;
    }
    @media (prefers-reduced-motion: reduce) {
      .chrome,
      .step {
        transition: none;
      }
      .step {
        opacity: 1;
      }
      .spinner {
        animation: appear 0.2s 0.3s both;
      }
    }
  `,
];
