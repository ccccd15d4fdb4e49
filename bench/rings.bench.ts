// Browser benchmark: mount 1,000 rings (the size of the zuck.js comparison) and measure
// until they are rendered and painted.
import '../src/story-ring.js';
import type { StoryRing } from '../src/story-ring.js';
import { longestTask, report } from './harness.js';

const COUNT = 1000;
const states = ['unseen', 'seen', 'unseen', 'none'] as const;

const host = document.createElement('div');
host.style.display = 'flex';
host.style.flexWrap = 'wrap';
document.body.append(host);

await new Promise((r) => requestAnimationFrame(r));
const start = performance.now();
const rings: StoryRing[] = [];
for (let i = 0; i < COUNT; i++) {
  const ring = document.createElement('story-ring');
  ring.author = { id: `account-${i}`, name: `Account ${i}`, avatar: i % 3 ? `/fixtures/media/avatars/avatar-${(i % 12) + 1}.jpg` : undefined };
  ring.state = states[i % states.length];
  ring.segments = (i % 5) + 1;
  ring.seenSegments = i % 3;
  rings.push(ring);
}
host.append(...rings);
await Promise.all(rings.map((r) => r.updateComplete));
const rendered = performance.now() - start;
await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
const painted = performance.now() - start;

report([
  { name: '1,000 rings: rendered', value: rendered, unit: 'ms' },
  { name: '1,000 rings: painted', value: painted, unit: 'ms' },
  { name: '1,000 rings: longest main-thread task', value: longestTask(), unit: 'ms' },
]);
