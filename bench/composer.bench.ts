// Publishing a 5 MB video from the composer through LocalAdapter: the page stays responsive
// (no long task) while it runs.
import '../src/story-composer.js';
import type { StoryComposer } from '../src/story-composer.js';
import { LocalAdapter } from '../src/adapters/local-adapter.js';
import { StoriesStore } from '../src/state/store.js';
import { report } from './harness.js';

const frame = () => new Promise((r) => requestAnimationFrame(r));
const dbName = `bench-composer-${crypto.randomUUID()}`;
const adapter = new LocalAdapter({ dbName });
await adapter.seed({ me: 'me', accounts: [{ id: 'me', name: 'Me' }], follows: [], stories: [], views: [], comments: [], sounds: [] });
const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
await store.load();

// A 5 MB mp4 (a real clip, repeated: publishing never decodes it).
const clip = await (await fetch('/fixtures/media/videos/waves.mp4')).arrayBuffer();
const parts: ArrayBuffer[] = [];
for (let size = 0; size < 5 * 1024 * 1024; size += clip.byteLength) parts.push(clip);
const blob = new Blob(parts, { type: 'video/mp4' });

const el = document.createElement('story-composer') as StoryComposer;
el.store = store;
document.body.append(el);
el.show();
el.media = { kind: 'video', blob, type: 'video/mp4', width: 360, height: 640, duration: 4000 };
el.overlays = [{ kind: 'text', text: 'Five megabytes', x: 0.5, y: 0.3 }];
await el.updateComplete;
await frame();
await frame();

const longTasks: number[] = [];
const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
observer.observe({ type: 'longtask' });
const progress: number[] = [];
const t0 = performance.now();
const published = el.publish();
// Frames keep coming while it publishes.
let frames = 0;
let done = false;
void published.then(() => (done = true));
while (!done) {
  await frame();
  frames++;
  const bar = el.shadowRoot!.querySelector('progress');
  if (bar) progress.push(bar.value);
}
const story = await published;
const took = performance.now() - t0;
await frame();
observer.disconnect();
if (!story || story.media.kind !== 'video') throw new Error('not published');
if (!progress.length) throw new Error('no progress bar while publishing');
await adapter.close();
indexedDB.deleteDatabase(dbName);

report([
  { name: 'composer: publishing a 5 MB video through LocalAdapter, long tasks', value: longTasks.length, unit: 'count' },
  { name: 'composer: publishing a 5 MB video through LocalAdapter, time', value: took, unit: 'ms' },
  { name: 'composer: frames painted while publishing it', value: frames, unit: 'count' },
]);
