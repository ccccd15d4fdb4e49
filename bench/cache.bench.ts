// The media cache: reading a cached 200 kB image and showing it, and re-opening a story
// seen once without the network.
import '../src/story-viewer.js';
import type { StoryViewer } from '../src/story-viewer.js';
import { MediaCache } from '../src/media/media-cache.js';
import { configureMediaCache } from '../src/state/media-source.js';
import { report } from './harness.js';

const RUNS = 21;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const HOUR = 3_600_000;

/** A 200 kB JPEG made here (noise does not compress), so no fixture has to be that large. */
async function photo200k(): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 360;
  canvas.height = 640;
  const ctx = canvas.getContext('2d')!;
  const pixels = ctx.createImageData(360, 640);
  let seed = 7;
  for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = i % 4 === 3 ? 255 : (seed = (seed * 1103515245 + 12345) & 0xff);
  ctx.putImageData(pixels, 0, 0);
  for (let quality = 0.9; ; quality -= 0.05) {
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/jpeg', quality));
    if (blob.size <= 220_000 || quality < 0.3) return blob;
  }
}

// 1. A cached 200 kB image: from the request to the decoded image, as the viewer does it
// (a still image is decoded from its bytes into a canvas; see MediaCache.image).
const dbName = `bench-media-${crypto.randomUUID()}`;
const cache = new MediaCache({ dbName });
const blob = await photo200k();
const expiresAt = Date.now() + HOUR;
const urls = Array.from({ length: RUNS + 1 }, (_, i) => new URL(`/cached/photo-${i}.jpg`, location.href).href);
for (const url of urls) await cache.put(url, blob, expiresAt);
const times: number[] = [];
for (const [i, url] of urls.entries()) {
  const start = performance.now();
  const shown = await cache.image(url, { expiresAt }, new Image());
  const took = performance.now() - start;
  // These URLs exist only in the cache: a request would have failed the read.
  if (!(shown instanceof HTMLCanvasElement) || shown.width !== 360) throw new Error('not decoded from the cache');
  if (i > 0) times.push(took);
}
await cache.close();
indexedDB.deleteDatabase(dbName);

// 2. Re-opening a story seen once: network requests for its media.
await configureMediaCache({ dbName: `${dbName}-viewer` });
const src = `/fixtures/media/photos/forest.jpg?v=${crypto.randomUUID()}`;
const createdAt = Date.now() - HOUR;
const reels = [{ author: { id: 'a', name: 'A' }, stories: [{ id: 's', author: { id: 'a', name: 'A' }, createdAt, expiresAt: createdAt + 24 * HOUR, duration: 60_000, media: { kind: 'image' as const, src } }] }];
/** Opens the story in a new viewer (as a new page would) and resolves once it is shown. */
async function showOnce(): Promise<StoryViewer> {
  const viewer = document.createElement('story-viewer') as StoryViewer;
  viewer.deepLink = 'off';
  viewer.reels = reels;
  document.body.append(viewer);
  const shown = new Promise((r) => viewer.addEventListener('story-view', r, { once: true }));
  viewer.open = true;
  await shown;
  viewer.close();
  viewer.remove();
  return viewer;
}
await showOnce();
// As after a reload: a new cache over the same database.
await configureMediaCache({ dbName: `${dbName}-viewer` });
const before = performance.getEntriesByName(new URL(src, location.href).href).length;
await showOnce();
const again = performance.getEntriesByName(new URL(src, location.href).href).length - before;
await configureMediaCache({});
indexedDB.deleteDatabase(`${dbName}-viewer`);

report([
  { name: 'media cache: cached 200 kB image, request → decoded (p50)', value: median(times), unit: 'ms' },
  { name: 'media cache: network requests re-opening a seen story', value: again, unit: 'count' },
]);
