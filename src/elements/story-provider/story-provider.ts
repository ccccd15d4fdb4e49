import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import type { StoriesAdapter } from '../../adapters/types.js';
import { storeContext } from '../../state/context.js';
import { createStore, sourceKey, type Source } from '../../state/sources.js';
import { reportFailure } from '../../state/store-controller.js';
import type { StoreOptions, StoriesStore } from '../../state/store.js';

/**
 * Holds one data adapter and one store, and gives them to every stories element inside it
 * (through `@lit/context`). Without JavaScript: `feed="/stories.json"` reads a static feed,
 * `endpoint="https://api.example.com/stories"` a REST backend, and `local` (the default)
 * the browser's own IndexedDB. With JavaScript, set `adapter` to any `StoriesAdapter`.
 * Elements outside every provider use the page-wide default store.
 *
 * The store is fetched once the elements' code has loaded, the adapter it needs on first
 * connection (`import()`); until both are there the elements inside show their loading
 * state. It renders its children as they are (`display: contents`).
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

  /** The store the elements inside use, once loaded (see `ready`). */
  store?: StoriesStore;

  #settle?: (store: Promise<StoriesStore>) => void;

  /**
   * Resolves the store for the current source, once the provider is connected; rejects
   * (with the `import()`'s error) when the data layer could not load.
   */
  ready: Promise<StoriesStore> = new Promise((resolve) => (this.#settle = resolve));

  private readonly provider = new ContextProvider(this, { context: storeContext, initialValue: null });
  private key: unknown[] = [];
  private stopForwarding = () => {};

  private get source(): Source {
    return { adapter: this.adapter, feed: this.feed, endpoint: this.endpoint, token: this.token, local: this.local, storeOptions: this.storeOptions };
  }

  /** Creates the store for the current source, unless it is the one in use. */
  private sync(): void {
    const key = sourceKey(this.source);
    if (key.every((v, i) => v === this.key[i]) && this.key.length) return;
    this.key = key;
    const previous = this.store;
    const ready = createStore(this.source);
    // The first `ready` was handed out before there was a source: it follows the first store
    // (later calls do nothing).
    this.#settle!(ready);
    this.ready = ready;
    ready.then(
      (store) => {
        if (this.ready !== ready) return store.dispose();
        this.stopForwarding();
        previous?.dispose();
        this.store = store;
        this.stopForwarding = store.forwardErrorsTo(this);
        this.provider.setValue(store);
      },
      (error) => {
        if (this.ready !== ready) return;
        // The elements inside show their error state.
        reportFailure(this, error);
        this.provider.setValue({ failed: error });
      },
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sync();
  }

  // After rendering, not before: a server renders the provider but must not create a store.
  protected override updated(): void {
    this.sync();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
