import { NotFound, Quota, StoriesError, messageOf } from '../model/errors.js';
import { clampExpiry, isLive } from '../model/time.js';
import { registerBlobUrl, releaseBlobUrl } from '../model/validate.js';
import { openTables } from '../storage/tables.js';
import type { Author, Comment, Page, Sound, Story, StoryEvent } from '../model/types.js';
import type { Schema, Tables } from '../storage/tables.js';
import type { World } from './demo-world.js';


export const PAGE_SIZE = 50;

/** `trackBlobs`: how many caption files were published as files (kept beside the media, `<id>#track<n>`). */
export type StoredStory = Omit<Story, 'author'> & { authorId: string; hasBlob?: boolean; trackBlobs?: number };

export const trackKey = (storyId: string, index: number) => `${storyId}#track${index}`;
export type StoredComment = Omit<Comment, 'author'> & { authorId: string; clientKey: string };
export interface StoredView {
  storyId: string;
  viewerId: string;
  viewedAt: number;
}

const SCHEMA: Schema = {
  accounts: { keyPath: 'id' },
  follows: { keyPath: ['follower', 'followee'], indexes: { follower: { keyPath: 'follower' } } },
  stories: { keyPath: 'id', indexes: { authorId: { keyPath: 'authorId' }, expiresAt: { keyPath: 'expiresAt' } } },
  media: { keyPath: 'storyId' },
  views: { keyPath: ['storyId', 'viewerId'], indexes: { storyId: { keyPath: 'storyId' } } },
  comments: { keyPath: 'id', indexes: { storyId: { keyPath: 'storyId' }, clientKey: { keyPath: 'clientKey', unique: true } } },
  sounds: { keyPath: 'id' },
  meta: { keyPath: 'key' },
  reports: { keyPath: ['commentId', 'reporterId'], indexes: { storyId: { keyPath: 'storyId' } } },
};

/** A report of a comment: kept for moderators, never shown to the comment's author. */
export interface StoredReport {
  storyId: string;
  commentId: string;
  reporterId: string;
  reason?: string;
  reportedAt: number;
}

/** Options of {@link LocalAdapter}. */
export interface LocalAdapterOptions {
  /** IndexedDB database name; several adapters with different names are separate worlds. */
  dbName?: string;
  /** The clock expiry is measured by (tests control it). */
  clock?: { now(): number };
}

