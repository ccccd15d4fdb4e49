/**
 * What a live list of one story's things shares (its comments, its viewers): the newest
 * page first, further pages on demand (one request at a time), and changes as they happen
 * — the adapter's `subscribe()`, or the newest page fetched again every `pollInterval` ms
 * where it has none. The list it serves keeps the items; this keeps the paging and following.
 */
import type { Page, StoryEvent } from '../model/types.js';
import type { StoriesStore } from './store.js';

export interface StoryPagesOptions<T> {
  store: StoriesStore;
  storyId: string;
  /** One page: the newest without a cursor. */
  fetch: (cursor?: string) => Promise<Page<T>>;
  /** Takes a page's items (and what else the page says, e.g. its total). */
  take: (page: Page<T>) => void;
  /** Applies a live event; true when it changed something. */
  onEvent: (event: StoryEvent) => boolean;
  changed: () => void;
  /** How often to fetch the newest page when the adapter cannot push (ms; 0: never). */
  pollInterval: number;
}

export class StoryPages<T> {
  readonly #o: StoryPagesOptions<T>;
  readonly #stops: (() => void)[] = [];
  #next: string | undefined;
  #loadingMore: Promise<void> | null = null;
  /** Why the newest page could not be loaded, if it could not. */
  error: Error | null = null;
  /** The newest page has been loaded (or failed). */
  loaded = false;

  constructor(options: StoryPagesOptions<T>) {
    this.#o = options;
  }

  /** Follows live changes and loads the newest page. */
  async start(): Promise<void> {
    const { store, storyId, pollInterval } = this.#o;
    if (store.adapter.subscribe) {
      this.#stops.push(store.subscribe(storyId, (event) => this.#o.onEvent(event) && this.#o.changed()));
    } else if (pollInterval > 0 && !store.adapter.readOnly) {
      const timer = setInterval(() => void this.#newest().catch(() => {}), pollInterval);
      this.#stops.push(() => clearInterval(timer));
    }
    try {
      this.#next = (await this.#newest()).next;
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
    }
    this.loaded = true;
    this.#o.changed();
  }

  /** Runs `stop` with the others when the list stops. */
  onStop(stop: () => void): void {
    this.#stops.push(stop);
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  async #newest(): Promise<Page<T>> {
    const page = await this.#o.fetch();
    this.#o.take(page);
    this.#o.changed();
    return page;
  }

  /** Whether further pages remain. */
  get hasMore(): boolean {
    return this.#next !== undefined;
  }

  /** Loads the next page (once at a time). A failure is reported by the store; asking again retries. */
  loadMore(): Promise<void> {
    if (this.#next === undefined) return Promise.resolve();
    this.#loadingMore ??= (async () => {
      try {
        const page = await this.#o.fetch(this.#next);
        this.#o.take(page);
        this.#next = page.next;
        this.#o.changed();
      } catch {
        // Reported by the store.
      } finally {
        this.#loadingMore = null;
      }
    })();
    return this.#loadingMore;
  }
}
