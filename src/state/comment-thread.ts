/**
 * The comments of one story as a person sees them: the pages loaded so far (newest first,
 * older ones on demand), what arrives live (the adapter's `subscribe`, or polling where it
 * has none), and the signed-in user's own comments still in the outbox ("sending", or
 * "not sent" after a refusal). `<story-comments>` renders it; it talks to the store only.
 */
import { StoryErrorEvent } from '../events.js';
import type { Comment, Story } from '../model/types.js';
import { storeOutbox, type Outbox, type OutboxEntry } from './outbox.js';
import { StoryPages } from './story-pages.js';
import type { StoriesStore } from './store.js';

// What only comments need lives here, not in the store: the store loads with the bar.

/** Whether the signed-in user may comment on `story` (signed in, a writable source, comments on). */
export function canComment(store: StoriesStore, story: Story): boolean {
  return store.me !== null && !store.adapter.readOnly && story.commentsEnabled !== false;
}

/** Whether the signed-in user may delete `comment` on `story`: its author, or the story's. */
export function canDelete(store: StoriesStore, story: Story, comment: Comment): boolean {
  return store.me !== null && !store.adapter.readOnly && (store.me.id === comment.author.id || store.me.id === story.author.id);
}

/** Whether comments can be reported to the store's backend (its adapter has `reportComment`). */
export function canReport(store: StoriesStore): boolean {
  return store.me !== null && !!store.adapter.reportComment && !store.adapter.readOnly;
}

/** One row of the thread: a comment (or one of ours on its way), at depth 0 or 1 (a reply). */
export interface ThreadRow {
  /** The comment's id, or `pending:<clientId>` for one still in the outbox. */
  key: string;
  comment: Comment;
  depth: 0 | 1;
  /** Set while the comment is in the outbox. */
  pending?: OutboxEntry;
}

/** Options of {@link CommentThread}. */
export interface ThreadOptions {
  /** How often to fetch new comments when the adapter has no `subscribe` (ms; 0: never). */
  pollInterval?: number;
}

export class CommentThread {
  readonly story: Story;
  readonly store: StoriesStore;
  /** Comments loaded (first page, older pages, live arrivals), by id. */
  readonly #comments = new Map<string, Comment>();
  readonly #pages: StoryPages<Comment>;
  #outbox: Outbox | null = null;
  readonly #onChange: () => void;
  #rows: ThreadRow[] | null = null;

