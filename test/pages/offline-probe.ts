// Loaded in an iframe by test/media/reload.test.ts, then reloaded with the network for its
// media gone: it opens a viewer on one story of each kind and reports, for each, whether it
// played and how many requests the page made for its media.
import '../../src/story-viewer.js';
import type { StoryViewer } from '../../src/story-viewer.js';
import { configureMediaCache } from '../../src/state/media-source.js';
import { MediaCache } from '../../src/media/media-cache.js';
import type { Story } from '../../src/model/types.js';
import { nextButton, shownMedia } from '../elements/story-viewer/viewer-harness.js';

const params = new URLSearchParams(location.search);
await configureMediaCache({ dbName: params.get('db')! });
const base = params.get('base')!;
const now = Date.now();
const story = (id: string, media: Story['media']): Story => ({ id, author: { id: 'a', name: 'A' }, createdAt: now - 60_000, expiresAt: now + 3_600_000, duration: 60_000, media });
const stories = [
  story('photo', { kind: 'image', src: `${base}photos/forest.jpg` }),
  story('mp4', { kind: 'video', src: `${base}videos/pattern.mp4`, type: 'video/mp4' }),
  story('hls', { kind: 'video', src: `${base}hls/index.m3u8`, type: 'application/vnd.apple.mpegurl' }),
];
const viewer = document.createElement('story-viewer') as StoryViewer;
viewer.deepLink = 'off';
viewer.hls = 'hls.js';
viewer.reels = [{ author: { id: 'a', name: 'A' }, stories }];
document.body.append(viewer);

const played: Record<string, boolean> = {};
for (const s of stories) {
  const shown = new Promise((r) => viewer.addEventListener('story-view', (e) => (e as CustomEvent).detail.storyId === s.id && r(null)));
  if (s === stories[0]) viewer.open = true;
  else nextButton(viewer).click();
  await shown;
  const media = shownMedia(viewer)!;
  if (media instanceof HTMLVideoElement) {
    while (media.currentTime < 0.3) await new Promise((r) => requestAnimationFrame(r));
  }
  played[s.id] = true;
}
viewer.close();
// The mp4 is kept at idle once shown: wait until it is in the database before reporting.
const probe = new MediaCache({ dbName: params.get('db')! });
while (!(await probe.has(new URL(stories[1].media.src, location.href).href))) await new Promise((r) => requestAnimationFrame(r));
await probe.close();
// Writes in progress finish before the page reports, so a reload right after finds them.
await configureMediaCache({ dbName: params.get('db')! });
const requests = performance.getEntriesByType('resource').filter((e) => e.name.includes(base)).length;
parent.postMessage({ step: params.get('step') ?? 'first', played, requests }, location.origin);
