import { css } from 'lit';
import { framingStyles } from '../shared/fit.js';
import { overlayStyles } from '../shared/overlays.js';

export const styles = [
  overlayStyles,
  framingStyles,
  css`
    /* The tokens it needs, read here rather than by sharing the tokens module with the bar's
       up-front chunk. The composer is dark in any theme, like the viewer. */
    :host {
      display: contents;
      --_accent: var(--story-color-accent, #1d6ff2);
      font-family: var(--story-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    }
    [hidden] {
      display: none !important;
    }
    dialog {
      inline-size: min(100vw, 440px);
      max-inline-size: 100vw;
      max-block-size: 100dvh;
      padding: 0;
      border: 0;
      border-radius: 16px;
      background: #111;
      color: #fff;
      font-size: 14px;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.7);
    }
    .layout {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 12px;
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .title {
      margin: 0;
      font-size: 16px;
    }
    button,
    .upload {
      min-block-size: 36px;
      padding: 0 12px;
      border: 1px solid rgb(255 255 255 / 0.4);
      border-radius: 18px;
      background: #222;
      color: #fff;
      font: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #fff;
      color: #111;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    :focus-visible {
      outline: 2px solid #9ec1ff;
      outline-offset: 2px;
    }
    .icon {
      inline-size: 36px;
      padding: 0;
    }
    .text-button {
      border: 0;
      background: none;
      text-decoration: underline;
    }
    .frame {
      position: relative;
      /* 9:16 like the viewer's frame, as large as fits: what is placed here lands at the same place there. */
      inline-size: min(100%, calc(62dvh * 9 / 16));
      aspect-ratio: 9 / 16;
      margin-inline: auto;
      border-radius: 12px;
      overflow: hidden;
      background: #000;
      container-type: size;
      touch-action: none;
    }
    .source {
      display: grid;
      place-items: center;
      border: 2px dashed rgb(255 255 255 / 0.35);
      box-sizing: border-box;
    }
    .hint {
      padding: 16px;
      text-align: center;
      color: #d0d0d4;
    }
    .camera,
    .media {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }
    .camera.mirrored {
      transform: scaleX(-1);
    }
    /* The viewer's framing (framingStyles): media not shaped like the frame shows whole over a blurred copy. */
    .backdrop {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }
    .sensitive-badge {
      position: absolute;
      inset-block-start: 8px;
      inset-inline-start: 8px;
      margin: 0;
      padding: 2px 10px;
      border-radius: 10px;
      background: rgb(0 0 0 / 0.65);
      font-size: 13px;
    }
    .sensitive-form,
    .captions-form {
      display: grid;
      gap: 8px;
    }
    .track-list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .timer {
      position: absolute;
      inset-block-start: 8px;
      margin: 0;
      padding: 2px 10px;
      border-radius: 10px;
      background: #c62828;
      font-variant-numeric: tabular-nums;
    }
    .overlays {
      position: absolute;
      inset: 0;
    }
    .overlays.editing .overlay {
      cursor: grab;
      pointer-events: auto;
      touch-action: none;
    }
    .overlay.selected {
      outline: 2px dashed #fff;
      outline-offset: 4px;
    }
    .actions,
    .toolbar,
    .stickers,
    .effects,
    .swatches,
    .styles {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .upload {
      display: inline-flex;
      align-items: center;
    }
    .upload input {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      opacity: 0;
    }
    .upload:focus-within {
      outline: 2px solid #9ec1ff;
      outline-offset: 2px;
    }
    .record.on {
      background: #c62828;
    }
    .rules {
      margin: 0;
      font-size: 12px;
      color: #c7c7cc;
    }
    .panel {
      padding: 10px;
      border-radius: 12px;
      background: #1c1c1e;
    }
    .panel form,
    .sounds {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    input,
    textarea {
      padding: 6px 8px;
      border: 1px solid rgb(255 255 255 / 0.4);
      border-radius: 8px;
      background: #111;
      color: #fff;
      font: inherit;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      margin-block-end: 4px;
    }
    .swatch {
      inline-size: 32px;
      padding: 0;
    }
    .emoji {
      font-size: 22px;
    }
    .image-sticker img {
      inline-size: 32px;
      block-size: 32px;
    }
    .sound-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .sound-list li {
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .sound-name {
      flex: 1;
    }
    .bottom {
      display: flex;
      gap: 8px;
      align-items: center;
      justify-content: flex-end;
      flex-wrap: wrap;
    }
    progress {
      flex: 1;
    }
    .publish {
      background: var(--_accent);
      border-color: transparent;
      font-weight: 600;
    }
    .error {
      margin: 0;
      color: #ffb4ab;
    }
    .bottom .error {
      flex-basis: 100%;
    }
  `,
];
