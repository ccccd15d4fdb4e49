/**
 * Story media kept in IndexedDB, so a story seen (or preloaded) once opens at once and plays
 * offline, without ever filling the disk or keeping a vanished story's media.
 *
 * - Entries are keyed by URL, with their size, the owning story's `expiresAt` and the time
 *   of last use; blobs live in a store of their own, so touching an entry never rewrites its
 *   bytes.
 * - One fetch per URL at a time (single flight); no transaction ever waits on the network:
 *   the bytes are fetched first, then written in one short transaction.
 * - Least recently used entries go once the total passes the budget (by default a tenth of
 *   the storage quota, at most 200 MB); expired entries go at start-up and when they expire.
 *   `navigator.storage.persist()` is called only with `persist: true`.
 * - Nothing here may fail playback: a full disk evicts and retries once, then serves the bytes
 *   without keeping them; without IndexedDB (blocked, failed or refused) every request goes
 *   to the network and `onError` hears of it once; a broken or partial entry is dropped and
 *   fetched again. Another tab's schema upgrade closes this connection instead of blocking it.
 */
import { wrap, type IDBPDatabase } from 'idb';

export interface MediaCacheOptions {
  /** IndexedDB database (default `stories-kit-media`). */
  dbName?: string;
  /** Bytes kept at most; default: a tenth of the storage quota, capped at 200 MB. */
  budget?: number;
  /** Asks the browser to keep the cache under storage pressure (`navigator.storage.persist()`). */
  persist?: boolean;
  /**
   * Keeps the cache in a Storage Bucket of its own with this quota in bytes, where the browser
   * has Storage Buckets (Chromium): the browser then evicts or limits it apart from the page's
   * other data. The budget defaults to the quota.
   */
  quota?: number;
  /** The clock expiry is measured by (the store's, corrected by the server's). */
  now?: () => number;
  /** Hears of a failure that makes the cache step aside (once per kind of failure). */
  onError?: (error: Error) => void;
}

/** How to fetch media that is not in the cache. */
export interface FetchOptions {
  /** When the owning story expires: the bytes are kept until then, and never after. */
  expiresAt: number;
  priority?: RequestPriority;
  /** Gives up waiting (see {@link MediaCache.blob}). */
  signal?: AbortSignal;
  /**
   * The most a download may bring (a preload's budget): larger media is not fetched, and the
   * call fails with {@link MediaTooLargeError} as soon as the size (declared or read) passes it.
   */
  maxBytes?: number;
}

interface Entry {
  url: string;
  size: number;
  type: string;
  expiresAt: number;
  lastAccess: number;
}

const VERSION = 1;
const DEFAULT_CAP = 200 * 1024 * 1024;
const MAX_TIMER = 2 ** 31 - 1;
/** Decoded photos kept for a re-open: the viewer's current, next and further-ahead ones, and one more. */
const DECODED_KEPT = 4;

const isQuota = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'UnknownError');

export class MediaCache {
  readonly dbName: string;
  readonly #now: () => number;
  readonly #onError: (error: Error) => void;
  readonly #db: Promise<IDBPDatabase | null>;
  readonly #budget: Promise<number>;
  /** Fetches on their way, by URL, with how many callers who can still give up wait for each. */
  readonly #inflight = new Map<string, { promise: Promise<Blob>; controller: AbortController; waiting: number }>();
  readonly #reported = new Set<string>();
  /** The photos decoded last, by URL (see {@link image}), until their story expires. */
  readonly #decoded = new Map<string, { canvas: HTMLCanvasElement; expiresAt: number }>();
  /** Writes in progress, by URL: until one ends, its URL is still served from the fetch in memory. */
  readonly #writes = new Map<string, Promise<void>>();
  #expiryTimer?: ReturnType<typeof setTimeout>;
  #closed = false;

  constructor(options: MediaCacheOptions = {}) {
    this.dbName = options.dbName ?? 'stories-kit-media';
    this.#now = options.now ?? (() => Date.now());
    this.#onError = options.onError ?? (() => {});
    this.#db = this.#open(options.quota);
    this.#budget = Promise.resolve(options.budget ?? options.quota ?? defaultBudget());
    if (options.persist) void navigator.storage?.persist?.();
    void this.purgeExpired();
  }

