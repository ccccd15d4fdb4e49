// CommentThread on LocalAdapter (real IndexedDB): polling where an adapter cannot push,
// paging back in time, and the order of replies.
import { expect } from '@open-wc/testing';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import type { Comment } from '../../src/model/types.js';
import { CommentThread, threadRows } from '../../src/state/comment-thread.js';
import { StoriesStore } from '../../src/state/store.js';
import { until } from '../helpers/dom.js';
import { HOUR, people, testWorld } from '../helpers/world.js';

async function setup(extra = 0) {
  const dbName = `thread-${crypto.randomUUID()}`;
  const adapter = new LocalAdapter({ dbName });
  const w = testWorld(Date.now());
  for (let i = 0; i < extra; i++) w.comments.push({ id: `x${String(i).padStart(3, '0')}`, storyId: 'a1', author: people.carol, text: `Older ${i}`, createdAt: Date.now() - 3 * HOUR + i });
  await adapter.seed(w);
  const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
  await store.load();
  const story = store.reels.flatMap((r) => r.stories).find((s) => s.id === 'a1')!;
  return { adapter, store, story, close: () => (adapter.close(), indexedDB.deleteDatabase(dbName)) };
}

describe('CommentThread', () => {
  it('polls for new comments where the adapter has no subscribe()', async () => {
    const { adapter, store, story, close } = await setup();
    // An adapter that cannot push: the thread must ask.
    Object.defineProperty(adapter, 'subscribe', { value: undefined });
    let changes = 0;
    const thread = new CommentThread(store, story, () => changes++, { pollInterval: 30 });
    await thread.start();
    expect(thread.rows.map((r) => r.comment.text)).to.deep.equal(['Nice!']);
    await adapter.postComment('a1', { text: 'Arrived while open', clientId: crypto.randomUUID() });
    await until(() => thread.rows.some((r) => r.comment.text === 'Arrived while open'), 'the polled comment');
    thread.stop();
    close();
  });

  it('pages back in time: the newest page first, older ones on demand, nothing twice', async () => {
    const { store, story, close } = await setup(120);
    const thread = new CommentThread(store, story, () => {}, { pollInterval: 0 });
    await thread.start();
    expect(thread.rows.length).to.equal(50);
    expect(thread.hasOlder).to.equal(true);
    await thread.loadOlder();
    await thread.loadOlder();
    expect(thread.hasOlder).to.equal(false);
    const ids = thread.rows.map((r) => r.comment.id);
    expect(ids.length).to.equal(121);
    expect(new Set(ids).size).to.equal(121);
    // Oldest first: k1 (4 h ago), then the 120 seeded 3 h ago, in order.
    expect(ids[0]).to.equal('k1');
    expect(ids.at(-1)).to.equal('x119');
    thread.stop();
    close();
  });

  it('puts replies after their comment, one level deep, whatever order they come in', () => {
    const c = (id: string, at: number, parentId?: string): Comment => ({ id, storyId: 's', author: people.bob, text: id, createdAt: at, ...(parentId ? { parentId } : {}) });
    const rows = threadRows([c('r2', 5, 'a'), c('b', 3), c('a', 1), c('r1', 2, 'a'), c('rr', 6, 'r1'), c('orphan', 4, 'gone'), c('loop1', 7, 'loop2'), c('loop2', 8, 'loop1')]);
    expect(rows.map((r) => `${r.comment.id}:${r.depth}`)).to.deep.equal(['a:0', 'r1:1', 'r2:1', 'rr:1', 'b:0', 'orphan:0', 'loop1:0', 'loop2:0']);
  });
});
