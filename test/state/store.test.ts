import { expect } from '@open-wc/testing';
import { FeedAdapter } from '../../src/adapters/feed-adapter.js';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { RestAdapter } from '../../src/adapters/rest-adapter.js';
import type { StoriesAdapter } from '../../src/adapters/types.js';
import type { StoryErrorEvent } from '../../src/events.js';
import { Invalid, Network } from '../../src/model/errors.js';
import { SkewedClock } from '../../src/model/time.js';
import { SeenStore } from '../../src/storage/seen.js';
import { StoriesStore } from '../../src/state/store.js';
import { orderReels } from '../../src/state/order.js';
import { ManualClock } from '../helpers/clock.js';
import { until } from '../helpers/dom.js';
import { HOUR, story, testApi, testWorld } from '../helpers/world.js';

const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));

/** A store over a real LocalAdapter holding the test world, both on one controlled clock. */
async function localStore(clock = new ManualClock(Date.now()), namespace = crypto.randomUUID()) {
  const dbName = `store-${namespace}`;
  dbs.push(dbName);
  const adapter = new LocalAdapter({ dbName, clock });
  await adapter.seed(testWorld(clock.now()));
  const errors: StoryErrorEvent[] = [];
  const store = new StoriesStore(adapter, { clock, seen: new SeenStore(`test:${namespace}`) });
  store.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
  return { store, adapter, clock, errors, namespace };
}

