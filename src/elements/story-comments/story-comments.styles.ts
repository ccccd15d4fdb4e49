import { css } from 'lit';
import { srOnly } from '../shared/sr-only.styles.js';
import { plainAvatarStyles } from '../shared/plain-avatar.js';
import { virtualRowStyles } from '../shared/virtual-rows.js';

export const styles = [
  srOnly,
  virtualRowStyles,
  plainAvatarStyles,
  css`
    /* The design tokens it needs, read here rather than by sharing the tokens module with
       the bar's up-front chunk. Comments sit on the story, light on dark in any theme. */
    :host {
      --_accent: var(--story-color-accent, #1d6ff2);
      --_focus: var(--story-color-focus, #9ec1ff);
      font-family: var(--story-font, system-ui, sans-serif);
    }
    [hidden] {
      display: none !important;
    }
    :host {
      display: block;
      position: relative;
      color: #fff;
      font-size: 14px;
      line-height: 1.35;
      padding: 8px 12px 12px;
      /* Legible over any photo, without hiding it. */
      background: linear-gradient(to top, rgb(0 0 0 / 0.6), rgb(0 0 0 / 0));
    }
    button {
      font: inherit;
      color: inherit;
    }
    :focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    bdi,
    .text {
      unicode-bidi: isolate;
    }
    .latest {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .latest-item {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      animation: arrive 240ms ease-out;
    }
    .latest-text {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      overflow-wrap: anywhere;
      text-shadow: 0 1px 2px rgb(0 0 0 / 0.6);
    }
    /* The state of a comment still in the outbox, first on its line so a clamp never hides it. */
    .latest .status {
      display: inline;
      margin-inline: 0.3em;
      padding: 0 0.4em;
      border-radius: 0.6em;
      background: rgb(0 0 0 / 0.55);
      font-size: 0.85em;
    }
    .latest .status.failed {
      background: rgb(170 20 20 / 0.85);
    }
    .latest-retry {
      pointer-events: auto;
      color: inherit;
      text-decoration: underline;
    }
    @keyframes arrive {
      from {
        opacity: 0;
        transform: translateY(8px);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .latest-item {
        animation: none;
      }
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .bar {
      display: flex;
      gap: 8px;
      align-items: flex-end;
    }
    .open-button {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-block-size: 40px;
      min-inline-size: 44px;
      padding: 0 10px;
      border: 1px solid rgb(255 255 255 / 0.5);
      border-radius: 20px;
      background: rgb(0 0 0 / 0.35);
      cursor: pointer;
    }
    .open-button svg {
      inline-size: 20px;
      block-size: 20px;
    }
    .form {
      flex: 1;
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 6px;
      min-inline-size: 0;
    }
    /* Whom a reply answers: a readable chip above the field, not small text over the photo. */
    .replying {
      flex-basis: 100%;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin: 0;
      padding: 4px 4px 4px 12px;
      border-radius: 16px;
      background: rgb(28 28 30 / 0.92);
      font-size: 14px;
    }
    .chip-cancel {
      inline-size: 32px;
      block-size: 32px;
      border: 0;
      border-radius: 50%;
      background: rgb(255 255 255 / 0.14);
      cursor: pointer;
    }
    .chip-cancel svg {
      display: block;
      inline-size: 16px;
      block-size: 16px;
      margin: auto;
    }
    textarea {
      flex: 1;
      min-inline-size: 0;
      min-block-size: 40px;
      /* It grows with its text, within its own band: three lines, then it scrolls. */
      max-block-size: 84px;
      box-sizing: border-box;
      padding: 9px 12px;
      border: 1px solid rgb(255 255 255 / 0.6);
      border-radius: 20px;
      background: rgb(0 0 0 / 0.35);
      color: #fff;
      font: inherit;
      resize: none;
      field-sizing: content;
    }
    textarea::placeholder {
      color: rgb(255 255 255 / 0.85);
    }
    .counter {
      align-self: center;
      font-size: 12px;
      font-variant-numeric: tabular-nums;
    }
    .counter.over {
      color: #ffb4ab;
      font-weight: 600;
    }
    .send {
      min-block-size: 40px;
      padding: 0 14px;
      border: 0;
      border-radius: 20px;
      background: var(--_accent);
      color: #fff;
      font-weight: 600;
      cursor: pointer;
    }
    .send:disabled {
      background: #5c5c60;
      cursor: default;
    }
    .panel {
      display: flex;
      flex-direction: column;
      /* A share of the story frame (a size container in the viewer), so the header above stays in reach. */
      block-size: var(--story-comments-panel-height, min(58cqb, 520px));
      margin-block-end: 8px;
      border-radius: 12px;
      background: var(--story-comments-panel-background, #1c1c1e);
      color: #fff;
      overflow: hidden;
    }
    .panel-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 8px 8px 8px 16px;
      border-block-end: 1px solid rgb(255 255 255 / 0.12);
    }
    .title {
      margin: 0;
      font-size: 16px;
    }
    .close {
      inline-size: 40px;
      block-size: 40px;
      border: 0;
      border-radius: 50%;
      background: none;
      cursor: pointer;
    }
    .close svg {
      inline-size: 20px;
      block-size: 20px;
    }
    .empty {
      margin: 16px;
      color: #d0d0d4;
    }
    .row {
      gap: 10px;
    }
    .row.depth-1 {
      padding-inline-start: 62px;
    }
    .row.pending {
      opacity: 0.75;
    }
    .row.failed {
      opacity: 1;
    }
    .body {
      min-inline-size: 0;
      flex: 1;
    }
    .meta,
    .text,
    .status,
    .actions {
      margin: 0;
    }
    .time {
      color: #c7c7cc;
      font-size: 12px;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    a {
      color: #9ec1ff;
    }
    .mention {
      color: #9ec1ff;
      font-weight: 600;
    }
    .status {
      font-size: 12px;
      color: #d0d0d4;
    }
    .status.failed {
      color: #ffb4ab;
    }
    .actions {
      display: flex;
      gap: 12px;
      font-size: 12px;
    }
    .link-button {
      padding: 4px 0;
      border: 0;
      background: none;
      color: #d0d0d4;
      font-size: 12px;
      font-weight: 600;
      cursor: pointer;
      text-decoration: underline;
    }
    .reported {
      color: #d0d0d4;
      padding: 4px 0;
    }
  `,
];
