import { StoryErrorEvent } from '../events.js';
import { attachHls, isHls, usesHlsJs, type HlsHandle, type HlsMode } from '../media/hls-loader.js';
import type { MediaCache, MediaCacheOptions, MediaLease } from '../media/media-cache.js';
import type { Media } from '../model/types.js';
import { whenIdle } from './idle.js';

export type { HlsMode, MediaLease, MediaCacheOptions };

let cacheOptions: MediaCacheOptions | false = {};
let cache: Promise<MediaCache | null> | undefined;

/**
 * Sets up the page's media cache (see MediaCache: budget, quota, persist), or turns it off
 * with `false`. Takes effect for media shown afterwards; the returned promise resolves when
 * the previous cache has written what it was writing and closed.
 */
export function configureMediaCache(options: MediaCacheOptions | false): Promise<void> {
  const closing = cache?.then((c) => c?.close()) ?? Promise.resolve();
  cache = undefined;
  cacheOptions = options;
  // Resolves once the previous cache has finished its writes and closed.
  return closing;
}

/** The page's media cache, its code (and idb) loaded on first use. */
function pageCache(): Promise<MediaCache | null> {
  if (cache === undefined) {
    const options = cacheOptions;
    // The cache is the page's, not one element's: its one report goes to the document.
    const onError = (error: Error) => document.dispatchEvent(new StoryErrorEvent({ code: 'quota', message: error.message }));
    cache = options === false ? Promise.resolve(null) : import('../media/media-cache.js').then(({ MediaCache }) => new MediaCache({ onError, ...options }), () => null);
  }
  return cache;
}

/**
 * The bytes of a same-origin image through the page's media cache, as an object URL to show
 * and release when the story leaves; other URLs (another origin, `blob:`, `data:`) and any
 * failure of the cache give the URL itself, for the element to load as usual.
 */
export async function leaseImage(src: string, options: { expiresAt: number; priority: RequestPriority; signal?: AbortSignal }): Promise<MediaLease> {
  const plain = { url: src, cached: false, release() {} };
  const url = new URL(src, location.href);
  const store = url.origin === location.origin ? await pageCache() : null;
  if (!store) return plain;
  try {
    return await store.lease(url.href, options);
  } catch {
    return plain;
  }
}

/** What a preloaded story may buffer ahead, and what a playing one may. */
export const PRELOAD_BUDGET = { bytes: 2 * 1024 * 1024, seconds: 4 } as const;
const PLAYING_BUFFER = { bytes: 30 * 1024 * 1024, seconds: 30 } as const;

/** A video's source, attached; `release()` stops its downloads and frees what it holds. */
export interface VideoLease {
  /** A preloaded video became the one playing: buffer normally. */
  promote(): void;
  release(): void;
}


/**
 * Points a `<video>` at a story's media: a file (mp4…) directly — from the media cache when it
 * is there, else from the network, and kept in the cache at idle time once shown — and HLS
 * through hls.js when `mode` says so for this browser (see `usesHlsJs`), its playlists and
 * segments through the media cache; else natively. `preload` bounds what a story that is
 * not playing yet downloads (`metadata`: the first frame only; `auto`: up to
 * {@link PRELOAD_BUDGET} for HLS). `onError` reports a failure that cannot be recovered from.
 */
export function attachVideo(
  video: HTMLVideoElement,
  media: Media,
  options: { mode: HlsMode; preload: 'auto' | 'metadata'; expiresAt: number; onError: (message: string) => void },
): VideoLease {
  video.preload = options.preload;
  if (!isHls(media) || !usesHlsJs(options.mode)) {
    if (isHls(media) && !video.canPlayType('application/vnd.apple.mpegurl')) {
      queueMicrotask(() => options.onError('This browser cannot play HLS video'));
    }
    const url = new URL(media.src, location.href);
    const cacheable = cacheOptions !== false && !isHls(media) && url.origin === location.origin;
    let bytes: MediaLease | null = null;
    let released = false;
    let shown = false;
    let fromCache = false;
    const fill = () => whenIdle(() => !released && void pageCache().then((store) => store?.blob(url.href, { expiresAt: options.expiresAt, priority: 'low' })).catch(() => {}));
    if (!cacheable) video.src = media.src;
    else {
      void pageCache().then(async (store) => {
        // One read: the bytes when they are there, nothing fetched when they are not.
        const lease = store ? await store.leaseCached(url.href).catch(() => null) : null;
        if (released) return lease?.release();
        bytes = lease;
        fromCache = !!lease;
        if (released) return;
        video.src = bytes?.url ?? media.src;
        if (shown && !fromCache) fill();
      });
    }
    return {
      promote() {
        video.preload = 'auto';
        if (shown) return;
        shown = true;
        if (cacheable && video.src && !fromCache) fill();
      },
      release() {
        released = true;
        video.removeAttribute('src');
        video.load();
        bytes?.release();
      },
    };
  }
  let handle: HlsHandle | null = null;
  let released = false;
  let promoted = options.preload === 'auto' ? PRELOAD_BUDGET : { bytes: 256 * 1024, seconds: 1 };
  pageCache()
    .then((store) => attachHls(video, media.src, { bufferBytes: promoted.bytes, bufferSeconds: promoted.seconds, onFatal: options.onError, cache: store ?? undefined, expiresAt: options.expiresAt }))
    .then(
    (h) => {
      if (released) return h.destroy();
      handle = h;
      if (promoted === PLAYING_BUFFER) h.setBuffer(PLAYING_BUFFER.bytes, PLAYING_BUFFER.seconds);
    },
    (error: unknown) => !released && options.onError(error instanceof Error ? error.message : String(error)),
  );
  return {
    promote() {
      promoted = PLAYING_BUFFER;
      video.preload = 'auto';
      handle?.setBuffer(PLAYING_BUFFER.bytes, PLAYING_BUFFER.seconds);
    },
    release() {
      released = true;
      handle?.destroy();
      handle = null;
      video.removeAttribute('src');
      video.load();
    },
  };
}

/**
 * Fetches stories' media into the cache ahead of any viewer, at low priority (the bar's
 * `warm`): photos and same-origin files; HLS streams are left to the viewer's preloading.
 */
export async function warmStories(stories: readonly { media: Media; expiresAt: number }[]): Promise<void> {
  const store = await pageCache();
  if (!store) return;
  await Promise.all(
    stories.map(({ media, expiresAt }) => {
      const url = new URL(media.src, location.href);
      if (isHls(media) || url.origin !== location.origin) return undefined;
      return store.blob(url.href, { expiresAt, priority: 'low' }).catch(() => {});
    }),
  );
}
