import { css } from 'lit';

/** The dark defaults, used by the user's colour scheme or a forced `theme="dark"`. */
const dark = css`
  --_accent: var(--story-color-accent, #4c8dff);
  --_seen: var(--story-color-muted, #7c7c80);
`;

/**
 * Global design tokens every element reads. Each resolves a public `--story-color-*`
 * property first, so a page themes all elements at once, and falls back to light or dark
 * defaults that follow the user's colour scheme unless the element's `theme` attribute
 * forces one.
 */
export const tokens = css`
  :host {
    --_accent: var(--story-color-accent, #1d6ff2);
    --_seen: var(--story-color-muted, #8e8e93);
    --_focus: var(--story-color-focus, var(--_accent));
    font-family: var(--story-font, system-ui, sans-serif);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
  [hidden] {
    display: none !important;
  }
`;
