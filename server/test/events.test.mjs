// Live events: SSE per story, views to the author only, Last-Event-ID replay, two
// instances on one database delivering each other's comments, feed events (GET /events)
// to followers across instances with replay, and clean shutdown.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ENGINE, fileDatabase, manualClock, openStream, resetWorld, startServer } from './helpers.mjs';

const clock = manualClock();
let db;
let one;
let two;

before(async () => {
  db = await fileDatabase();
  one = await startServer({ database: db.database, clock, dataDir: db.dir });
  // On PostgreSQL the second instance has its own pool and its own LISTEN connection, as a
  // second process would; on PGlite (one process owns the directory) it shares the database.
  two = await startServer(ENGINE === 'postgres' ? { databaseUrl: process.env.DATABASE_URL, clock, dataDir: db.dir } : { database: db.database, clock, dataDir: db.dir });
});
after(async () => {
  await one.close();
  await two.close();
  await db.close();
});
beforeEach(() => resetWorld(one.server, clock));

const comment = (server, storyId, text, user = 'viewer') => server.call(`/stories/${storyId}/comments`, { method: 'POST', token: `token-${user}`, body: { text }, headers: { 'idempotency-key': `k-${text}` } });

describe('events', () => {
  it('streams comments and deletions to everyone, views to the story’s author only', async () => {
    const author = await openStream(`${one.base}/stories/v1/events`, { token: 'token-viewer' });
    const stranger = await openStream(`${one.base}/stories/v1/events`, { token: 'token-alice' });
    try {
      await one.call('/stories/v1/view', { method: 'PUT', token: 'token-carol' });
      const posted = (await comment(one, 'v1', 'after the view', 'bob')).body;
      await one.call(`/stories/v1/comments/${posted.id}`, { method: 'DELETE', token: 'token-viewer' });
      const done = (events) => events.some((e) => e.type === 'comment-deleted');
      await Promise.all([author.until(done), stranger.until(done)]);
      assert.deepEqual(author.events.map((e) => e.type), ['view', 'comment', 'comment-deleted']);
      assert.equal(author.events[0].view.viewer.id, 'carol');
      assert.deepEqual(stranger.events.map((e) => e.type), ['comment', 'comment-deleted']);
      assert.equal(stranger.events[0].comment.text, 'after the view');
      assert.ok(author.events[1].id > author.events[0].id);
    } finally {
      author.close();
      stranger.close();
    }
  });

  it('replays what a client missed after Last-Event-ID', async () => {
    const first = await openStream(`${one.base}/stories/a1/events`, { token: 'token-viewer' });
    await comment(one, 'a1', 'one');
    await first.until((events) => events.length === 1);
    first.close();
    await comment(one, 'a1', 'two');
    await comment(one, 'a1', 'three');
    const again = await openStream(`${one.base}/stories/a1/events`, { token: 'token-viewer', lastEventId: first.events[0].id });
    try {
      await again.until((events) => events.length >= 2);
      await comment(one, 'a1', 'four');
      await again.until((events) => events.length >= 3);
      assert.deepEqual(again.events.map((e) => e.comment.text), ['two', 'three', 'four']);
    } finally {
      again.close();
    }
  });

  it('answers 404 for the events of an expired or unknown story', async () => {
    assert.equal((await openStream(`${one.base}/stories/e1/events`)).status, 404);
    assert.equal((await openStream(`${one.base}/stories/nope/events`)).status, 404);
  });

  it(`delivers a comment posted through one instance on the other instance’s stream (${ENGINE})`, async () => {
    const stream = await openStream(`${two.base}/stories/a1/events`, { token: 'token-carol' });
    try {
      const posted = (await comment(one, 'a1', 'across instances')).body;
      await stream.until((events) => events.some((e) => e.type === 'comment' && e.comment.id === posted.id));
    } finally {
      stream.close();
    }
  });

  it('tells an account’s followers and the account itself when it publishes or deletes a story, on either instance, and no one else', async () => {
    const follower = await openStream(`${two.base}/events`, { token: 'token-viewer' });
    const author = await openStream(`${one.base}/events`, { token: 'token-alice' });
    const stranger = await openStream(`${one.base}/events`, { token: 'token-dave' });
    try {
      const published = await one.call('/stories', { method: 'POST', token: 'token-alice', body: { media: { kind: 'image', src: 'https://cdn.example.com/new.jpg' } }, headers: { 'idempotency-key': 'feed-1' } });
      assert.equal(published.status, 201);
      const seen = (events) => events.some((e) => e.storyId === published.body.id && e.change === 'published');
      await Promise.all([follower.until(seen), author.until(seen)]);
      assert.deepEqual(follower.events[0], { id: follower.events[0].id, type: 'feed-change', authorId: 'alice', storyId: published.body.id, change: 'published' });
      assert.equal((await one.call(`/stories/${published.body.id}`, { method: 'DELETE', token: 'token-alice' })).status, 204);
      await follower.until((events) => events.some((e) => e.change === 'deleted' && e.storyId === published.body.id));
      // Dave follows no one: a story of his own is all he hears of.
      const his = await one.call('/stories', { method: 'POST', token: 'token-dave', body: { media: { kind: 'image', src: 'https://cdn.example.com/d.jpg' } }, headers: { 'idempotency-key': 'feed-2' } });
      await stranger.until((events) => events.length === 1);
      assert.equal(stranger.events[0].storyId, his.body.id);
      assert.ok(!follower.events.some((e) => e.storyId === his.body.id));
      assert.ok(follower.events[1].id > follower.events[0].id);
    } finally {
      follower.close();
      author.close();
      stranger.close();
    }
  });

  it('tells an account its feed changed when the site makes it follow or unfollow someone, and replays feed events after Last-Event-ID', async () => {
    const first = await openStream(`${one.base}/events`, { token: 'token-dave' });
    await one.server.admin.follow('dave', 'alice');
    await first.until((events) => events.length === 1);
    assert.deepEqual(first.events.map((e) => [e.change, e.authorId]), [['followed', 'alice']]);
    first.close();
    // While Dave is away: Alice posts (he follows her now), Bob posts (he does not), he unfollows Alice.
    await one.call('/stories', { method: 'POST', token: 'token-alice', body: { media: { kind: 'image', src: 'https://cdn.example.com/a.jpg' } }, headers: { 'idempotency-key': 'feed-3' } });
    await one.call('/stories', { method: 'POST', token: 'token-bob', body: { media: { kind: 'image', src: 'https://cdn.example.com/b.jpg' } }, headers: { 'idempotency-key': 'feed-4' } });
    await one.server.admin.unfollow('dave', 'alice');
    const again = await openStream(`${two.base}/events`, { token: 'token-dave', lastEventId: first.events[0].id });
    try {
      // The replay is read after the unfollow: Alice's story is no longer his to hear of.
      await again.until((events) => events.length >= 1);
      assert.deepEqual(again.events.map((e) => [e.change, e.authorId]), [['unfollowed', 'alice']]);
    } finally {
      again.close();
    }
  });

  it('refuses the feed events of an anonymous caller (403) and of an unknown token (401)', async () => {
    assert.equal((await openStream(`${one.base}/events`)).status, 403);
    assert.equal((await openStream(`${one.base}/events`, { token: 'not-a-token' })).status, 401);
  });

  it('ends its SSE streams when it shuts down, so clients reconnect elsewhere', async () => {
    const extra = await startServer({ database: db.database, clock, dataDir: db.dir });
    const stream = await openStream(`${extra.base}/stories/a1/events`, { token: 'token-viewer' });
    const feed = await openStream(`${extra.base}/events`, { token: 'token-viewer' });
    assert.equal(extra.server.streams, 2);
    await extra.close();
    await stream.until((_events, ended) => ended);
    await feed.until((_events, ended) => ended);
    assert.equal(extra.server.streams, 0);
  });
});