describe('StoriesStore', () => {
  it('loads the feed: unseen accounts first, then by their latest story', async () => {
    const { store } = await localStore();
    await store.load();
    expect(store.status).to.equal('ready');
    expect(store.me!.id).to.equal('viewer');
    expect(store.reels.map((r) => r.author.id)).to.deep.equal(['alice', 'bob', 'carol']);
    await store.markViewed(store.reels[0].stories[0]);
    await store.markViewed(store.reels[0].stories[1]);
    expect(store.unseenCount(store.reels[0])).to.equal(0);
    await store.refresh();
    expect(store.reels.map((r) => r.author.id)).to.deep.equal(['bob', 'carol', 'alice']);
    store.dispose();
  });

  it('removes a story exactly at expiresAt, and the account with its last story, without a reload', async () => {
    const { store, clock } = await localStore();
    await store.load();
    let changes = 0;
    store.addEventListener('change', () => changes++);
    // carol's only story was posted 23 h ago: it expires in exactly 1 h.
    clock.advance(HOUR - 1);
    expect(store.reels.map((r) => r.author.id)).to.include('carol');
    expect(changes).to.equal(0);
    clock.advance(1);
    expect(store.reels.map((r) => r.author.id)).to.deep.equal(['alice', 'bob']);
    expect(changes).to.equal(1);
    // The next expiry is already scheduled: alice's first story, 19 h later.
    clock.advance(19 * HOUR);
    expect(store.reels.find((r) => r.author.id === 'alice')!.stories.map((s) => s.id)).to.deep.equal(['a2']);
    store.dispose();
    expect(clock.pending).to.equal(0);
  });

  it('keeps seen state across a reload (a new store) and across tabs', async () => {
    const first = await localStore();
    await first.store.load();
    await first.store.markViewed(first.store.reels[1].stories[0]); // b1
    first.store.dispose();
    const again = new StoriesStore(first.adapter, { clock: first.clock, seen: new SeenStore(`test:${first.namespace}`) });
    await again.load();
    expect(again.isSeen('b1')).to.equal(true);
    expect(again.isSeen('a1')).to.equal(false);
    // Another tab marks a1 seen: this store learns it without a reload.
    const otherTab = new SeenStore(`test:${first.namespace}`);
    await otherTab.add('a1', Date.now() + HOUR);
    await until(() => again.isSeen('a1'), 'the other tab’s seen state');
    otherTab.close();
    again.dispose();
  });

  it('tells the adapter about a view once', async () => {
    const { store, adapter } = await localStore();
    await store.load();
    await adapter.signIn('alice');
    const v1 = (await adapter.reel('viewer'))!.stories[0];
    await store.markViewed(v1);
    await store.markViewed(v1);
    await adapter.signIn('viewer');
    expect((await adapter.viewers('v1')).items.map((v) => v.viewer.id).sort()).to.deep.equal(['alice', 'bob']);
    store.dispose();
  });

  it('plays through accounts in the order shown: first unseen story, next, previous, then closes', async () => {
    const { store } = await localStore();
    await store.load();
    await store.markViewed(store.reels[0].stories[0]);
    await store.open('alice');
    expect(store.playback).to.deep.include({ authorId: 'alice', storyId: 'a2' });
    expect(store.playback!.playlist).to.deep.equal(['alice', 'bob', 'carol']);
    store.next();
    expect(store.playback!.storyId).to.equal('b1');
    store.previous();
    expect(store.playback!.storyId).to.equal('a2');
    store.previous();
    expect(store.playback!.storyId).to.equal('a1');
    store.nextReel();
    store.nextReel();
    expect(store.playback!.authorId).to.equal('carol');
    expect(store.next()).to.equal(false);
    expect(store.playback).to.equal(null);
    store.dispose();
  });

  it('opens your own stories (not in the feed), then continues through the feed in the order shown', async () => {
    const { store } = await localStore();
    await store.load();
    await store.open('viewer');
    expect(store.playback).to.deep.include({ authorId: 'viewer', storyId: 'v1', playlist: ['viewer', 'alice', 'bob', 'carol'] });
    expect(await store.open('nobody')).to.equal(null);
    store.dispose();
  });

  it('reports LocalAdapter’s fallback to memory as a story-error, and still works', async () => {
    const dbName = `store-${crypto.randomUUID()}`;
    dbs.push(dbName);
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(dbName, 99); // newer than the library's: opening it fails
      request.onsuccess = () => (request.result.close(), resolve());
    });
    const adapter = new LocalAdapter({ dbName });
    await adapter.storage(); // the fallback happened before the store existed
    const store = new StoriesStore(adapter, { seen: null });
    const errors: StoryErrorEvent[] = [];
    store.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
    await adapter.seed(testWorld(Date.now()));
    await store.load();
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['quota']);
    expect(errors[0].detail.message).to.contain('in memory');
    expect(store.reels.map((r) => r.author.id)).to.deep.equal(['alice', 'bob', 'carol']);
    store.dispose();
  });

  it('a publish cancelled by its signal rejects as an AbortError and is no story-error, whatever the adapter threw for it', async () => {
    const photo = await (await fetch('/fixtures/media/photos/forest.jpg')).blob();
    const draft = { media: { kind: 'image' as const, blob: photo, type: 'image/jpeg', width: 540, height: 960 } };
    const { store, errors } = await localStore();
    await store.load();
    const cancelled = new AbortController();
    cancelled.abort();
    const thrown = await store.publish(draft, { signal: cancelled.signal }).catch((e: unknown) => e);
    expect((thrown as Error).name).to.equal('AbortError');
    // An adapter of a site's own that says "network" for a cancellation: still not a failure.
    class Mapping extends LocalAdapter {
      override async publish(...args: Parameters<LocalAdapter['publish']>) {
        return super.publish(...args).catch(() => Promise.reject(new Network('Cancelled')));
      }
    }
    const dbName = `store-${crypto.randomUUID()}`;
    dbs.push(dbName);
    const mapping = new Mapping({ dbName });
    await mapping.seed(testWorld(Date.now()));
    const other = new StoriesStore(mapping, { seen: null });
    other.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
    await other.load();
    const again = await other.publish(draft, { signal: cancelled.signal }).catch((e: unknown) => e);
    expect((again as Error).message).to.equal('Cancelled');
    expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
    // Not cancelled, it goes out; and the story is the author's.
    expect((await store.publish(draft)).author.id).to.equal('viewer');
    expect(errors.length).to.equal(0);
    store.dispose();
    other.dispose();
  });

  it('an answer that is not a valid comment or story is an Invalid error (code invalid), reported once', async () => {
    class Garbled extends LocalAdapter {
      override async postComment(): Promise<never> {
        return { id: 7, text: null } as never;
      }
      override async publish(): Promise<never> {
        return { id: 'x' } as never;
      }
    }
    const dbName = `store-${crypto.randomUUID()}`;
    dbs.push(dbName);
    const adapter = new Garbled({ dbName });
    await adapter.seed(testWorld(Date.now()));
    const store = new StoriesStore(adapter, { seen: null });
    const errors: StoryErrorEvent[] = [];
    store.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
    await store.load();
    const comment = await store.postComment('a1', { text: 'Hi', clientId: crypto.randomUUID() }).catch((e: unknown) => e);
    const story = await store.publish({ media: { kind: 'image', blob: new Blob(['x'], { type: 'image/jpeg' }), type: 'image/jpeg' } }).catch((e: unknown) => e);
    expect([comment instanceof Invalid, story instanceof Invalid]).to.deep.equal([true, true]);
    expect(errors.filter((e) => e.detail.code === 'invalid').length).to.be.at.least(2);
    expect(errors.some((e) => e.detail.code === 'not-found')).to.equal(false);
    store.dispose();
  });

  it('names each backend one way (adapter.key): the library’s adapters have theirs; a writable adapter without one is reported', async () => {
    const rest = (endpoint: string) => new StoriesStore(new RestAdapter({ endpoint, token: () => null }), { seen: null });
    const stores = [rest('https://a.example/api'), rest('https://b.example/api'), new StoriesStore(new FeedAdapter('/feed.json'), { seen: null }), new StoriesStore(new LocalAdapter({ dbName: 'named-db' }), { seen: null })];
    expect(stores.map((s) => s.key)).to.deep.equal(['rest:https://a.example/api', 'rest:https://b.example/api', `feed:${location.origin}/feed.json`, 'local:named-db']);
    // A site's own writable adapter without a key: one story-error saying what to do, and `custom`.
    const { adapter: local } = await localStore();
    const own = { ...Object.fromEntries(['me', 'feed', 'reel', 'markViewed', 'viewers', 'comments', 'postComment', 'deleteComment', 'publish', 'deleteStory'].map((m) => [m, (local as unknown as Record<string, (...a: unknown[]) => unknown>)[m].bind(local)])) } as unknown as StoriesAdapter;
    const store = new StoriesStore(own, { seen: null });
    const errors: StoryErrorEvent[] = [];
    store.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
    await until(() => errors.length > 0, 'the report');
    expect([store.key, errors[0].detail.code]).to.deep.equal(['custom', 'invalid']);
    expect(errors[0].detail.message).to.contain('StoriesAdapter.key');
    // Given a key, nothing is reported.
    const keyed = new StoriesStore({ ...own, key: 'site:api' }, { seen: null });
    const none: StoryErrorEvent[] = [];
    keyed.addEventListener('story-error', (e) => none.push(e as StoryErrorEvent));
    await keyed.load();
    expect([keyed.key, none.length]).to.deep.equal(['site:api', 0]);
    for (const s of [...stores, store, keyed]) s.dispose();
  });

  it('orders 10,000 reels by the rules (correctness; speed is in npm run bench)', () => {
    const reels = Array.from({ length: 10_000 }, (_, i) => ({ author: { id: `a${i}`, name: `A ${i}` }, stories: [story(`s${i}`, 'alice', (i * 7919) % 10_000)] }));
    const ordered = orderReels(reels, (id) => Number(id.slice(1)) % 2 === 0);
    const unseenCount = ordered.findIndex((r) => Number(r.author.id.slice(1)) % 2 === 0);
    expect(unseenCount).to.equal(5000);
    for (let i = 1; i < ordered.length; i++) {
      if (i === unseenCount) continue;
      expect(ordered[i - 1].stories[0].createdAt >= ordered[i].stories[0].createdAt, `order at ${i}`).to.equal(true);
    }
  });
});

