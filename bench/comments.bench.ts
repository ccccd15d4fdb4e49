// The comments panel with 10,000 comments: first render, rows in the DOM, and scrolling
// from the oldest to the newest.
import '../src/story-comments.js';
import type { StoryComments } from '../src/story-comments.js';
import type { Comment } from '../src/model/types.js';
import { report } from './harness.js';

const frame = () => new Promise((r) => requestAnimationFrame(r));
const now = Date.now();
// Varied lengths, so rows differ in height as real comments do.
const comments: Comment[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `c${i}`,
  storyId: 's',
  author: { id: `u${i % 300}`, name: `Person ${i % 300}` },
  text: i % 5 ? `Comment ${i}` : `A longer comment ${i}, which wraps over a few lines in the panel. `.repeat(1 + (i % 4)),
  createdAt: now - 10_000_000 + i * 1000,
  ...(i % 9 === 1 ? { parentId: `c${i - 1}` } : {}),
}));

await frame();
const el = document.createElement('story-comments') as StoryComments;
el.style.cssText = 'display:block;width:420px';
// 1. Handing 10,000 comments over: validated, threaded, the latest shown over the story.
const t0 = performance.now();
el.comments = comments;
document.body.append(el);
await el.updateComplete;
await frame();
const handOver = performance.now() - t0;
// 2. Opening the panel with them loaded: from the tap to the painted panel.
await frame();
const t1 = performance.now();
el.show();
await el.updateComplete;
await frame();
const firstRender = performance.now() - t1;
const list = el.shadowRoot!.querySelector<HTMLElement>('.list')!;
if (!el.shadowRoot!.querySelector('[data-key="c9999"]')) throw new Error('the newest comment is not shown');
let maxRows = el.shadowRoot!.querySelectorAll('.row').length;

// From the oldest to the newest, a viewport per frame.
list.scrollTop = 0;
await frame();
await frame();
const longTasks: number[] = [];
const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)));
observer.observe({ type: 'longtask' });
while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
  list.scrollTop += list.clientHeight;
  await frame();
  maxRows = Math.max(maxRows, el.shadowRoot!.querySelectorAll('.row').length);
}
await frame();
observer.disconnect();
if (!el.shadowRoot!.querySelector('[data-key="c9999"]')) throw new Error('scrolling did not reach the newest comment');

report([
  { name: 'comments: 10,000 handed over (validated, threaded) to painted', value: handOver, unit: 'ms' },
  { name: 'comments: 10,000 in the panel, first render', value: firstRender, unit: 'ms' },
  { name: 'comments: most rows in the DOM', value: maxRows, unit: 'count' },
  { name: 'comments: long tasks scrolling 10,000 top to bottom', value: longTasks.length, unit: 'count' },
]);
