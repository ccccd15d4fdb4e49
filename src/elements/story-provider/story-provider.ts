import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import type { StoriesAdapter } from '../../adapters/types.js';
import { StoryErrorEvent } from '../../events.js';
import { storeContext } from '../../state/context.js';
import { StoriesStore, type StoreOptions } from '../../state/store.js';

/** Creates the built-in adapters from attributes; set by the entry module, so this element imports no adapter itself. */
export interface AdapterFactories {
  feed(url: string): StoriesAdapter;
  rest(endpoint: string, token?: () => string | null | undefined | Promise<string | null | undefined>): StoriesAdapter;
  local(dbName?: string): StoriesAdapter;
}

let factories: AdapterFactories | null = null;

/** @internal Registers the built-in adapters (done by the `story-provider` entry). */
export function registerAdapterFactories(f: AdapterFactories): void {
  factories = f;
}

/**
 * Holds one data adapter and one store, and gives them to every stories element inside it
 * (through `@lit/context`). Without JavaScript: `feed="/stories.json"` reads a static feed,
 * `endpoint="https://api.example.com/stories"` a REST backend, and `local` (the default)
 * the browser's own IndexedDB. With JavaScript, set `adapter` to any `StoriesAdapter`.
 * Elements outside every provider use the page-wide default store.
 *
 * It renders its children as they are (`display: contents`).
 *
 * @summary Gives an adapter and a store to the stories elements inside it.
 *
 * @slot - The page content holding stories elements.
 *
 * @fires {StoryErrorEvent} story-error - When loading fails or malformed data is dropped;
 *   `detail` says what (`code`, `message`, and the ids concerned).
 */
export class StoryProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    feed: {},
    endpoint: {},
    local: {},
    adapter: { attribute: false },
    token: { attribute: false },
    storeOptions: { attribute: false },
  };

  /** URL of a static stories feed (stories-kit or OpenStories format): uses FeedAdapter. */
  feed?: string;

  /** Base URL of a REST backend (docs/rest-api.md): uses RestAdapter. */
  endpoint?: string;

  /** IndexedDB database of a LocalAdapter (the default when no other source is set). */
  local?: string;

  /** Any StoriesAdapter; wins over the attributes. */
  adapter?: StoriesAdapter;

  /** With `endpoint`: returns the signed-in user's bearer token. */
  token?: () => string | null | undefined | Promise<string | null | undefined>;

  /** Options for the store (a controlled clock, page size). */
  storeOptions?: StoreOptions;

  private readonly provider = new ContextProvider(this, { context: storeContext });
  private current?: StoriesStore;
  private readonly forwardError = (e: Event) => this.dispatchEvent(new StoryErrorEvent((e as StoryErrorEvent).detail));

  /** The store the elements inside use (created on first access). */
  get store(): StoriesStore {
    if (!this.current) this.replaceStore();
    return this.current!;
  }

  private makeAdapter(): StoriesAdapter {
    if (this.adapter) return this.adapter;
    if (!factories) throw new Error('stories-kit: import "stories-kit/story-provider.js" (or "stories-kit") to use the feed, endpoint and local attributes');
    if (this.feed) return factories.feed(this.feed);
    if (this.endpoint) return factories.rest(this.endpoint, this.token);
    return factories.local(this.local || undefined);
  }

  private replaceStore(): void {
    this.current?.removeEventListener('story-error', this.forwardError);
    this.current?.dispose();
    this.current = new StoriesStore(this.makeAdapter(), this.storeOptions);
    this.current.addEventListener('story-error', this.forwardError);
    this.provider.setValue(this.current);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide before children ask: they may upgrade before this element first renders.
    if (!this.current) this.replaceStore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sources = ['feed', 'endpoint', 'local', 'adapter', 'token', 'storeOptions'] as const;
    if (this.hasUpdated && sources.some((key) => changed.has(key))) this.replaceStore();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
