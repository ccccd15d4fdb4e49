/**
 * The media cache's handling of bytes: object URLs counted until revoked, telling moving
 * images from still ones, reading a download no further than its limit, and waiting that a
 * caller can abandon. No storage here (see media-cache.ts).
 */

/** Media larger than the download allowed (`maxBytes`); nothing of it is kept. */
export class MediaTooLargeError extends Error {
  override name = 'MediaTooLargeError';
}

/** Media bytes, where they came from, and an object URL to show them with. */
export interface MediaLease {
  /** A `blob:` URL of the bytes (or the original URL when they could not be read). */
  url: string;
  /** Whether the bytes came from the cache (no network request). */
  cached: boolean;
  /** Revokes the object URL; call it when the story leaves the screen. */
  release(): void;
}

let liveUrls = 0;

/** Object URLs made by media caches and not yet revoked (tests and benchmarks check it). */
export function liveCacheUrls(): number {
  return liveUrls;
}

/** An object URL of `blob`, counted until released (twice is harmless). */
export function objectUrlOf(blob: Blob, cached: boolean): MediaLease {
  const url = URL.createObjectURL(blob);
  liveUrls++;
  let released = false;
  return {
    url,
    cached,
    release() {
      if (released) return;
      released = true;
      liveUrls--;
      URL.revokeObjectURL(url);
    },
  };
}

/** Whether `blob` may hold more than one frame, which a bitmap would freeze on its first. */
export async function moving(blob: Blob): Promise<boolean> {
  if (/gif/.test(blob.type)) return true;
  // A JPEG is one frame; anything else is told by its first bytes, whatever it was sent as.
  if (/jpeg/.test(blob.type)) return false;
  const head = new Uint8Array(await blob.slice(0, 4096).arrayBuffer());
  const text = String.fromCharCode(...head);
  // WebP: the extended header's animation flag. PNG: an animation chunk before the pixels. AVIF: an image sequence.
  if (text.startsWith('RIFF') && text.slice(8, 16) === 'WEBPVP8X') return (head[20] & 2) !== 0;
  if (text.startsWith('\x89PNG')) return text.slice(0, text.indexOf('IDAT')).includes('acTL');
  return /^....ftyp/s.test(text) && text.slice(8, 40).includes('avis');
}

/** The body of `response`, or MediaTooLargeError (and the download stopped) once it passes `maxBytes`. */
export async function readAtMost(response: Response, maxBytes: number, declared: number): Promise<Blob> {
  const tooLarge = () => new MediaTooLargeError(`${response.url} is larger than ${maxBytes} bytes`);
  if (declared > maxBytes) {
    void response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  const chunks: BlobPart[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel();
      throw tooLarge();
    }
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
  return new Blob(chunks, { type: response.headers.get('content-type') ?? '' });
}

/** `promise`, rejected with an AbortError as soon as `signal` aborts (the work itself goes on, shared). */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
