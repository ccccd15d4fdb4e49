import { attachHls, isHls, usesHlsJs, type HlsHandle, type HlsMode } from '../media/hls-loader.js';
import type { Media } from '../model/types.js';

export type { HlsMode };

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
 * Points a `<video>` at a story's media: mp4 (or any file) directly, HLS through hls.js when
 * `mode` says so for this browser (see `usesHlsJs`), else natively. `preload` bounds what a
 * story that is not playing yet downloads (`metadata`: the first frame only; `auto`: up to
 * {@link PRELOAD_BUDGET}). `onError` reports a failure hls.js or the browser cannot recover from.
 */
export function attachVideo(video: HTMLVideoElement, media: Media, options: { mode: HlsMode; preload: 'auto' | 'metadata'; onError: (message: string) => void }): VideoLease {
  video.preload = options.preload;
  const native = () => {
    video.src = media.src;
    return { promote: () => (video.preload = 'auto'), release: () => (video.removeAttribute('src'), video.load()) };
  };
  if (!isHls(media) || !usesHlsJs(options.mode)) {
    if (isHls(media) && !video.canPlayType('application/vnd.apple.mpegurl')) {
      queueMicrotask(() => options.onError('This browser cannot play HLS video'));
    }
    const lease = native();
    return { promote: lease.promote, release: () => void lease.release() };
  }
  let handle: HlsHandle | null = null;
  let released = false;
  let promoted = options.preload === 'auto' ? PRELOAD_BUDGET : { bytes: 256 * 1024, seconds: 1 };
  attachHls(video, media.src, { bufferBytes: promoted.bytes, bufferSeconds: promoted.seconds, onFatal: options.onError }).then(
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
