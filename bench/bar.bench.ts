// <story-bar>: from data to painted with 1,000 accounts, and scrolling 10,000 accounts
// end to end while watching for long tasks.
import '../src/story-provider.js';
import '../src/story-bar.js';
import type { StoryBar } from '../src/story-bar.js';
import type { StoryProvider } from '../src/story-provider.js';
import { memoryAdapter, reelsOf } from './memory-adapter.js';
import { report } from './harness.js';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

/** Resolves when the bar has rendered its feed (no polling delay: the store says when). */
async function rendered(bar: StoryBar, provider: StoryProvider): Promise<void> {
  const store = await provider.ready;
  if (store.status !== 'ready') {
    await new Promise<void>((resolve) => {
      const once = () => {
        if (store.status !== 'ready') return;
        store.removeEventListener('change', once);
        resolve();
      };
      store.addEventListener('change', once);
    });
  }
  await bar.updateComplete;
}

async function mount(count: number): Promise<{ bar: StoryBar; release: () => void }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const provider = document.createElement('story-provider') as StoryProvider;
  provider.adapter = memoryAdapter(reelsOf(count), gate);
  provider.storeOptions = { pageSize: count, seen: null };
  const bar = document.createElement('story-bar');
  bar.style.inlineSize = '1200px';
  provider.append(bar);
  document.body.append(provider);
  await provider.ready;
  await frame();
  return { bar, release };
}

// 1,000 accounts. "Data set": the store publishes the validated feed (t1); the adapter
// answered at t0. Painted: after the bar rendered and the next frame.
const small = await mount(1000);
const smallStore = await small.bar.closest('story-provider')!.ready;
let t1 = 0;
smallStore.addEventListener('change', () => {
  if (smallStore.status === 'ready' && !t1) t1 = performance.now();
});
const t0 = performance.now();
small.release();
await rendered(small.bar, small.bar.closest('story-provider')!);
await frame(); // the frame that paints it
const painted = performance.now() - t1;
const answerToPainted = performance.now() - t0;
const ringsInDom = small.bar.shadowRoot!.querySelectorAll('story-ring').length;
small.bar.closest('story-provider')!.remove();

// 10,000 accounts, scrolled end to end one viewport at a time, a frame per step.
const big = await mount(10_000);
big.release();
await rendered(big.bar, big.bar.closest('story-provider')!);
await frame();
const longTasks: number[] = [];
const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
observer.observe({ type: 'longtask' });
const list = big.bar.shadowRoot!.querySelector<HTMLElement>('[part=list]')!;
let maxRings = 0;
while (list.scrollLeft + list.clientWidth < list.scrollWidth - 1) {
  list.scrollLeft += list.clientWidth;
  await new Promise((r) => requestAnimationFrame(r));
  maxRings = Math.max(maxRings, big.bar.shadowRoot!.querySelectorAll('story-ring').length);
}
await frame();
observer.disconnect();
const lastName = [...big.bar.shadowRoot!.querySelectorAll('[part=name]')].at(-1)?.textContent;
if (lastName !== 'Account 9999') throw new Error(`scrolled to ${lastName}, not the end`);

report([
  { name: 'bar, 1,000 accounts: data set to painted', value: painted, unit: 'ms' },
  { name: 'bar, 1,000 accounts: adapter answer to painted (validation included)', value: answerToPainted, unit: 'ms' },
  { name: 'bar, 1,000 accounts: rings in the DOM', value: ringsInDom, unit: 'count' },
  { name: 'bar, 10,000 accounts scrolled end to end: long tasks', value: longTasks.length, unit: 'count' },
  { name: 'bar, 10,000 accounts scrolled: most rings in the DOM', value: maxRings, unit: 'count' },
]);
