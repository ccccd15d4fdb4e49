import type { StoriesAdapter } from '../adapters/types.js';
import { StoriesStore, type StoreOptions } from './store.js';

let factory: (() => StoriesAdapter) | null = null;
let store: StoriesStore | null = null;

/**
 * Sets the adapter of the page-wide default store, used by elements outside any
 * `<story-provider>`. Call it before the first such element connects (a later call
 * replaces the store for elements that connect afterwards).
 */
export function configureDefaultStore(adapter: StoriesAdapter | (() => StoriesAdapter), options: StoreOptions = {}): StoriesStore {
  store?.dispose();
  const make = typeof adapter === 'function' ? adapter : () => adapter;
  factory = make;
  store = new StoriesStore(make(), options);
  forwardErrors(store);
  return store;
}

/** Registers how the default store gets an adapter when none was configured (LocalAdapter). */
export function setDefaultAdapterFactory(make: () => StoriesAdapter): void {
  factory ??= make;
}

/** The page-wide default store, created on first use. */
export function defaultStore(): StoriesStore {
  if (!store) {
    if (!factory) throw new Error('stories-kit: no adapter for the default store. Wrap the elements in <story-provider> or call configureDefaultStore().');
    store = new StoriesStore(factory());
    forwardErrors(store);
  }
  return store;
}

/** Errors of the default store have no provider element to come from: they are dispatched on document. */
function forwardErrors(s: StoriesStore): void {
  s.addEventListener('story-error', (e) => {
    const { detail } = e as CustomEvent;
    document.dispatchEvent(new CustomEvent('story-error', { detail, bubbles: true, composed: true }));
  });
}
