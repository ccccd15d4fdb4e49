// What each adapter does beyond the shared contract (contract.test.ts).
import { expect } from '@open-wc/testing';
import { FeedAdapter } from '../../src/adapters/feed-adapter.js';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { RestAdapter } from '../../src/adapters/rest-adapter.js';
import { seedDemo } from '../../src/adapters/demo-world.js';
import type { StoryEvent } from '../../src/model/types.js';
import { HOUR, testApi, testWorld } from '../helpers/world.js';
import { until } from '../helpers/dom.js';

async function rejection(promise: Promise<unknown>): Promise<{ name: string; code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe('LocalAdapter', () => {
  const names: string[] = [];
  const fresh = (clock?: { now(): number }, dbName = `local-${crypto.randomUUID()}`) => {
    names.push(dbName);
    return new LocalAdapter({ dbName, clock });
  };
  after(() => names.forEach((n) => indexedDB.deleteDatabase(n)));

  it('keeps its world in IndexedDB: a new instance (as after a reload) sees it', async () => {
    const now = Date.now();
    const first = fresh({ now: () => now });
    await first.seed(testWorld(now));
    await first.postComment('a1', { text: 'Still here after a reload', clientId: 'reload-1' });
    expect(await first.storage()).to.equal('indexeddb');
    await first.close();
    const second = fresh({ now: () => now }, first.dbName);
    expect((await second.me())!.id).to.equal('viewer');
    expect((await second.comments('a1')).items.map((c) => c.text)).to.include('Still here after a reload');
    // Posting the same clientId after the "reload" does not double it.
    await second.postComment('a1', { text: 'Still here after a reload', clientId: 'reload-1' });
    expect((await second.comments('a1')).items).to.have.length(2);
    await second.close();
  });

  it('purges an expired story with its views and comments', async () => {
    let now = Date.now();
    const adapter = fresh({ now: () => now });
    await adapter.seed(testWorld(now));
    expect((await adapter.comments('a1')).items).to.have.length(1);
    now += 20 * HOUR; // a1 (created 5 h before) is now 25 h old
    expect(await adapter.purgeExpired()).to.be.greaterThan(0);
    now -= 20 * HOUR; // even back in time, the data is gone for good
    expect((await rejection(adapter.comments('a1'))).code).to.equal('not-found');
    await adapter.close();
  });

  it('falls back to memory, with a warning event, when IndexedDB cannot be opened', async () => {
    const dbName = `local-${crypto.randomUUID()}`;
    names.push(dbName);
    // A database already at a newer version than the library's makes every open fail (VersionError).
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(dbName, 99);
      request.onsuccess = () => (request.result.close(), resolve());
      request.onerror = () => reject(request.error);
    });
    const warnings: Event[] = [];
    const adapter = new LocalAdapter({ dbName });
    adapter.addEventListener('warning', (e) => warnings.push(e));
    expect(await adapter.storage()).to.equal('memory');
    expect(warnings).to.have.length(1);
    const detail = (warnings[0] as CustomEvent<{ code: string; message: string }>).detail;
    expect(detail.code).to.equal('quota');
    expect(detail.message).to.contain('in memory');
    // Everything still works, in memory.
    const now = Date.now();
    await adapter.seed(testWorld(now));
    expect((await adapter.feed()).items.map((r) => r.author.id)).to.deep.equal(['alice', 'bob', 'carol']);
    await adapter.postComment('b1', { text: 'works', clientId: 'm1' });
    await adapter.postComment('b1', { text: 'works', clientId: 'm1' });
    expect((await adapter.comments('b1')).items).to.have.length(1);
    expect((await rejection(adapter.viewers('b1'))).code).to.equal('forbidden');
  });

  it('two tabs on one database: one comment per clientId, and live events reach the other tab', async () => {
    const now = Date.now();
    const tabA = fresh({ now: () => now });
    await tabA.seed(testWorld(now));
    const tabB = fresh({ now: () => now }, tabA.dbName);
    const seenInB: StoryEvent[] = [];
    const unsubscribe = tabB.subscribe('b1', (e) => seenInB.push(e));
    const [a, b] = await Promise.all([
      tabA.postComment('b1', { text: 'Race', clientId: 'same' }),
      tabB.postComment('b1', { text: 'Race', clientId: 'same' }),
    ]);
    expect(a.id).to.equal(b.id);
    expect((await tabA.comments('b1')).items).to.have.length(1);
    await tabA.postComment('b1', { text: 'From tab A', clientId: 'other' });
    await until(() => seenInB.some((e) => e.type === 'comment' && e.comment.text === 'From tab A'), 'the comment to reach tab B');
    unsubscribe();
    await tabA.close();
    await tabB.close();
  });

  it('sends live view events only while the story’s author is signed in; comments to everyone', async () => {
    const adapter = fresh();
    await adapter.seed(testWorld(Date.now()));
    const events: string[] = [];
    const stop = adapter.subscribe('v1', (e) => events.push(e.type === 'view' ? `view:${e.view.viewer.id}` : e.type));
    await adapter.signIn('alice');
    await adapter.recordView('v1', 'carol', Date.now());
    await adapter.signIn('viewer');
    await adapter.recordView('v1', 'dave', Date.now());
    await adapter.putComment({ id: 'kz', storyId: 'v1', author: { id: 'bob', name: 'Bob Brown' }, text: 'x', createdAt: Date.now() });
    await until(() => events.includes('view:dave'), 'the author’s view event');
    expect(events).to.deep.equal(['view:dave']);
    stop();
  });

  it('serves published media as its own blob: URL and revokes it when the story is deleted', async () => {
    const now = Date.now();
    const adapter = fresh({ now: () => now });
    await adapter.seed(testWorld(now));
    const blob = await (await fetch('/fixtures/media/photos/city.webp')).blob();
    const story = await adapter.publish({ media: { kind: 'image', blob, type: 'image/webp' } });
    expect(story.media.src.startsWith('blob:')).to.equal(true);
    expect((await (await fetch(story.media.src)).blob()).size).to.equal(blob.size);
    await adapter.deleteStory(story.id);
    expect(await fetch(story.media.src).then(() => 'fetched', () => 'revoked')).to.equal('revoked');
    await adapter.close();
  });

  it('seeds the demo world: a dozen accounts, every kind of story, comments and views', async () => {
    const adapter = fresh();
    expect(await seedDemo(adapter)).to.equal(true);
    expect(await seedDemo(adapter)).to.equal(false);
    const reels = (await adapter.feed({ limit: 100 })).items;
    expect(reels.length).to.equal(11);
    expect(reels.map((r) => r.author.id)).to.not.include('kemi');
    const stories = reels.flatMap((r) => r.stories);
    expect(stories.some((s) => s.media.type === 'application/vnd.apple.mpegurl')).to.equal(true);
    expect(stories.some((s) => s.media.kind === 'video' && s.media.type === 'video/mp4')).to.equal(true);
    expect(stories.some((s) => s.media.type === 'image/webp')).to.equal(true);
    expect(stories.some((s) => s.overlays?.some((o) => o.kind === 'link'))).to.equal(true);
    expect(stories.some((s) => s.sound)).to.equal(true);
    expect(stories.some((s) => s.effect)).to.equal(true);
    const mine = (await adapter.reel('you'))!;
    expect((await adapter.viewers(mine.stories[0].id)).items.length).to.be.greaterThan(3);
    expect((await adapter.comments(reels.find((r) => r.author.id === 'lumen')!.stories[0].id)).items.length).to.be.greaterThan(1);
    await adapter.close();
  });
});

