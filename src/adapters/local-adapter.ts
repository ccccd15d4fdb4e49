import { Forbidden, Invalid, NotFound, Quota, StoriesError } from '../model/errors.js';
import { STORY_LIFETIME, clampExpiry, isLive } from '../model/time.js';
import type { Author, Comment, Page, Reel, Sound, Story, StoryDraft, StoryEvent, StoryView } from '../model/types.js';
import { registerBlobUrl, releaseBlobUrl } from '../model/validate.js';
import { openTables, type Schema, type Tables } from '../storage/tables.js';
import type { World } from './demo-world.js';
import type { ListOptions, StoriesAdapter } from './types.js';

import { COMMENT_MAX_LENGTH, LIMITS } from '../model/limits.js';
export { COMMENT_MAX_LENGTH };

const PAGE_SIZE = 50;

/** `trackBlobs`: how many caption files were published as files (kept beside the media, `<id>#track<n>`). */
type StoredStory = Omit<Story, 'author'> & { authorId: string; hasBlob?: boolean; trackBlobs?: number };

const trackKey = (storyId: string, index: number) => `${storyId}#track${index}`;
type StoredComment = Omit<Comment, 'author'> & { authorId: string; clientKey: string };
interface StoredView {
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

function randomId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID()}`;
}

function pageOf<T>(all: T[], cursor: string | undefined, size = PAGE_SIZE): Page<T> {
  const start = Math.max(0, Number(cursor) || 0);
  const items = all.slice(start, start + size);
  return start + size < all.length ? { items, next: String(start + size) } : { items };
}

/**
 * The whole stories world in the browser's IndexedDB: accounts, who follows whom, stories
 * (media as URLs or Blobs), views, comments and sounds. It enforces the rules a server
 * would — the feed holds only followed accounts with live stories, only a story's author
 * reads its viewers, comments are idempotent on `clientId`, expired stories and everything
 * attached to them are purged — so an app built on it behaves the same on a real backend.
 *
 * Several tabs share the database; live events cross tabs through a BroadcastChannel, and
 * so does `feed-change` (an Event it dispatches when stories are posted or deleted, which
 * makes stores refresh their feed). When
 * IndexedDB cannot be opened it keeps everything in memory and dispatches a `warning`
 * event whose `detail` is a `Quota` error saying so.
 */
export class LocalAdapter extends EventTarget implements StoriesAdapter {
  readonly readOnly = false;
  readonly dbName: string;
  /** `local:` and the database name: an outbox's comments go back to this world. */
  get key(): string {
    return `local:${this.dbName}`;
  }
  /** Warnings dispatched so far (kept, so a store created later still reports them). */
  readonly warnings: StoriesError[] = [];
  private readonly clock: { now(): number };
  private readonly tables: Promise<Tables>;
  private readonly objectUrls = new Map<string, string>();
  private readonly listeners = new Map<string, Set<(e: StoryEvent) => void>>();
  private readonly channel?: BroadcastChannel;

  constructor(options: LocalAdapterOptions = {}) {
    super();
    this.dbName = options.dbName ?? 'stories-kit-local';
    this.clock = options.clock ?? { now: () => Date.now() };
    this.tables = openTables(this.dbName, 2, SCHEMA, (reason) => {
      const message = `IndexedDB could not be opened (${reason instanceof Error ? reason.message : String(reason)}); stories are kept in memory until this page closes.`;
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

  private now(): number {
    return this.clock.now();
  }

  // ---- reading helpers

  private async meId(t: Tables): Promise<string | null> {
    return (await t.get<{ key: string; value: string | null }>('meta', 'me'))?.value ?? null;
  }

  private async account(t: Tables, id: string): Promise<Author> {
    return (await t.get<Author>('accounts', id)) ?? { id, name: id };
  }

  /** The story if it exists and is live, else NotFound. */
  private async liveStory(t: Tables, storyId: string): Promise<StoredStory> {
    const story = await t.get<StoredStory>('stories', storyId);
    if (!story || !isLive(story, this.now())) throw new NotFound(`No live story ${storyId}`);
    return story;
  }

  private async toStory(t: Tables, stored: StoredStory, author?: Author): Promise<Story> {
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
  private async blobUrl(t: Tables, storyId: string): Promise<string> {
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

  private forgetBlobUrl(storyId: string): void {
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

  private async deleteAttachments(t: Tables, { id: storyId, trackBlobs = 0 }: StoredStory): Promise<void> {
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

  private async liveStoriesByAuthor(t: Tables): Promise<Map<string, StoredStory[]>> {
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

  // ---- StoriesAdapter

  async me(): Promise<Author | null> {
    const t = await this.tables;
    const id = await this.meId(t);
    return id ? this.account(t, id) : null;
  }

  async feed(opts: ListOptions & { limit?: number } = {}): Promise<Page<Reel>> {
    const t = await this.tables;
    await this.purgeExpired();
    const me = await this.meId(t);
    if (!me) return { items: [], serverTime: this.now() };
    const followees = new Set((await t.getAllFromIndex<{ followee: string }>('follows', 'follower', me)).map((f) => f.followee));
    const byAuthor = await this.liveStoriesByAuthor(t);
    const groups = [...byAuthor].filter(([authorId]) => followees.has(authorId) && authorId !== me);
    const latest = (stories: StoredStory[]) => Math.max(...stories.map((s) => s.createdAt));
    groups.sort((a, b) => latest(b[1]) - latest(a[1]) || a[0].localeCompare(b[0]));
    const page = pageOf(groups, opts.cursor, Math.min(Math.max(1, opts.limit ?? 20), 100));
    // One round of reads for the whole page, not one per account in turn.
    const items: Reel[] = await Promise.all(
      page.items.map(async ([authorId, stories]) => {
        const author = await this.account(t, authorId);
        stories.sort((a, b) => a.createdAt - b.createdAt);
        return { author, stories: await Promise.all(stories.map((s) => this.toStory(t, s, author))) };
      }),
    );
    return { ...page, items, serverTime: this.now() };
  }

  async reel(authorId: string): Promise<Reel | null> {
    const t = await this.tables;
    // One account's stories through its index, not every live story of the world.
    const now = this.now();
    const stories = (await t.getAllFromIndex<StoredStory>('stories', 'authorId', authorId)).filter((s) => isLive(s, now));
    if (!stories.length) return null;
    const author = await this.account(t, authorId);
    stories.sort((a, b) => a.createdAt - b.createdAt);
    return { author, stories: await Promise.all(stories.map((s) => this.toStory(t, s, author))) };
  }

  async markViewed(storyId: string): Promise<void> {
    const t = await this.tables;
    const story = await this.liveStory(t, storyId);
    const me = await this.meId(t);
    // Anonymous views and the author's own are not counted.
    if (!me || me === story.authorId) return;
    const view: StoredView = { storyId, viewerId: me, viewedAt: this.now() };
    if (await t.add('views', view)) await this.deliver({ type: 'view', storyId, view: { viewer: await this.account(t, me), viewedAt: view.viewedAt } }, true);
  }

  async viewers(storyId: string, opts: ListOptions = {}): Promise<Page<StoryView>> {
    const t = await this.tables;
    const story = await this.liveStory(t, storyId);
    if ((await this.meId(t)) !== story.authorId) throw new Forbidden('Only the author sees who viewed a story');
    const views = await t.getAllFromIndex<StoredView>('views', 'storyId', storyId);
    views.sort((a, b) => b.viewedAt - a.viewedAt || a.viewerId.localeCompare(b.viewerId));
    const page = pageOf(views, opts.cursor);
    const items = await Promise.all(page.items.map(async (v) => ({ viewer: await this.account(t, v.viewerId), viewedAt: v.viewedAt })));
    return { ...page, items, total: views.length, serverTime: this.now() };
  }

  async comments(storyId: string, opts: ListOptions = {}): Promise<Page<Comment>> {
    const t = await this.tables;
    await this.liveStory(t, storyId);
    const all = await t.getAllFromIndex<StoredComment>('comments', 'storyId', storyId);
    all.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    // Newest page first; `next` walks back in time; each page reads oldest to newest.
    const end = opts.cursor === undefined ? all.length : Math.max(0, Math.min(all.length, Number(opts.cursor) || 0));
    const start = Math.max(0, end - PAGE_SIZE);
    const items = await Promise.all(all.slice(start, end).map((c) => this.toComment(t, c)));
    return start > 0 ? { items, next: String(start), serverTime: this.now() } : { items, serverTime: this.now() };
  }

  private async toComment(t: Tables, stored: StoredComment): Promise<Comment> {
    const { authorId, clientKey: _clientKey, ...rest } = stored;
    return { ...rest, author: await this.account(t, authorId) };
  }

  async postComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment> {
    const t = await this.tables;
    const me = await this.meId(t);
    if (!me) throw new Forbidden('Sign in to comment');
    const story = await this.liveStory(t, storyId);
    if (story.commentsEnabled === false) throw new Forbidden('Comments are turned off for this story');
    const text = typeof input.text === 'string' ? input.text.trim() : '';
    if (!text) throw new Invalid('A comment needs some text');
    if (text.length > COMMENT_MAX_LENGTH) throw new Invalid(`A comment has at most ${COMMENT_MAX_LENGTH} characters`);
    if (typeof input.clientId !== 'string' || !input.clientId || input.clientId.length > 256) throw new Invalid('clientId is required');
    const clientKey = `${me}|${input.clientId}`;
    const existing = (await t.getAllFromIndex<StoredComment>('comments', 'clientKey', clientKey))[0];
    if (existing) return this.toComment(t, existing);
    if (input.parentId !== undefined) {
      const parent = await t.get<StoredComment>('comments', input.parentId);
      if (!parent || parent.storyId !== storyId) throw new Invalid('The comment replied to does not exist');
      if (parent.parentId) throw new Invalid('Replies go one level deep');
    }
    const stored: StoredComment = { id: randomId('c'), storyId, authorId: me, text, createdAt: this.now(), clientId: input.clientId, clientKey };
    if (input.parentId !== undefined) stored.parentId = input.parentId;
    try {
      if (!(await t.add('comments', stored))) {
        // Another tab stored the same clientId between our check and our write.
        const winner = (await t.getAllFromIndex<StoredComment>('comments', 'clientKey', clientKey))[0];
        return this.toComment(t, winner);
      }
    } catch (error) {
      throw this.storageError(error);
    }
    const comment = await this.toComment(t, stored);
    void this.deliver({ type: 'comment', comment }, true);
    return comment;
  }

  async deleteComment(storyId: string, commentId: string): Promise<void> {
    const t = await this.tables;
    const comment = await t.get<StoredComment>('comments', commentId);
    if (!comment || comment.storyId !== storyId) throw new NotFound(`No comment ${commentId}`);
    const story = await this.liveStory(t, storyId);
    const me = await this.meId(t);
    if (!me || (me !== comment.authorId && me !== story.authorId)) throw new Forbidden('Only the comment\u2019s author or the story\u2019s author may delete it');
    await t.delete('comments', commentId);
    const replies = (await t.getAllFromIndex<StoredComment>('comments', 'storyId', storyId)).filter((c) => c.parentId === commentId);
    for (const reply of replies) await t.delete('comments', reply.id);
    void this.deliver({ type: 'comment-deleted', storyId, commentId }, true);
  }

  async reportComment(storyId: string, commentId: string, input: { reason?: string } = {}): Promise<void> {
    const t = await this.tables;
    const me = await this.meId(t);
    if (!me) throw new Forbidden('Sign in to report a comment');
    const comment = await t.get<StoredComment>('comments', commentId);
    if (!comment || comment.storyId !== storyId) throw new NotFound(`No comment ${commentId}`);
    const report: StoredReport = { storyId, commentId, reporterId: me, reportedAt: this.now() };
    if (typeof input.reason === 'string' && input.reason) report.reason = input.reason.slice(0, LIMITS.reportReason);
    // Reporting twice is one report.
    await t.put('reports', report).catch((error: unknown) => {
      throw this.storageError(error);
    });
  }

  /** Reports of comments on a story (for moderation tools; the elements never show them). */
  async reports(storyId: string): Promise<StoredReport[]> {
    return (await this.tables).getAllFromIndex<StoredReport>('reports', 'storyId', storyId);
  }

  async publish(draft: StoryDraft, opts: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {}): Promise<Story> {
    const t = await this.tables;
    const me = await this.meId(t);
    if (!me) throw new Forbidden('Sign in to post a story');
    opts.signal?.throwIfAborted();
    const { blob, tracks, ...media } = draft.media ?? ({} as StoryDraft['media']);
    if (media.kind !== 'image' && media.kind !== 'video') throw new Invalid('A story is a photo or a video');
    if (!blob && !media.src) throw new Invalid('A story needs its photo or video');
    const total = blob?.size ?? 1;
    opts.onProgress?.(0, total);
    const now = this.now();
    const stored: StoredStory = {
      id: randomId('s'),
      authorId: me,
      createdAt: now,
      expiresAt: now + STORY_LIFETIME,
      media: { ...media, src: media.src ?? '' },
    };
    // Caption files first (kept as blobs beside the media), then caption URLs, at most 8.
    const files = (tracks ?? []).filter((track) => track.blob).slice(0, LIMITS.tracks);
    const urls = (tracks ?? []).filter((track) => !track.blob && track.src);
    const described = [...files, ...urls].slice(0, LIMITS.tracks).map(({ blob: _file, src, ...rest }) => ({ ...rest, src: src ?? '' }));
    if (described.length) stored.media.tracks = described;
    if (files.length) stored.trackBlobs = files.length;
    if (draft.contentWarning?.trim()) stored.contentWarning = draft.contentWarning.trim();
    if (draft.duration !== undefined) stored.duration = draft.duration;
    if (draft.overlays?.length) stored.overlays = draft.overlays;
    if (draft.sound) stored.sound = draft.sound;
    if (draft.effect && draft.effect !== 'none') stored.effect = draft.effect;
    if (draft.commentsEnabled === false) stored.commentsEnabled = false;
    try {
      if (blob) {
        stored.hasBlob = true;
        await t.put('media', { storyId: stored.id, blob });
      }
      for (const [i, track] of files.entries()) await t.put('media', { storyId: trackKey(stored.id, i), blob: track.blob });
      opts.signal?.throwIfAborted();
      await t.put('stories', stored);
    } catch (error) {
      await t.delete('media', stored.id).catch(() => {});
      throw this.storageError(error);
    }
    opts.onProgress?.(total, total);
    this.feedChanged();
    return this.toStory(t, stored);
  }

  /** Tells the stores of this tab and of the others (`feed-change`) that stories came or went. */
  private feedChanged(): void {
    this.dispatchEvent(new Event('feed-change'));
    this.channel?.postMessage({ type: 'feed-change' });
  }

  async deleteStory(storyId: string): Promise<void> {
    const t = await this.tables;
    const story = await t.get<StoredStory>('stories', storyId);
    if (!story) throw new NotFound(`No story ${storyId}`);
    if ((await this.meId(t)) !== story.authorId) throw new Forbidden('Only the author may delete a story');
    await t.delete('stories', storyId);
    await this.deleteAttachments(t, story);
    this.feedChanged();
  }

  async sounds(query = '', opts: ListOptions = {}): Promise<Page<Sound>> {
    const t = await this.tables;
    // A search overtaken by the next one: its answer would be thrown away.
    opts.signal?.throwIfAborted();
    const q = query.trim().toLocaleLowerCase();
    const all = (await t.getAll<Sound>('sounds')).filter((s) => !q || `${s.title ?? ''} ${s.artist ?? ''}`.toLocaleLowerCase().includes(q));
    all.sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
    return { items: all };
  }

  subscribe(storyId: string, onEvent: (e: StoryEvent) => void): () => void {
    let set = this.listeners.get(storyId);
    if (!set) this.listeners.set(storyId, (set = new Set()));
    set.add(onEvent);
    return () => {
      set.delete(onEvent);
      if (!set.size) this.listeners.delete(storyId);
    };
  }

  /**
   * Hands an event to this tab's listeners (and, with `broadcast`, to the other tabs').
   * Comments are public; who viewed a story is for its author only, as on a server: a view
   * reaches listeners only while the story's author is the signed-in user. Resolves once
   * that is decided, so a caller that then signs someone else in cannot change it.
   */
  private async deliver(event: StoryEvent, broadcast: boolean): Promise<void> {
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
  private storageError(error: unknown): Error {
    if (error instanceof StoriesError || (error instanceof DOMException && error.name === 'AbortError')) return error;
    if (error instanceof DOMException && error.name === 'QuotaExceededError') return new Quota('The browser\u2019s storage is full', { cause: error });
    return new Quota(`Could not save: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
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

  private toStored(story: Story): StoredStory {
    const { author, ...rest } = story;
    return { ...rest, authorId: author.id, expiresAt: clampExpiry(story.createdAt, story.expiresAt) };
  }

  private toStoredComment(comment: Comment): StoredComment {
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
