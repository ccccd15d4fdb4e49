import { html, nothing, type TemplateResult } from 'lit';
import type { Words } from '../../i18n/words.js';
import type { Panel } from './tool-panels.js';

/** What the footer shows of the composer. */
interface FooterState {
  readonly progress: { sent: number; total: number } | null;
  readonly publishError: string;
  readonly panel: Panel | null;
}

/**
 * The composer's footer: while publishing, its progress and Cancel; else Discard, the
 * Sensitive tool, the "Allow comments" switch and Publish (Retry after a failure, with why).
 */
export function renderFooter(
  c: FooterState,
  words: Words,
  allowComments: boolean,
  on: { cancel: () => void; discard: () => void; sensitive: () => void; allowComments: (event: Event) => void; publish: () => void },
): TemplateResult {
  const t = (id: string) => words.t(id);
  return html`<footer class="bottom">
    ${c.progress
      ? html`<progress part="progress" max=${c.progress.total || 1} value=${c.progress.sent} aria-label=${t('composer.publishing')}></progress>
          <button type="button" class="cancel" @click=${on.cancel}>${t('composer.cancel')}</button>`
      : html`${c.publishError ? html`<p part="error" class="error" role="alert">${c.publishError}</p>` : nothing}
          <button type="button" class="discard" @click=${on.discard}>${t('composer.discard')}</button>
          <button type="button" data-tool="sensitive" aria-pressed=${c.panel === 'sensitive' ? 'true' : 'false'} @click=${on.sensitive}>${t('composerTools.sensitive')}</button>
          <label class="allow-comments"><input type="checkbox" role="switch" .checked=${allowComments} @change=${on.allowComments} />${t('composer.allowComments')}</label>
          <button part="publish-button" class="publish" type="button" @click=${on.publish}>${t(c.publishError ? 'composer.retry' : 'composer.publish')}</button>`}
  </footer>`;
}

/**
 * "Discard this story?", asked from the footer and answered in its own dialog (Escape keeps
 * editing); focus goes on to what is left after (the start, or the Discard button).
 */
export function discardQuestion(c: { confirming: boolean; discard(): Promise<void> }, focusSoon: (selector: string) => void) {
  const answer = (discard: boolean): void => {
    c.confirming = false;
    if (discard) void c.discard();
    focusSoon(discard ? '.source-actions button' : '.discard');
  };
  return { ask: () => void (c.confirming = true), answer, onCancel: (event: Event) => (event.preventDefault(), answer(false)) };
}

/** "Discard this story?", asked before the draft goes; the safe answer is first. */
export function renderConfirm(words: Words, onCancel: (event: Event) => void, answer: (discard: boolean) => void): TemplateResult {
  const t = (id: string) => words.t(id);
  return html`<dialog class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @cancel=${onCancel}>
    <h3 id="confirm-title">${t('composer.discardQuestion')}</h3>
    <p id="confirm-text">${t('composer.discardText')}</p>
    <div class="confirm-actions">
      <button type="button" class="keep" @click=${() => answer(false)}>${t('composer.keepEditing')}</button>
      <button type="button" class="danger" @click=${() => answer(true)}>${t('composer.discard')}</button>
    </div>
  </dialog>`;
}
