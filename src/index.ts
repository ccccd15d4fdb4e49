/**
 * stories-kit: every element defined, and every public type, adapter and helper exported.
 * Per-element entries (`stories-kit/story-ring.js`, …) define one element each.
 */
export * from './story-ring.js';
export * from './story-provider.js';
export * from './story-bar.js';
export * from './story-sidebar.js';
export * from './story-viewer.js';
export * from './story-comments.js';
export * from './viewers-tab.js';
export * from './story-composer.js';
export { MEDIA_RULES, type CheckedMedia } from './model/media-rules.js';
export { ViewerList } from './state/viewer-list.js';
export { CommentThread, threadRows, type ThreadRow, type ThreadOptions } from './state/comment-thread.js';
export { OUTBOX_MAX_DELAY, type OutboxEntry } from './state/outbox.js';
export * from './events.js';
export type * from './model/types.js';
export { EFFECTS } from './model/types.js';
export { EFFECT_FILTERS } from './model/effects.js';
export * from './model/errors.js';
export { STORY_LIFETIME, clampExpiry, isLive, SkewedClock, type Clock } from './model/time.js';
export { checkUrl, registerBlobUrl, releaseBlobUrl, LIMITS, type ValidationIssue } from './model/validate.js';
export type { StoriesAdapter, ListOptions } from './adapters/types.js';
export { LocalAdapter, COMMENT_MAX_LENGTH, type LocalAdapterOptions } from './adapters/local-adapter.js';
export { FeedAdapter, fromOpenStories } from './adapters/feed-adapter.js';
export { RestAdapter, errorForStatus, type RestAdapterOptions } from './adapters/rest-adapter.js';
export { ReelsAdapter } from './adapters/reels-adapter.js';
export type { World, SeedOptions } from './adapters/demo-world.js';
export { StoriesStore, type StoreOptions, type Playback } from './state/store.js';
export { orderReels } from './state/order.js';
export { storeContext } from './state/context.js';
export { StoreController } from './state/store-controller.js';
export { configureDefaultStore, defaultStore } from './state/default-store.js';
export { registerLocale, setLocale, type Message, type Messages } from './i18n/locale.js';
export { english, type Catalogue, type MessageId } from './i18n/en.js';
export { createStore, type Source } from './state/sources.js';
export { configureMediaCache, PRELOAD_BUDGET, type HlsMode, type MediaCacheOptions, type MediaLease } from './state/media-source.js';
export { MediaCache, MediaTooLargeError, liveCacheUrls, type FetchOptions } from './media/media-cache.js';
