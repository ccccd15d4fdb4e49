// Live events: SSE per story, views to the author only, Last-Event-ID replay, two
// instances on one database delivering each other's comments, and clean shutdown.
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

  it('ends its SSE streams when it shuts down, so clients reconnect elsewhere', async () => {
    const extra = await startServer({ database: db.database, clock, dataDir: db.dir });
    const stream = await openStream(`${extra.base}/stories/a1/events`, { token: 'token-viewer' });
    assert.equal(extra.server.streams, 1);
    await extra.close();
    await stream.until((_events, ended) => ended);
    assert.equal(extra.server.streams, 0);
  });
});
