import type { StoriesAdapter } from '../adapters/types.js';
import { StoryErrorEvent, type StoryErrorDetail } from '../events.js';
import { Invalid, NotFound, ReadOnly, toStoriesError, type StoriesError } from '../model/errors.js';
import { SkewedClock, isLive, type Clock } from '../model/time.js';
import type { Author, Comment, Page, Reel, Sound, Story, StoryDraft, StoryEvent, StoryView } from '../model/types.js';
import { parseAuthor, parseComment, parsePage, parseReel, parseSound, parseStory, parseView, type ValidationIssue } from '../model/validate.js';
import { SeenStore } from '../storage/seen.js';
import { orderReels } from './order.js';
import { nextReelSpot, nextStorySpot, previousReelSpot, previousStorySpot, wantsNextPage, withPage, type Playback, type PlaybackWorld, type Spot } from './playback.js';

/** Options of {@link StoriesStore}. */
export interface StoreOptions {
  /** Time for expiry; tests pass a controlled clock. Defaults to the server-corrected browser clock. */
  clock?: Clock;
  /** Where seen state persists; `null` keeps it in memory only. Defaults to IndexedDB. */
  seen?: SeenStore | null;
  /** Reels per feed page (default 20). */
  pageSize?: number;
  /**
   * How often the first feed page is fetched again for new stories, in ms (default 60 000;
   * 0 turns it off). Never while the page is hidden: a hidden page refreshes when it shows.
   */
  refreshInterval?: number;
  /** Shows reels in the adapter's order instead of unseen first (the standalone viewer's `reels`). */
  keepOrder?: boolean;
}

export type { Playback } from './playback.js';

/**
 * Whether a story an adapter just sent is live. Our clock is the server's only to within a
 * round trip, so a story stamped a moment ahead of it (one posted just now, heard of at
 * once through a live event) is live, not "from the future" and dropped.
 */
const CLOCK_SLACK_MS = 5000;
const liveByNow = (story: { createdAt: number; expiresAt: number }, now: number) => isLive(story, story.createdAt > now && story.createdAt <= now + CLOCK_SLACK_MS ? story.createdAt : now);

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';


/**
 * The state every element shows, for one adapter: the signed-in user, the feed (loaded page
 * by page, validated, unseen first then most recent), which stories were seen, and what
 * the viewer is playing. Elements read it and call its methods; it calls the adapter.
 * A story leaves the store at its `expiresAt`, to the millisecond, without a reload.
 *
 * Dispatches `change` after every change, and `story-error` (a {@link StoryErrorEvent},
 * not bubbling here; the provider re-dispatches it from its element) for every failure
 * and every malformed item dropped.
 */
export class StoriesStore extends EventTarget {
  readonly adapter: StoriesAdapter;
  /**
   * The backend's one name: `adapter.key` (the library's adapters each have theirs, e.g.
   * `rest:<endpoint>`), else `custom` with an `invalid` story-error for a writable adapter.
   * Seen state, the comment outbox and the composer's drafts are kept under it.
   */
  readonly key: string;
  readonly clock: Clock;
  // What the elements read, read-only from outside: only the store's own methods change it.
  #me: Author | null = null;
  #reels: Reel[] = [];
  #status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  #error: StoriesError | null = null;
  #hasMore = true;
  #playback: Playback | null = null;

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
  /** What the viewer plays, or null when it is closed. */
  get playback(): Playback | null {
    return this.#playback;
  }

  private readonly seenStore: SeenStore | null;
  private readonly pageSize: number;
  private seenIds = new Set<string>();
  private viewsSent = new Set<string>();
  private cursor: string | undefined;
  private loading: Promise<void> | null = null;
  private loadingMore: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;
  private viewerCount = 0;
  private openTicket = 0;
  private disposed = false;
  private expiryTimer: unknown;
  private refreshTimer: unknown;
  private readonly refreshInterval: number;
  private readonly keepOrder: boolean;
  /** A refresh fell due while the page was hidden. */
  private refreshDue = false;
  private extraReels = new Map<string, Reel>();
  private disposers: (() => void)[] = [];

