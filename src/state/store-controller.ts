import { ContextConsumer } from '@lit/context';
import { StoryErrorEvent } from '../events.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { storeContext } from './context.js';
import { defaultStore } from './default-store.js';
import { createStore, sourceKey, type Source } from './sources.js';
import type { StoriesStore } from './store.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What a provider gives the elements inside when its data layer did not load. */
export interface Failure {
  failed: unknown;
}

/** Reports that the data layer could not load, from `target` (the element, or the provider). */
export const reportFailure = (target: EventTarget, error: unknown) => target.dispatchEvent(new StoryErrorEvent({ code: 'network', message: `Stories could not be loaded: ${error}` }));

/**
 * Gives an element its store: its own (when the element has a source of its own, such as
 * `<story-bar feed="…">`), else the one of its nearest `<story-provider>`, else the
 * page-wide default store. Re-renders the element on every store change and loads the feed
 * on first use. `store` is undefined while the data layer loads: elements show their
 * loading state then. A provider that upgrades later takes over from the default store.
 * If the data layer cannot load (its `import()` fails: offline, or a deploy replaced the
 * files), `failure` says so and the element shows its error state. The browser keeps a
 * failed module for the life of the page, so only a reload tries again.
 */
export class StoreController implements ReactiveController {
  #store: StoriesStore | undefined;
  /** The `import()`'s error, when the data layer could not be loaded. */
  failure: unknown;
  readonly #consumer: ContextConsumer<typeof storeContext, Host>;
  #own: { key: unknown[]; store: Promise<StoriesStore> } | null = null;
  /** A store handed to the element (`useStore`): used as it is, never disposed here. */
  #given: StoriesStore | null = null;
  readonly #onChange = () => this.#host.requestUpdate();
  /**
   * A provider that upgrades after this element announces itself (`context-provider`);
   * if it holds this element, ask it again. (What Lit's ContextRoot does, for one context.)
   */
  readonly #onProvider = (event: Event) => {
    const { context, contextTarget } = event as Event & { context?: unknown; contextTarget?: Node };
    if (context === storeContext && contextTarget?.contains(this.#host)) {
      document.removeEventListener('context-provider', this.#onProvider);
      this.#consumer.hostConnected();
    }
  };

  readonly #host: Host;
  readonly #options: { load?: boolean; onStore?: (store: StoriesStore | undefined) => void; given?: () => StoriesStore | undefined };

  constructor(host: Host, options: { load?: boolean; onStore?: (store: StoriesStore | undefined) => void; given?: () => StoriesStore | undefined } = {}) {
    this.#host = host;
    this.#options = options;
    this.#consumer = new ContextConsumer(host, { context: storeContext, subscribe: true, callback: () => this.#pick() });
    host.addController(this);
  }

  /** Uses a store of the element's own for `source`, or (with null) the provided one again. */
  useSource(source: Source | null): void {
    if (!source) {
      if (this.#own) this.#own.store.then((s) => s.dispose());
      this.#own = null;
      this.#pick();
      return;
    }
    const key = sourceKey(source);
    if (this.#own && this.#own.key.every((v, i) => v === key[i])) return;
    this.#own?.store.then((s) => s.dispose());
    const own = { key, store: createStore(source) };
    this.#own = own;
    own.store.then(
      (store) => {
        // An element's own store has no provider to report through: the element reports.
        store.forwardErrorsTo(this.#host);
        if (this.#own === own && !this.#given) this.#attach(store);
      },
      (error) => this.#own === own && this.#fail(error),
    );
  }

  /** The data layer did not load: the element shows its error state (and reports it, unless its provider did). */
  #fail(error: unknown, report = true): void {
    this.failure = error;
    if (report) reportFailure(this.#host, error);
    this.#host.requestUpdate();
  }

  /**
   * The store in use, once there is one. With `given` (the element's own `store` property),
   * a store set there is used as it is, from the moment it is read or the element connects.
   */
  get store(): StoriesStore | undefined {
    const given = this.#options.given?.() ?? null;
    if (given !== this.#given) this.useStore(given);
    return this.#store;
  }

  /** Uses `store` as it is (e.g. the bar's own store, given to the viewer it opens); null undoes it. */
  useStore(store: StoriesStore | null): void {
    this.#given = store;
    if (store) this.#attach(store);
    else this.#pick();
  }

  #pick(): void {
    if (this.#own || this.#given) return;
    const provided = this.#consumer.value;
    this.failure = undefined;
    // The provider could not load its store (and reported it).
    if (provided && 'failed' in provided) return this.#fail(provided.failed, false);
    if (provided) return this.#attach(provided);
    // null: a provider is there and still loading its store.
    if (provided === null) return;
    document.addEventListener('context-provider', this.#onProvider);
    const usable = () => !this.#own && !this.#given && this.#consumer.value === undefined && this.#host.isConnected;
    defaultStore().then(
      (store) => usable() && this.#attach(store),
      (error) => usable() && this.#fail(error),
    );
  }

  #attach(store: StoriesStore): void {
    this.failure = undefined;
    if (store === this.#store) return;
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store = store;
    if (this.#host.isConnected) store.addEventListener('change', this.#onChange);
    if (this.#options.load !== false) void store.load();
    this.#options.onStore?.(store);
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // A given store is used from the start: the page's default store is never loaded for nothing.
    const store = this.store;
    if (store) store.addEventListener('change', this.#onChange);
    // A provider above answered synchronously, if there is one; otherwise fall back.
    queueMicrotask(() => {
      if (this.#host.isConnected && !this.#store) this.#pick();
    });
  }

  hostDisconnected(): void {
    this.#store?.removeEventListener('change', this.#onChange);
    document.removeEventListener('context-provider', this.#onProvider);
  }
}
