import { css, html, nothing, type TemplateResult } from 'lit';
import type { Author } from '../../model/types.js';
import { avatarColor, initials } from './avatar.js';
import { cssVars } from './css-vars.js';

/**
 * An account's picture without a ring, where a ring would say nothing: the viewer's header,
 * each comment, each viewer in the author's list. Plain elements (no `<story-ring>` each, no
 * shadow root per row), drawn like the rings: the picture over the initials on the account's
 * colour, which show while it loads or when it fails. Decorative: the name is beside it.
 */
export const plainAvatarStyles = css`
  .avatar {
    position: relative;
    display: grid;
    place-items: center;
    flex: none;
    inline-size: var(--_size);
    block-size: var(--_size);
    overflow: hidden;
    border-radius: 50%;
    background: var(--_bg);
    color: #fff;
    font-size: calc(var(--_size) * 0.38);
    font-weight: 600;
    line-height: 1;
    user-select: none;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
`;

// A broken picture gives way to the initials under it, until the next one loads (the same
// <img> shows the next account's picture).
const shown = (event: Event) => ((event.target as HTMLElement).hidden = false);
const failed = (event: Event) => ((event.target as HTMLElement).hidden = true);

export function plainAvatar(author: Author, size: number): TemplateResult {
  return html`<span part="avatar" class="avatar" aria-hidden="true" ${cssVars({ '--_bg': avatarColor(author.id), '--_size': `${size}px` })}
    >${initials(author.name)}${author.avatar
      ? html`<img src=${author.avatar} alt="" loading="lazy" decoding="async" draggable="false" referrerpolicy="no-referrer" @load=${shown} @error=${failed} />`
      : nothing}</span
  >`;
}
