import type { RestAdapterOptions } from '../adapters/rest-adapter.js';
import type { StoriesAdapter } from '../adapters/types.js';
import type { Reel } from '../model/types.js';
import type { StoreOptions, StoriesStore } from './store.js';

/** Where a store's data comes from: the attributes of `<story-provider>` (and `<story-bar>`). */
export interface Source {
  /** Any adapter; wins over the rest. */
  adapter?: StoriesAdapter;
  /** A static feed URL (FeedAdapter). */
  feed?: string;
  /** A REST endpoint (RestAdapter), with its token callback. */
  endpoint?: string;
  token?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Reels given in JavaScript (read-only ReelsAdapter; the standalone viewer's `.reels`). */
  reels?: readonly Reel[];
  /** An IndexedDB database name (LocalAdapter; the default source). */
  local?: string;
  storeOptions?: StoreOptions;
}

// Fetched when the elements' code loads, not when the first of them connects: every element
// needs the store before it shows data, and apps often mount their elements later (after a
// route change, or their own data), so its chunks are there before they are asked for. The
// element that needs the store reports a failure; here it is only kept from being unhandled.
const storeModule = import('./store.js');
storeModule.catch(() => {});

/**
 * Creates a store for a source. The store and validation are fetched once the elements'
 * code has loaded (above), the adapter on first use (`import()`): a page pays for the
 * elements first, then for the data layer, and only for the adapter it uses.
 */
export async function createStore(source: Source): Promise<StoriesStore> {
  const [{ StoriesStore }, adapter] = await Promise.all([storeModule, createAdapter(source)]);
  return new StoriesStore(adapter, source.storeOptions);
}

async function createAdapter(source: Source): Promise<StoriesAdapter> {
  if (source.adapter) return source.adapter;
  if (source.reels) return new (await import('../adapters/reels-adapter.js')).ReelsAdapter(source.reels);
  if (source.feed) return new (await import('../adapters/feed-adapter.js')).FeedAdapter(source.feed);
  // The source's `endpoint` and `token` are the adapter's options of the same names.
  if (source.endpoint) return new (await import('../adapters/rest-adapter.js')).RestAdapter(source as RestAdapterOptions);
  return new (await import('../adapters/local-adapter.js')).LocalAdapter({ dbName: source.local || undefined });
}

/** A key that changes when the source does, to know when a store must be replaced. */
export function sourceKey(source: Source): unknown[] {
  return [source.adapter, source.reels, source.feed, source.endpoint, source.token, source.local, source.storeOptions];
}
