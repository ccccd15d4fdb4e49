import type { StoriesAdapter } from '../adapters/types.js';
import { createStore, type Source } from './sources.js';
import type { StoriesStore } from './store.js';

let pending: Promise<StoriesStore> | null = null;

/**
 * Sets the source of the page-wide default store, used by elements outside any
 * `<story-provider>`: an adapter, a source (`{ feed }`, `{ endpoint, token }`, `{ local }`)
 * or a ready store. Elements that connect afterwards use it. Without a call, the default
 * store uses a LocalAdapter.
 */
export function configureDefaultStore(source: StoriesAdapter | Source | StoriesStore): Promise<StoriesStore> {
  pending?.then((old) => old.dispose());
  const isStore = (s: unknown): s is StoriesStore => typeof (s as StoriesStore).load === 'function' && 'adapter' in (s as object);
  const isAdapter = (s: unknown): s is StoriesAdapter => typeof (s as StoriesAdapter).feed === 'function';
  const store = isStore(source) ? Promise.resolve(source) : createStore(isAdapter(source) ? { adapter: source } : source);
  // Errors of the default store have no provider element to come from: they come from document.
  const created = store.then((s) => (s.forwardErrorsTo(document), s));
  // A data layer that could not load is tried again by the next element that asks.
  created.catch(() => pending === created && (pending = null));
  return (pending = created);
}

/** The page-wide default store, created on first use. */
export function defaultStore(): Promise<StoriesStore> {
  return pending ?? configureDefaultStore({});
}
