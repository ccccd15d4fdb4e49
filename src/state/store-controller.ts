import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { storeContext } from './context.js';
import { defaultStore } from './default-store.js';
import type { StoriesStore } from './store.js';

/**
 * Gives an element the store of its nearest `<story-provider>` (or the page-wide default
 * store when there is none), re-renders the element on every store change, and loads the
 * feed on first use. A provider that upgrades later takes over from the default store.
 */
export class StoreController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof storeContext, ReactiveControllerHost & HTMLElement>;
  private subscribed: StoriesStore | null = null;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: { load?: boolean } = {},
  ) {
    this.consumer = new ContextConsumer(host, { context: storeContext, subscribe: true, callback: () => this.attach() });
    host.addController(this);
  }

  /** The store this element uses. */
  get store(): StoriesStore {
    return this.consumer.value ?? defaultStore();
  }

  private attach(): void {
    const store = this.store;
    if (store === this.subscribed) return;
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = store;
    store.addEventListener('change', this.onChange);
    if (this.options.load !== false) void store.load();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // The context request was answered synchronously if a provider is already there.
    queueMicrotask(() => {
      if (this.host.isConnected) this.attach();
    });
  }

  hostDisconnected(): void {
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = null;
  }
}
