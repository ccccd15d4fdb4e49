/**
 * Who viewed one of the signed-in user's stories, as its author sees it: newest first, pages
 * further back on demand, and new views as they happen (the adapter's `subscribe`, or the
 * newest page fetched again where it has none). `<viewers-tab>` renders it; the adapter
 * refuses it to anyone but the author (`Forbidden`), and so does this list before asking.
 */
import { Forbidden } from '../model/errors.js';
import type { Story, StoryView } from '../model/types.js';
import type { StoriesStore } from './store.js';

export class ViewerList {
  readonly story: Story;
  readonly store: StoriesStore;
  /** Views by viewer id: one per viewer, whatever arrives twice. */
  readonly #views = new Map<string, StoryView>();
  #next: string | undefined;
  #total: number | undefined;
  #loadingMore: Promise<void> | null = null;
  #rows: StoryView[] | null = null;
  readonly #stops: (() => void)[] = [];
  readonly #onChange: () => void;
  readonly #pollInterval: number;
  /** Why the list could not be loaded (Forbidden for anyone but the author). */
  error: Error | null = null;
  loaded = false;

  constructor(store: StoriesStore, story: Story, onChange: () => void, options: { pollInterval?: number } = {}) {
    this.store = store;
    this.story = story;
    this.#onChange = onChange;
    this.#pollInterval = options.pollInterval ?? 15_000;
  }

  async start(): Promise<void> {
    const { store, story } = this;
    if (!store.isAuthor(story)) {
      this.error = new Forbidden('Only the author sees who viewed a story');
      this.loaded = true;
      this.#changed();
      throw this.error;
    }
    if (store.adapter.subscribe) {
      this.#stops.push(
        store.subscribe(story.id, (event) => {
          if (event.type !== 'view') return;
          const known = this.#views.has(event.view.viewer.id);
          this.#views.set(event.view.viewer.id, event.view);
          if (!known && this.#total !== undefined) this.#total++;
          this.#changed();
        }),
      );
    } else if (this.#pollInterval > 0) {
      const timer = setInterval(() => void this.#fetchNewest().catch(() => {}), this.#pollInterval);
      this.#stops.push(() => clearInterval(timer));
    }
    try {
      this.#next = (await this.#fetchNewest()).next;
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
    }
    this.loaded = true;
    this.#changed();
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  async #fetchNewest() {
    const page = await this.store.viewers(this.story.id);
    for (const view of page.items) this.#views.set(view.viewer.id, view);
    if (page.total !== undefined) this.#total = page.total;
    this.#changed();
    return page;
  }

  /** Whether more (older) views remain to be loaded. */
  get hasMore(): boolean {
    return this.#next !== undefined;
  }

  /** Loads the next page back in time (once at a time). */
  loadMore(): Promise<void> {
    if (this.#next === undefined) return Promise.resolve();
    this.#loadingMore ??= (async () => {
      try {
        const page = await this.store.viewers(this.story.id, { cursor: this.#next });
        for (const view of page.items) if (!this.#views.has(view.viewer.id)) this.#views.set(view.viewer.id, view);
        this.#next = page.next;
        this.#changed();
      } catch {
        // Reported by the store; scrolling again tries again.
      } finally {
        this.#loadingMore = null;
      }
    })();
    return this.#loadingMore;
  }

  /** How many people viewed the story: the backend's count when it gives one, else those loaded. */
  get count(): number {
    return Math.max(this.#total ?? 0, this.#views.size);
  }

  /** Views, newest first. */
  get rows(): StoryView[] {
    return (this.#rows ??= [...this.#views.values()].sort((a, b) => b.viewedAt - a.viewedAt || (a.viewer.id < b.viewer.id ? -1 : 1)));
  }

  #changed(): void {
    this.#rows = null;
    this.#onChange();
  }
}