  #report(kind: string, error: Error): void {
    if (this.#reported.has(kind)) return;
    this.#reported.add(kind);
    this.#onError(error);
  }

  async #open(quota?: number): Promise<IDBPDatabase | null> {
    try {
      const buckets = (navigator as Navigator & { storageBuckets?: { open(name: string, options: object): Promise<{ indexedDB: IDBFactory }> } }).storageBuckets;
      const factory = quota !== undefined && buckets ? (await buckets.open(this.dbName.toLowerCase().replace(/[^a-z0-9_-]/g, '-'), { quota, durability: 'relaxed' })).indexedDB : indexedDB;
      const request = factory.open(this.dbName, VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        const entries = db.createObjectStore('entries', { keyPath: 'url' });
        entries.createIndex('lastAccess', 'lastAccess');
        entries.createIndex('expiresAt', 'expiresAt');
        db.createObjectStore('blobs');
      };
      const raw = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      // Another tab needs a newer schema: step aside rather than block it.
      raw.onversionchange = () => raw.close();
      return wrap(raw);
    } catch (error) {
      this.#report('unavailable', new Error(`The media cache cannot use IndexedDB (${error instanceof Error ? error.message : String(error)}); media plays from the network.`, { cause: error }));
      return null;
    }
  }

  /** The bytes of `url`: from the cache, else fetched (once, however many ask) and kept until `expiresAt`. */
  async blob(url: string, options: FetchOptions): Promise<{ blob: Blob; cached: boolean }> {
    // A download on its way is joined at once (synchronously, so a caller is counted from
    // the moment it asks): its bytes are not in the database yet.
    if (!this.#inflight.has(url)) {
      const hit = await this.#read(url);
      if (hit) return { blob: hit, cached: true };
    }
    let flight = this.#inflight.get(url);
    if (!flight) {
      const controller = new AbortController();
      const started = { promise: this.#fetch(url, options.expiresAt, options.priority ?? 'auto', controller.signal, options.maxBytes ?? Infinity), controller, waiting: 0 };
      flight = started;
      this.#inflight.set(url, started);
      const done = () => this.#inflight.get(url) === started && this.#inflight.delete(url);
      started.promise.then(() => (this.#writes.get(url) ?? Promise.resolve()).then(done), done);
    }
    // Callers who can give up (a preload no longer needed) are counted; when all of them
    // have, the download itself stops. A caller without a signal keeps it going.
    const shared = flight;
    const signal = options.signal;
    if (signal) shared.waiting++;
    else shared.waiting = Infinity;
    const onAbort = () => --shared.waiting <= 0 && shared.controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return { blob: await abortable(shared.promise, signal), cached: false };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Downloads on their way now. */
  get pending(): number {
    return this.#inflight.size;
  }

  /** An object URL of `url`'s bytes (see {@link blob}); `release()` it when the media leaves. */
  async lease(url: string, options: FetchOptions): Promise<MediaLease> {
    const { blob, cached } = await this.blob(url, options);
    return objectUrlOf(blob, cached);
  }

  /**
   * `url` as a decoded still image in a canvas, straight from its bytes (createImageBitmap
   * decodes off the main thread with no object URL and no image load between the bytes and
   * the pixels: about a quarter faster than an `<img>`'s `decode()` on these machines). The
   * canvas takes the place of `img` while that is in a document, with its classes, part,
   * filter and accessible name. The last few canvases are kept, so a photo shown again a
   * moment later (the viewer re-opened) is neither read nor decoded again. Moving images (GIF,
   * animated WebP, PNG or AVIF) and bytes the browser cannot decode come back as a lease, for
   * `img` to play or to fail with its own error.
   */
  async image(url: string, options: FetchOptions, img: HTMLImageElement): Promise<HTMLCanvasElement | MediaLease> {
    // A photo shown a moment ago (the viewer closed and opens again): its canvas, as it was.
    const recent = this.#decoded.get(url);
    this.#decoded.delete(url);
    let canvas = recent && !recent.canvas.isConnected && recent.expiresAt > this.#now() ? recent.canvas : undefined;
    if (!canvas) {
      const { blob, cached } = await this.blob(url, options);
      if (await moving(blob)) return objectUrlOf(blob, cached);
      try {
        const bitmap = await createImageBitmap(blob);
        canvas = document.createElement('canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(bitmap);
      } catch {
        // Damaged or of an unknown format: the <img> fails and says why.
        return objectUrlOf(blob, cached);
      }
    }
    this.#decoded.set(url, { canvas, expiresAt: options.expiresAt });
    // The last few only (each holds a decoded photo): the oldest goes first.
    for (const key of this.#decoded.keys()) if (this.#decoded.size > DECODED_KEPT) this.#decoded.delete(key);
    canvas.className = img.className;
    canvas.setAttribute('part', img.getAttribute('part') ?? '');
    canvas.style.filter = img.style.filter;
    canvas.role = img.alt ? 'img' : null;
    canvas.ariaLabel = img.alt || null;
    if (img.isConnected) img.replaceWith(canvas);
    return canvas;
  }

  /** A lease on `url`'s bytes only when they are in the cache (one read; never fetches), else null. */
  async leaseCached(url: string): Promise<MediaLease | null> {
    const blob = await this.#read(url);
    return blob && objectUrlOf(blob, true);
  }

  /** The cached bytes of `url` (touching it for LRU), or null on a miss; never fetches. */
  read(url: string): Promise<Blob | null> {
    return this.#read(url);
  }

  /** Keeps bytes fetched by someone else (hls.js's own loader) until `expiresAt`. */
  put(url: string, blob: Blob, expiresAt: number): Promise<void> {
    if (expiresAt <= this.#now()) return Promise.resolve();
    const write = this.#keep(url, blob, expiresAt).finally(() => this.#writes.delete(url));
    this.#writes.set(url, write);
    return write;
  }

  /** Resolves once every write in progress has ended (kept, or given up). */
  async flush(): Promise<void> {
    while (this.#writes.size) await Promise.allSettled([...this.#writes.values()]);
  }

  /** Whether `url` is in the cache now, intact. */
  async has(url: string): Promise<boolean> {
    const db = await this.#db;
    if (!db) return false;
    const [entry, blob] = await Promise.all([db.get('entries', url) as Promise<Entry | undefined>, db.get('blobs', url) as Promise<Blob | undefined>]);
    return this.#intact(entry, blob);
  }

  /** Whether an entry and its bytes can be served: both there, whole, and not expired. */
  #intact(entry: Entry | undefined, blob: unknown): blob is Blob {
    return !!entry && blob instanceof Blob && blob.size === entry.size && entry.expiresAt > this.#now();
  }

  /** Bytes kept now. */
  async size(): Promise<number> {
    const db = await this.#db;
    if (!db) return 0;
    return ((await db.getAll('entries')) as Entry[]).reduce((sum, e) => sum + e.size, 0);
  }

  async #read(url: string): Promise<Blob | null> {
    const db = await this.#db;
    if (!db || this.#closed) return null;
    try {
      const tx = db.transaction(['entries', 'blobs'], 'readonly');
      const [entry, blob] = await Promise.all([tx.objectStore('entries').get(url) as Promise<Entry | undefined>, tx.objectStore('blobs').get(url) as Promise<Blob | undefined>]);
      if (!entry) return null;
      const write = db.transaction(['entries', 'blobs'], 'readwrite', { durability: 'relaxed' });
      if (!this.#intact(entry, blob)) {
        // Partial, broken or expired: dropped, and fetched again by the caller.
        await Promise.all([write.objectStore('entries').delete(url), write.objectStore('blobs').delete(url), write.done]);
        return null;
      }
      // The bytes go to the caller at once; the time of use is written behind them.
      entry.lastAccess = this.#now();
      void Promise.all([write.objectStore('entries').put(entry), write.done]).catch(() => {});
      return blob;
    } catch {
      return null;
    }
  }

  async #fetch(url: string, expiresAt: number, priority: RequestPriority, signal: AbortSignal, maxBytes: number): Promise<Blob> {
    const response = await fetch(url, { priority, credentials: 'same-origin', signal });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const length = Number(response.headers.get('content-length'));
    const blob = maxBytes === Infinity ? await response.blob() : await readAtMost(response, maxBytes, length);
    // A cut-off body is served, never kept.
    const complete = !response.headers.get('content-encoding') && Number.isFinite(length) && length > 0 ? blob.size === length : true;
    if (complete && expiresAt > this.#now()) {
      const write = this.#keep(url, blob, expiresAt).finally(() => this.#writes.delete(url));
      this.#writes.set(url, write);
    }
    return blob;
  }

  /** Writes an entry (evicting first when it would not fit), retrying once after a full disk. */
  async #keep(url: string, blob: Blob, expiresAt: number): Promise<void> {
    const db = await this.#db;
    if (!db || this.#closed) return;
    const budget = await this.#budget;
    if (blob.size > budget) return;
    const entry: Entry = { url, size: blob.size, type: blob.type, expiresAt, lastAccess: this.#now() };
    for (let attempt = 0; attempt < 2; attempt++) {
      let tx: IDBTransaction | undefined;
      try {
        await this.#evict(db, budget - blob.size);
        const t = db.transaction(['entries', 'blobs'], 'readwrite');
        tx = t as unknown as IDBTransaction;
        await Promise.all([t.objectStore('blobs').put(blob, url), t.objectStore('entries').put(entry), t.done]);
        this.#scheduleExpiry(expiresAt);
        return;
      } catch (error) {
        // A request fails with AbortError when its transaction aborts; the reason is on the transaction.
        if (!isQuota(error) && !isQuota(tx?.error)) return;
        if (attempt === 1) {
          this.#report('quota', new Error('The media cache is out of storage; this media plays without being kept.', { cause: error }));
          return;
        }
        // Make room: keep at most half of what is there, then try once more.
        await this.#evict(db, Math.floor((await this.size()) / 2)).catch(() => {});
      }
    }
  }

  /** Deletes least recently used entries until at most `keep` bytes remain. */
  async #evict(db: IDBPDatabase, keep: number): Promise<void> {
    const entries = (await db.getAllFromIndex('entries', 'lastAccess')) as Entry[];
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    const drop: string[] = [];
    for (const entry of entries) {
      if (total <= keep) break;
      drop.push(entry.url);
      total -= entry.size;
    }
    if (!drop.length) return;
    const tx = db.transaction(['entries', 'blobs'], 'readwrite');
    await Promise.all([...drop.flatMap((url) => [tx.objectStore('entries').delete(url), tx.objectStore('blobs').delete(url)]), tx.done]);
  }

  /** Deletes everything whose story has expired; then waits for the next expiry. */
  async purgeExpired(): Promise<void> {
    const db = await this.#db;
    if (!db || this.#closed) return;
    const now = this.#now();
    const expired = (await db.getAllFromIndex('entries', 'expiresAt', IDBKeyRange.upperBound(now))) as Entry[];
    if (expired.length) {
      const tx = db.transaction(['entries', 'blobs'], 'readwrite');
      await Promise.all([...expired.flatMap((e) => [tx.objectStore('entries').delete(e.url), tx.objectStore('blobs').delete(e.url)]), tx.done]);
    }
    const next = (await db.getAllFromIndex('entries', 'expiresAt', IDBKeyRange.lowerBound(now, true), 1)) as Entry[];
    if (next[0]) this.#scheduleExpiry(next[0].expiresAt, true);
  }

  #scheduleExpiry(at: number, replace = false): void {
    if (this.#closed) return;
    if (this.#expiryTimer !== undefined && !replace) return;
    clearTimeout(this.#expiryTimer);
    this.#expiryTimer = setTimeout(() => {
      this.#expiryTimer = undefined;
      void this.purgeExpired();
    }, Math.min(MAX_TIMER, Math.max(0, at - this.#now())));
  }

  /** Closes the database; the cache serves from the network afterwards. */
  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
    this.#decoded.clear();
    clearTimeout(this.#expiryTimer);
    (await this.#db)?.close();
  }
}

async function defaultBudget(): Promise<number> {
  try {
    const { quota } = (await navigator.storage?.estimate?.()) ?? {};
    return quota ? Math.min(DEFAULT_CAP, Math.floor(quota / 10)) : DEFAULT_CAP;
  } catch {
    return DEFAULT_CAP;
  }
}
import { abortable, moving, objectUrlOf, readAtMost, type MediaLease } from './media-bytes.js';

export { MediaTooLargeError, liveCacheUrls, type MediaLease } from './media-bytes.js';