describe('StoriesStore with untrusted feeds', () => {
  beforeEach(() => testApi('reset'));

  it('drops every malformed reel and story (and bad optional fields alone) with a story-error; valid siblings still show', async () => {
    const t = Date.now() - HOUR;
    const ok = (id: string) => ({ id, createdAt: t, media: { kind: 'image', src: '/fixtures/media/photos/city.webp' } });
    await testApi(
      'files/mixed.json',
      {
        reels: [
          { author: { id: 'good', name: 'Good' }, stories: [ok('g1'), { ...ok('bad-url'), media: { kind: 'image', src: 'javascript:alert(1)' } }, ok('g2')] },
          { author: { id: 'nameless' }, stories: [ok('n1')] },
          { author: { id: 'kinds', name: 'Kinds' }, stories: [{ ...ok('k1'), media: { kind: 'gif', src: '/a.gif' } }, { ...ok('k2'), duration: -1 }, { ...ok('k3'), duration: '5000' }] },
          'not a reel',
          { author: { id: 'good', name: 'Good again' }, stories: [ok('dup')] },
          { author: { id: 'old', name: 'Old' }, stories: [{ ...ok('o1'), createdAt: Date.now() - 30 * HOUR, expiresAt: Date.now() + 18 * HOUR }] },
        ],
      },
      'PUT',
    );
    const store = new StoriesStore(new FeedAdapter('/api/__test/files/mixed.json'), { seen: null });
    const errors: StoryErrorEvent[] = [];
    store.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
    await store.load();
    expect(store.status).to.equal('ready');
    // "old" claims 48 h of life: clamped to 24 h, it has expired.
    // A bad duration is optional and loses only itself: k2 and k3 show, for the default time.
    expect(Object.fromEntries(store.reels.map((r) => [r.author.id, r.stories.map((s) => [s.id, s.duration])]))).to.deep.equal({
      good: [['g1', undefined], ['g2', undefined]],
      kinds: [['k2', undefined], ['k3', undefined]],
    });
    const messages = errors.map((e) => e.detail.message);
    expect(errors.every((e) => e.detail.code === 'invalid')).to.equal(true);
    for (const fragment of ['bad-url', 'name', 'k1', 'k2', 'k3', 'reel', 'appears twice']) {
      expect(messages.some((m) => m.includes(fragment)), `a story-error about ${fragment}: ${messages.join(' | ')}`).to.equal(true);
    }
    store.dispose();
  });

  it('a feed that is not JSON: an error state and a story-error, never an exception', async () => {
    await testApi('files/html.json', '<!doctype html><title>Not found</title>', 'PUT');
    const store = new StoriesStore(new FeedAdapter('/api/__test/files/html.json'), { seen: null });
    const errors: StoryErrorEvent[] = [];
    store.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
    await store.load();
    expect(store.status).to.equal('error');
    expect(store.error!.code).to.equal('invalid');
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['invalid']);
    store.dispose();
  });

  it('keeps a story stamped a moment ahead of its clock (posted just now, heard of at once), not one from further ahead', async () => {
    const t = Date.now();
    const clock = new ManualClock(t);
    // The backend's clock runs 2 s ahead of the store's corrected one, then 20 s ahead.
    const server = new ManualClock(t + 2000);
    const dbName = `store-${crypto.randomUUID()}`;
    dbs.push(dbName);
    const adapter = new LocalAdapter({ dbName, clock: server });
    await adapter.seed(testWorld(t));
    const store = new StoriesStore(adapter, { clock, seen: null, refreshInterval: 0 });
    await store.load();
    await adapter.putStory(story('v-now', 'viewer', t + 2000));
    await adapter.putStory(story('a-now', 'alice', t + 2000));
    server.advance(18_000);
    await adapter.putStory(story('v-far', 'viewer', t + 20_000));
    await store.refresh();
    expect(store.mine()!.stories.map((s) => s.id)).to.include('v-now').and.not.include('v-far');
    expect(store.reels.find((r) => r.author.id === 'alice')!.stories.map((s) => s.id)).to.include('a-now');
    store.dispose();
  });

  it('measures expiry by the server’s clock when the client’s is wrong', async () => {
    // The server says it is 3 h later than this browser thinks.
    const serverNow = Date.now() + 3 * HOUR;
    await testApi('clock', { now: serverNow });
    const created = serverNow - 2 * HOUR; // live by the server's clock; "in the future" by the client's
    await testApi('files/skew.json', { reels: [{ author: { id: 'a', name: 'A' }, stories: [{ id: 's', createdAt: created, media: { kind: 'image', src: '/x.jpg' } }] }] }, 'PUT');
    const store = new StoriesStore(new FeedAdapter('/api/__test/files/skew.json'), { seen: null });
    await store.load();
    expect(Math.abs(store.clock.now() - serverNow)).to.be.lessThan(2000);
    expect(store.clock).to.be.instanceOf(SkewedClock);
    expect(store.reels.map((r) => r.author.id)).to.deep.equal(['a']);
    store.dispose();
  });

  it('refreshes the feed on its interval: new accounts and stories appear, loaded pages stay (controlled clock)', async () => {
    const clock = new ManualClock(Date.now());
    const t = clock.now() - HOUR;
    const reel = (id: string, stories: string[]) => ({
      author: { id, name: id.toUpperCase() },
      stories: stories.map((sid, i) => ({ id: sid, createdAt: t + i, media: { kind: 'image', src: '/fixtures/media/photos/city.webp' } })),
    });
    await testApi('files/refresh.json', { reels: [reel('a', ['a1']), reel('b', ['b1'])] }, 'PUT');
    const store = new StoriesStore(new FeedAdapter('/api/__test/files/refresh.json'), { clock, seen: null, refreshInterval: 30_000 });
    await store.load();
    await store.markViewed(store.reels[0].stories[0]);
    expect(store.unseenCount(store.reels.find((r) => r.author.id === 'a')!)).to.equal(0);
    const before = store.reels.map((r) => r.author.id);
    // The feed file changes on the "server": a new account, and a second story for the seen one.
    await testApi('files/refresh.json', { reels: [reel('a', ['a1', 'a2']), reel('b', ['b1']), reel('c', ['c1'])] }, 'PUT');
    clock.advance(29_999);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.reels.map((r) => r.author.id)).to.deep.equal(before);
    clock.advance(1);
    await until(() => store.reels.length === 3, 'the refresh to bring the new account');
    expect(store.reels.find((r) => r.author.id === 'a')!.stories.map((s) => s.id)).to.deep.equal(['a1', 'a2']);
    expect(store.reels.every((r) => store.unseenCount(r) > 0)).to.equal(true);
    store.dispose();
    expect(clock.pending).to.equal(0);
  });

  it('a refresh merges the first page and keeps further pages and their cursor', async () => {
    const { store } = await localStore();
    const paged = new StoriesStore(store.adapter, { seen: null, pageSize: 1, refreshInterval: 0 });
    await paged.load();
    await paged.loadMore();
    const shown = paged.reels.map((r) => r.author.id);
    expect(shown.length).to.equal(2);
    await paged.refresh();
    expect(paged.reels.map((r) => r.author.id)).to.have.members(shown);
    expect(paged.hasMore).to.equal(true);
    await paged.loadMore();
    expect(paged.reels.length).to.equal(3);
    paged.dispose();
    store.dispose();
  });
});
