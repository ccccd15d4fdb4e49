// <story-viewer>: click to first frame (preloaded image, mp4, HLS with hls.js loading),
// next story when preloaded, long tasks while playing, and memory after 500 stories.
import '../src/story-provider.js';
import '../src/story-bar.js';
import '../src/story-viewer.js';
import type { StoryBar } from '../src/story-bar.js';
import type { StoryProvider } from '../src/story-provider.js';
import type { StoryViewer } from '../src/story-viewer.js';
import { liveHlsInstances } from '../src/media/hls-loader.js';
import { warmStories } from '../src/state/media-source.js';
import type { Reel, Story } from '../src/model/types.js';
import { memoryAdapter } from './memory-adapter.js';
import { report } from './harness.js';

const ITERATIONS = 21;
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Object URLs alive now: counted around the browser's own functions (hls.js makes one per MediaSource).
let liveUrls = 0;
const create = URL.createObjectURL.bind(URL);
const revoke = URL.revokeObjectURL.bind(URL);
URL.createObjectURL = (o: Blob | MediaSource) => (liveUrls++, create(o));
URL.revokeObjectURL = (u: string) => (liveUrls--, revoke(u));

const PHOTOS = ['/fixtures/media/photos/sunrise.jpg', '/fixtures/media/photos/forest.jpg', '/fixtures/media/photos/city.webp', '/fixtures/media/photos/coffee.webp'];
let unique = 0;
function story(author: string, media: Story['media'], duration = 60_000): Story {
  const createdAt = Date.now() - 60_000;
  const id = `s${unique++}`;
  return { id, author: { id: author, name: author }, createdAt, expiresAt: createdAt + 86_400_000, duration, media };
}
const image = (i: number): Story['media'] => ({ kind: 'image', src: `${PHOTOS[i % PHOTOS.length]}?v=${i}` });
const mp4 = (i: number): Story['media'] => ({ kind: 'video', src: `/fixtures/media/videos/pattern.mp4?v=${i}`, type: 'video/mp4' });
const hls: Story['media'] = { kind: 'video', src: '/fixtures/media/hls/index.m3u8', type: 'application/vnd.apple.mpegurl' };

/** A page: provider, bar and viewer over reels in memory; the store ready. */
async function mount(reels: Reel[]) {
  const provider = document.createElement('story-provider') as StoryProvider;
  provider.adapter = memoryAdapter(reels);
  // In the order given, so the account opened first plays through all the others.
  provider.storeOptions = { pageSize: reels.length, seen: null, refreshInterval: 0, keepOrder: true };
  const bar = document.createElement('story-bar') as StoryBar;
  bar.style.inlineSize = '4000px';
  const viewer = document.createElement('story-viewer') as StoryViewer;
  viewer.deepLink = 'off';
  provider.append(bar, viewer);
  document.body.append(provider);
  const store = await provider.ready;
  while (store.status !== 'ready') await new Promise((r) => store.addEventListener('change', r, { once: true }));
  await bar.updateComplete;
  await frame();
  return { provider, bar, viewer, store };
}

/** Resolves at the first animation frame after `story-view` of `storyId` (the frame that paints it). */
function shown(viewer: StoryViewer, storyId?: string): Promise<number> {
  return new Promise((resolve) => {
    const on = (e: Event) => {
      if (storyId && (e as CustomEvent).detail.storyId !== storyId) return;
      viewer.removeEventListener('story-view', on);
      requestAnimationFrame(() => resolve(performance.now()));
    };
    viewer.addEventListener('story-view', on);
  });
}

function ringButton(bar: StoryBar, authorId: string): HTMLButtonElement {
  const ring = [...bar.shadowRoot!.querySelectorAll('story-ring')].find((r) => r.author?.id === authorId)!;
  return ring.shadowRoot!.querySelector('button')!;
}

async function closeViewer(viewer: StoryViewer) {
  viewer.close();
  await viewer.updateComplete;
  await frame();
}

/** Click on a ring → the story's first frame, `ITERATIONS` times, one account each. */
async function clickToFrame(makeMedia: (i: number) => Story['media'], warm: (media: Story['media']) => Promise<unknown>): Promise<number[]> {
  const reels = Array.from({ length: ITERATIONS + 1 }, (_, i) => ({ author: { id: `a${i}`, name: `A ${i}` }, stories: [story(`a${i}`, makeMedia(i))] }));
  const page = await mount(reels);
  const times: number[] = [];
  for (let i = 0; i < reels.length; i++) {
    await warm(reels[i].stories[0].media);
    const button = ringButton(page.bar, `a${i}`);
    const done = shown(page.viewer);
    const start = performance.now();
    button.click();
    const end = await done;
    // The first open also loads the viewer's code: a warm-up, not counted.
    if (i > 0) times.push(end - start);
    await closeViewer(page.viewer);
  }
  page.provider.remove();
  return times;
}

// 1. Preloaded image: in the media cache already, as the bar's `warm` or the viewer's preloading leave it.
const imageTimes = await clickToFrame(image, (media) => warmStories([{ media, expiresAt: Date.now() + 3_600_000 }]));

// 2. mp4 on localhost, not preloaded (a new URL each time).
const mp4Times = await clickToFrame(mp4, async () => {});

// Nothing so far was HLS: hls.js must not have been downloaded.
const hlsBeforeFirst = performance.getEntriesByType('resource').filter((e) => /hls\.light/.test(e.name)).length;