describe('RestAdapter over HTTP', () => {
  const now = Date.now();
  let user: string | null = 'viewer';
  const adapter = new RestAdapter({ endpoint: '/api', token: () => (user ? `token-${user}` : null), retryDelay: 5, maxRetryDelay: 20 });

  beforeEach(async () => {
    user = 'viewer';
    await testApi('reset');
    await testApi('seed', testWorld(now));
    await testApi('clock', { now });
  });

  const log = async () => (await (await testApi('log', undefined, 'GET')).json()).items as { method: string; path: string; idempotencyKey?: string }[];

  it('streams view events to the story’s author only (by token); comments to everyone', async () => {
    const author: StoryEvent[] = [];
    const stranger: StoryEvent[] = [];
    const stops = [
      new RestAdapter({ endpoint: '/api', token: () => 'token-viewer' }).subscribe('v1', (e) => author.push(e)),
      new RestAdapter({ endpoint: '/api', token: () => 'token-alice' }).subscribe('v1', (e) => stranger.push(e)),
    ];
    try {
      // Both streams are open once each has heard a first comment.
      for (let i = 0; !(author.length && stranger.length); i++) {
        await adapter.postComment('v1', { text: 'probe', clientId: `probe-${i}` });
        await until(() => true, 'a frame');
        if (i > 200) throw new Error('the event streams did not open');
      }
      user = 'carol';
      await adapter.markViewed('v1');
      user = 'viewer';
      await adapter.postComment('v1', { text: 'after the view', clientId: 'after' });
      await until(() => [author, stranger].every((list) => list.some((e) => e.type === 'comment' && e.comment.text === 'after the view')), 'the last comment on both streams');
      // Events arrive in order: by then the view, if it was sent, has arrived too.
      expect(author.filter((e) => e.type === 'view').map((e) => e.type === 'view' && e.view.viewer.id)).to.deep.equal(['carol']);
      expect(stranger.filter((e) => e.type === 'view')).to.deep.equal([]);
    } finally {
      stops.forEach((stop) => stop());
    }
  });

  it('retries idempotent calls after 503s and dropped connections, then succeeds', async () => {
    await testApi('faults', { count: 2, status: 503, path: '/feed' });
    expect((await adapter.feed()).items.length).to.equal(3);
    await testApi('faults', { count: 1, status: 0, path: '/feed' });
    expect((await adapter.feed()).items.length).to.equal(3);
    expect((await log()).filter((l) => l.path === '/feed')).to.have.length(5);
  });

  it('gives up after the retries with a Network error', async () => {
    await testApi('faults', { count: 10, status: 500, path: '/feed' });
    expect((await rejection(adapter.feed())).code).to.equal('network');
    expect((await log()).filter((l) => l.path === '/feed')).to.have.length(4);
  });

  it('never retries a 4xx, and maps statuses to typed errors', async () => {
    user = 'alice';
    expect((await rejection(adapter.viewers('v1'))).code).to.equal('forbidden');
    expect((await rejection(adapter.comments('missing'))).code).to.equal('not-found');
    expect((await log()).filter((l) => l.path === '/stories/v1/viewers')).to.have.length(1);
    user = 'nobody-has-this-token';
    expect((await rejection(adapter.me())).code).to.equal('forbidden');
  });

  it('sends the clientId as Idempotency-Key, so a retried post is stored once', async () => {
    await testApi('faults', { count: 1, status: 503, path: '/stories/a1/comments' });
    const comment = await adapter.postComment('a1', { text: 'Once', clientId: 'k-123' });
    await adapter.postComment('a1', { text: 'Once', clientId: 'k-123' });
    const posts = (await log()).filter((l) => l.method === 'POST');
    expect(posts.map((p) => p.idempotencyKey)).to.deep.equal(['k-123', 'k-123', 'k-123']);
    const stored = (await (await testApi('comments', undefined, 'GET')).json()).items.filter((c: { text: string }) => c.text === 'Once');
    expect(stored).to.have.length(1);
    expect(stored[0].id).to.equal(comment.id);
  });

  it('honours AbortSignal, also while waiting to retry', async () => {
    const controller = new AbortController();
    await testApi('faults', { count: 10, status: 503, path: '/feed' });
    const slow = new RestAdapter({ endpoint: '/api', retryDelay: 5000, maxRetryDelay: 5000 });
    const pending = slow.feed({ signal: controller.signal });
    await until(() => true, 'a tick');
    controller.abort();
    expect((await rejection(pending)).name).to.equal('AbortError');
  });

  it('reports the server clock with every page', async () => {
    const page = await adapter.feed();
    expect(page.serverTime).to.equal(now);
  });
});

