import type { StoriesAdapter } from '../adapters/types.js';
import { NotFound } from '../model/errors.js';
import type { Reel, Story } from '../model/types.js';
import { FeedStore } from './feed-store.js';
import type { SeenStore } from '../storage/seen.js';
import type { Clock } from '../model/time.js';
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
 * The state every element shows, for one adapter: the signed-in user, the feed (loaded page
 * by page, validated, unseen first then most recent), which stories were seen, and what
 * the viewer is playing. Elements read it and call its methods; it calls the adapter.
 * A story leaves the store at its `expiresAt`, to the millisecond, without a reload.
 *
 * Three layers, each its own file: the calls to the backend (store-calls.ts), the feed and
 * what was seen (feed-store.ts), and here playback, whose rules are pure functions
 * (playback.ts).
 *
 * Dispatches `change` after every change, and `story-error` (a {@link StoryErrorEvent},
 * not bubbling here; the provider re-dispatches it from its element) for every failure
 * and every malformed item dropped.
 */
export class StoriesStore extends FeedStore {
  #playback: Playback | null = null;
  private viewerCount = 0;
  private openTicket = 0;

  /** What the viewer plays, or null when it is closed. */
  get playback(): Playback | null {
    return this.#playback;
  }

  constructor(adapter: StoriesAdapter, options: StoreOptions = {}) {
    super(adapter, options);
  }

  protected override pageAdded(authorIds: string[]): void {
    if (this.#playback) this.#playback = withPage(this.#playback, authorIds);
  }

  protected override storiesGone(): void {
    const pb = this.#playback;
    if (pb && !this.allStories().some((s) => s.id === pb.storyId)) this.advanceAfterExpiry();
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
    const story = reel.stories.find((s) => s.id === storyId) ?? reel.stories.find((s) => !this.isSeen(s.id)) ?? reel.stories[0];
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
  private readonly world: PlaybackWorld = { reelOf: (id) => this.reelOf(id), isSeen: (id) => this.isSeen(id) };

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

}
