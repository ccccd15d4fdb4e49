/**
 * The comment outbox: no comment is lost, none is doubled.
 *
 * A comment is written to IndexedDB (with a `clientId`, the adapter's idempotency key)
 * before it is shown as "sending". Delivery retries with capped backoff until the backend
 * answers, across offline periods, reloads and closed tabs. One tab sends at a time (a Web
 * Lock per backend and user); the others hear of every change through a BroadcastChannel.
 * Because the key travels with every attempt, a comment the server stored just before a
 * connection dropped is answered again, not stored twice. A permanent refusal (invalid,
 * forbidden, the story gone) stays in the outbox as "not sent" until the user retries,
 * edits or discards it. When IndexedDB cannot keep it (refused, full), the comment is still
 * sent from memory and the failure reported.
 */
import { toStoriesError, type StoriesError, type StoriesErrorCode, messageOf } from '../model/errors.js';
import type { Author, Comment } from '../model/types.js';
import { openTables, type Tables } from '../storage/tables.js';
import type { FeedStore } from './feed-store.js';

/** A comment on its way, or refused. */
export interface OutboxEntry {
  clientId: string;
  /** The backend and user it was written for (see {@link outboxScope}). */
  scope: string;
  storyId: string;
  text: string;
  parentId?: string;
  author: Author;
  createdAt: number;
  /** `sending`: waiting or being sent; `failed`: refused for good, waiting for the user. */
  state: 'sending' | 'failed';
  attempts: number;
  /** When the next attempt may start (epoch ms). */
  nextAttemptAt: number;
  /** Why the backend refused it, for `failed`. */
  error?: { code: StoriesErrorCode; message: string };
}

/** What the outbox needs from the store. */
export interface OutboxTarget {
  postComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment>;
}

/**
 * What listeners hear: the entries changed; one was delivered as `comment`; one was refused
 * for good; or storage failed (the last two only in the tab where it happened).
 */
export type OutboxChange =
  | { type: 'change' }
  | { type: 'sent'; clientId: string; comment: Comment }
  | { type: 'refused'; entry: OutboxEntry; error: StoriesError }
  | { type: 'storage'; error: Error };

const DB = 'stories-kit-outbox';
const SCHEMA = { entries: { keyPath: 'clientId', indexes: { scope: { keyPath: 'scope' } } } };
/** Backoff after a failed attempt: 1 s, 2 s, 4 s … at most this. */
export const OUTBOX_MAX_DELAY = 30_000;
/** Refusals that retrying cannot change. */
const PERMANENT = new Set<StoriesErrorCode>(['invalid', 'forbidden', 'not-found', 'read-only', 'quota']);

/** The scope of a backend and user: entries are only ever sent back to where they were written. */
export function outboxScope(adapterKey: string, userId: string): string {
  return `${adapterKey}|${userId}`;
}

let tables: Promise<Tables> | undefined;
/** Why IndexedDB could not be used, if it could not: every outbox reports it. */
let fallback: Error | null = null;
const outboxes = new Map<string, Outbox>();

/**
 * The outbox of a store's backend and signed-in user (null when nobody is signed in or the
 * source is read-only). The store opens it as soon as it knows the user, so comments left
 * by an earlier page go out even if no comments are ever shown on this one.
 */
export function storeOutbox(store: FeedStore): Outbox | null {
  if (!store.me || store.adapter.readOnly) return null;
  return outboxFor(outboxScope(store.key, store.me.id), {
    // Delivered through the store (the answer validated); failures come back to the outbox.
    postComment: (storyId, input) => store.deliverComment(storyId, input),
  });
}

/**
 * The store's outbox (see {@link storeOutbox}), held until the returned function is called:
 * the store holds it for its life, a comment thread while it runs. The last to let go closes it.
 */
export function holdOutbox(store: FeedStore): () => void {
  return storeOutbox(store)?.hold() ?? (() => {});
}

