import { css } from 'lit';
import { reelListStyles } from '../shared/reel-list.js';

/** The dark palette, by the user's scheme or a forced `theme="dark"`. */
const dark = css`
  --_bg: var(--story-sidebar-background, #16161a);
  --_fg: var(--story-sidebar-color, #f2f2f5);
  --_muted: var(--story-sidebar-muted-color, #a6a6b0);
`;

/** The panel's styles, adopted when its module loads (the element's own are `tokens` alone). */
export const styles = [
  reelListStyles,
  css`
    :host {
      --_width: var(--story-sidebar-width, 360px);
      --_row: var(--story-sidebar-row-height, 64px);
      --_bg: var(--story-sidebar-background, #fff);
      --_fg: var(--story-sidebar-color, #111114);
      --_muted: var(--story-sidebar-muted-color, #5c5c66);
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${dark}
      }
    }
    :host([theme='dark']) {
      ${dark}
    }
    /* The dialog is the top-layer wrapper: the size of the panel, or the whole viewport
       (with the backdrop) when modal. The panel inside it is what slides. */
    .layer {
      position: fixed;
      /* --_top / --_bottom: room left for the trigger when the panel would cover it. */
      inset-block: var(--_top, 0px) auto;
      inset-inline-start: 0;
      inset-inline-end: auto;
      inline-size: min(var(--_width), 100vw);
      max-inline-size: 100vw;
      block-size: calc(100dvh - var(--_top, 0px) - var(--_bottom, 0px));
      max-block-size: 100dvh;
      margin: 0;
      padding: 0;
      border: 0;
      background: transparent;
      color: var(--_fg);
      overflow: visible;
      z-index: var(--story-sidebar-z-index, 1000);
    }
    :host([placement='end']) .layer:not(.modal) {
      inset-inline-start: auto;
      inset-inline-end: 0;
    }
    .layer.modal {
      inline-size: 100vw;
    }
    .layer::backdrop {
      background: transparent;
    }
    .backdrop {
      position: absolute;
      inset: 0;
      background: var(--story-sidebar-backdrop, rgb(0 0 0 / 0.45));
    }
    .panel {
      position: absolute;
      inset-block: 0;
      inset-inline-start: 0;
      inline-size: min(var(--_width), 100vw);
      display: flex;
      flex-direction: column;
      box-sizing: border-box;
      background: var(--_bg);
      color: var(--_fg);
      box-shadow: 0 0 24px rgb(0 0 0 / 0.2);
      --_from: -100%;
      transform: none;
      transition: transform 0.25s ease;
    }
    @starting-style {
      .layer[open] .panel {
        transform: translateX(var(--_from));
      }
    }
    :host(:dir(rtl)) .panel,
    :host([placement='end']) .panel {
      --_from: 100%;
    }
    :host([placement='end']:dir(rtl)) .panel {
      --_from: -100%;
    }
    :host([placement='end']) .panel {
      inset-inline-start: auto;
      inset-inline-end: 0;
    }
    @media (prefers-reduced-motion: reduce) {
      .panel {
        transition: none;
      }
    }
    :host([docked]) .panel {
      position: static;
      block-size: var(--story-sidebar-docked-height, 100%);
      box-shadow: none;
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 12px 12px 12px 16px;
    }
    h2 {
      margin: 0;
      font-size: 1.1rem;
    }
    .close {
      inline-size: 36px;
      block-size: 36px;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: inherit;
      font-size: 22px;
      line-height: 1;
      cursor: pointer;
    }
    :host([docked]) .close {
      display: none;
    }
    .create {
      margin-inline: auto 8px;
      min-block-size: 32px;
      padding: 0 14px;
      border: 0;
      border-radius: 16px;
      background: var(--_accent);
      color: #fff;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .create:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .list {
      flex: 1;
      overflow-y: auto;
      overscroll-behavior: contain;
      touch-action: pan-y;
      outline: none;
    }
    .item {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: center;
      gap: 4px 12px;
      block-size: var(--_row);
      padding-inline: 16px;
      box-sizing: border-box;
      cursor: pointer;
    }
    .item:hover {
      background: rgb(128 128 128 / 0.08);
    }
    .text {
      display: grid;
      min-inline-size: 0;
    }
    .name,
    .handle {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .name {
      font-weight: 600;
    }
    .handle,
    .time {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .meta {
      display: grid;
      justify-items: end;
      gap: 2px;
    }
    .count {
      min-inline-size: 1.5em;
      padding: 0 0.45em;
      border-radius: 999px;
      background: var(--_accent);
      color: #fff;
      font-size: 0.75em;
      font-weight: 700;
      line-height: 1.5em;
      text-align: center;
    }
    .skeleton .circle {
      inline-size: 40px;
      block-size: 40px;
    }
    .message {
      margin: 24px 16px;
      color: var(--_muted);
    }
  `,
];
