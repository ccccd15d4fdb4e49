// The comparison page for stories-kit: a provider with a bar and a viewer, over the shared
// data set held in memory, bundled by scripts/bench.mjs as an app would (production build).
import '../../src/story-provider.js';
import '../../src/story-bar.js';
import '../../src/story-viewer.js';
import type { StoryBar } from '../../src/story-bar.js';
import type { StoryProvider } from '../../src/story-provider.js';
import type { StoryViewer } from '../../src/story-viewer.js';
import type { Reel } from '../../src/model/types.js';
import type { StoriesStore } from '../../src/state/store.js';
import { memoryAdapter } from '../memory-adapter.js';
import { report } from '../harness.js';
import { log, painted, runPhase, shown, tapNext, type DataAccount, type Driver } from './shared.js';

function reels(data: DataAccount[]): Reel[] {
  return data.map((a) => {
    const author = { id: a.id, name: a.name, avatar: a.avatar };
    return {
      author,
      stories: a.stories.map((s) => ({ id: s.id, author, createdAt: s.createdAt, expiresAt: s.createdAt + 86_400_000, duration: s.duration, media: { kind: 'image' as const, src: s.src } })),
    };
  });
}

let provider: StoryProvider;
let bar: StoryBar;
let viewer: StoryViewer;
let store: StoriesStore;
const media = () => viewer.shadowRoot!.querySelector('.media.current');
const shownMedia = () => viewer.shadowRoot!.querySelector('.media.current.ready');

const driver: Driver = {
  async mountBar(data) {
    provider = document.createElement('story-provider');
    provider.adapter = memoryAdapter(reels(data));
    // The data set's order, as zuck.js keeps it; no seen state kept between page loads.
    provider.storeOptions = { pageSize: data.length, seen: null, refreshInterval: 0, keepOrder: true };
    bar = document.createElement('story-bar');
    viewer = document.createElement('story-viewer');
    viewer.deepLink = 'off';
    provider.append(bar, viewer);
    document.body.append(provider);
    const t0 = performance.now();
    store = await provider.ready;
    const t1 = performance.now();
    while (store.status !== 'ready') await new Promise((r) => store.addEventListener('change', r, { once: true }));
    const t2 = performance.now();
    await bar.updateComplete;
    // With BENCH_VERBOSE: loading the data layer, the feed validated and ordered, the bar rendered.
    log('mount', t1 - t0, t2 - t1, performance.now() - t2);
  },
  async open(accountId) {
    const ring = [...bar.shadowRoot!.querySelectorAll('story-ring')].find((r) => r.author?.id === accountId);
    if (!ring) throw new Error(`no ring for ${accountId}`);
    const done = shown([viewer.shadowRoot!], shownMedia);
    ring.shadowRoot!.querySelector('button')!.click();
    return done;
  },
  next() {
    const done = shown([viewer.shadowRoot!], shownMedia, media());
    tapNext();
    return done;
  },
  async close() {
    viewer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
    while (viewer.shadowRoot!.querySelector('dialog')?.open) await painted();
    await painted();
  },
  current() {
    const el = media();
    return { el, ready: !!el?.classList.contains('ready'), account: store.current()?.reel.author.id ?? null };
  },
  async unmount() {
    provider.remove();
  },
};

report(await runPhase(driver));
