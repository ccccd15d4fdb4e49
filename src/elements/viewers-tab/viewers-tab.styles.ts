import { css } from 'lit';
import { srOnly } from '../shared/sr-only.styles.js';
import { plainAvatarStyles } from '../shared/plain-avatar.js';
import { virtualRowStyles } from '../shared/virtual-rows.js';

/**
 * `<viewers-tab>` shows over the story, on the viewer's dark panel: light text by default,
 * each colour a custom property a page may set (the panel's background follows the
 * comments panel's unless set apart).
 */
export const styles = [
  srOnly,
  virtualRowStyles,
  plainAvatarStyles,
  css`
    :host {
      display: block;
      color: var(--story-viewers-tab-color, #fff);
      font: 14px/1.35 var(--story-font, system-ui, sans-serif);
    }
    .box {
      display: flex;
      flex-direction: column;
      block-size: var(--viewers-tab-height, min(55vh, 440px));
      border-radius: 12px;
      background: var(--story-viewers-tab-background, var(--story-comments-panel-background, #1c1c1e));
      overflow: hidden;
    }
    .header {
      margin: 0;
      padding: 12px 16px;
      font-size: 16px;
      border-block-end: 1px solid var(--story-viewers-tab-divider, rgb(255 255 255 / 0.12));
    }
    .empty {
      margin: 16px;
      color: var(--story-viewers-tab-muted, #d0d0d4);
    }
    .list:focus-visible {
      outline: 2px solid var(--story-color-focus, #9ec1ff);
      outline-offset: -2px;
    }
    .row {
      align-items: center;
      gap: 12px;
    }
    .who {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
      flex: 1;
    }
    .name {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .handle,
    .time {
      color: var(--story-viewers-tab-muted, #c7c7cc);
      font-size: 12px;
    }
    .time {
      flex: none;
    }
    `,
];