export function randomId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID()}`;
}

export function pageOf<T>(all: T[], cursor: string | undefined, size = PAGE_SIZE): Page<T> {
  const start = Math.max(0, Number(cursor) || 0);
  const items = all.slice(start, start + size);
  return start + size < all.length ? { items, next: String(start + size) } : { items };
}

/**
 * The local database under {@link LocalAdapter}: its tables, how stories, media and
 * comments are stored and read back, live events across tabs, expiry, and the methods that
 * build a world (accounts, follows, stories) for the demo, tests and apps. The adapter's
 * contract, the calls the store makes, is in local-adapter.ts.
 */
export class LocalWorld extends EventTarget {
  readonly dbName: string;
  /** `local:` and the database name: an outbox's comments go back to this world. */
  get key(): string {
    return `local:${this.dbName}`;
  }
  /** Warnings dispatched so far (kept, so a store created later still reports them). */
  readonly warnings: StoriesError[] = [];
  protected readonly clock: { now(): number };
  protected readonly tables: Promise<Tables>;
  protected readonly objectUrls = new Map<string, string>();
  protected readonly listeners = new Map<string, Set<(e: StoryEvent) => void>>();
  protected readonly channel?: BroadcastChannel;

  constructor(options: LocalAdapterOptions = {}) {
    super();
    this.dbName = options.dbName ?? 'stories-kit-local';
    this.clock = options.clock ?? { now: () => Date.now() };
    this.tables = openTables(this.dbName, 2, SCHEMA, (reason) => {
      const message = `IndexedDB could not be opened (${messageOf(reason)}); stories are kept in memory until this page closes.`;
      const warning = new Quota(message, { cause: reason });
      this.warnings.push(warning);
      this.dispatchEvent(new CustomEvent('warning', { detail: warning }));
    });
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`stories-kit:${this.dbName}`);
      this.channel.onmessage = (e: MessageEvent<StoryEvent | { type: 'feed-change' }>) =>
        e.data.type === 'feed-change' ? this.dispatchEvent(new Event('feed-change')) : void this.deliver(e.data, false);
    }
  }

  /** Where the data lives: 'indexeddb', or 'memory' after a fallback. */
  async storage(): Promise<'indexeddb' | 'memory'> {
    return (await this.tables).kind;
  }

  protected now(): number {
    return this.clock.now();
  }

  // ---- reading helpers

  protected async meId(t: Tables): Promise<string | null> {
    return (await t.get<{ key: string; value: string | null }>('meta', 'me'))?.value ?? null;
  }

  protected async account(t: Tables, id: string): Promise<Author> {
    return (await t.get<Author>('accounts', id)) ?? { id, name: id };
  }

  /** The story if it exists and is live, else NotFound. */
  protected async liveStory(t: Tables, storyId: string): Promise<StoredStory> {
    const story = await t.get<StoredStory>('stories', storyId);
    if (!story || !isLive(story, this.now())) throw new NotFound(`No live story ${storyId}`);
    return story;
  }

  protected async toStory(t: Tables, stored: StoredStory, author?: Author): Promise<Story> {
    const { authorId, hasBlob, trackBlobs, ...rest } = stored;
    const story: Story = { ...rest, author: author ?? (await this.account(t, authorId)) };
    if (hasBlob) story.media = { ...story.media, src: await this.blobUrl(t, stored.id) };
    if (trackBlobs && story.media.tracks) {
      const tracks = await Promise.all(story.media.tracks.map(async (track, i) => (i < trackBlobs ? { ...track, src: await this.blobUrl(t, trackKey(stored.id, i)) } : track)));
      story.media = { ...story.media, tracks };
    }
    return story;
  }

  /** One object URL per stored Blob, kept while the story lives, registered as the library's own. */
  protected async blobUrl(t: Tables, storyId: string): Promise<string> {
    let url = this.objectUrls.get(storyId);
    if (!url) {
      const record = await t.get<{ storyId: string; blob: Blob }>('media', storyId);
      if (!record) return '';
      url = URL.createObjectURL(record.blob);
      registerBlobUrl(url);
      this.objectUrls.set(storyId, url);
    }
    return url;
  }

  protected forgetBlobUrl(storyId: string): void {
    const url = this.objectUrls.get(storyId);
    if (!url) return;
    URL.revokeObjectURL(url);
    releaseBlobUrl(url);
    this.objectUrls.delete(storyId);
  }

  /** Deletes expired stories with their media, views and comments. */
  async purgeExpired(): Promise<number> {
    const t = await this.tables;
    const now = this.now();
    const expired = await t.deleteFromIndex<StoredStory>('stories', 'expiresAt', IDBKeyRange.upperBound(now));
    // Clamping happens on write, so the index is the effective expiry; this catches legacy rows too.
    for (const story of expired) await this.deleteAttachments(t, story);
    return expired.length;
  }

  protected async deleteAttachments(t: Tables, { id: storyId, trackBlobs = 0 }: StoredStory): Promise<void> {
    await t.delete('media', storyId);
    // Only the caption files this story kept.
    for (let i = 0; i < trackBlobs; i++) {
      await t.delete('media', trackKey(storyId, i));
      this.forgetBlobUrl(trackKey(storyId, i));
    }
    await t.deleteFromIndex('views', 'storyId', storyId);
    await t.deleteFromIndex('comments', 'storyId', storyId);
    await t.deleteFromIndex('reports', 'storyId', storyId);
    this.forgetBlobUrl(storyId);
  }

  protected async liveStoriesByAuthor(t: Tables): Promise<Map<string, StoredStory[]>> {
    const now = this.now();
    const live = await t.getAllFromIndex<StoredStory>('stories', 'expiresAt', IDBKeyRange.lowerBound(now, true));
    const byAuthor = new Map<string, StoredStory[]>();
    for (const story of live) {
      if (story.createdAt > now) continue;
      const list = byAuthor.get(story.authorId);
      if (list) list.push(story);
      else byAuthor.set(story.authorId, [story]);
    }
    return byAuthor;
  }

  /** Tells the stores of this tab and of the others (`feed-change`) that stories came or went. */
  protected feedChanged(): void {
    this.dispatchEvent(new Event('feed-change'));
    this.channel?.postMessage({ type: 'feed-change' });
  }

  /**
   * Hands an event to this tab's listeners (and, with `broadcast`, to the other tabs').
   * Comments are public; who viewed a story is for its author only, as on a server: a view
   * reaches listeners only while the story's author is the signed-in user. Resolves once
   * that is decided, so a caller that then signs someone else in cannot change it.
   */
  protected async deliver(event: StoryEvent, broadcast: boolean): Promise<void> {
    const storyId = event.type === 'comment' ? event.comment.storyId : event.storyId;
    if (broadcast) this.channel?.postMessage(event);
    if (!this.listeners.has(storyId)) return;
    if (event.type === 'view') {
      const t = await this.tables;
      const story = await t.get<StoredStory>('stories', storyId);
      if (!story || (await this.meId(t)) !== story.authorId) return;
    }
    for (const listener of this.listeners.get(storyId) ?? []) listener(event);
  }

  /** A storage failure as a typed error; a cancellation stays an AbortError (nothing failed). */
  protected storageError(error: unknown): Error {
    if (error instanceof StoriesError || (error instanceof DOMException && error.name === 'AbortError')) return error;
    if (error instanceof DOMException && error.name === 'QuotaExceededError') return new Quota('The browser\u2019s storage is full', { cause: error });
    return new Quota(`Could not save: ${messageOf(error)}`, { cause: error });
  }

  protected async toComment(t: Tables, stored: StoredComment): Promise<Comment> {
    const { authorId, clientKey: _clientKey, ...rest } = stored;
    return { ...rest, author: await this.account(t, authorId) };
  }

  // ---- managing the world (demo, tests, apps that embed LocalAdapter as their backend)

  /** Signs `authorId` in as the current user (null signs out). */
  async signIn(authorId: string | null): Promise<void> {
    await (await this.tables).put('meta', { key: 'me', value: authorId });
  }

  /** Adds or replaces an account. */
  async putAccount(author: Author): Promise<void> {
    await (await this.tables).put('accounts', author);
  }

  /** Makes `follower` follow `followee`. */
  async follow(follower: string, followee: string): Promise<void> {
    await (await this.tables).put('follows', { follower, followee });
  }

  /** Stops `follower` following `followee`. */
  async unfollow(follower: string, followee: string): Promise<void> {
    await (await this.tables).delete('follows', [follower, followee]);
  }

  protected toStored(story: Story): StoredStory {
    const { author, ...rest } = story;
    return { ...rest, authorId: author.id, expiresAt: clampExpiry(story.createdAt, story.expiresAt) };
  }

  protected toStoredComment(comment: Comment): StoredComment {
    const { author, ...rest } = comment;
    return { ...rest, authorId: author.id, clientKey: `${author.id}|${comment.clientId ?? comment.id}` };
  }

  /** Stores a story as it is (adding its author when unknown); `expiresAt` is clamped to 24 h. */
  async putStory(story: Story, blob?: Blob): Promise<void> {
    const t = await this.tables;
    const { author } = story;
    const stored = this.toStored(story);
    if (blob) {
      stored.hasBlob = true;
      await t.put('media', { storyId: story.id, blob });
    }
    if (!(await t.get('accounts', author.id))) await t.put('accounts', author);
    await t.put('stories', stored);
    this.feedChanged();
  }

  /** Records a view by `viewerId` at `viewedAt` (once per viewer). */
  /**
   * Records that `viewerId` viewed a story (once per viewer, as `markViewed`), e.g. a view
   * that reached an app's own backend; its author's open lists hear of it, in every tab.
   */
  async recordView(storyId: string, viewerId: string, viewedAt: number): Promise<void> {
    const t = await this.tables;
    if (await t.add('views', { storyId, viewerId, viewedAt } satisfies StoredView)) {
      await this.deliver({ type: 'view', storyId, view: { viewer: await this.account(t, viewerId), viewedAt } }, true);
    }
  }

  /** Stores a comment as it is, for seeding. */
  async putComment(comment: Comment): Promise<void> {
    const t = await this.tables;
    if (!(await t.get('accounts', comment.author.id))) await t.put('accounts', comment.author);
    await t.put('comments', this.toStoredComment(comment));
  }

  /** Adds a sound to the composer's library. */
  async putSound(sound: Sound & { id: string }): Promise<void> {
    await (await this.tables).put('sounds', sound);
  }

  /** Replaces everything with `world` (a few transactions, however big the world). */
  async seed(world: World): Promise<void> {
    await this.clear();
    const t = await this.tables;
    const accounts = new Map(world.accounts.map((a) => [a.id, a]));
    for (const item of [...world.stories, ...world.comments]) if (!accounts.has(item.author.id)) accounts.set(item.author.id, item.author);
    await t.putAll('accounts', [...accounts.values()]);
    await t.putAll('follows', world.follows.map(([follower, followee]) => ({ follower, followee })));
    await t.putAll('stories', world.stories.map((story) => this.toStored(story)));
    await t.putAll('views', world.views satisfies StoredView[]);
    await t.putAll('comments', world.comments.map((comment) => this.toStoredComment(comment)));
    await t.putAll('sounds', world.sounds);
    await this.signIn(world.me ?? null);
  }

  /** Deletes everything. */
  async clear(): Promise<void> {
    const t = await this.tables;
    for (const store of Object.keys(SCHEMA)) await t.clear(store);
    for (const storyId of [...this.objectUrls.keys()]) this.forgetBlobUrl(storyId);
  }

  /** Closes the database and the channel; the adapter is unusable afterwards. */
  async close(): Promise<void> {
    this.channel?.close();
    for (const storyId of [...this.objectUrls.keys()]) this.forgetBlobUrl(storyId);
    (await this.tables).close();
  }
}
