import type { StoriesAdapter } from '../adapters/types.js';
import { Invalid, type StoriesError, messageOf } from '../model/errors.js';
import { SkewedClock, isLive } from '../model/time.js';
import type { Author, Page, Reel, Story, StoryDraft } from '../model/types.js';
import { parseAuthor, parsePage, parseReel, parseStory } from '../model/validate.js';
import { SeenStore } from '../storage/seen.js';
import { orderReels } from './order.js';
import { StoreCalls, isAbort } from './store-calls.js';
import type { StoreOptions } from './store.js';

/**
 * Whether a story an adapter just sent is live. Our clock is the server's only to within a
 * round trip, so a story stamped a moment ahead of it (one posted just now, heard of at
 * once through a live event) is live, not "from the future" and dropped.
 */
const CLOCK_SLACK_MS = 5000;
const liveByNow = (story: { createdAt: number; expiresAt: number }, now: number) => isLive(story, story.createdAt > now && story.createdAt <= now + CLOCK_SLACK_MS ? story.createdAt : now);

/**
 * The store's second layer (see {@link StoriesStore}): the signed-in user, the feed (loaded
 * page by page, validated, unseen first then most recent, refreshed for new stories), the
 * user's own reel, which stories were seen, and expiry: a story leaves at its `expiresAt`,
 * to the millisecond, without a reload.
 */
export class FeedStore extends StoreCalls {
  // What the elements read, read-only from outside: only the store's own methods change it.
  #me: Author | null = null;
  #reels: Reel[] = [];
  #status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  #error: StoriesError | null = null;
  #hasMore = true;

  /** The signed-in account, or null. */
  get me(): Author | null {
    return this.#me;
  }
  /** Live reels of followed accounts, in display order. */
  get reels(): Reel[] {
    return this.#reels;
  }
  get status(): 'idle' | 'loading' | 'ready' | 'error' {
    return this.#status;
  }
  /** The last failure of loading the feed, shown by elements as a polite error state. */
  get error(): StoriesError | null {
    return this.#error;
  }
  /** Whether more feed pages can be loaded. */
  get hasMore(): boolean {
    return this.#hasMore;
  }

  private readonly seenStore: SeenStore | null;
  private readonly pageSize: number;
  private seenIds = new Set<string>();
  private viewsSent = new Set<string>();
  protected cursor: string | undefined;
  private loading: Promise<void> | null = null;
  private loadingMore: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;
  private disposed = false;
  private expiryTimer: unknown;
  private refreshTimer: unknown;
  private readonly refreshInterval: number;
  private readonly keepOrder: boolean;
  /** A refresh fell due while the page was hidden. */
  private refreshDue = false;
  /** Reels of accounts outside the loaded feed: the user's own, and accounts opened from elsewhere. */
  protected extraReels = new Map<string, Reel>();

  constructor(adapter: StoriesAdapter, options: StoreOptions = {}) {
    super(adapter, options.clock);
    this.pageSize = options.pageSize ?? 20;
    this.refreshInterval = options.refreshInterval ?? 60_000;
    this.keepOrder = options.keepOrder ?? false;
    this.seenStore = options.seen === undefined ? new SeenStore(this.key, (reason) => this.storageFallback(reason)) : options.seen;
    if (this.seenStore) {
      this.disposers.push(this.seenStore.onRemoteSeen((storyId) => this.setSeen(storyId)));
    }
    if (adapter instanceof EventTarget) {
      // An adapter that knows its feed changed (LocalAdapter: a story posted in any tab) says so.
      const onFeedChange = () => void this.refresh();
      adapter.addEventListener('feed-change', onFeedChange);
      this.disposers.push(() => adapter.removeEventListener('feed-change', onFeedChange));
    }
    if (typeof document !== 'undefined') {
      const onVisible = () => {
        if (document.visibilityState === 'visible' && this.refreshDue) void this.refresh();
      };
      document.addEventListener('visibilitychange', onVisible);
      this.disposers.push(() => document.removeEventListener('visibilitychange', onVisible));
    }
  }