// 3. HLS, the first in this page: includes loading hls.js itself.
const hlsReels = [{ author: { id: 'h', name: 'H' }, stories: [story('h', hls)] }];
const hlsPage = await mount(hlsReels);
const hlsShown = shown(hlsPage.viewer);
const hlsStart = performance.now();
ringButton(hlsPage.bar, 'h').click();
const hlsTime = (await hlsShown) - hlsStart;
await closeViewer(hlsPage.viewer);
hlsPage.provider.remove();

// 4. Next story when preloaded: one account with many images; each tap once the next is decoded.
const nextReels = [{ author: { id: 'n', name: 'N' }, stories: Array.from({ length: ITERATIONS + 1 }, (_, i) => story('n', image(100 + i))) }];
const nextPage = await mount(nextReels);
const opened = shown(nextPage.viewer);
ringButton(nextPage.bar, 'n').click();
await opened;
const nextTimes: number[] = [];
const stage = () => nextPage.viewer.shadowRoot!.querySelector<HTMLElement>('.stage')!;
for (let i = 1; i < nextReels[0].stories.length; i++) {
  const next = nextReels[0].stories[i];
  // Wait until the viewer has decoded the next story ahead (one account: the only hidden photo;
  // `ready` as the stage counts it: decoded, in its canvas or its <img>).
  while (!nextPage.viewer.shadowRoot!.querySelector('.media.ready:not(.current)')) await frame();
  const done = shown(nextPage.viewer, next.id);
  const box = stage().getBoundingClientRect();
  const at = { clientX: box.left + box.width * 0.9, clientY: box.top + box.height / 2, bubbles: true, composed: true, isPrimary: true, pointerId: 1, button: 0 };
  const start = performance.now();
  stage().dispatchEvent(new PointerEvent('pointerdown', at));
  stage().dispatchEvent(new PointerEvent('pointerup', at));
  nextTimes.push((await done) - start);
}
await closeViewer(nextPage.viewer);
nextPage.provider.remove();

// 5. Playing 20 mixed stories by themselves (images of 300 ms, mp4 clips): long tasks.
const mixed = Array.from({ length: 5 }, (_, a) => ({
  author: { id: `m${a}`, name: `M ${a}` },
  stories: Array.from({ length: 4 }, (_, i) => story(`m${a}`, i === 3 ? mp4(1000 + a) : image(200 + a * 4 + i), 300)),
}));
const mixedPage = await mount(mixed);
const longTasks: number[] = [];
const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
observer.observe({ type: 'longtask' });
const completed = new Promise((r) => mixedPage.viewer.addEventListener('story-complete', r, { once: true }));
ringButton(mixedPage.bar, 'm0').click();
await completed;
observer.disconnect();
await closeViewer(mixedPage.viewer);
mixedPage.provider.remove();

// 6. 500 stories, moved through one after another (every 10th an mp4, every 50th HLS).
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
const many = Array.from({ length: 25 }, (_, a) => ({
  author: { id: `r${a}`, name: `R ${a}` },
  stories: Array.from({ length: 20 }, (_, i) => {
    const n = a * 20 + i;
    return story(`r${a}`, n % 50 === 49 ? hls : n % 10 === 9 ? mp4(2000 + n) : image(300 + n));
  }),
}));
const manyPage = await mount(many);
let seen = 0;
let heapAt10 = 0;
let mostVideos = 0;
let mostHls = 0;
let mostUrls = 0;
await new Promise<void>((resolve) => {
  manyPage.viewer.addEventListener('story-view', async () => {
    seen++;
    if (seen === 10) {
      gc();
      heapAt10 = heap();
    }
    mostVideos = Math.max(mostVideos, manyPage.viewer.shadowRoot!.querySelectorAll('video').length);
    mostHls = Math.max(mostHls, liveHlsInstances());
    mostUrls = Math.max(mostUrls, liveUrls);
    if (seen === 500) return resolve();
    await frame();
    manyPage.viewer.shadowRoot!.querySelector<HTMLButtonElement>('.step.next')!.click();
  });
  ringButton(manyPage.bar, 'r0').click();
});
await frame();
gc();
const heapGrowth = (heap() - heapAt10) / (1024 * 1024);
await closeViewer(manyPage.viewer);
const afterClose = { videos: manyPage.viewer.shadowRoot!.querySelectorAll('video').length, hls: liveHlsInstances() };
manyPage.provider.remove();

report([
  { name: 'viewer: click → first frame, preloaded image (p50)', value: median(imageTimes), unit: 'ms' },
  { name: 'viewer: click → first frame, mp4 on localhost (p50)', value: median(mp4Times), unit: 'ms' },
  { name: 'viewer: click → first frame, HLS, loading hls.js', value: hlsTime, unit: 'ms' },
  { name: 'viewer: hls.js downloads before the first HLS story', value: hlsBeforeFirst, unit: 'count' },
  { name: 'viewer: next story when preloaded, tap → frame (p50)', value: median(nextTimes), unit: 'ms' },
  { name: 'viewer: long tasks while playing 20 mixed stories', value: longTasks.length, unit: 'count' },
  { name: 'viewer: JS heap growth, story 10 → 500 (after GC)', value: heapGrowth, unit: 'MB' },
  { name: 'viewer: most live object URLs over 500 stories', value: mostUrls, unit: 'count' },
  { name: 'viewer: most <video> elements over 500 stories', value: mostVideos, unit: 'count' },
  { name: 'viewer: most live hls.js instances over 500 stories', value: mostHls, unit: 'count' },
  { name: 'viewer: <video> elements and hls.js instances left after closing', value: afterClose.videos + afterClose.hls, unit: 'count' },
]);