  constructor(adapter: StoriesAdapter, options: StoreOptions = {}) {
    super();
    this.adapter = adapter;
    this.clock = options.clock ?? new SkewedClock();
    this.pageSize = options.pageSize ?? 20;
    this.refreshInterval = options.refreshInterval ?? 60_000;
    this.keepOrder = options.keepOrder ?? false;
    // One name for the backend, for what is kept per backend: seen state, the comment outbox, drafts.
    this.key = typeof adapter.key === 'string' && adapter.key ? adapter.key : 'custom';
    if (this.key === 'custom' && !adapter.readOnly) {
      queueMicrotask(() => this.report({ code: 'invalid', message: 'This adapter has no key: give it one naming its backend (StoriesAdapter.key), so comments waiting to be sent and drafts go back to the backend they were written for' }));
    }
    this.seenStore = options.seen === undefined ? new SeenStore(this.key, (reason) => this.storageFallback(reason)) : options.seen;
    if (this.seenStore) {
      this.disposers.push(this.seenStore.onRemoteSeen((storyId) => this.setSeen(storyId)));
    }
    // Adapters that are EventTargets may warn (e.g. LocalAdapter falling back to memory);
    // warnings from before this store existed are reported too.
    const earlier = (adapter as { warnings?: unknown[] }).warnings;
    if (Array.isArray(earlier)) queueMicrotask(() => earlier.forEach((w) => this.fail(w)));
    if (adapter instanceof EventTarget) {
      const onWarning = (e: Event) => this.fail((e as CustomEvent<unknown>).detail);
      // An adapter that knows its feed changed (LocalAdapter: a story posted in any tab) says so.
      const onFeedChange = () => void this.refresh();
      adapter.addEventListener('warning', onWarning);
      adapter.addEventListener('feed-change', onFeedChange);
      this.disposers.push(() => {
        adapter.removeEventListener('warning', onWarning);
        adapter.removeEventListener('feed-change', onFeedChange);
      });
    }
    if (typeof document !== 'undefined') {
      const onVisible = () => {
        if (document.visibilityState === 'visible' && this.refreshDue) void this.refresh();
      };
      document.addEventListener('visibilitychange', onVisible);
      this.disposers.push(() => document.removeEventListener('visibilitychange', onVisible));
    }
  }

