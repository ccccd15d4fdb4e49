import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { Words, type Messages } from '../../i18n/words.js';
import { commentsMessages } from './messages.js';
import { StoryCommentEvent, StoryHoldEvent } from '../../events/comment-events.js';
import { messageOf } from '../../model/errors.js';
import { COMMENT_MAX_LENGTH } from '../../model/limits.js';
import type { Comment, Story } from '../../model/types.js';
import { parseComment } from '../../model/validate.js';
import { CommentThread, canComment, canDelete, canReport, threadRows, type ThreadRow } from '../../state/comment-thread.js';
import { StoreController } from '../../state/store-controller.js';
import type { StoriesStore } from '../../state/store.js';
import { longAge, shortAge, warmAges } from '../shared/age.js';
import { VirtualRows } from '../shared/virtual-rows.js';
import { plainAvatar } from '../shared/plain-avatar.js';
import { commentText } from './comment-text.js';
import { styles } from './story-comments.styles.js';

// Loaded behind the viewer's first frame: its ages' formats are made before its first render.
warmAges();

/** Comments shown over the story. */
const LATEST = 3;
/** The counter shows from this many characters on (near the limit, not from the first). */
const COUNTER_FROM = COMMENT_MAX_LENGTH - 100;
/**
 * The public comments of one story: the latest few over the story (fading, live), a button
 * with the count that opens the full panel (every comment, newest last, one level of
 * replies, older pages on scroll, only the rows near the viewport in the DOM), and a field
 * to post one (at most {@link COMMENT_MAX_LENGTH} characters; Enter sends, Shift+Enter is a
 * new line). A comment goes through the outbox: kept in IndexedDB first, shown as
 * "sending", delivered exactly once, and shown as "not sent" (retry, edit, discard) if the
 * backend refuses it. Its author and the story's author may delete it; others may report it.
 *
 * It plays the data of its store (a given `store`, its `<story-provider>`'s, or the page's),
 * or — for previews — a fixed `comments` array. Inside `<story-viewer>` it is created for
 * every story on its own. Names and comments are text, never HTML.
 *
 * @fires {StoryCommentEvent} story-comment - A comment was posted (kept), sent, deleted or reported.
 * @fires {StoryHoldEvent} story-hold - `detail.hold`: playback should pause (the field has focus or
 *   the panel is open) or may resume (an explicit action: send, close, Escape). The viewer
 *   listens for it.
 * @fires {StoryErrorEvent} story-error - Loading, deleting or reporting failed, or a comment was refused.
 * @csspart latest - The latest comments over the story.
 * @csspart open-button - The button with the count that opens the panel.
 * @csspart panel - The full list.
 * @csspart list - The scrolling list in the panel.
 * @csspart comment - One comment (row).
 * @csspart avatar - A commenter's picture or initials.
 * @csspart name - A commenter's name.
 * @csspart time - How long ago.
 * @csspart text - The comment's text.
 * @csspart link - A link in a comment.
 * @csspart mention - An @mention in a comment.
 * @csspart status - "Sending…" or "Not sent".
 * @csspart form - The field and send button.
 * @csspart field - The text field.
 * @csspart counter - Characters left, shown only near the limit (and how far over it).
 * @csspart reply-chip - Whom the reply being written answers, with its cancel button.
 * @csspart send-button - Sends.
 * @cssprop --story-comments-panel-height - Height of the panel (default min(58cqb, 520px): 58% of the story frame in a viewer).
 */
export class StoryComments extends LitElement {
  static override styles = styles;

  static override properties = {
    story: { attribute: false },
    store: { attribute: false },
    comments: { attribute: false },
    open: { type: Boolean, reflect: true },
    strings: { attribute: false },
    replyTo: { state: true },
    notice: { state: true },
    draft: { state: true },
  };