  /** Accounts of a feed page loaded later (playback going through the feed goes on into them). */
  protected pageAdded(_authorIds: string[]): void {}

  /** Stories left the feed (expired or deleted): playback on one of them moves on. */
  protected storiesGone(): void {}

  private storageFallback(reason: unknown): void {
    const message = `Seen state cannot be saved (${messageOf(reason)}); it lasts until this page closes.`;
    this.report({ code: 'quota', message });
  }

  private observeClock(page: { serverTime?: number }, sentAt: number): void {
    if (page.serverTime !== undefined && this.clock instanceof SkewedClock) this.clock.observeServerTime(page.serverTime, sentAt);
  }

  // ---- the feed

  /** Loads the signed-in user, seen state and the first feed page (once; later calls share it). */
  load(): Promise<void> {
    if (!this.loading) this.loading = this.loadFirst();
    return this.loading;
  }

  /**
   * Looks for new stories: fetches the first feed page again and merges it into the feed
   * (new accounts appear, known accounts get their new stories and lose deleted ones, the
   * order is recomputed: unseen first); pages already loaded stay. Before the first load
   * succeeded, or after it failed, it loads from scratch. Concurrent calls share one request.
   */
  refresh(): Promise<void> {
    this.refreshDue = false;
    if (this.status !== 'ready') return this.reload();
    if (!this.refreshing) {
      this.refreshing = (async () => {
        try {
          const sentAt = Date.now();
          const page = parsePage(await this.adapter.feed({ limit: this.pageSize }), parseReel, this.issue);
          this.observeClock(page, sentAt);
          const fresh = this.merge([], page.items);
          const byId = new Map(fresh.map((r) => [r.author.id, r]));
          const kept = this.reels.map((r) => byId.get(r.author.id) ?? r);
          const known = new Set(kept.map((r) => r.author.id));
          this.#reels = this.order([...kept, ...fresh.filter((r) => !known.has(r.author.id))]);
          await this.loadMine();
          this.scheduleExpiry();
        } catch (error) {
          // The feed on screen stays; the failure is reported.
          if (!isAbort(error)) this.fail(error);
        } finally {
          this.refreshing = null;
          this.scheduleRefresh();
          this.emit();
        }
      })();
    }
    return this.refreshing;
  }