  constructor(store: StoriesStore, story: Story, onChange: () => void, options: ThreadOptions = {}) {
    this.store = store;
    this.story = story;
    this.#onChange = onChange;
    this.#pages = new StoryPages<Comment>({
      store,
      storyId: story.id,
      pollInterval: options.pollInterval ?? 15_000,
      fetch: (cursor) => store.comments(story.id, cursor === undefined ? {} : { cursor }),
      take: (page) => page.items.forEach((c) => this.#comments.set(c.id, c)),
      onEvent: (event) => {
        if (event.type === 'comment' && event.comment.storyId === story.id) this.#comments.set(event.comment.id, event.comment);
        else if (event.type === 'comment-deleted') this.#forget(event.commentId);
        else return false;
        return true;
      },
      changed: () => this.#changed(),
    });
  }

  /** Why the first page could not be loaded, if it could not. */
  get error(): string | null {
    return this.#pages.error?.message ?? null;
  }

  /** The first page has been loaded (or failed). */
  get loaded(): boolean {
    return this.#pages.loaded;
  }

  /** Loads the newest page, follows live changes, and picks up our comments in the outbox. */
  async start(): Promise<void> {
    const { store, story } = this;
    const outbox = storeOutbox(store);
    if (outbox) {
      this.#outbox = outbox;
      this.#pages.onStop(outbox.hold());
      this.#pages.onStop(
        outbox.listen((change) => {
          if (change.type === 'sent' && change.comment.storyId === story.id) this.#comments.set(change.comment.id, change.comment);
          // A refusal keeps its kind (invalid, forbidden…); failing storage is `quota`.
          if (change.type === 'refused' && change.entry.storyId === story.id) store.dispatchEvent(new StoryErrorEvent({ code: change.error.code, message: change.error.message, error: change.error, storyId: story.id }));
          if (change.type === 'storage') store.dispatchEvent(new StoryErrorEvent({ code: 'quota', message: change.error.message, storyId: story.id }));
          this.#changed();
        }),
      );
      void outbox.ready.then(() => this.#changed());
    }
    await this.#pages.start();
  }

  /** Stops following the story. */
  stop(): void {
    this.#pages.stop();
  }

  /** Whether older comments remain to be loaded. */
  get hasOlder(): boolean {
    return this.#pages.hasMore;
  }

  /** Loads the next page back in time (once at a time). */
  loadOlder(): Promise<void> {
    return this.#pages.loadMore();
  }

  /** Comments loaded, with ours on their way. */
  get count(): number {
    return this.rows.length;
  }

  /** The rows in reading order: oldest first, each reply right after its comment. */
  get rows(): ThreadRow[] {
    return (this.#rows ??= threadRows(this.#comments.values(), this.#outbox?.entries(this.story.id) ?? []));
  }

  /** Posts a comment through the outbox: kept first, shown as sending, then delivered. Resolves to its `clientId`. */
  async post(text: string, parentId?: string): Promise<string> {
    const me = this.store.me;
    if (!this.#outbox || !me) throw new Error('Sign in to comment');
    return (await this.#outbox.add({ storyId: this.story.id, text, parentId, author: me, createdAt: this.store.clock.now() })).clientId;
  }

  /** Deletes a comment (and its replies); it comes back if the backend refuses. */
  async remove(commentId: string): Promise<void> {
    const kept = [...this.#comments.values()].filter((c) => c.id === commentId || c.parentId === commentId);
    this.#forget(commentId);
    this.#changed();
    try {
      await this.store.deleteComment(this.story.id, commentId);
    } catch (error) {
      for (const c of kept) this.#comments.set(c.id, c);
      this.#changed();
      throw error;
    }
  }

  /** Reports a comment to the backend's moderators; a failure is also reported as `story-error`. */
  report(commentId: string, reason?: string): Promise<void> {
    return this.store.reportComment(this.story.id, commentId, reason);
  }

  /** Sends a refused comment again. */
  retry(clientId: string): Promise<void> {
    return this.#outbox?.retry(clientId) ?? Promise.resolve();
  }

  /** Drops a comment that was not sent. */
  discard(clientId: string): Promise<void> {
    return this.#outbox?.discard(clientId) ?? Promise.resolve();
  }

  #forget(commentId: string): void {
    for (const c of [...this.#comments.values()]) if (c.id === commentId || c.parentId === commentId) this.#comments.delete(c.id);
  }

  #changed(): void {
    this.#rows = null;
    this.#onChange();
  }
}

/**
 * Comments (and our own still in the outbox) in reading order: oldest first, each reply right
 * after its comment; a reply whose comment is not loaded (yet) stands alone.
 */
export function threadRows(comments: Iterable<Comment>, pending: readonly OutboxEntry[] = []): ThreadRow[] {
  const delivered = new Set<string>();
  const all: ThreadRow[] = [];
  for (const comment of comments) {
    if (comment.clientId) delivered.add(comment.clientId);
    all.push({ key: comment.id, comment, depth: 0 });
  }
  for (const entry of pending) {
    if (delivered.has(entry.clientId)) continue;
    const comment: Comment = { id: `pending:${entry.clientId}`, storyId: entry.storyId, author: entry.author, text: entry.text, createdAt: entry.createdAt, clientId: entry.clientId, ...(entry.parentId ? { parentId: entry.parentId } : {}) };
    all.push({ key: comment.id, comment, depth: 0, pending: entry });
  }
  const order = (a: ThreadRow, b: ThreadRow) => a.comment.createdAt - b.comment.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  // Pages arrive in order: sorting is only needed when something came out of it.
  if (all.some((row, i) => i > 0 && order(all[i - 1], row) > 0)) all.sort(order);
  const byId = new Map(all.map((r) => [r.comment.id, r.comment]));
  // One level of replies: a reply to a reply (from a lenient backend) joins the same comment.
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    for (let up = byId.get(at)?.parentId; up && byId.has(up) && !seen.has(up); up = byId.get(at)?.parentId) seen.add((at = up));
    return at;
  };
  const replies = new Map<string, ThreadRow[]>();
  for (const row of all) {
    if (!row.comment.parentId || !byId.has(row.comment.parentId)) continue;
    const parent = rootOf(row.comment.id);
    if (parent === row.comment.id) continue;
    row.depth = 1;
    if (!replies.has(parent)) replies.set(parent, []);
    replies.get(parent)!.push(row);
  }
  const rows: ThreadRow[] = [];
  for (const row of all) if (row.depth === 0) rows.push(row, ...(replies.get(row.comment.id) ?? []));
  return rows;
}