  /** The story whose comments these are. */
  story?: Story;
  /** A store to use instead of the provider's (the viewer gives its own). */
  store?: StoriesStore;
  /** Fixed comments to show without a store (previews, Storybook): read-only. */
  comments?: Comment[];
  /** Whether the full panel is open (reflected). */
  open = false;
  /** The site's own wording, by message id (e.g. `{ 'comments.send': 'Post' }`); see the README's "Languages". */
  strings?: Messages;
  /** The comment being replied to. */
  private replyTo: Comment | null = null;
  /** A short message for screen readers and the eye ("Comment deleted"). */
  private notice = '';
  /** The text in the field. */
  private draft = '';

  #stores = new StoreController(this, { given: () => this.store });
  readonly #words = new Words(this, commentsMessages);
  #thread: CommentThread | null = null;
  #threadKey: unknown[] = [];
  #rows: ThreadRow[] = [];
  /** Rows of the fixed `comments`, validated like an adapter's. */
  #fixed: ThreadRow[] | null = null;
  /** Keeps the newest comment in view (until the reader scrolls up); near the top, the next page back in time. */
  readonly #virtual = new VirtualRows(this, 64, {
    sticky: true,
    onScroll: (list) => list.scrollTop < 300 && this.#thread?.hasOlder && void this.#thread.loadOlder(),
  });
  #holding = false;
  #panelShown = false;
  /** What was typed before a reply began: back in the field when the reply is cancelled. */
  #setAside: string | null = null;
  /** The field has focus: the latest comments give its band room. */
  #composing = false;
  readonly #reported = new Set<string>();

  get #store(): StoriesStore | undefined {
    return this.#stores.store;
  }

  /** The rows shown: the thread's, or the fixed comments'. */
  get rows(): readonly ThreadRow[] {
    return this.#rows;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#thread?.stop();
    this.#thread = null;
    this.#threadKey = [];
    this.#hold(false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  /** Opens the full panel (and pauses playback in a viewer). */
  show(): void {
    this.open = true;
  }

  /** Closes the panel; playback may resume. */
  hide(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const store = this.#store;
    const key = [store, this.story, store?.me?.id];
    if (!this.comments && this.isConnected && key.some((v, i) => v !== this.#threadKey[i])) {
      this.#thread?.stop();
      this.#thread = null;
      this.#threadKey = key;
      if (store && this.story) {
        const thread = new CommentThread(store, this.story, () => this.requestUpdate());
        this.#thread = thread;
        void thread.start();
      }
    }
    if (changed.has('comments')) this.#fixed = this.comments ? threadRows(this.comments.flatMap((c) => parseComment(c, () => {}) ?? [])) : null;
    this.#syncRows(this.#fixed ?? this.#thread?.rows ?? []);
    if (changed.has('open') && changed.get('open') !== undefined) {
      if (this.open) {
        this.#virtual.atEnd = true;
        this.#hold(true);
        // Into the panel: its field when one can write, else its list.
        void this.updateComplete.then(() => (this.renderRoot.querySelector<HTMLElement>('textarea') ?? this.#list)?.focus({ preventScroll: true }));
      } else this.#hold(false);
    }
  }

  /** Takes new rows, keeping the row the reader looks at in place (older pages arrive above). */
  #syncRows(rows: ThreadRow[]): void {
    if (rows === this.#rows) return;
    const virtual = this.#virtual;
    const anchorIndex = virtual.indexAt(virtual.scrollTop);
    const anchor = this.#rows[anchorIndex]?.key;
    const within = virtual.scrollTop - virtual.offset(anchorIndex);
    this.#rows = rows;
    virtual.setKeys(rows.map((r) => r.key));
    if (!this.#list || !this.open) return;
    if (virtual.atEnd) virtual.scrollTop = virtual.bottom;
    else if (anchor) {
      const at = rows.findIndex((r) => r.key === anchor);
      if (at >= 0) virtual.scrollTop = virtual.offset(at) + within;
    }
  }

  get #list(): HTMLElement | null {
    // A server renders without a render root to query.
    return this.renderRoot?.querySelector<HTMLElement>('.list');
  }

  #hold(on: boolean): void {
    if (this.#holding === on && this.#panelShown === this.open) return;
    this.#holding = on;
    this.#panelShown = this.open;
    // `panel`: the full list covers the story, so what is under it is out of reach until it closes.
    this.dispatchEvent(new StoryHoldEvent({ hold: on, panel: this.open }));
  }

  #emit(action: 'post' | 'sent' | 'delete' | 'report', ids: { commentId?: string; clientId?: string }): void {
    if (!this.story) return;
    this.dispatchEvent(new StoryCommentEvent({ action, storyId: this.story.id, authorId: this.story.author.id, ...ids }));
  }

  get #canPost(): boolean {
    const store = this.#store;
    return !this.comments && !!store && !!this.story && canComment(store, this.story);
  }

  async #send(): Promise<void> {
    const text = this.draft.trim();
    if (!text || text.length > COMMENT_MAX_LENGTH || !this.#thread) return;
    const parentId = this.replyTo?.id;
    this.draft = this.#setAside ?? '';
    this.#setAside = null;
    this.replyTo = null;
    this.#virtual.atEnd = true;
    try {
      this.#emit('post', { clientId: await this.#thread.post(text, parentId) });
    } catch (error) {
      // Nothing is lost: the text goes back to the field.
      this.draft = text;
      this.notice = messageOf(error);
    }
    // Sending is an explicit action: playback may go on, unless the panel is open.
    if (!this.open) this.#hold(false);
  }

  #onFieldKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.#send();
    } else if (event.key === 'Escape') {
      // Closes the panel, or leaves the field for the count button (and lets playback go on) — never the viewer.
      event.preventDefault();
      event.stopPropagation();
      if (this.open) return this.#close();
      this.renderRoot.querySelector<HTMLElement>('[part=open-button]')?.focus();
      this.#hold(false);
    }
  };

  #onPanelKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#close();
    } else if (event.key !== 'Tab') {
      // Arrows, Page keys and Space scroll the list or type: they are not the viewer's shortcuts.
      event.stopPropagation();
    }
  };

  #close(): void {
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=open-button]')?.focus());
  }

  async #delete(row: ThreadRow): Promise<void> {
    try {
      await this.#thread?.remove(row.comment.id);
      this.notice = this.#words.t('comments.deleted');
      this.#emit('delete', { commentId: row.comment.id });
    } catch (error) {
      this.notice = this.#words.t('comments.deleteFailed', { error: messageOf(error) });
    }
  }

  async #report(row: ThreadRow): Promise<void> {
    try {
      await this.#thread?.report(row.comment.id);
      this.#reported.add(row.comment.id);
      this.notice = this.#words.t('comments.reported');
      this.#emit('report', { commentId: row.comment.id });
    } catch (error) {
      this.notice = this.#words.t('comments.reportFailed', { error: messageOf(error) });
    }
  }

  #edit(row: ThreadRow): void {
    const entry = row.pending;
    if (!entry) return;
    this.draft = entry.text;
    // A refused reply is edited as a reply.
    this.replyTo = entry.parentId ? (this.#rows.find((r) => r.comment.id === entry.parentId)?.comment ?? null) : null;
    void this.#thread?.discard(entry.clientId);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  }

  #reply(row: ThreadRow): void {
    const rows = this.#rows;
    // One level of replies: answering a reply answers its comment.
    const root = row.depth === 1 ? rows.slice(0, rows.indexOf(row)).findLast((r) => r.depth === 0) : row;
    const to = root?.comment ?? row.comment;
    // What was typed is not turned into the reply: it waits, and comes back when the reply is done or cancelled.
    if (this.replyTo === null && this.draft.trim()) {
      this.#setAside = this.draft;
      this.draft = '';
      this.notice = this.#words.t('comments.replyKept', { name: to.author.name });
    }
    this.replyTo = to;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  }

  #cancelReply = (): void => {
    this.replyTo = null;
    if (this.#setAside !== null) {
      this.draft = this.#setAside;
      this.#setAside = null;
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  };

  protected override render(): TemplateResult {
    const rows = this.#rows;
    const count = rows.length;
    const more = this.#thread?.hasOlder ? '+' : '';
    // While writing, the field's band has the room: the latest comments step aside (and come back once it is sent).
    const latest = this.open || (this.#composing && this.draft.trim()) ? [] : rows.slice(-LATEST);
    return html`
      ${latest.length
        ? html`<ol part="latest" class="latest" aria-label=${this.#words.t('comments.latest')}>
            ${repeat(latest, (r) => r.key, (r) => this.#latestItem(r))}
          </ol>`
        : nothing}
      ${this.open ? this.#panel(rows) : nothing}
      <div class="bar">
        <button part="open-button" class="open-button" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-label=${this.#words.t(more ? 'comments.openMore' : 'comments.open', { n: count })} @click=${() => (this.open ? this.#close() : this.show())}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16v12H7l-3 3z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" /></svg>
          <span class="count">${count.toLocaleString(this.#words.lang)}${more}</span>
        </button>
        ${this.#canPost ? this.#form() : nothing}
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.notice}</div>
    `;
  }

  /** One of the latest comments over the story; one still in the outbox, or refused, says so here too. */
  #latestItem(row: ThreadRow): TemplateResult {
    const { comment, pending } = row;
    const status = !pending
      ? nothing
      : pending.state === 'failed'
        ? html`<span part="status" class="status failed">${this.#words.t('comments.notSent')} <button type="button" class="link-button latest-retry" @click=${() => this.#thread?.retry(pending.clientId)}>${this.#words.t('comments.retry')}</button></span> `
        : html`<span part="status" class="status">${this.#words.t('comments.sending')}</span> `;
    return html`<li class="latest-item ${pending ? `pending ${pending.state}` : ''}">${plainAvatar(comment.author, 24)}<span class="latest-text"><bdi part="name" class="name">${comment.author.name}</bdi> ${status}${commentText(comment.text)}</span></li>`;
  }

  #form(): TemplateResult {
    // Counted as the adapters count (UTF-16 units of the trimmed text).
    const length = this.draft.trim().length;
    const over = length > COMMENT_MAX_LENGTH;
    const name = this.replyTo?.author.name ?? '';
    // The name set apart in its own direction, wherever the language puts it.
    const [before, after] = this.#words.t('comments.replyingTo', { name: '\n' }).split('\n');
    return html`<form part="form" class="form" @submit=${(e: Event) => (e.preventDefault(), void this.#send())}>
      ${this.replyTo
        ? html`<p part="reply-chip" class="replying">
            <span>${before}<bdi class="name">${name}</bdi>${after}</span>
            <button type="button" class="chip-cancel" aria-label=${this.#words.t('comments.cancelReply', { name })} @click=${this.#cancelReply}>
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 7l10 10M17 7 7 17" stroke="currentColor" stroke-width="2" /></svg>
            </button>
          </p>`
        : nothing}
      <textarea
        part="field"
        rows="1"
        aria-label=${this.#words.t(this.replyTo ? 'comments.replyField' : 'comments.field', { name, max: COMMENT_MAX_LENGTH })}
        placeholder=${this.#words.t('comments.placeholder')}
        .value=${this.draft}
        @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
        @keydown=${this.#onFieldKey}
        @focus=${() => ((this.#composing = true), this.requestUpdate(), this.#hold(true))}
        @blur=${() => ((this.#composing = false), this.requestUpdate())}
      ></textarea>
      ${length >= COUNTER_FROM
        ? html`<span part="counter" class="counter ${over ? 'over' : ''}" role="status">${over ? this.#words.t('comments.over', { n: length - COMMENT_MAX_LENGTH, max: COMMENT_MAX_LENGTH }) : this.#words.t('comments.left', { n: COMMENT_MAX_LENGTH - length })}</span>`
        : nothing}
      <button part="send-button" class="send" type="submit" ?disabled=${!this.draft.trim() || over}>${this.#words.t('comments.send')}</button>
    </form>`;
  }

  #panel(rows: ThreadRow[]): TemplateResult {
    // Opening at the newest: the rows at the bottom render first, not the top's.
    const [first, end] = this.#virtual.visible();
    const shown = rows.slice(first, end);
    const thread = this.#thread;
    const title = this.#words.t('comments.title');
    return html`<section part="panel" class="panel" aria-label=${title} @keydown=${this.#onPanelKey}>
      <header class="panel-header">
        <h2 class="title">${title}</h2>
        <button type="button" class="close" aria-label=${this.#words.t('comments.close')} @click=${this.#close}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" /></svg>
        </button>
      </header>
      ${thread?.error ? html`<p class="empty" role="alert">${this.#words.t('comments.loadFailed', { error: thread.error })}</p>` : nothing}
      ${thread && !thread.loaded ? html`<p class="empty">${this.#words.t('comments.loading')}</p>` : nothing}
      ${(thread?.loaded || this.comments) && !rows.length && !thread?.error ? html`<p class="empty">${this.#words.t('comments.empty')}</p>` : nothing}
      <div part="list" class="list" role="list" aria-label=${this.#words.t('comments.all')} tabindex="0" @scroll=${this.#virtual.onScroll}>
        <div class="spacer">
          ${repeat(shown, (r) => r.key, (r, i) => this.#row(r, first + i, rows.length))}
        </div>
      </div>
    </section>`;
  }

  #row(row: ThreadRow, index: number, total: number): TemplateResult {
    const { comment, pending } = row;
    const store = this.#store;
    const story = this.story;
    const mine = !!store?.me && store.me.id === comment.author.id;
    const live = !pending && !this.comments && !!store && !!story;
    const age = Math.max(0, (store?.clock.now() ?? Date.now()) - comment.createdAt);
    return html`<div
      role="listitem"
      part="comment"
      class="row depth-${row.depth} ${pending ? `pending ${pending.state}` : ''}"
      data-key=${row.key}
      data-index=${index}
      aria-setsize=${total}
      aria-posinset=${index + 1}
    >
      ${plainAvatar(comment.author, row.depth ? 28 : 36)}
      <div class="body">
        <p class="meta"><bdi part="name" class="name">${comment.author.name}</bdi> <span part="time" class="time" title=${longAge(age, this.#words.lang)}>${shortAge(age, this.#words.lang)}</span></p>
        <p part="text" class="text" dir="auto">${commentText(comment.text)}</p>
        ${pending
          ? pending.state === 'failed'
            ? html`<p part="status" class="status failed">${pending.error ? this.#words.t('comments.notSentWhy', { error: pending.error.message }) : this.#words.t('comments.notSentRefused')}
                <button type="button" class="link-button" @click=${() => this.#thread?.retry(pending.clientId)}>${this.#words.t('comments.retry')}</button>
                <button type="button" class="link-button" @click=${() => this.#edit(row)}>${this.#words.t('comments.edit')}</button>
                <button type="button" class="link-button" @click=${() => this.#thread?.discard(pending.clientId)}>${this.#words.t('comments.discard')}</button></p>`
            : html`<p part="status" class="status">${this.#words.t('comments.sending')}</p>`
          : nothing}
        ${live
          ? html`<p class="actions">
              ${this.#canPost ? html`<button type="button" class="link-button" @click=${() => this.#reply(row)}>${this.#words.t('comments.reply')}</button>` : nothing}
              ${canDelete(store, story, comment) ? html`<button type="button" class="link-button" @click=${() => this.#delete(row)}>${this.#words.t('comments.delete')}</button>` : nothing}
              ${canReport(store) && !mine
                ? this.#reported.has(comment.id)
                  ? html`<span class="reported">${this.#words.t('comments.reportedMark')}</span>`
                  : html`<button type="button" class="link-button" @click=${() => this.#report(row)}>${this.#words.t('comments.report')}</button>`
                : nothing}
            </p>`
          : nothing}
      </div>
    </div>`;
  }
}
