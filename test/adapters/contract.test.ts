// One suite, every adapter: the behaviour they share is tested the same way against
// LocalAdapter (real IndexedDB), RestAdapter (real HTTP to the stories server, server/) and
// FeedAdapter (a real static file), so they cannot drift apart.
import { expect } from '@open-wc/testing';
import { FeedAdapter } from '../../src/adapters/feed-adapter.js';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { RestAdapter } from '../../src/adapters/rest-adapter.js';
import type { StoriesAdapter } from '../../src/adapters/types.js';
import type { Page, Reel } from '../../src/model/types.js';
import { HOUR, testApi, testWorld } from '../helpers/world.js';

interface Setup {
  adapter: StoriesAdapter;
  signIn(id: string | null): Promise<void>;
  close(): Promise<void>;
  /** What moderators see: reports of comments on a story, as [commentId, reporterId]. */
  reports?(storyId: string): Promise<[string, string][]>;
  /** Another client of the same backend (another tab, another device). */
  other?(): StoriesAdapter;
}

const now = Date.now();
const world = testWorld(now);

async function local(): Promise<Setup> {
  const adapter = new LocalAdapter({ dbName: `contract-${crypto.randomUUID()}`, clock: { now: () => now } });
  await adapter.seed(world);
  return {
    adapter,
    signIn: (id) => adapter.signIn(id),
    reports: async (storyId) => (await adapter.reports(storyId)).map((r) => [r.commentId, r.reporterId]),
    other: () => new LocalAdapter({ dbName: adapter.dbName, clock: { now: () => now } }),
    close: async () => {
      await adapter.close();
      indexedDB.deleteDatabase(adapter.dbName);
    },
  };
}

async function rest(): Promise<Setup> {
  await testApi('reset');
  await testApi('seed', world);
  await testApi('clock', { now });
  let user: string | null = 'viewer';
  const adapter = new RestAdapter({ endpoint: '/api', token: () => (user ? `token-${user}` : null), retryDelay: 5 });
  const reports = async (storyId: string) =>
    ((await (await fetch('/api/__test/reports')).json()) as { items: { storyId: string; commentId: string; reporterId: string }[] }).items.filter((r) => r.storyId === storyId).map((r): [string, string] => [r.commentId, r.reporterId]);
  const other = () => new RestAdapter({ endpoint: '/api', token: () => 'token-alice' });
  return { adapter, signIn: async (id) => void (user = id), close: async () => {}, reports, other };
}

/** The feed viewer sees, as static files: two pages in the stories-kit format. */
async function feed(): Promise<Setup> {
  await testApi('reset');
  const followed = ['alice', 'bob', 'carol'];
  const reels = followed.map((id) => ({
    author: world.accounts.find((a) => a.id === id),
    stories: world.stories.filter((s) => s.author.id === id).map(({ author: _author, ...s }) => s),
  }));
  await testApi('files/feed-1.json', { reels: reels.slice(0, 2), next: 'feed-2.json' }, 'PUT');
  await testApi('files/feed-2.json', { reels: reels.slice(2) }, 'PUT');
  return { adapter: new FeedAdapter('/api/__test/files/feed-1.json'), signIn: async () => {}, close: async () => {} };
}

async function allPages(adapter: StoriesAdapter, limit: number): Promise<Reel[]> {
  const reels: Reel[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page: Page<Reel> = await adapter.feed({ cursor, limit });
    reels.push(...page.items);
    cursor = page.next;
    expect(++pages).to.be.lessThan(20);
  } while (cursor);
  return reels;
}

async function rejection(promise: Promise<unknown>): Promise<{ name: string; code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; code?: string };
  }
  throw new Error('expected a rejection');
}

for (const [name, make] of [['LocalAdapter', local], ['RestAdapter', rest], ['FeedAdapter', feed]] as const) {
  describe(`${name}: reading`, () => {
    let setup: Setup;
    beforeEach(async () => (setup = await make()));
    afterEach(() => setup.close());

    it('pages through the feed: every followed account with live stories, once, stories oldest first', async () => {
      const reels = await allPages(setup.adapter, 1);
      const ids = reels.map((r) => r.author.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids).to.include.members(['alice', 'bob', 'carol']);
      expect(ids).to.not.include('dave');
      expect(ids).to.not.include('viewer');
      const alice = reels.find((r) => r.author.id === 'alice')!;
      expect(alice.author.name).to.equal('Alice Adams');
      expect(alice.stories.map((s) => s.id)).to.deep.equal(['a1', 'a2']);
    });

    it("returns one account's reel, and null for an account without stories", async () => {
      const reel = await setup.adapter.reel('bob');
      expect(reel!.stories.map((s) => s.id)).to.deep.equal(['b1']);
      expect(await setup.adapter.reel('nobody')).to.equal(null);
    });
  });
}

