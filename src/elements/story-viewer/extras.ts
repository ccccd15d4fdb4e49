/**
 * The viewer's parts that not every story needs, in a chunk of their own so the viewer's
 * entry stays small: captions, keeping long text inside the frame, the reasons of failures
 * (their message ids), placeholders and the blurred fill behind letterboxed media. The viewer starts
 * loading them as it opens; a story that needs one waits for them, a frame at most on
 * localhost.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Words } from '../../i18n/words.js';
import type { MediaFailure } from '../../state/media-extras.js';
import { addLazyMessages } from './lazy-messages.js';

addLazyMessages();

export { Captions } from './captions.js';
export { keepInside } from '../shared/keep-inside.js';
export { diagnoseFailure, paintBackdrop, paintPreview } from '../../state/media-extras.js';

/** The cover of a story marked sensitive: its warning, and the button that shows it. */
export function veil(warning: string, onReveal: () => void, words: Words): TemplateResult {
  return html`<div part="content-warning" class="veil" role="group" aria-label=${words.t('viewer.warning')}>
    <p class="warning">${warning}</p>
    <button part="reveal-button" class="reveal" type="button" @click=${onReveal}>${words.t('viewer.reveal')}</button>
  </div>`;
}

/** The message id of what a person reads when a story's media fails, by why it failed. */
export function failureId(reason: MediaFailure, video: boolean): string {
  return `viewer.${reason}${reason === 'gone' || reason === 'network' ? '' : video ? 'Video' : 'Photo'}`;
}

/** Styles of what the extras render: the content-warning cover, captions, the CC button. */
export const extraStyles = css`
  .veil {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    gap: 16px;
    padding: 15% 24px;
    text-align: center;
    overflow-wrap: anywhere;
  }
  .veil .warning {
    margin: 0;
    max-block-size: 50cqb;
    overflow: hidden;
    font-weight: 600;
    text-shadow: 0 1px 3px rgb(0 0 0 / 0.6);
  }
  .reveal {
    justify-self: center;
    padding: 8px 20px;
    border: 0;
    border-radius: 999px;
    background: #fff;
    color: #111;
    font-weight: 600;
  }
  .captions {
    position: absolute;
    inset-inline: 6%;
    inset-block-end: 24%;
    margin: 0;
    text-align: center;
    white-space: pre-line;
    overflow-wrap: anywhere;
    pointer-events: none;
    font-size: max(14px, 4.2cqi);
    line-height: 1.35;
    text-shadow: 0 0 4px #000, 0 1px 2px #000;
  }
  .cc span {
    font-size: 12px;
    font-weight: 700;
    padding: 1px 3px;
    border: 1.5px solid currentColor;
    border-radius: 3px;
  }
  .cc[aria-pressed='false'] span {
    opacity: 0.7;
  }
`;
