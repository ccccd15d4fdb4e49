import { css } from 'lit';
import { reelListStyles } from '../shared/reel-list.js';
import { srOnly } from '../shared/sr-only.styles.js';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  srOnly,
  reelListStyles,
  css`
    :host {
      --_ring: var(--story-bar-ring-size, 64px);
      --_item: calc(var(--_ring) + var(--story-bar-gap, 16px));
      --_pad: var(--story-bar-padding, 8px);
      display: block;
      position: relative;
      /* Reserved before any data arrives, so the bar never shifts the page: the ring, the gap
         under it and two lines of name. */
      block-size: calc(var(--_ring) + 0.35em + 2.4em + 2 * var(--_pad));
      color: var(--story-bar-color, inherit);
      background: var(--story-bar-background, transparent);
      font-size: var(--story-bar-font-size, 0.8rem);
      contain: layout paint;
    }
    :host([state='empty']:not([has-empty])) {
      display: none;
    }
    .base {
      position: relative;
      block-size: 100%;
    }
    .list {
      display: flex;
      block-size: 100%;
      overflow-x: auto;
      overflow-y: hidden;
      overscroll-behavior-x: contain;
      scroll-snap-type: x proximity;
      scrollbar-width: none;
      padding-block: var(--_pad);
      box-sizing: border-box;
      outline: none;
    }
    .list::-webkit-scrollbar {
      display: none;
    }
    .item {
      flex: 0 0 var(--_item);
      inline-size: var(--_item);
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.35em;
      scroll-snap-align: start;
      cursor: pointer;
    }
    story-ring {
      --story-ring-size: var(--_ring);
    }
    .name {
      max-inline-size: calc(var(--_item) - 8px);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      line-height: 1.2;
    }
    /* "Your story" is ours, in every language: it wraps (the bar's height has room for two lines) rather than being cut short. */
    .own {
      white-space: normal;
      text-align: center;
    }
    .skeleton .circle {
      inline-size: var(--_ring);
      block-size: var(--_ring);
    }
    .scroll {
      position: absolute;
      inset-block-start: calc(var(--_pad) + var(--_ring) / 2 - 16px);
      z-index: 1;
      display: none;
      inline-size: 32px;
      block-size: 32px;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: var(--story-bar-button-background, rgb(255 255 255 / 0.92));
      color: #111;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
      font: 600 18px/32px system-ui, sans-serif;
      cursor: pointer;
    }
    .scroll.start {
      inset-inline-start: 4px;
    }
    .scroll.end {
      inset-inline-end: 4px;
    }
    .scroll:disabled {
      display: none !important;
    }
    /* Scroll buttons only where there is a fine pointer that can hover (not on touch). */
    @media (hover: hover) and (pointer: fine) {
      .scroll {
        display: block;
      }
    }
    :host(:dir(rtl)) .scroll {
      scale: -1 1;
    }
    .message {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.75em;
      block-size: 100%;
      margin: 0;
    }
  `,
];
