// Closing the comment outbox: once its last holder lets go (the store is disposed, the
// comment thread stops), it no longer answers `online` nor talks to other tabs, and the
// page makes a new one for the scope. Real IndexedDB, a real BroadcastChannel.
import { expect } from '@open-wc/testing';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { Network } from '../../src/model/errors.js';
import { CommentThread } from '../../src/state/comment-thread.js';
import { outboxFor, storeOutbox, type OutboxTarget } from '../../src/state/outbox.js';
import { StoriesStore } from '../../src/state/store.js';
import { until } from '../helpers/dom.js';
import { testWorld } from '../helpers/world.js';

const author = { id: 'viewer', name: 'Vera Viewer' };
/** A backend that is down: each attempt is counted and fails, so the comment waits (backing off) to be tried again. */
const downBackend = () => {
  const target = { attempts: 0, async postComment(): Promise<never> {
    target.attempts++;
    throw new Network('The network is down');
  } };
  return target satisfies OutboxTarget;
};

describe('comment outbox, closed', () => {
  it('answers no `online` event and broadcasts nothing to other tabs; the page makes a new outbox for the scope', async () => {
    const scope = `close-test|${crypto.randomUUID()}`;
    const backend = downBackend();
    const box = outboxFor(scope, backend);
    await box.ready;
    const entry = await box.add({ storyId: 'a1', text: 'Waiting', author, createdAt: Date.now() });
    await box.settled();
    expect(backend.attempts, 'the first attempt').to.equal(1);
    // Open, it answers `online` at once, whatever the backoff.
    dispatchEvent(new Event('online'));
    await box.settled();
    expect(backend.attempts, 'an attempt on coming back online').to.equal(2);

    // Another tab, on the channel the tabs of one scope share: it hears what each outbox broadcasts.
    const name = `stories-kit-outbox:${scope}`;
    const otherTab = new BroadcastChannel(name);
    const tabHeard: string[] = [];
    otherTab.onmessage = (e: MessageEvent<{ type: string }>) => tabHeard.push(e.data.type);
    const marker = new BroadcastChannel(name);
    try {
      box.close();
      const closedHeard: string[] = [];
      box.listen((change) => closedHeard.push(change.type));
      dispatchEvent(new Event('online'));
      await box.settled();
      expect(backend.attempts, 'no attempt once closed').to.equal(2);
      // A change in the closed outbox (a discard) is not broadcast…
      await box.discard(entry.clientId);
      // …and the page makes a new outbox for the scope, which does hear the other tabs.
      const fresh = outboxFor(scope, downBackend());
      expect(fresh === box, 'a new outbox for the scope').to.equal(false);
      await fresh.ready;
      const freshHeard: string[] = [];
      fresh.listen((change) => freshHeard.push(change.type));
      // Posted after the discard: a broadcast of the discard would reach the other tab first.
      marker.postMessage({ type: 'marker' });
      await until(() => tabHeard.includes('marker') && freshHeard.includes('marker'), 'the marker, heard by the other tab and the new outbox');
      expect(tabHeard.join(), 'what the other tab heard').to.equal('marker');
      expect(closedHeard.includes('marker'), 'the closed outbox heard another tab').to.equal(false);
      fresh.close();
    } finally {
      otherTab.close();
      marker.close();
    }
  });

  it('stays open while the store or a comment thread holds it, and closes when the last lets go', async () => {
    const dbName = `outbox-close-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(Date.now()));
    let attempts = 0;
    adapter.postComment = async () => {
      attempts++;
      throw new Network('The network is down');
    };
    const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
    await store.load();
    const story = store.reels.flatMap((r) => r.stories).find((s) => s.id === 'a1')!;
    const thread = new CommentThread(store, story, () => {}, { pollInterval: 0 });
    await thread.start();
    const box = storeOutbox(store)!;
    const clientId = await thread.post('Held');
    await box.settled();
    expect(attempts).to.equal(1);
    const online = async () => {
      dispatchEvent(new Event('online'));
      await box.settled();
    };
    // The thread stops; the store still holds the outbox.
    thread.stop();
    await online();
    expect(attempts, 'tried again while the store lives').to.equal(2);
    // A thread runs again; the store goes.
    const again = new CommentThread(store, story, () => {}, { pollInterval: 0 });
    await again.start();
    expect(storeOutbox(store) === box, 'the same outbox').to.equal(true);
    store.dispose();
    await online();
    expect(attempts, 'tried again while the thread runs').to.equal(3);
    // Nobody holds it now.
    again.stop();
    await online();
    expect(attempts, 'not tried once nobody holds it').to.equal(3);
    await box.discard(clientId);
    await adapter.close();
    indexedDB.deleteDatabase(dbName);
  });
});