for (const [name, make] of [['LocalAdapter', local], ['RestAdapter', rest]] as const) {
  describe(`${name}: rules a server enforces`, () => {
    let setup: Setup;
    beforeEach(async () => (setup = await make()));
    afterEach(() => setup.close());

    it('orders the feed by latest story and leaves out expired stories and unfollowed accounts', async () => {
      const reels = await allPages(setup.adapter, 20);
      expect(reels.map((r) => r.author.id)).to.deep.equal(['alice', 'bob', 'carol']);
      expect(await setup.adapter.reel('erin')).to.equal(null);
      expect((await setup.adapter.me())!.id).to.equal('viewer');
    });

    it('shows viewers to the author only: Forbidden for anyone else', async () => {
      const page = await setup.adapter.viewers('v1');
      expect(page.items.map((v) => v.viewer.id)).to.deep.equal(['bob']);
      await setup.signIn('alice');
      expect((await rejection(setup.adapter.viewers('v1'))).code).to.equal('forbidden');
      await setup.signIn(null);
      expect((await rejection(setup.adapter.viewers('v1'))).code).to.equal('forbidden');
    });

    it('counts a view once per viewer, and never the author’s own', async () => {
      await setup.signIn('alice');
      await setup.adapter.markViewed('v1');
      await setup.adapter.markViewed('v1');
      await setup.signIn('viewer');
      await setup.adapter.markViewed('v1');
      const viewers = (await setup.adapter.viewers('v1')).items.map((v) => v.viewer.id);
      expect(viewers.sort()).to.deep.equal(['alice', 'bob']);
    });

    it('stores one comment for two posts with the same clientId', async () => {
      const first = await setup.adapter.postComment('a1', { text: 'Lovely', clientId: 'client-1' });
      const again = await setup.adapter.postComment('a1', { text: 'Lovely', clientId: 'client-1' });
      expect(again.id).to.equal(first.id);
      const texts = (await setup.adapter.comments('a1')).items.map((c) => c.text);
      expect(texts).to.deep.equal(['Nice!', 'Lovely']);
      expect(first.author.id).to.equal('viewer');
    });

    it('refuses empty, too long, anonymous and disabled comments with typed errors', async () => {
      expect((await rejection(setup.adapter.postComment('a1', { text: '   ', clientId: 'x1' }))).code).to.equal('invalid');
      expect((await rejection(setup.adapter.postComment('a1', { text: 'x'.repeat(501), clientId: 'x2' }))).code).to.equal('invalid');
      expect((await rejection(setup.adapter.postComment('v2', { text: 'hi', clientId: 'x3' }))).code).to.equal('forbidden');
      expect((await rejection(setup.adapter.postComment('e1', { text: 'hi', clientId: 'x4' }))).code).to.equal('not-found');
      await setup.signIn(null);
      expect((await rejection(setup.adapter.postComment('a1', { text: 'hi', clientId: 'x5' }))).code).to.equal('forbidden');
    });

    it('lets a comment be deleted by its author or the story’s author only', async () => {
      await setup.signIn('carol');
      expect((await rejection(setup.adapter.deleteComment('a1', 'k1'))).code).to.equal('forbidden');
      await setup.signIn('alice');
      await setup.adapter.deleteComment('a1', 'k1');
      expect((await setup.adapter.comments('a1')).items).to.have.length(0);
    });

    it('takes reports of comments, one per reporter, never from anonymous callers, and never shows the reporter', async () => {
      await setup.adapter.reportComment!('a1', 'k1', { reason: 'spam' });
      await setup.adapter.reportComment!('a1', 'k1', { reason: 'spam again' });
      await setup.signIn('carol');
      await setup.adapter.reportComment!('a1', 'k1');
      expect((await setup.reports!('a1')).sort()).to.deep.equal([
        ['k1', 'carol'],
        ['k1', 'viewer'],
      ]);
      expect(JSON.stringify(await setup.adapter.comments('a1'))).not.to.match(/carol|reporter|spam/);
      expect((await rejection(setup.adapter.reportComment!('a1', 'nope'))).code).to.equal('not-found');
      await setup.signIn(null);
      expect((await rejection(setup.adapter.reportComment!('a1', 'k1'))).code).to.equal('forbidden');
    });

    it('pushes new and deleted comments live to another client (subscribe)', async () => {
      const events: string[] = [];
      const other = setup.other!();
      let unsubscribe = () => {};
      const subscribed = new Promise<void>((resolve) => {
        unsubscribe = other.subscribe!('a1', (e) => events.push(e.type === 'comment' ? `comment:${e.comment.text}` : e.type === 'comment-deleted' ? `deleted:${e.commentId}` : e.type));
        // The stream is open once the server has it; a first comment tells us.
        const probe = setInterval(() => void setup.adapter.postComment('a1', { text: 'probe', clientId: `probe-${crypto.randomUUID()}` }).catch(() => {}), 50);
        const wait = setInterval(() => events.length && (clearInterval(wait), clearInterval(probe), resolve()), 20);
      });
      try {
        await subscribed;
        const c = await setup.adapter.postComment('a1', { text: 'Live one', clientId: 'live-1' });
        await setup.adapter.deleteComment('a1', c.id);
        for (let i = 0; i < 200 && !events.includes(`deleted:${c.id}`); i++) await new Promise((r) => setTimeout(r, 20));
        expect(events.filter((e) => e !== 'comment:probe')).to.deep.equal(['comment:Live one', `deleted:${c.id}`]);
      } finally {
        unsubscribe();
      }
    });

    it('replies go one level deep', async () => {
      const reply = await setup.adapter.postComment('a1', { text: 'Thanks', parentId: 'k1', clientId: 'r1' });
      expect(reply.parentId).to.equal('k1');
      expect((await rejection(setup.adapter.postComment('a1', { text: 'Deeper', parentId: reply.id, clientId: 'r2' }))).code).to.equal('invalid');
    });

    it('publishes a story of the signed-in user, live for 24 hours, and deletes it', async () => {
      const blob = await (await fetch('/fixtures/media/photos/forest.jpg')).blob();
      const progress: number[] = [];
      const story = await setup.adapter.publish(
        { media: { kind: 'image', blob, type: 'image/jpeg', alt: 'A forest' }, overlays: [{ kind: 'text', text: 'Hi', x: 0.5, y: 0.5 }] },
        { onProgress: (sent, total) => progress.push(sent / total) },
      );
      expect(story.author.id).to.equal('viewer');
      expect(story.expiresAt - story.createdAt).to.equal(24 * HOUR);
      expect(progress[progress.length - 1]).to.equal(1);
      const image = new Image();
      image.src = story.media.src;
      await image.decode();
      expect(image.naturalWidth).to.equal(540);
      const mine = await setup.adapter.reel('viewer');
      expect(mine!.stories.map((s) => s.id)).to.include(story.id);
      await setup.signIn('alice');
      expect((await rejection(setup.adapter.deleteStory(story.id))).code).to.equal('forbidden');
      await setup.signIn('viewer');
      await setup.adapter.deleteStory(story.id);
      expect((await setup.adapter.reel('viewer'))!.stories.map((s) => s.id)).to.not.include(story.id);
    });

    it('publishes a video marked sensitive with a caption file, served back as WebVTT', async () => {
      const blob = await (await fetch('/fixtures/media/videos/pattern.mp4')).blob();
      const captions = await (await fetch('/fixtures/media/captions/pattern.en.vtt')).blob();
      const story = await setup.adapter.publish({
        media: { kind: 'video', blob, type: 'video/mp4', tracks: [{ blob: captions, lang: 'en', label: 'English', kind: 'captions' }] },
        contentWarning: 'Flashing patterns',
      });
      expect(story.contentWarning).to.equal('Flashing patterns');
      expect(story.media.tracks).to.have.length(1);
      expect(story.media.tracks![0]).to.include({ lang: 'en', label: 'English' });
      const served = await fetch(story.media.tracks![0].src);
      expect(served.ok).to.equal(true);
      expect(await served.text()).to.match(/^WEBVTT/);
      await setup.adapter.deleteStory(story.id);
    });

    it('has no comments or views for an expired story', async () => {
      expect((await rejection(setup.adapter.comments('e1'))).code).to.equal('not-found');
      expect((await rejection(setup.adapter.markViewed('e1'))).code).to.equal('not-found');
    });

    it('offers its sounds, filtered by a query', async () => {
      expect((await setup.adapter.sounds!('chime')).items.map((s) => s.title)).to.deep.equal(['Morning chime']);
      expect((await setup.adapter.sounds!('nothing like this')).items).to.have.length(0);
    });
  });
}

describe('FeedAdapter: read-only', () => {
  it('is anonymous and rejects every write with ReadOnly', async () => {
    const { adapter } = await feed();
    expect(adapter.readOnly).to.equal(true);
    expect(await adapter.me()).to.equal(null);
    for (const write of [
      adapter.postComment('a1', { text: 'x', clientId: 'c' }),
      adapter.deleteComment('a1', 'k1'),
      adapter.publish({ media: { kind: 'image', src: '/x.jpg' } }),
      adapter.deleteStory('a1'),
    ]) {
      expect((await rejection(write)).code).to.equal('read-only');
    }
  });
});