  // ---- reporting

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }

  private report(detail: StoryErrorDetail): void {
    this.dispatchEvent(new StoryErrorEvent(detail));
  }

  /** Reports a failure as `story-error` and returns it as a typed error. */
  private fail(error: unknown, about: Pick<StoryErrorDetail, 'storyId' | 'authorId'> = {}): StoriesError {
    const typed = toStoriesError(error);
    this.report({ code: typed.code, message: typed.message, error: typed, ...about });
    return typed;
  }

  /**
   * Re-dispatches this store's `story-error` events from `target` (bubbling, composed), so
   * they reach the page from an element (or from document for the default store).
   * Returns the function that stops it.
   */
  forwardErrorsTo(target: EventTarget): () => void {
    const forward = (e: Event) => target.dispatchEvent(new StoryErrorEvent((e as StoryErrorEvent).detail));
    this.addEventListener('story-error', forward);
    return () => this.removeEventListener('story-error', forward);
  }

  private issue = (issue: ValidationIssue): void => {
    const about = issue.item === 'reel' || issue.item === 'author' ? { authorId: issue.id } : { storyId: issue.id };
    // A bad optional field is ignored on its own; the item still shows.
    const what = issue.fieldOnly ? `Ignored ${issue.path} of ${issue.item}` : `Dropped ${issue.item}`;
    this.report({ code: 'invalid', message: `${what}${issue.id ? ` ${issue.id}` : ''}: ${issue.path} ${issue.message}`, item: issue.item, path: issue.path, ...about });
  };

  private storageFallback(reason: unknown): void {
    const message = `Seen state cannot be saved (${reason instanceof Error ? reason.message : String(reason)}); it lasts until this page closes.`;
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
          // Playback going through the feed goes on into the new page.
          if (this.playback) this.#playback = withPage(this.playback, added.map((r) => r.author.id));
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

  private allStories(): Story[] {
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
    if (this.playback && !this.allStories().some((s) => s.id === this.playback!.storyId)) this.advanceAfterExpiry();
    this.scheduleExpiry();
    if (this.allStories().length !== before) this.emit();
  }

  // ---- playback intents (the viewer calls these)

  private reelOf(authorId: string): Reel | undefined {
    return this.reels.find((r) => r.author.id === authorId) ?? this.extraReels.get(authorId);
  }

  /**
   * Starts playing an account: at `storyId`, or at its first unseen story. Playback then
   * continues through the accounts after it, in the order shown now.
   */
  async open(authorId: string, storyId?: string, options: { announced?: boolean } = {}): Promise<Playback | null> {
    // The latest open wins; a close cancels an open still on its way.
    const ticket = ++this.openTicket;
    const reel = await this.reel(authorId);
    if (ticket !== this.openTicket) return null;
    if (!reel?.stories.length) {
      this.fail(new NotFound(`${authorId} has no live stories`), { authorId });
      return null;
    }
    // The order shown: the signed-in user's own stories first, then the feed.
    const mine = this.mine();
    const order = [...(mine ? [mine.author.id] : []), ...this.reels.map((r) => r.author.id)];
    const at = order.indexOf(authorId);
    const playlist = at >= 0 ? order.slice(at) : [authorId];
    const story = reel.stories.find((s) => s.id === storyId) ?? reel.stories.find((s) => !this.seenIds.has(s.id)) ?? reel.stories[0];
    this.#playback = { playlist, authorId, storyId: story.id, announced: options.announced, followsFeed: at >= 0 };
    this.emit();
    this.pageAhead();
    return this.playback;
  }

  /** The story playing, with its reel. */
  current(): { reel: Reel; story: Story; index: number } | null {
    if (!this.playback) return null;
    const reel = this.reelOf(this.playback.authorId);
    const index = reel?.stories.findIndex((s) => s.id === this.playback!.storyId) ?? -1;
    return reel && index >= 0 ? { reel, story: reel.stories[index], index } : null;
  }

  private moveTo({ authorId, storyId }: Spot): true {
    this.#playback = { ...this.playback!, authorId, storyId };
    this.emit();
    this.pageAhead();
    return true;
  }

  /** What playback navigation reads (see playback.ts). */
  private readonly world: PlaybackWorld = { reelOf: (id) => this.reelOf(id), isSeen: (id) => this.seenIds.has(id) };

  /** Near the end of what is loaded, the next feed page is fetched, so playback never waits at a page boundary. */
  private pageAhead(): void {
    const pb = this.playback;
    if (pb && wantsNextPage(pb) && this.hasMore && this.status === 'ready') void this.loadMore();
  }

  /** Next story, or the next account's first unseen story; closes after the last. Returns false when it closed. */
  next(): boolean {
    if (!this.current()) return false;
    const spot = nextStorySpot(this.playback!, this.world);
    return spot ? this.moveTo(spot) : this.nextReel();
  }

  /** Previous story, or the previous account's last story; stays at the very first. */
  previous(): boolean {
    if (!this.current()) return false;
    const spot = previousStorySpot(this.playback!, this.world);
    return spot ? this.moveTo(spot) : this.previousReel(true);
  }

  /** The next account in the playlist, at its first unseen story; closes after the last. */
  nextReel(): boolean {
    const pb = this.playback;
    if (!pb) return false;
    const spot = nextReelSpot(pb, this.world);
    if (spot) return this.moveTo(spot);
    // The end of what is loaded but not of the feed (played faster than a page arrives):
    // the next page, then on, from where playback is then.
    if (pb.followsFeed && this.hasMore && this.status === 'ready') {
      const cursor = this.cursor;
      void this.loadMore().then(() => {
        if (this.playback?.authorId !== pb.authorId || this.playback.storyId !== pb.storyId) return;
        // On into the new accounts, or past a page with none live; a failed page leaves playback where it is.
        if (this.playback.playlist.length > pb.playlist.length || (this.hasMore && this.cursor !== cursor)) this.nextReel();
        else if (!this.hasMore) this.close();
      });
      return true;
    }
    this.close();
    return false;
  }

  /** The previous account in the playlist (at its first story, or its last with `atEnd`). */
  previousReel(atEnd = false): boolean {
    const pb = this.playback;
    if (!pb) return false;
    const spot = previousReelSpot(pb, this.world, atEnd);
    return spot ? this.moveTo(spot) : false;
  }

  private advanceAfterExpiry(): void {
    const pb = this.playback!;
    const reel = this.reelOf(pb.authorId);
    if (reel?.stories.length) this.moveTo({ authorId: pb.authorId, storyId: reel.stories[0].id });
    else this.nextReel();
  }

  /**
   * Registers a connected `<story-viewer>` playing this store's playback; returns the
   * function that unregisters it. The bar and the sidebar create a viewer on first use
   * only when none is registered.
   */
  attachViewer(): () => void {
    this.viewerCount++;
    let attached = true;
    return () => {
      if (attached) this.viewerCount--;
      attached = false;
    };
  }

  /** Whether a viewer plays this store's playback. */
  get hasViewer(): boolean {
    return this.viewerCount > 0;
  }

  /** Stops playback. */
  close(): void {
    this.openTicket++;
    if (!this.playback) return;
    this.#playback = null;
    this.emit();
  }

  // ---- comments, viewers, publishing (validated pass-throughs that report failures)

  /** Runs an adapter call; a failure is reported, a cancellation (by `signal`, whatever the adapter threw for it) is not. */
  private async call<T>(about: Pick<StoryErrorDetail, 'storyId' | 'authorId'>, run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isAbort(error) || signal?.aborted) throw error;
      throw this.fail(error, about);
    }
  }

  /** A page of a story's comments (newest page first, each page oldest first). */
  comments(storyId: string, opts: { cursor?: string; signal?: AbortSignal } = {}): Promise<Page<Comment>> {
    return this.call({ storyId }, async () => parsePage(await this.adapter.comments(storyId, opts), parseComment, this.issue));
  }

  /** Posts a comment; idempotent on `clientId`. */
  postComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment> {
    return this.call({ storyId }, () => this.deliverComment(storyId, input));
  }

  /**
   * {@link postComment} without reporting a failure: the comment outbox's way to the
   * backend (it retries, and reports a lasting refusal itself).
   */
  async deliverComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment> {
    const comment = parseComment(await this.adapter.postComment(storyId, input), this.issue);
    if (!comment) throw new Invalid('The server answered with an invalid comment');
    return comment;
  }

  /** Reports a comment to the backend's moderators (ReadOnly where the adapter takes no reports). */
  reportComment(storyId: string, commentId: string, reason?: string): Promise<void> {
    return this.call({ storyId }, async () => {
      if (!this.adapter.reportComment) throw new ReadOnly('This source takes no reports');
      await this.adapter.reportComment(storyId, commentId, reason ? { reason } : {});
    });
  }

  deleteComment(storyId: string, commentId: string): Promise<void> {
    return this.call({ storyId }, () => this.adapter.deleteComment(storyId, commentId));
  }

  /** Who viewed one of the signed-in user's stories. */
  viewers(storyId: string, opts: { cursor?: string; signal?: AbortSignal } = {}): Promise<Page<StoryView>> {
    return this.call({ storyId }, async () => parsePage(await this.adapter.viewers(storyId, opts), parseView, this.issue));
  }

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
      // The story on screen is gone: playback moves on.
      if (this.playback?.storyId === storyId) this.advanceAfterExpiry();
      this.emit();
    });
  }

  /** Sounds for the composer; empty when the adapter offers none. `signal` cancels a search overtaken by the next one. */
  sounds(query = '', opts: { signal?: AbortSignal } = {}): Promise<Page<Sound>> {
    return this.call({}, async () => (this.adapter.sounds ? parsePage(await this.adapter.sounds(query, opts), parseSound, this.issue) : { items: [] }), opts.signal);
  }

  /** Live events of one story, validated; a no-op when the adapter has no `subscribe`. */
  subscribe(storyId: string, onEvent: (e: StoryEvent) => void): () => void {
    if (!this.adapter.subscribe) return () => {};
    return this.adapter.subscribe(storyId, (event) => {
      if (event?.type === 'comment') {
        const comment = parseComment(event.comment, this.issue);
        if (comment) onEvent({ type: 'comment', comment });
      } else if (event?.type === 'view') {
        const view = parseView(event.view, this.issue);
        if (view) onEvent({ type: 'view', storyId, view });
      } else if (event?.type === 'comment-deleted' && typeof event.commentId === 'string') {
        onEvent({ type: 'comment-deleted', storyId, commentId: event.commentId });
      }
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
