// MediaCache against real IndexedDB, real fetches to the test server and a real quota.
import { expect } from '@open-wc/testing';
import { MediaCache, MediaTooLargeError, liveCacheUrls } from '../../src/media/media-cache.js';

const HOUR = 3_600_000;
const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));

function cache(options: ConstructorParameters<typeof MediaCache>[0] = {}) {
  const dbName = `media-${crypto.randomUUID()}`;
  dbs.push(dbName);
  const errors: string[] = [];
  const c = new MediaCache({ dbName, onError: (e) => errors.push(e.message), ...options });
  return { cache: c, errors, dbName };
}

/** A fixture URL no other test asked for, so the network log is this test's alone. */
const fresh = (path = '/fixtures/media/photos/sunrise.jpg') => `${path}?t=${crypto.randomUUID()}`;
/** How many times the browser went to the network for `url`. */
const requests = (url: string) => performance.getEntriesByName(new URL(url, location.href).href).length;
const later = Date.now() + HOUR;

describe('MediaCache', () => {
  it('fetches once for concurrent requests, then serves from IndexedDB with no network request', async () => {
    const { cache: c } = cache();
    const url = fresh();
    const [a, b] = await Promise.all([c.blob(url, { expiresAt: later }), c.blob(url, { expiresAt: later })]);
    expect(requests(url)).to.equal(1);
    expect(a.blob.size).to.equal(12213);
    expect(b.blob).to.equal(a.blob);
    await c.flush();
    expect(await c.has(url)).to.equal(true);
    const again = await c.blob(url, { expiresAt: later });
    expect(again.cached).to.equal(true);
    expect(again.blob.size).to.equal(12213);
    expect(requests(url)).to.equal(1);
    await c.close();
  });

  it('gives up a download larger than maxBytes, by its declared size or as the bytes come, and keeps nothing of it', async () => {
    const { cache: c } = cache();
    const declared = fresh('/fixtures/media/photos/forest.jpg');
    const err = await c.blob(declared, { expiresAt: later, maxBytes: 9000 }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(MediaTooLargeError);
    // Without a Content-Length the limit is counted on the body: half of the bytes come at
    // once and pass the limit; the rest are held back by the gate, so the download must stop.
    await fetch('/__gate/too-large/reset', { method: 'POST' });
    const streamed = `/__gate/too-large/fixtures/media/photos/forest.jpg?chunked&after=5000&t=${crypto.randomUUID()}`;
    const err2 = await c.blob(streamed, { expiresAt: later, maxBytes: 4000 }).catch((e: unknown) => e);
    expect(err2).to.be.instanceOf(MediaTooLargeError);
    await fetch('/__gate/too-large/open', { method: 'POST' });
    await c.flush();
    expect(await Promise.all([c.has(declared), c.has(streamed)])).to.deep.equal([false, false]);
    // Within the limit, with or without a declared size, the bytes come whole and are kept.
    const whole = `/__gate/too-large/fixtures/media/photos/forest.jpg?chunked&t=${crypto.randomUUID()}`;
    expect((await c.blob(whole, { expiresAt: later, maxBytes: 9112 })).blob.size).to.equal(9112);
    expect((await c.blob(declared, { expiresAt: later, maxBytes: 9112 })).blob.size).to.equal(9112);
    await c.flush();
    expect(await Promise.all([c.has(declared), c.has(whole)])).to.deep.equal([true, true]);
    await c.close();
  });

  it('keeps the least recently used under its byte budget', async () => {
    // Three ~10 kB HLS segments fit in 31 kB; the init segment pushes out the least recently used.
    const { cache: c } = cache({ budget: 31 * 1024 });
    const [s0, s1, s2, init] = ['seg0.m4s', 'seg1.m4s', 'seg2.m4s', 'init.mp4'].map((f) => fresh(`/fixtures/media/hls/${f}`));
    for (const url of [s0, s1]) {
      await c.blob(url, { expiresAt: later });
      await c.flush();
      expect(await c.has(url)).to.equal(true);
    }
    // s0 is used again: s1 becomes the least recently used.
    expect((await c.blob(s0, { expiresAt: later })).cached).to.equal(true);
    await c.blob(s2, { expiresAt: later });
    await c.flush();
    await c.blob(init, { expiresAt: later });
    await c.flush();
    expect(await Promise.all([s0, s1, s2, init].map((u) => c.has(u)))).to.deep.equal([true, false, true, true]);
    expect(await c.size()).to.be.at.most(31 * 1024);
    await c.close();
  });

  it('purges media of expired stories, at start-up and when they expire', async () => {
    let now = Date.now();
    const { cache: c, dbName } = cache({ now: () => now });
    const soon = fresh();
    const long = fresh('/fixtures/media/photos/forest.jpg');
    await c.blob(soon, { expiresAt: now + 1000 });
    await c.blob(long, { expiresAt: now + HOUR });
    await c.flush();
    expect(await Promise.all([c.has(soon), c.has(long)])).to.deep.equal([true, true]);
    now += 2000;
    // An expired entry is never served, even before the purge runs.
    expect(await c.has(soon)).to.equal(false);
    await c.purgeExpired();
    expect(await c.size()).to.equal(9112);
    await c.close();
    // At start-up: a new cache over the same database purges what expired meanwhile.
    now += HOUR;
    const reopened = new MediaCache({ dbName, now: () => now });
    // The start-up purge runs by itself: wait for it (frames, not a fixed time).
    for (let i = 0; i < 100 && (await reopened.size()) !== 0; i++) await new Promise((r) => requestAnimationFrame(r));
    expect(await reopened.size()).to.equal(0);
    await reopened.close();
  });

  it('drops a broken entry and fetches it again', async () => {
    const { cache: c, dbName } = cache();
    const url = fresh();
    await c.blob(url, { expiresAt: later });
    await c.close();
    // Damage it: a truncated blob under the entry.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(dbName);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('blobs', 'readwrite');
      tx.objectStore('blobs').put(new Blob(['partial']), url);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const again = new MediaCache({ dbName });
    const read = await again.blob(url, { expiresAt: later });
    expect(read.cached).to.equal(false);
    expect(read.blob.size).to.equal(12213);
    expect(requests(url)).to.equal(2);
    await again.close();
  });

  it('with a full disk it evicts, retries once, and still serves the bytes without keeping them', async () => {
    // A Storage Bucket with a real 4 kB quota: the 12 kB photo cannot be written.
    const { cache: c, errors } = cache({ quota: 4096, budget: 10 * 1024 * 1024 });
    const url = fresh();
    const read = await c.blob(url, { expiresAt: later });
    expect(read.blob.size).to.equal(12213);
    await c.flush();
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/out of storage/);
    expect(await c.has(url)).to.equal(false);
    // Served again, from the network, without a second report.
    expect((await c.blob(url, { expiresAt: later })).blob.size).to.equal(12213);
    await c.flush();
    expect(errors.length).to.equal(1);
    await c.close();
  });

  it('without IndexedDB (a newer schema it cannot open) every request goes to the network, reported once', async () => {
    const dbName = `media-${crypto.randomUUID()}`;
    dbs.push(dbName);
    await new Promise<void>((resolve) => {
      const open = indexedDB.open(dbName, 7);
      open.onsuccess = () => (open.result.close(), resolve());
    });
    const errors: string[] = [];
    const c = new MediaCache({ dbName, onError: (e) => errors.push(e.message) });
    const url = fresh();
    expect((await c.blob(url, { expiresAt: later })).blob.size).to.equal(12213);
    await new Promise((r) => requestAnimationFrame(r));
    expect((await c.blob(url, { expiresAt: later })).cached).to.equal(false);
    expect(requests(url)).to.equal(2);
    expect(errors.length).to.equal(1);
    expect(errors[0]).to.match(/cannot use IndexedDB/);
    await c.close();
  });

  it('lets another tab upgrade the schema: the open connection closes instead of blocking it', async () => {
    const { cache: c, dbName } = cache();
    await c.blob(fresh(), { expiresAt: later });
    const upgraded = await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(dbName, 2);
      open.onsuccess = () => {
        const version = open.result.version;
        open.result.close();
        resolve(version);
      };
      open.onerror = () => reject(open.error);
    });
    expect(upgraded).to.equal(2);
  });

  it('balances its object URLs over 100 lease and release cycles', async () => {
    const { cache: c } = cache();
    const url = fresh();
    const before = liveCacheUrls();
    for (let i = 0; i < 100; i++) {
      const lease = await c.lease(url, { expiresAt: later });
      expect(lease.url).to.match(/^blob:/);
      lease.release();
      lease.release();
    }
    expect(liveCacheUrls()).to.equal(before);
    expect(requests(url)).to.equal(1);
    await c.close();
  });

  it('decodes a still photo into a canvas that takes the <img>’s place; moving pictures and damaged bytes stay with the <img>', async () => {
    const { cache: c } = cache();
    const box = document.createElement('div');
    document.body.append(box);
    const stand = (alt: string) => {
      const img = new Image();
      img.alt = alt;
      img.className = 'media current';
      img.setAttribute('part', 'media');
      img.style.filter = 'grayscale(1)';
      box.append(img);
      return img;
    };
    try {
      for (const [path, width] of [['/fixtures/media/photos/sunrise.jpg', 540], ['/fixtures/media/photos/city.webp', 540], ['/fixtures/media/photos/square.jpg', 900]] as const) {
        const img = stand(`Still ${path}`);
        const shown = await c.image(fresh(path), { expiresAt: later }, img);
        expect(shown instanceof HTMLCanvasElement, path).to.equal(true);
        const canvas = shown as HTMLCanvasElement;
        expect([canvas.width, canvas.parentElement === box, img.isConnected]).to.deep.equal([width, true, false]);
        expect([canvas.className, canvas.getAttribute('part'), canvas.style.filter, canvas.getAttribute('role'), canvas.getAttribute('aria-label')]).to.deep.equal(['media current', 'media', 'grayscale(1)', 'img', `Still ${path}`]);
        canvas.remove();
      }
      const before = liveCacheUrls();
      for (const path of ['/fixtures/media/photos/moving.gif', '/fixtures/media/photos/moving.webp', '/fixtures/media/photos/moving.png']) {
        const img = stand('Moving');
        const shown = await c.image(fresh(path), { expiresAt: later }, img);
        expect(shown instanceof HTMLCanvasElement, `${path} is not frozen on its first frame`).to.equal(false);
        const lease = shown as Exclude<typeof shown, HTMLCanvasElement>;
        expect(lease.url).to.match(/^blob:/);
        img.src = lease.url;
        await img.decode();
        expect([img.isConnected, img.naturalWidth]).to.deep.equal([true, 90]);
        lease.release();
        img.remove();
      }
      const img = stand('Damaged');
      const damaged = await c.image(fresh('/fixtures/media/photos/damaged.jpg'), { expiresAt: later }, img);
      expect(damaged instanceof HTMLCanvasElement).to.equal(false);
      img.src = (damaged as Exclude<typeof damaged, HTMLCanvasElement>).url;
      let failed = false;
      await img.decode().catch(() => (failed = true));
      expect([failed, img.isConnected]).to.deep.equal([true, true]);
      (damaged as Exclude<typeof damaged, HTMLCanvasElement>).release();
      expect(liveCacheUrls()).to.equal(before);
      // An <img> no longer in a document is not replaced (its story has gone).
      const gone = new Image();
      const detached = await c.image(fresh(), { expiresAt: later }, gone);
      expect([detached instanceof HTMLCanvasElement, (detached as HTMLElement).isConnected]).to.deep.equal([true, false]);
    } finally {
      box.remove();
      await c.close();
    }
  });

  it('gives a photo shown a moment ago back as its canvas, neither read nor decoded again; one still on screen, or expired, is decoded anew', async () => {
    let now = Date.now();
    const { cache: c } = cache({ now: () => now });
    const box = document.createElement('div');
    document.body.append(box);
    const stand = () => {
      const img = new Image();
      img.alt = 'Again';
      box.append(img);
      return img;
    };
    try {
      const url = fresh();
      const first = (await c.image(url, { expiresAt: now + HOUR }, stand())) as HTMLCanvasElement;
      expect(first instanceof HTMLCanvasElement).to.equal(true);
      // Still on screen: another canvas (one element cannot be in two places).
      const second = (await c.image(url, { expiresAt: now + HOUR }, stand())) as HTMLCanvasElement;
      expect(second === first).to.equal(false);
      // The viewer closed: the same canvas comes back, in the new <img>'s place, with its name.
      first.remove();
      second.remove();
      const again = stand();
      const back = await c.image(url, { expiresAt: now + HOUR }, again);
      expect([back === first || back === second, (back as HTMLElement).parentElement === box, (back as HTMLElement).getAttribute('aria-label')]).to.deep.equal([true, true, 'Again']);
      (back as HTMLElement).remove();
      // Past its story's expiry, never given back.
      now += 2 * HOUR;
      const late = await c.image(url, { expiresAt: now + HOUR }, stand()).catch(() => null);
      expect(late === first || late === second).to.equal(false);
    } finally {
      box.remove();
      await c.close();
    }
  });

  it('stops a download once every caller that could give up has given up', async () => {
    const { cache: c } = cache();
    const key = `abort-${crypto.randomUUID().slice(0, 8)}`;
    await fetch(`/__gate/${key}/reset`, { method: 'POST' });
    const url = `/__gate/${key}/fixtures/media/photos/sunrise.jpg`;
    const [a, b] = [new AbortController(), new AbortController()];
    const first = c.blob(url, { expiresAt: later, signal: a.signal });
    for (let i = 0; i < 100 && c.pending === 0; i++) await new Promise((r) => requestAnimationFrame(r));
    expect(c.pending).to.equal(1);
    // A second caller joins the download on its way the moment it asks.
    const second = c.blob(url, { expiresAt: later, signal: b.signal });
    a.abort();
    await first.then(() => expect.fail('should reject'), (e: unknown) => expect((e as DOMException).name).to.equal('AbortError'));
    // One caller still waits: the download goes on.
    expect(c.pending).to.equal(1);
    b.abort();
    await second.then(() => expect.fail('should reject'), (e: unknown) => expect((e as DOMException).name).to.equal('AbortError'));
    for (let i = 0; i < 100 && c.pending > 0; i++) await new Promise((r) => requestAnimationFrame(r));
    expect(c.pending).to.equal(0);
    // Asked again (no signal), it downloads anew.
    await fetch(`/__gate/${key}/open`, { method: 'POST' });
    expect((await c.blob(url, { expiresAt: later })).blob.size).to.equal(12213);
    await c.close();
  });
});
