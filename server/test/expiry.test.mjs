// The 24-hour rule on the server, with a clock the test moves: expired stories are never
// returned, and the purge deletes them with everything attached, in bounded batches.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'node:test';
import { HOUR, serverPerFile } from './helpers.mjs';

const setup = serverPerFile();
const { clock } = setup;

const count = async (table) => Number((await setup.db.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

it('stops returning a story the moment it expires, everywhere', async () => {
  // c1 was posted 23 hours ago: live for one more hour.
  assert.ok((await setup.api.call('/feed', { token: 'token-viewer' })).body.items.some((r) => r.author.id === 'carol'));
  assert.equal((await setup.api.call('/stories/c1/comments')).status, 200);
  clock.advance(HOUR - 1);
  assert.equal((await setup.api.call('/reels/carol')).status, 200);
  clock.advance(1);
  assert.equal((await setup.api.call('/reels/carol')).status, 404);
  assert.ok(!(await setup.api.call('/feed', { token: 'token-viewer' })).body.items.some((r) => r.author.id === 'carol'));
  assert.equal((await setup.api.call('/stories/c1/comments')).status, 404);
  assert.equal((await setup.api.call('/stories/c1/view', { method: 'PUT', token: 'token-viewer' })).status, 404);
  const late = await setup.api.call('/stories/c1/comments', { method: 'POST', token: 'token-viewer', body: { text: 'late' }, headers: { 'idempotency-key': 'late' } });
  assert.equal(late.status, 404);
});

it('never lets a seeded or claimed expiry run past 24 hours', async () => {
  const t = clock.now();
  await setup.api.server.admin.seed({ stories: [{ id: 'long', author: { id: 'alice', name: 'Alice Adams' }, createdAt: t - 25 * HOUR, expiresAt: t + 100 * HOUR, media: { kind: 'image', src: '/x.jpg' } }] });
  assert.ok(!(await setup.api.call('/reels/alice')).body.stories.some((s) => s.id === 'long'));
});

it('purges expired stories with their views, comments, reports, events and media, in bounded batches', async () => {
  const bytes = await readFile(new URL('../../fixtures/media/photos/forest.jpg', import.meta.url));
  const form = new FormData();
  form.append('story', JSON.stringify({ media: { kind: 'image' } }));
  form.append('media', new Blob([bytes]), 'media');
  const published = await (await fetch(`${setup.api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-bob', 'idempotency-key': 'p' }, body: form })).json();
  const file = join(setup.db.dir, 'media', published.media.src.split('/').pop());
  assert.ok(existsSync(file));
  await setup.api.call(`/stories/${published.id}/comments`, { method: 'POST', token: 'token-viewer', body: { text: 'nice' }, headers: { 'idempotency-key': 'c' } });
  await setup.api.call(`/stories/${published.id}/view`, { method: 'PUT', token: 'token-viewer' });
  const t = clock.now();
  const old = Array.from({ length: 25 }, (_, i) => ({ id: `old${i}`, author: { id: 'dave', name: 'Dave Dunn' }, createdAt: t - 30 * HOUR - i, media: { kind: 'image', src: '/x.jpg' } }));
  await setup.api.server.admin.seed({ stories: old });
  const before = await count('stories');
  // e1 and the 25 old ones are already past their 24 hours.
  assert.equal(await setup.api.server.purge({ batchSize: 4 }), 26);
  assert.equal(await count('stories'), before - 26);
  clock.advance(25 * HOUR);
  assert.equal(await setup.api.server.purge({ batchSize: 4 }), before - 26);
  for (const table of ['stories', 'views', 'comments', 'reports', 'events']) assert.equal(await count(table), 0, table);
  assert.ok(!existsSync(file));
});
