/**
 * Who viewed one of the signed-in user's stories, as its author sees it: newest first, pages
 * further back on demand, and new views as they happen (the adapter's `subscribe`, or the
 * newest page fetched again where it has none). `<viewers-tab>` renders it; the adapter
 * refuses it to anyone but the author (`Forbidden`), and so does this list before asking.
 */
import { Forbidden } from '../model/errors.js';
import type { Story, StoryView } from '../model/types.js';
import type { StoriesStore } from './store.js';
import { StoryPages } from './story-pages.js';

export class ViewerList {
  readonly story: Story;
  readonly store: StoriesStore;
  /** Views by viewer id: one per viewer, whatever arrives twice. */
  readonly #views = new Map<string, StoryView>();
  readonly #pages: StoryPages<StoryView>;
  #total: number | undefined;
  #rows: StoryView[] | null = null;
  readonly #onChange: () => void;
  /** Refused before asking (not the author). */
  #forbidden: Error | null = null;

  constructor(store: StoriesStore, story: Story, onChange: () => void, options: { pollInterval?: number } = {}) {
    this.store = store;
    this.story = story;
    this.#onChange = onChange;
    this.#pages = new StoryPages<StoryView>({
      store,
      storyId: story.id,
      pollInterval: options.pollInterval ?? 15_000,
      fetch: (cursor) => store.viewers(story.id, cursor === undefined ? {} : { cursor }),
      take: (page) => {
        for (const view of page.items) this.#views.set(view.viewer.id, view);
        if (page.total !== undefined) this.#total = page.total;
      },
      onEvent: (event) => {
        if (event.type !== 'view') return false;
        const known = this.#views.has(event.view.viewer.id);
        this.#views.set(event.view.viewer.id, event.view);
        if (!known && this.#total !== undefined) this.#total++;
        return true;
      },
      changed: () => this.#changed(),
    });
  }

  /** Why the list could not be loaded (Forbidden for anyone but the author). */
  get error(): Error | null {
    return this.#forbidden ?? this.#pages.error;
  }

  get loaded(): boolean {
    return this.#forbidden !== null || this.#pages.loaded;
  }

  /** Follows new views and loads the newest page; rejects with Forbidden for anyone but the author. */
  async start(): Promise<void> {
    if (!this.store.isAuthor(this.story)) {
      this.#forbidden = new Forbidden('Only the author sees who viewed a story');
      this.#changed();
      throw this.#forbidden;
    }
    await this.#pages.start();
  }

  stop(): void {
    this.#pages.stop();
  }

  /** Whether more (older) views remain to be loaded. */
  get hasMore(): boolean {
    return this.#pages.hasMore;
  }

  /** Loads the next page back in time (once at a time). */
  loadMore(): Promise<void> {
    return this.#pages.loadMore();
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
