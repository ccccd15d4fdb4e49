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
      font-family: var(--story-font, system-ui, sans-serif);
    }
    [hidden] {
      display: none !important;
    }
    /* A card on wide screens; the whole screen on a phone. Everything fits its height: the
       frame gives way to the tool's sheet, so Publish and the sheet's controls stay on screen. */
    .composer {
      box-sizing: border-box;
      inline-size: min(100vw - 32px, 440px);
      block-size: min(100dvh - 32px, 900px);
      max-inline-size: 100vw;
      max-block-size: 100dvh;
      padding: 0;
      border: 0;
      border-radius: 16px;
      background: #111;
      color: #fff;
      font-size: 14px;
      overflow: hidden;
    }
    @media (max-width: 640px), (pointer: coarse) and (max-height: 500px) {
      .composer {
        inline-size: 100vw;
        block-size: 100dvh;
        margin: 0;
        border-radius: 0;
      }
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.7);
    }
    .layout {
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      gap: 8px;
      block-size: 100%;
      padding: max(8px, env(safe-area-inset-top)) max(12px, env(safe-area-inset-right)) max(8px, env(safe-area-inset-bottom)) max(12px, env(safe-area-inset-left));
    }
    .layout > * {
      flex: none;
    }
    /* What is left of the height, for the frame: as large as fits, 9:16. */
    .layout > .stage {
      flex: 1 1 0;
      min-block-size: 96px;
      display: grid;
      place-items: center;
      container-type: size;
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
    .icon,
    .icon-space {
      inline-size: 36px;
      padding: 0;
    }
    .frame {
      position: relative;
      box-sizing: border-box;
      /* 9:16 like the viewer's frame, as large as fits: what is placed here lands at the same place there. */
      inline-size: min(100cqi, 100cqb * 9 / 16);
      aspect-ratio: 9 / 16;
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
    }
    /* A drop zone no more once the camera is live. */
    .source.live {
      border: 0;
    }
    .hint {
      padding: 16px;
      text-align: center;
      color: #d0d0d4;
    }
    .camera,
    .camera.mirrored {
      transform: scaleX(-1);
    }
    /* The viewer's framing (framingStyles): media not shaped like the frame shows whole over a blurred copy. */
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
    /* The tools on one row, a phone's width too: an icon over a short name. */
    .toolbar {
      display: flex;
      gap: 2px;
    }
    .tool {
      flex: 1 1 0;
      min-inline-size: 0;
      display: grid;
      justify-items: center;
      gap: 2px;
      padding: 4px 0;
      border-radius: 10px;
      font-size: 11px;
      line-height: 1.1;
    }
    /* Painted, not text: the button's name is the word under it. */
    .tool::before {
      content: attr(data-icon) / '';
      font-size: 16px;
      line-height: 1;
    }
    .actions,
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
    /* The open tool's sheet: at most 40% of the screen's height, scrolling inside itself. */
    .panel {
      max-block-size: 40dvh;
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: 10px;
      border-radius: 14px;
      background: #1c1c1e;
    }
    @media (max-width: 640px), (pointer: coarse) and (max-height: 500px) {
      .panel {
        border-end-start-radius: 0;
        border-end-end-radius: 0;
        margin-inline: -12px;
        margin-block-end: -8px;
        padding-inline: 12px;
      }
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
    .swatch,
    .swatch[aria-pressed='true'] {
      inline-size: 32px;
      padding: 0;
      background: var(--_swatch);
    }
    /* The effect, as the viewer will draw it (set through the CSSOM: no style attributes). */
    .frame .media {
      filter: var(--_filter, none);
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
    .discard {
      margin-inline-end: auto;
      color: #ffb4ab;
    }
    .allow-comments {
      display: inline-flex;
      gap: 6px;
      align-items: center;
    }
    .allow-comments input {
      margin: 0;
      accent-color: var(--_accent);
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
      .confirm {
      box-sizing: border-box;
      inline-size: min(100vw - 32px, 340px);
      padding: 16px;
      border: 1px solid rgb(255 255 255 / 0.25);
      border-radius: 14px;
      background: #1c1c1e;
      color: #fff;
    }
    .confirm h3 {
      margin: 0 0 6px;
      font-size: 16px;
    }
    .confirm p {
      margin: 0 0 14px;
      color: #d0d0d4;
    }
    .confirm-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    .danger {
      background: #c62828;
      border-color: transparent;
      font-weight: 600;
    }
  `,
];
