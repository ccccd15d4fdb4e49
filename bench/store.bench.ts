// The data layer's hot paths: ordering a big feed, validating it, and LocalAdapter's first
// feed page from a 1,000-account IndexedDB.
import { LocalAdapter } from '../src/adapters/local-adapter.js';
import type { World } from '../src/adapters/demo-world.js';
import type { Reel, Story } from '../src/model/types.js';
import { parseReel } from '../src/model/validate.js';
import { orderReels } from '../src/state/order.js';
import { median, report } from './harness.js';

const HOUR = 3600_000;
const now = Date.now();

function makeStory(id: string, authorId: string, createdAt: number): Story {
  return { id, author: { id: authorId, name: `Account ${authorId}` }, createdAt, expiresAt: createdAt + 24 * HOUR, media: { kind: 'image', src: '/fixtures/media/photos/city.webp' } };
}

// 10,000 reels of 1 to 4 stories; half of them seen.
const reels: Reel[] = Array.from({ length: 10_000 }, (_, i) => ({
  author: { id: `a${i}`, name: `Account ${i}` },
  stories: Array.from({ length: (i % 4) + 1 }, (_, j) => makeStory(`s${i}-${j}`, `a${i}`, now - ((i * 7919 + j * 104729) % (23 * HOUR)))),
}));
const seen = new Set(reels.filter((_, i) => i % 2).flatMap((r) => r.stories.map((s) => s.id)));
const order = await median(7, () => orderReels(reels, (id) => seen.has(id)));

// Validation of 1,000 raw stories, as they come from an adapter.
const raw = JSON.parse(JSON.stringify(reels.slice(0, 400))) as unknown[];
let validated = 0;
const validation = await median(7, () => {
  validated = 0;
  for (const r of raw) validated += parseReel(r, () => {})?.stories.length ?? 0;
});
if (validated < 1000) throw new Error(`validated only ${validated} stories`);

// LocalAdapter with 1,000 followed accounts, two stories each.
const dbName = `bench-${crypto.randomUUID()}`;
const world: World = { me: 'me', accounts: [{ id: 'me', name: 'Me' }], follows: [], stories: [], views: [], comments: [], sounds: [] };
for (let i = 0; i < 1000; i++) {
  world.accounts.push({ id: `a${i}`, name: `Account ${i}` });
  world.follows.push(['me', `a${i}`]);
  world.stories.push(makeStory(`s${i}-0`, `a${i}`, now - ((i * 7) % 20) * HOUR), makeStory(`s${i}-1`, `a${i}`, now - ((i * 3) % 10) * HOUR));
}
await new LocalAdapter({ dbName }).seed(world);
const adapter = new LocalAdapter({ dbName });
await adapter.me(); // the database is open; what is timed is the query
const feed = await median(5, async () => {
  const page = await adapter.feed({ limit: 20 });
  if (page.items.length !== 20) throw new Error('short page');
});
await adapter.close();
indexedDB.deleteDatabase(dbName);

report([
  { name: 'store: order a feed of 10,000 reels', value: order, unit: 'ms' },
  { name: 'validation: 1,000 stories', value: validation, unit: 'ms' },
  { name: 'LocalAdapter: feed() first page, 1,000 accounts', value: feed, unit: 'ms' },
]);
