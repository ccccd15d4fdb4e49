// Offline replay through the media cache: a story seen once opens again with the network
// gone, and the browser makes no request for its media.
import { expect } from '@open-wc/testing';
import { configureMediaCache } from '../../src/state/media-source.js';
import { MediaCache, liveCacheUrls } from '../../src/media/media-cache.js';
import { until } from '../helpers/dom.js';
import { testApi } from '../helpers/world.js';
import { fixture, html } from '@open-wc/testing';
import '../../src/story-bar.js';
import { mountViewer, photo, reel, video } from '../elements/story-viewer/viewer-helpers.js';
import { nextButton, pixelSize, shownMedia } from '../elements/story-viewer/viewer-harness.js';

/** Waits (frame by frame) until every URL is in the cache database, read through a connection of its own. */
async function cached(dbName: string, urls: string[]): Promise<void> {
  const probe = new MediaCache({ dbName });
  try {
    for (let i = 0; i < 600; i++) {
      const has = await Promise.all(urls.map((u) => probe.has(new URL(u, location.href).href)));
      if (has.every(Boolean)) return;
      if (i === 599) throw new Error(`not cached: ${urls.filter((_, j) => !has[j]).join(', ')}`);
      await new Promise((r) => requestAnimationFrame(r));
    }
  } finally {
    await probe.close();
  }
}

const requests = (url: string) => performance.getEntriesByName(new URL(url, location.href).href).length;

