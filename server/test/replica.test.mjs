// A read replica for feed pages (readDatabaseUrl): on PostgreSQL, feed pages come from it
// and everything else from the primary; PGlite has no replicas and says so at start.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createStoriesServer, openDatabase } from '../index.mjs';
import { ENGINE, manualClock, resetWorld, startServer } from './helpers.mjs';

describe('read replica', () => {
  if (ENGINE === 'pglite') {
    it('refuses a read replica without a PostgreSQL primary, and says why', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'stories-kit-replica-'));
      try {
        await assert.rejects(createStoriesServer({ logger: false, dataDir: dir, databaseUrl: '', readDatabaseUrl: 'postgres://replica.invalid/stories' }), /needs a PostgreSQL primary/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    return;
  }

  it('serves feed pages from the replica (a moment behind) and writes and reels from the primary', async () => {
    const primaryUrl = process.env.DATABASE_URL;
    const name = `stories_replica_${crypto.randomUUID().replaceAll('-', '')}`;
    const replicaUrl = Object.assign(new URL(primaryUrl), { pathname: `/${name}` }).href;
    const admin = await openDatabase({ databaseUrl: primaryUrl });
    await sql.raw(`create database ${name}`).execute(admin.db);
    const clock = manualClock();
    const dir = mkdtempSync(join(tmpdir(), 'stories-kit-replica-'));
    // The "replica": a database with the same schema and world, which this test brings up to date by hand.
    const replica = await startServer({ databaseUrl: replicaUrl, clock, dataDir: join(dir, 'replica') });
    const database = await openDatabase({ databaseUrl: primaryUrl, readDatabaseUrl: replicaUrl });
    const api = await startServer({ database, clock, dataDir: join(dir, 'primary') });
    try {
      await resetWorld(replica.server, clock);
      await resetWorld(api.server, clock);
      const feed = async () => (await api.call('/feed', { token: 'token-viewer' })).body.items.map((r) => `${r.author.id}:${r.stories.map((s) => s.id).join(',')}`);
      assert.deepEqual(await feed(), ['alice:a1,a2', 'bob:b1', 'carol:c1']);
      // Written to the primary: the author's reel has it at once, the feed once the replica has it.
      clock.advance(1000);
      const posted = await api.call('/stories', { method: 'POST', token: 'token-alice', body: { media: { kind: 'image', src: 'https://cdn.example.com/new.jpg' } }, headers: { 'idempotency-key': 'new' } });
      assert.equal(posted.status, 201, posted.text);
      const id = posted.body.id;
      assert.deepEqual((await api.call('/reels/alice')).body.stories.map((s) => s.id), ['a1', 'a2', id]);
      assert.deepEqual(await feed(), ['alice:a1,a2', 'bob:b1', 'carol:c1']);
      const row = await admin.db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await replica.server.database.db.insertInto('stories').values({ ...row, body: JSON.stringify(row.body) }).execute();
      assert.deepEqual(await feed(), [`alice:a1,a2,${id}`, 'bob:b1', 'carol:c1']);
      // The replica is only read: nothing of the story's writes reached it.
      assert.equal((await api.call(`/stories/${id}/view`, { method: 'PUT', token: 'token-viewer' })).status, 204);
      const views = async (db) => Number((await db.selectFrom('views').select((eb) => eb.fn.countAll().as('n')).where('story_id', '=', id).executeTakeFirstOrThrow()).n);
      assert.deepEqual([await views(admin.db), await views(replica.server.database.db)], [1, 0]);
    } finally {
      await api.close();
      await database.close();
      await replica.close();
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