  /** Drops the feed and loads it again from the first page (what "Try again" does after an error). */
  reload(): Promise<void> {
    this.loading = null;
    this.loadingMore = null;
    this.cursor = undefined;
    this.#hasMore = true;
    this.#status = 'idle';
    return this.load();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== undefined) this.clock.clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (!(this.refreshInterval > 0) || this.disposed) return;
    this.refreshTimer = this.clock.setTimeout(() => {
      this.refreshTimer = undefined;
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') this.refreshDue = true;
      else void this.refresh();
    }, this.refreshInterval);
  }

  private async loadFirst(): Promise<void> {
    this.#status = 'loading';
    this.#error = null;
    this.emit();
    try {
      const [me, seen] = await Promise.all([
        this.adapter.me().catch((error) => {
          // The feed may still be readable anonymously.
          this.fail(error);
          return null;
        }),
        this.seenStore ? this.seenStore.load(this.clock.now()).catch(() => new Set<string>()) : new Set<string>(),
      ]);
      this.#me = me === null ? null : (parseAuthor(me, this.issue) ?? null);
      // Comments this user left in the outbox on an earlier page go out now (its code loads only then).
      // It is held while the store lives, and let go by dispose().
      if (this.me && !this.adapter.readOnly) void import('./outbox.js').then((m) => this.disposed || this.disposers.push(m.holdOutbox(this)), () => {});
      for (const id of seen) this.seenIds.add(id);
      const [page] = await Promise.all([this.fetchPage(undefined), this.loadMine()]);
      this.#reels = this.order(this.merge([], page.items));
      this.#status = 'ready';
      this.scheduleRefresh();
    } catch (error) {
      if (isAbort(error)) return;
      this.#error = this.fail(error);
      this.#status = 'error';
      // Let a later load() try again.
      this.loading = null;
    }
    this.scheduleExpiry();
    this.emit();
  }

  /** The signed-in user's own live stories, shown first as "Your story". */
  private async loadMine(): Promise<void> {
    if (!this.me || this.adapter.readOnly) return;
    const id = this.me.id;
    // Fetched anew and swapped in whole: "Your story" never disappears while a refresh loads it.
    const raw = await this.adapter.reel(id).catch((error: unknown) => {
      if (!isAbort(error)) this.fail(error, { authorId: id });
      return undefined;
    });
    if (raw === undefined) return;
    const reel = raw === null ? undefined : parseReel(raw, this.issue);
    const now = this.clock.now();
    const live = reel && { ...reel, stories: reel.stories.filter((s) => liveByNow(s, now)) };
    if (live?.stories.length) {
      this.extraReels.set(id, live);
      this.scheduleExpiry();
    } else this.extraReels.delete(id);
  }

  /** The signed-in user's own live reel, if any. */
  mine(): Reel | undefined {
    return this.me ? this.extraReels.get(this.me.id) : undefined;
  }

  private async fetchPage(cursor: string | undefined): Promise<Page<Reel>> {
    const sentAt = Date.now();
    const raw = await this.adapter.feed({ cursor, limit: this.pageSize });
    const page = parsePage(raw, parseReel, this.issue);
    this.observeClock(page, sentAt);
    this.cursor = page.next;
    this.#hasMore = page.next !== undefined;
    return page;
  }

  /** Whether a further feed page is on its way. */
  get loadingPage(): boolean {
    return this.loadingMore !== null;
  }

  /** Loads the next feed page, if any; concurrent calls share one request. */
  loadMore(): Promise<void> {
    if (this.status !== 'ready' || !this.hasMore) return this.loading ?? Promise.resolve();
    if (!this.loadingMore) {
      this.loadingMore = (async () => {
        try {
          const page = await this.fetchPage(this.cursor);
          // New pages append in their own order; already shown accounts keep their place.
          const added = this.order(this.merge(this.reels, page.items));
          this.#reels = [...this.reels, ...added];
          this.pageAdded(added.map((r) => r.author.id));
          this.scheduleExpiry();
        } catch (error) {
          if (!isAbort(error)) this.#error = this.fail(error);
        } finally {
          this.loadingMore = null;
          this.emit();
        }
      })();
    }
    return this.loadingMore;
  }

  /** Keeps live stories and non-empty reels of `incoming` whose account is not in `existing`. */
  private merge(existing: Reel[], incoming: Reel[]): Reel[] {
    const now = this.clock.now();
    const known = new Set(existing.map((r) => r.author.id));
    const result: Reel[] = [];
    for (const reel of incoming) {
      if (known.has(reel.author.id)) {
        this.issue({ item: 'reel', id: reel.author.id, path: 'author.id', message: 'appears twice in the feed; the first is kept' });
        continue;
      }
      known.add(reel.author.id);
      const stories = reel.stories.filter((s) => liveByNow(s, now));
      if (stories.length) result.push({ ...reel, stories });
    }
    return result;
  }

  private order(reels: Reel[]): Reel[] {
    return this.keepOrder ? reels : orderReels(reels, (id) => this.seenIds.has(id));
  }

  /** An account's live reel: from the feed when it is there, else from the adapter. */
  async reel(authorId: string, opts: { signal?: AbortSignal } = {}): Promise<Reel | null> {
    const known = this.reels.find((r) => r.author.id === authorId) ?? this.extraReels.get(authorId);
    if (known) return known;
    try {
      const raw = await this.adapter.reel(authorId, opts);
      if (raw === null) return null;
      const reel = parseReel(raw, this.issue);
      if (!reel) return null;
      const now = this.clock.now();
      const live = { ...reel, stories: reel.stories.filter((s) => liveByNow(s, now)) };
      if (!live.stories.length) return null;
      this.extraReels.set(authorId, live);
      this.scheduleExpiry();
      return live;
    } catch (error) {
      if (isAbort(error)) throw error;
      throw this.fail(error, { authorId });
    }
  }

  // ---- seen state

  isSeen(storyId: string): boolean {
    return this.seenIds.has(storyId);
  }

  /** How many of a reel's stories were not seen yet. */
  unseenCount(reel: Reel): number {
    return reel.stories.reduce((n, s) => n + (this.seenIds.has(s.id) ? 0 : 1), 0);
  }

  private setSeen(storyId: string): void {
    if (this.seenIds.has(storyId)) return;
    this.seenIds.add(storyId);
    this.emit();
  }

  /** Marks a story seen (persisted, all tabs) and tells the adapter once. */
  async markViewed(story: Story): Promise<void> {
    const wasSeen = this.seenIds.has(story.id);
    this.setSeen(story.id);
    if (!wasSeen) this.seenStore?.add(story.id, story.expiresAt).catch((error) => this.fail(error, { storyId: story.id }));
    if (this.viewsSent.has(story.id)) return;
    this.viewsSent.add(story.id);
    try {
      await this.adapter.markViewed(story.id);
    } catch (error) {
      this.viewsSent.delete(story.id);
      this.fail(error, { storyId: story.id });
    }
  }

  // ---- expiry

  protected allStories(): Story[] {
    return [...this.reels, ...this.extraReels.values()].flatMap((r) => r.stories);
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer !== undefined) this.clock.clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    let next = Infinity;
    for (const story of this.allStories()) if (story.expiresAt < next) next = story.expiresAt;
    if (next === Infinity) return;
    this.expiryTimer = this.clock.setTimeout(() => {
      this.expiryTimer = undefined;
      this.pruneExpired();
    }, next - this.clock.now());
  }

  /** Removes expired stories, and accounts left with none; then waits for the next expiry. */
  pruneExpired(): void {
    const now = this.clock.now();
    const prune = (reel: Reel) => ({ ...reel, stories: reel.stories.filter((s) => liveByNow(s, now)) });
    const before = this.allStories().length;
    this.#reels = this.reels.map(prune).filter((r) => r.stories.length);
    for (const [id, reel] of this.extraReels) {
      const live = prune(reel);
      if (live.stories.length) this.extraReels.set(id, live);
      else this.extraReels.delete(id);
    }
    this.storiesGone();
    this.scheduleExpiry();
    if (this.allStories().length !== before) this.emit();
  }

  // ---- publishing

  /** Publishes a story by the signed-in user; it shows at once in their own reel. */
  publish(draft: StoryDraft, opts: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {}): Promise<Story> {
    return this.call({}, async () => {
      const story = parseStory(await this.adapter.publish(draft, opts), this.issue);
      if (!story) throw new Invalid('The server answered with an invalid story');
      const own = this.extraReels.get(story.author.id);
      this.extraReels.set(story.author.id, { author: story.author, stories: [...(own?.stories ?? []), story] });
      this.scheduleExpiry();
      this.emit();
      return story;
    }, opts.signal);
  }

  deleteStory(storyId: string): Promise<void> {
    return this.call({ storyId }, async () => {
      await this.adapter.deleteStory(storyId);
      const drop = (r: Reel) => ({ ...r, stories: r.stories.filter((s) => s.id !== storyId) });
      this.#reels = this.reels.map(drop).filter((r) => r.stories.length);
      for (const [id, reel] of this.extraReels) {
        const left = drop(reel);
        if (left.stories.length) this.extraReels.set(id, left);
        else this.extraReels.delete(id);
      }
      this.storiesGone();
      this.emit();
    });
  }

  /** Whether the signed-in user wrote `story` (the viewers tab exists only then). */
  isAuthor(story: Story): boolean {
    return this.me !== null && this.me.id === story.author.id;
  }

  /** Stops timers and listeners; the store is unusable afterwards. */
  dispose(): void {
    this.disposed = true;
    if (this.expiryTimer !== undefined) this.clock.clearTimeout(this.expiryTimer);
    if (this.refreshTimer !== undefined) this.clock.clearTimeout(this.refreshTimer);
    for (const dispose of this.disposers) dispose();
    this.seenStore?.close();
  }
}