describe('FeedAdapter formats', () => {
  beforeEach(() => testApi('reset'));

  it('reads an OpenStories feed (JSON Feed 1.1 with _open_stories)', async () => {
    const published = new Date(Date.now() - HOUR).toISOString();
    await testApi(
      'files/open.json',
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Bear stories',
        authors: [{ name: 'Bear', url: 'https://bear.example', avatar: '/fixtures/media/avatars/avatar-2.jpg' }],
        _open_stories: { version: '0.0.9' },
        items: [
          { id: 'o1', date_published: published, _open_stories: { mime_type: 'image/jpeg', url: '/fixtures/media/photos/forest.jpg', alt: 'Forest', caption: 'A walk', duration_in_seconds: 3 } },
          { id: 'o2', date_published: published, _open_stories: { mime_type: 'video/mp4', url: '/fixtures/media/videos/waves.mp4', alt: 'Waves' } },
        ],
      },
      'PUT',
    );
    const page = await new FeedAdapter('/api/__test/files/open.json').feed();
    expect(page.items).to.have.length(1);
    const reel = page.items[0];
    expect(reel.author).to.include({ id: 'https://bear.example', name: 'Bear' });
    expect(reel.stories.map((s) => [s.id, s.media.kind, s.duration])).to.deep.equal([
      ['o1', 'image', 3000],
      ['o2', 'video', undefined],
    ]);
    expect(reel.stories[0].overlays![0]).to.include({ kind: 'text', text: 'A walk' });
  });

  it('a body that is not JSON is Invalid; a missing feed is NotFound', async () => {
    await testApi('files/broken.json', '<!doctype html><p>oops</p>', 'PUT');
    expect((await rejection(new FeedAdapter('/api/__test/files/broken.json').feed())).code).to.equal('invalid');
    expect((await rejection(new FeedAdapter('/api/__test/files/nothing.json').feed())).code).to.equal('not-found');
  });

  it('does not follow a next page to an insecure origin', async () => {
    await testApi('files/next.json', { reels: [], next: 'http://evil.example/page2.json' }, 'PUT');
    expect((await rejection(new FeedAdapter('/api/__test/files/next.json').feed())).code).to.equal('invalid');
  });
});
