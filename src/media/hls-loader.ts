/**
 * The one place that loads hls.js, and only with `import()`: a page pays for it when an HLS
 * story is about to play in a browser that needs it, never before.
 */
import type HlsType from 'hls.js';
import type { HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderStats } from 'hls.js';

export { canUseMse, isHls, usesHlsJs, type HlsMode } from './hls-support.js';

/** Where playlists and segments are kept when a media cache is in use (see MediaCache). */
export interface HlsByteSource {
  read(url: string): Promise<Blob | null>;
  put(url: string, blob: Blob, expiresAt: number): Promise<void>;
}

/** A video source attached to a `<video>`; `destroy()` releases everything it holds. */
export interface HlsHandle {
  destroy(): void;
  /** Lets it buffer more, for a preloaded story that starts playing. */
  setBuffer(bytes: number, seconds: number): void;
}

let live = 0;
let loading: Promise<typeof HlsType> | null = null;

/** hls.js instances alive now (created and not destroyed); tests and benchmarks read it. */
export function liveHlsInstances(): number {
  return live;
}

/** Loads hls.js (the light build: no subtitles, alternate audio or DRM, which stories never use). */
export function loadHls(): Promise<typeof HlsType> {
  // A failed download is not remembered: the next HLS story tries again.
  return (loading ??= import('hls.js/light').then(
    (m) => m.default,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));
}

/** A policy with few, quick retries: a story moves on rather than waits. */
const policy = (retries: number) => ({
  default: {
    maxTimeToFirstByteMs: 8000,
    maxLoadTimeMs: 20000,
    timeoutRetry: { maxNumRetry: retries, retryDelayMs: 0, maxRetryDelayMs: 0 },
    errorRetry: { maxNumRetry: retries, retryDelayMs: 500, maxRetryDelayMs: 2000 },
  },
});

/**
 * Plays `src` in `video` through hls.js. `bufferBytes` caps what it buffers ahead (small
 * for a preloaded story). `onFatal` is called once on an error hls.js cannot recover from;
 * the instance is destroyed then, so a broken stream never loops.
 */
export async function attachHls(
  video: HTMLVideoElement,
  src: string,
  options: { bufferBytes: number; bufferSeconds: number; onFatal: (message: string) => void; cache?: HlsByteSource; expiresAt?: number },
): Promise<HlsHandle> {
  const Hls = await loadHls();
  if (!Hls.isSupported()) throw new Error('hls.js is not supported in this browser');
  const hls = new Hls({
    // A worker would be built from a blob: URL, which strict Content-Security-Policies refuse.
    enableWorker: false,
    maxBufferSize: options.bufferBytes,
    maxBufferLength: options.bufferSeconds,
    maxMaxBufferLength: options.bufferSeconds * 2,
    capLevelToPlayerSize: true,
    manifestLoadPolicy: policy(1),
    playlistLoadPolicy: policy(1),
    fragLoadPolicy: policy(2),
    // Playlists and segments through the media cache: a stream seen once plays offline.
    ...(options.cache ? { loader: cacheLoader(Hls.DefaultConfig.loader, options.cache, options.expiresAt ?? Date.now()) } : {}),
  });
  live++;
  let alive = true;
  const destroy = () => {
    if (!alive) return;
    alive = false;
    live--;
    hls.detachMedia();
    hls.destroy();
  };
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal || !alive) return;
    destroy();
    options.onFatal(`${data.type}: ${data.details}`);
  });
  hls.loadSource(src);
  hls.attachMedia(video);
  const setBuffer = (bytes: number, seconds: number) => {
    // hls.js reads these on every buffering tick.
    Object.assign(hls.config, { maxBufferSize: bytes, maxBufferLength: seconds, maxMaxBufferLength: seconds * 2 });
  };
  return { destroy, setBuffer };
}

type LoaderClass = new (config: HlsConfig) => Loader<LoaderContext>;

/**
 * hls.js's own loader, in front of a media cache: a playlist or segment in the cache is
 * answered from it (no request); a miss loads as hls.js always does, and what arrives is
 * kept. Aborts, stats and teardown stay hls.js's own.
 */
function cacheLoader(Base: LoaderClass, cache: HlsByteSource, expiresAt: number): LoaderClass {
  return class CacheLoader extends Base {
    #cancelled = false;

    override load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      this.#cancelled = false;
      // Byte ranges of one resource are left to the network (hls.js sends 0–0 for "no range").
      if (context.rangeStart || context.rangeEnd) return super.load(context, config, callbacks);
      const network = () =>
        super.load(context, config, {
          ...callbacks,
          onSuccess: (response, stats, ctx, details) => {
            const data = response.data;
            if (typeof data === 'string' || data instanceof ArrayBuffer) void cache.put(key, new Blob([data]), expiresAt);
            callbacks.onSuccess(response, stats, ctx, details);
          },
        });
      const key = new URL(context.url, location.href).href;
      cache.read(key).then(async (blob) => {
        if (this.#cancelled) return;
        if (!blob) return network();
        const data = context.responseType === 'arraybuffer' ? await blob.arrayBuffer() : await blob.text();
        if (this.#cancelled) return;
        const stats: LoaderStats = this.stats;
        stats.loading.start = stats.loading.first = stats.loading.end = performance.now();
        stats.loaded = stats.total = blob.size;
        stats.chunkCount = 1;
        this.context = context;
        callbacks.onSuccess({ url: context.url, data }, stats, context, null);
      }, () => !this.#cancelled && network());
    }

    override abort(): void {
      this.#cancelled = true;
      super.abort();
    }

    // hls.js's destroy() does not go through abort(): a read still on its way must not
    // answer (or load) on a loader that no longer exists.
    override destroy(): void {
      this.#cancelled = true;
      super.destroy();
    }
  };
}
