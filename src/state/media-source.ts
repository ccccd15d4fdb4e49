import { StoryErrorEvent } from '../events.js';
import type { HlsHandle } from '../media/hls-loader.js';
import { isHls, usesHlsJs, type HlsMode } from '../media/hls-support.js';
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
 * Opens the page's media cache when the browser is idle once `after` has settled (the
 * store's first feed: the bar's first rings come first). Its database takes tens of
 * milliseconds to open on a first visit, and the first story opened would wait for it.
 */
export function openMediaCacheSoon(after: Promise<unknown>): void {
  const open = () => whenIdle(() => void pageCache());
  after.then(open, open);
}

/**
 * A same-origin image through the page's media cache: a still image the browser can decode
 * comes back decoded, in a canvas that has taken `img`'s place (see MediaCache.image); any
 * other as an object URL for `img` to load, and to release when the story leaves. Other URLs
 * (another origin, `blob:`, `data:`) and any failure of the cache give the URL itself, for
 * `img` to load as usual.
 */
export async function loadImage(img: HTMLImageElement, src: string, options: { expiresAt: number; priority: RequestPriority; signal?: AbortSignal }): Promise<HTMLCanvasElement | MediaLease> {
  const plain = { url: src, cached: false, release() {} };
  const url = new URL(src, location.href);
  const store = url.origin === location.origin ? await pageCache() : null;
  if (!store) return plain;
  try {
    return await store.image(url.href, options, img);
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
 * Points a `<video>` at a story's media. A file (mp4…) plays from the media cache when it is
 * there. Else, preloaded (`role` next or ahead), it is downloaded into the cache at low
 * priority when it fits {@link PRELOAD_BUDGET} (the next account's first story at an idle
 * moment) and plays from there; on screen, or too large, it plays from the network and is
 * kept in the cache at idle time once shown. HLS goes through hls.js when `mode` says so for
 * this browser (see `usesHlsJs`), its playlists and segments through the media cache; else
 * natively; a preloaded stream buffers up to the budget, the next account's first frame only.
 * `onError` reports a failure that cannot be recovered from.
 */
export function attachVideo(
  video: HTMLVideoElement,
  media: Media,
  options: { mode: HlsMode; role: 'current' | 'next' | 'ahead'; expiresAt: number; onError: (message: string) => void },
): VideoLease {
  video.preload = options.role === 'ahead' ? 'metadata' : 'auto';
  if (!isHls(media) || !usesHlsJs(options.mode)) {
    if (isHls(media) && !video.canPlayType('application/vnd.apple.mpegurl')) {
      queueMicrotask(() => options.onError('This browser cannot play HLS video'));
    }
    const url = new URL(media.src, location.href);
    const cacheable = cacheOptions !== false && !isHls(media) && url.origin === location.origin;
    let bytes: MediaLease | null = null;
    let released = false;
    let shown = options.role === 'current';
    /** Where the bytes come from, once chosen: the cache or the network. */
    let source: 'cache' | 'network' | null = null;
    /** Reading the cache; waiting for an idle moment to preload; preloading into the cache. */
    let phase: 'reading' | 'idle' | 'downloading' = 'reading';
    const preloading = new AbortController();
    const play = (from: 'cache' | 'network', lease?: MediaLease) => {
      if (released || source) return lease?.release();
      source = from;
      bytes = lease ?? null;
      video.src = lease?.url ?? media.src;
    };
    // Shown from the network, the file is kept in the cache at an idle moment: a second
    // download, which a preload that fitted its budget has made unnecessary.
    const fill = () => whenIdle(() => !released && void pageCache().then((store) => store?.blob(url.href, { expiresAt: options.expiresAt, priority: 'low' })).catch(() => {}));
    if (!cacheable) play('network');
    else {
      void pageCache().then(async (store) => {
        // One read: the bytes when they are there, nothing fetched when they are not.
        const lease = store ? await store.leaseCached(url.href).catch(() => null) : null;
        if (lease) return play('cache', lease);
        if (!store || shown) {
          play('network');
          if (store && shown) fill();
          return;
        }
        // A preload: the whole file into the cache when it fits the budget, so the story plays
        // from there and is downloaded once; a larger file preloads from the network as usual.
        const download = () => {
          phase = 'downloading';
          store.lease(url.href, { expiresAt: options.expiresAt, priority: 'low', signal: preloading.signal, maxBytes: PRELOAD_BUDGET.bytes }).then(
            (preloaded) => play('cache', preloaded),
            () => {
              if (source) return;
              play('network');
              if (shown) fill();
            },
          );
        };
        if (options.role !== 'ahead') return download();
        // The next account's first story waits for an idle moment.
        phase = 'idle';
        whenIdle(() => !released && !source && download());
      });
    }
    return {
      promote() {
        video.preload = 'auto';
        if (shown) return;
        shown = true;
        if (source || phase === 'reading') return;
        // Shown before its preload arrived: it plays from the network now, while the preload
        // goes on into the cache (or, not started yet, the file is kept at idle).
        play('network');
        if (phase === 'idle') fill();
      },
      release() {
        released = true;
        // A download into the cache goes on for a story that was shown.
        if (!shown) preloading.abort();
        video.removeAttribute('src');
        video.load();
        bytes?.release();
      },
    };
  }
  let handle: HlsHandle | null = null;
  let released = false;
  let promoted = options.role !== 'ahead' ? PRELOAD_BUDGET : { bytes: 256 * 1024, seconds: 1 };
  pageCache()
    // The code that drives hls.js (and hls.js itself) loads with the first stream that needs it.
    .then(async (store) => (await import('../media/hls-loader.js')).attachHls(video, media.src, { bufferBytes: promoted.bytes, bufferSeconds: promoted.seconds, onFatal: options.onError, cache: store ?? undefined, expiresAt: options.expiresAt }))
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