describe('media cache in the viewer', () => {
  const dbName = `media-${crypto.randomUUID()}`;
  after(async () => {
    await configureMediaCache({});
    indexedDB.deleteDatabase(dbName);
  });

  it('plays a photo seen once again with the network gone: 0 media requests, object URLs balanced', async () => {
    await configureMediaCache({ dbName });
    // The photo comes through a gate that is open now and closed later: "the network goes away".
    await fetch('/__gate/offline/reset', { method: 'POST' });
    await fetch('/__gate/offline/open', { method: 'POST' });
    const src = `/__gate/offline/fixtures/media/photos/forest.jpg?t=${crypto.randomUUID()}`;
    const story = () => reel('alice', [photo('a1', 'alice', 60_000, { media: { kind: 'image', src, alt: 'Forest' } })]);
    const urlsBefore = liveCacheUrls();

    const first = await mountViewer([story()]);
    first.viewer.open = true;
    await until(() => first.events.includes('view:a1'), 'the photo, from the network');
    expect(requests(src)).to.equal(1);
    first.viewer.close();
    expect(liveCacheUrls()).to.equal(urlsBefore);

    // As after a reload: a new cache over the same database, with nothing in memory.
    await configureMediaCache({ dbName });
    await fetch('/__gate/offline/reset', { method: 'POST' });
    const second = await mountViewer([story()]);
    second.viewer.open = true;
    await until(() => second.events.includes('view:a1'), 'the photo, from the cache');
    // Decoded from the cached bytes into a canvas: no object URL, no request.
    const shown = shownMedia(second.viewer) as HTMLCanvasElement;
    expect(shown.localName).to.equal('canvas');
    expect(pixelSize(shown).width).to.be.greaterThan(0);
    expect(requests(src)).to.equal(1);
    second.viewer.close();
    expect(liveCacheUrls()).to.equal(urlsBefore);
    await fetch('/__gate/offline/open', { method: 'POST' });
  });

  it('replays an mp4 seen once with the network gone: kept at idle after it showed, then played from the cache', async () => {
    await configureMediaCache({ dbName });
    await fetch('/__gate/offline-mp4/reset', { method: 'POST' });
    await fetch('/__gate/offline-mp4/open', { method: 'POST' });
    const src = `/__gate/offline-mp4/fixtures/media/videos/pattern.mp4?t=${crypto.randomUUID()}`;
    const story = () => reel('alice', [video('v1', 'alice', src)]);
    const first = await mountViewer([story()]);
    first.viewer.open = true;
    await until(() => first.events.includes('view:v1'), 'the video, from the network');
    await cached(dbName, [src]);
    first.viewer.close();
    const seen = requests(src);

    await configureMediaCache({ dbName });
    await fetch('/__gate/offline-mp4/reset', { method: 'POST' });
    const second = await mountViewer([story()]);
    second.viewer.open = true;
    await until(() => second.events.includes('view:v1'), 'the video, from the cache');
    const clip = shownMedia(second.viewer) as HTMLVideoElement;
    expect(clip.src).to.match(/^blob:/);
    await until(() => clip.currentTime > 0.3, 'playback from the cache');
    expect(requests(src)).to.equal(seen);
    second.viewer.close();
    await fetch('/__gate/offline-mp4/open', { method: 'POST' });
  });

  it('preloads the next story’s mp4 into the cache within the preload budget and plays it from there: one download', async function () {
    this.timeout(20_000);
    await configureMediaCache({ dbName });
    const src = `/fixtures/media/videos/pattern.mp4?preload=${crypto.randomUUID()}`;
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), video('v2', 'alice', src)])]);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the photo');
    await cached(dbName, [src]);
    expect(requests(src)).to.equal(1);
    nextButton(viewer).click();
    await until(() => events.includes('view:v2'), 'the video');
    const clip = shownMedia(viewer) as HTMLVideoElement;
    expect(clip.src).to.match(/^blob:/);
    await until(() => clip.currentTime > 0.3, 'playback from the cache');
    expect(requests(src)).to.equal(1);
    viewer.close();
  });

  it('replays an HLS stream seen once with the network gone: playlist and segments from the cache', async function () {
    this.timeout(30_000);
    await configureMediaCache({ dbName });
    await fetch('/__gate/offline-hls/reset', { method: 'POST' });
    await fetch('/__gate/offline-hls/open', { method: 'POST' });
    const base = '/__gate/offline-hls/fixtures/media/hls/';
    const story = () => reel('alice', [video('h1', 'alice', `${base}index.m3u8`)]);
    const first = await mountViewer([story()], { hls: 'hls.js' });
    first.viewer.open = true;
    await until(() => first.events.includes('view:h1'), 'the stream, from the network', 8000);
    await cached(dbName, ['index.m3u8', 'init.mp4', 'seg0.m4s', 'seg1.m4s', 'seg2.m4s'].map((f) => base + f));
    first.viewer.close();
    const seen = performance.getEntriesByType('resource').filter((e) => e.name.includes(base)).length;

    await configureMediaCache({ dbName });
    await fetch('/__gate/offline-hls/reset', { method: 'POST' });
    const second = await mountViewer([story()], { hls: 'hls.js' });
    second.viewer.open = true;
    await until(() => second.events.includes('view:h1'), 'the stream, from the cache', 8000);
    const clip = shownMedia(second.viewer) as HTMLVideoElement;
    await until(() => clip.currentTime > 0.5, 'playback from the cache', 8000);
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes(base)).length).to.equal(seen);
    second.viewer.close();
    await fetch('/__gate/offline-hls/open', { method: 'POST' });
  });

  it('a bar with warm="2" fetches the first story of the first two unseen accounts into the cache, and no more', async function () {
    this.timeout(20_000);
    await configureMediaCache({ dbName });
    const t = Date.now() - 3_600_000;
    const photos = ['a', 'b', 'c'].map((id) => `/fixtures/media/photos/city.webp?warm=${id}-${crypto.randomUUID()}`);
    const reels = ['a', 'b', 'c'].map((id, i) => ({
      author: { id, name: id.toUpperCase() },
      stories: [{ id: `${id}1`, createdAt: t - i * 1000, media: { kind: 'image', src: photos[i] } }],
    }));
    await testApi('files/warm.json', { reels }, 'PUT');
    await fixture(html`<story-bar feed="/api/__test/files/warm.json" warm="2"></story-bar>`);
    await cached(dbName, photos.slice(0, 2));
    expect(requests(photos[2])).to.equal(0);
  });

  it('shows photos when storage fails: a full disk, then no IndexedDB at all — each reported once as story-error', async function () {
    this.timeout(20_000);
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent).detail.message);
    document.addEventListener('story-error', onError);
    try {
      // A 4 kB quota: nothing fits.
      await configureMediaCache({ dbName: `${dbName}-full`, quota: 4096, budget: 10 * 1024 * 1024 });
      const full = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000, { media: { kind: 'image', src: `/fixtures/media/photos/forest.jpg?full=${crypto.randomUUID()}` } })])]);
      full.viewer.open = true;
      await until(() => full.events.includes('view:a1'), 'the photo despite a full disk');
      await until(() => errors.length === 1, 'the full disk to be reported');
      expect(errors[0]).to.match(/out of storage/);
      full.viewer.close();
      // A database this cache cannot open (a newer schema).
      const blocked = `${dbName}-newer`;
      await new Promise<void>((resolve) => {
        const open = indexedDB.open(blocked, 9);
        open.onsuccess = () => (open.result.close(), resolve());
      });
      await configureMediaCache({ dbName: blocked });
      const none = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), photo('a2', 'alice', 60_000)])]);
      none.viewer.open = true;
      await until(() => none.events.includes('view:a1'), 'the photo without IndexedDB');
      await until(() => errors.length === 2, 'the missing IndexedDB to be reported');
      expect(errors[1]).to.match(/cannot use IndexedDB/);
      none.viewer.close();
      indexedDB.deleteDatabase(blocked);
    } finally {
      document.removeEventListener('story-error', onError);
      await configureMediaCache({ dbName });
    }
    expect(errors.length).to.equal(2);
  });

  it('balances object URLs over 100 open and close cycles of the viewer', async function () {
    this.timeout(60_000);
    await configureMediaCache({ dbName });
    const { viewer } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), photo('a22', 'alice', 60_000)])]);
    const before = liveCacheUrls();
    for (let i = 0; i < 100; i++) {
      viewer.open = true;
      await until(() => !!shownMedia(viewer), `the photo, cycle ${i}`);
      viewer.close();
    }
    expect(liveCacheUrls()).to.equal(before);
  });
});