/** The page's outbox for one backend and user (one per scope, shared by every element, until it closes). */
export function outboxFor(scope: string, target: OutboxTarget): Outbox {
  let box = outboxes.get(scope);
  if (!box) {
    tables ??= openTables(DB, 1, SCHEMA, (reason) => (fallback = new Error(`Comments cannot be kept in this browser (${messageOf(reason)}); they are sent from memory.`)));
    const created = new Outbox(scope, target, tables);
    void created.ready.then(() => fallback && created.storageFailed(fallback));
    box = created;
    outboxes.set(scope, box);
  }
  box.target = target;
  return box;
}

export class Outbox {
  readonly scope: string;
  target: OutboxTarget;
  readonly #tables: Promise<Tables>;
  /** What this tab knows, by clientId: read from the database, plus what it could not write. */
  #entries = new Map<string, OutboxEntry>();
  /** Entries IndexedDB refused to keep: they live (and are sent) from memory. */
  readonly #memoryOnly = new Map<string, OutboxEntry>();
  readonly #listeners = new Set<(change: OutboxChange) => void>();
  readonly #channel?: BroadcastChannel;
  readonly ready: Promise<void>;
  #timer?: ReturnType<typeof setTimeout>;
  #delivering: Promise<void> | null = null;
  #again = false;
  #all = false;
  #holds = 0;
  #closed = false;

  constructor(scope: string, target: OutboxTarget, tablesReady: Promise<Tables>) {
    this.scope = scope;
    this.target = target;
    this.#tables = tablesReady;
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(`${DB}:${scope}`);
      this.#channel.onmessage = (e: MessageEvent<OutboxChange>) => void this.#reload().then(() => this.#notify(e.data));
    }
    globalThis.addEventListener?.('online', this.#onOnline);
    this.ready = this.#reload().then(() => this.kick(true));
  }

  /** Back online: every comment waiting is tried at once, whatever its backoff (a new page does the same). */
  #onOnline = (): void => this.kick(true);

