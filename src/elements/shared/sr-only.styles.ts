import { css } from 'lit';

/**
 * Text for screen readers only (live regions, statuses); the elements that need it add it.
 * Its own module: a tagged `css` is kept by bundlers wherever its module is imported.
 */
export const srOnly = css`
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