  /** Counts a holder; the returned function lets go (once), and the last to let go closes the outbox. */
  hold(): () => void {
    this.#holds++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this.#holds === 0) this.close();
    };
  }

  /**
   * Stops listening for `online`, closes the channel to other tabs and stops scheduling: what
   * is kept stays in IndexedDB for the next outbox of the scope (this page's or another's).
   * A round already under way finishes. The page then makes a new outbox for the scope.
   */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    globalThis.removeEventListener?.('online', this.#onOnline);
    this.#channel?.close();
    if (outboxes.get(this.scope) === this) outboxes.delete(this.scope);
  }

  /** Entries of one story (or all), oldest first. */
  entries(storyId?: string): OutboxEntry[] {
    return [...this.#entries.values()].filter((e) => storyId === undefined || e.storyId === storyId).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Hears every change; returns the function that stops it. */
  listen(listener: (change: OutboxChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Keeps a new comment, then sends it. Resolves once it is kept (or known not to be). */
  async add(input: { storyId: string; text: string; parentId?: string; author: Author; createdAt: number }): Promise<OutboxEntry> {
    await this.ready;
    const entry: OutboxEntry = { clientId: crypto.randomUUID(), scope: this.scope, state: 'sending', attempts: 0, nextAttemptAt: 0, ...input };
    if (!entry.parentId) delete entry.parentId;
    await this.#save(entry);
    this.#changed();
    this.kick();
    return entry;
  }

  /** Sends a refused comment again (after the user changed what made it fail). */
  async retry(clientId: string): Promise<void> {
    const entry = this.#entries.get(clientId);
    if (!entry) return;
    await this.#save({ ...entry, state: 'sending', attempts: 0, nextAttemptAt: 0, error: undefined });
    this.#changed();
    this.kick();
  }

  /** Forgets a comment that was not sent (discard, or edit: its text goes back to the field). */
  async discard(clientId: string): Promise<void> {
    this.#memoryOnly.delete(clientId);
    this.#entries.delete(clientId);
    await (await this.#tables).delete('entries', clientId).catch(() => {});
    this.#changed();
  }

  /** Starts delivery now (new entry, retry); `all` also tries entries still backing off (back online, new page). */
  kick(all = false): void {
    if (this.#closed) return;
    this.#all ||= all;
    if (this.#delivering) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    const everything = this.#all;
    this.#all = false;
    this.#delivering = this.#deliver(everything).finally(() => {
      this.#delivering = null;
      if (this.#closed) return;
      if (this.#again) {
        this.#again = false;
        this.kick(this.#all);
      } else this.#schedule();
    });
  }

  /** Resolves when nothing is being sent right now (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#delivering) await this.#delivering;
  }

  async #deliver(all: boolean): Promise<void> {
    const run = () => this.#sendDue(all);
    // One tab at a time per backend and user; the lock is released between rounds.
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (locks) await locks.request(`${DB}:${this.scope}`, run);
    else await run();
  }

  async #sendDue(all: boolean): Promise<void> {
    // Read again under the lock: another tab may have sent some while we waited for it.
    await this.#reload();
    const now = Date.now();
    for (const entry of this.entries()) {
      if (entry.state !== 'sending' || (!all && entry.nextAttemptAt > now)) continue;
      const current = await this.#current(entry.clientId);
      if (!current || current.state !== 'sending') continue;
      try {
        const comment = await this.target.postComment(current.storyId, { text: current.text, clientId: current.clientId, ...(current.parentId ? { parentId: current.parentId } : {}) });
        this.#memoryOnly.delete(current.clientId);
        this.#entries.delete(current.clientId);
        await (await this.#tables).delete('entries', current.clientId).catch(() => {});
        this.#changed({ type: 'sent', clientId: current.clientId, comment });
      } catch (error) {
        const typed = toStoriesError(error);
        const attempts = current.attempts + 1;
        const next: OutboxEntry = PERMANENT.has(typed.code)
          ? { ...current, state: 'failed', attempts, error: { code: typed.code, message: typed.message } }
          : { ...current, attempts, nextAttemptAt: Date.now() + Math.min(OUTBOX_MAX_DELAY, 1000 * 2 ** (attempts - 1)) };
        await this.#save(next);
        this.#changed();
        if (next.state === 'failed') this.#notify({ type: 'refused', entry: next, error: typed });
      }
    }
  }

  /** The entry as the database has it now (or as memory has it, when the database refused it). */
  async #current(clientId: string): Promise<OutboxEntry | undefined> {
    const memory = this.#memoryOnly.get(clientId);
    if (memory) return memory;
    return (await this.#tables).get<OutboxEntry>('entries', clientId).catch(() => this.#entries.get(clientId));
  }

  /** The next attempt, at the earliest time one is due. */
  #schedule(): void {
    clearTimeout(this.#timer);
    const due = this.entries().filter((e) => e.state === 'sending').map((e) => e.nextAttemptAt);
    if (!due.length) return;
    this.#timer = setTimeout(() => this.kick(), Math.max(0, Math.min(...due) - Date.now()));
  }

  async #save(entry: OutboxEntry): Promise<void> {
    if (entry.error === undefined) delete entry.error;
    this.#entries.set(entry.clientId, entry);
    if (this.#memoryOnly.has(entry.clientId)) return void this.#memoryOnly.set(entry.clientId, entry);
    try {
      await (await this.#tables).put('entries', entry);
    } catch (error) {
      // Storage refused it (full disk): it is sent from memory, and the page hears why.
      this.#memoryOnly.set(entry.clientId, entry);
      this.storageFailed(new Error(`A comment could not be kept in this browser (${messageOf(error)}); it is sent while this page stays open.`, { cause: error }));
    }
  }

  async #reload(): Promise<void> {
    const stored = await (await this.#tables).getAllFromIndex<OutboxEntry>('entries', 'scope', this.scope).catch(() => null);
    if (!stored) return;
    this.#entries = new Map([...stored, ...this.#memoryOnly.values()].map((e) => [e.clientId, e]));
  }

  /** Tells this tab's listeners that storage failed (comments are then sent from memory). */
  storageFailed(error: Error): void {
    this.#notify({ type: 'storage', error });
  }

  #changed(change: OutboxChange = { type: 'change' }): void {
    this.#notify(change);
    if (!this.#closed) this.#channel?.postMessage(change);
  }

  #notify(change: OutboxChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
