// The REST contract over real HTTP, on the engine of this run (PGlite, or DATABASE_URL).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { HOUR, resetWorld, serverPerFile, startServer } from './helpers.mjs';

const setup = serverPerFile();
const { clock } = setup;

const as = (user) => (user ? `token-${user}` : undefined);
const get = (path, user = 'viewer', headers) => setup.api.call(path, { token: as(user), headers });
const post = (path, body, { user = 'viewer', key } = {}) => setup.api.call(path, { method: 'POST', token: as(user), body, headers: key ? { 'idempotency-key': key } : {} });

describe('reading', () => {
  it('answers me, 204 when anonymous, 401 for an unknown token', async () => {
    assert.deepEqual((await get('/me')).body, { id: 'viewer', name: 'Vera Viewer' });
    assert.equal((await get('/me', null)).status, 204);
    const unknown = await setup.api.call('/me', { token: 'token-nobody' });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.code, 'unauthorized');
  });

  it('pages the feed with cursors: followed accounts with live stories, latest first, never the caller', async () => {
    const ids = [];
    let cursor;
    let pages = 0;
    do {
      const page = await get(`/feed?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      assert.equal(page.body.serverTime, clock.now());
      ids.push(...page.body.items.map((r) => r.author.id));
      cursor = page.body.next;
      assert.ok(++pages < 10);
    } while (cursor);
    assert.deepEqual(ids, ['alice', 'bob', 'carol']);
    const all = (await get('/feed')).body;
    assert.deepEqual(all.items[0].stories.map((s) => s.id), ['a1', 'a2']);
    assert.equal(all.items[0].author.name, 'Alice Adams');
    assert.equal(all.next, undefined);
    assert.deepEqual((await get('/feed', null)).body.items, []);
  });

  it('answers a reel oldest first, also the caller’s own, and 404 without live stories', async () => {
    assert.deepEqual((await get('/reels/alice')).body.stories.map((s) => s.id), ['a1', 'a2']);
    assert.deepEqual((await get('/reels/viewer')).body.stories.map((s) => s.id), ['v1', 'v2']);
    assert.equal((await get('/reels/erin')).status, 404);
    assert.equal((await get('/reels/nobody')).status, 404);
  });

  it('tags feed and reel pages with an ETag and answers 304 when unchanged', async () => {
    const first = await get('/reels/alice');
    const etag = first.headers.get('etag');
    assert.match(etag, /^W\/".+"$/);
    assert.match(first.headers.get('cache-control'), /no-cache/);
    assert.equal((await get('/reels/alice', 'viewer', { 'if-none-match': etag })).status, 304);
    await post('/stories', { media: { kind: 'image', src: 'https://cdn.example/x.jpg' } }, { user: 'alice', key: 'p1' });
    assert.equal((await get('/reels/alice', 'viewer', { 'if-none-match': etag })).status, 200);
    const feed = await get('/feed');
    assert.equal((await get('/feed', 'viewer', { 'if-none-match': feed.headers.get('etag') })).status, 304);
  });

  it('offers sounds filtered by title or artist, % and _ taken literally', async () => {
    assert.deepEqual((await get('/sounds?q=chime')).body.items.map((s) => s.id), ['chime']);
    assert.deepEqual((await get('/sounds?q=STORIES-KIT')).body.items.map((s) => s.id), ['chime', 'pulse']);
    assert.deepEqual((await get('/sounds?q=%25')).body.items, []);
    assert.deepEqual((await get('/sounds?q=_')).body.items, []);
  });
});

describe('views', () => {
  it('counts a view once per viewer, never the author’s, and shows viewers to the author only', async () => {
    assert.equal((await setup.api.call('/stories/v1/view', { method: 'PUT', token: as('alice') })).status, 204);
    await setup.api.call('/stories/v1/view', { method: 'PUT', token: as('alice') });
    await setup.api.call('/stories/v1/view', { method: 'PUT', token: as('viewer') });
    await setup.api.call('/stories/v1/view', { method: 'PUT' });
    const viewers = await get('/stories/v1/viewers');
    assert.equal(viewers.status, 200);
    assert.deepEqual(viewers.body.items.map((v) => v.viewer.id), ['alice', 'bob']);
    assert.equal(viewers.body.total, 2);
    assert.equal((await get('/stories/v1/viewers', 'alice')).status, 403);
    assert.equal((await get('/stories/v1/viewers', null)).status, 403);
    assert.equal((await setup.api.call('/stories/e1/view', { method: 'PUT', token: as('viewer') })).status, 404);
  });

  it('pages viewers newest first with a cursor', async () => {
    const accounts = Array.from({ length: 60 }, (_, i) => ({ id: `fan${String(i).padStart(2, '0')}`, name: `Fan ${i}` }));
    await setup.api.server.admin.seed({ accounts, views: accounts.map((a, i) => ({ storyId: 'v1', viewerId: a.id, viewedAt: clock.now() - HOUR + i * 1000 })) });
    const first = (await get('/stories/v1/viewers')).body;
    assert.equal(first.items.length, 50);
    assert.equal(first.items[0].viewer.id, 'fan59');
    assert.equal(first.total, 61);
    const second = (await get(`/stories/v1/viewers?cursor=${first.next}`)).body;
    assert.deepEqual(second.items.map((v) => v.viewer.id).slice(-1), ['bob']);
    assert.equal(second.items.length, 11);
    assert.equal(second.next, undefined);
  });
});

describe('comments', () => {
  it('posts a comment once per Idempotency-Key: 201, then 200 with the same comment', async () => {
    const first = await post('/stories/a1/comments', { text: '  Lovely  ' }, { key: 'client-1' });
    assert.equal(first.status, 201);
    assert.equal(first.body.text, 'Lovely');
    assert.equal(first.body.author.id, 'viewer');
    const again = await post('/stories/a1/comments', { text: 'Lovely' }, { key: 'client-1' });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.deepEqual((await get('/stories/a1/comments')).body.items.map((c) => c.text), ['Nice!', 'Lovely']);
  });

  it('stores one comment when the same key is posted many times at once', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => post('/stories/a1/comments', { text: 'Race' }, { key: 'same' })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal((await get('/stories/a1/comments')).body.items.filter((c) => c.text === 'Race').length, 1);
  });

  it('refuses empty, too long, keyless, anonymous, disabled and expired with the contract’s statuses', async () => {
    assert.equal((await post('/stories/a1/comments', { text: '   ' }, { key: 'x1' })).status, 422);
    assert.equal((await post('/stories/a1/comments', { text: 'x'.repeat(501) }, { key: 'x2' })).status, 422);
    assert.equal((await post('/stories/a1/comments', { text: '😀'.repeat(500) }, { key: 'x2b' })).status, 201);
    assert.equal((await post('/stories/a1/comments', { text: 'hi' })).status, 422);
    assert.equal((await post('/stories/v2/comments', { text: 'hi' }, { key: 'x3' })).status, 403);
    assert.equal((await post('/stories/e1/comments', { text: 'hi' }, { key: 'x4' })).status, 404);
    assert.equal((await post('/stories/a1/comments', { text: 'hi' }, { user: null, key: 'x5' })).status, 403);
  });

  it('takes replies one level deep, and deleting a comment deletes its replies', async () => {
    const reply = await post('/stories/a1/comments', { text: 'Thanks', parentId: 'k1' }, { key: 'r1' });
    assert.equal(reply.body.parentId, 'k1');
    assert.equal((await post('/stories/a1/comments', { text: 'Deeper', parentId: reply.body.id }, { key: 'r2' })).status, 422);
    // A reply must be on the same story as its parent.
    assert.equal((await post('/stories/b1/comments', { text: 'x', parentId: 'k1' }, { key: 'r4' })).status, 422);
    assert.equal((await setup.api.call('/stories/a1/comments/k1', { method: 'DELETE', token: as('carol') })).status, 403);
    assert.equal((await setup.api.call('/stories/a1/comments/k1', { method: 'DELETE', token: as('alice') })).status, 204);
    assert.deepEqual((await get('/stories/a1/comments')).body.items, []);
  });

  it('pages comments: the newest first, next going back in time, each page oldest to newest', async () => {
    const t = clock.now();
    const comments = Array.from({ length: 120 }, (_, i) => ({ id: `m${String(i).padStart(3, '0')}`, storyId: 'b1', author: { id: 'carol', name: 'Carol Chen' }, text: `#${i}`, createdAt: t - HOUR + i * 1000 }));
    await setup.api.server.admin.seed({ comments });
    const p1 = (await get('/stories/b1/comments')).body;
    assert.deepEqual([p1.items[0].text, p1.items.at(-1).text, p1.items.length], ['#70', '#119', 50]);
    const p2 = (await get(`/stories/b1/comments?cursor=${p1.next}`)).body;
    assert.deepEqual([p2.items[0].text, p2.items.at(-1).text], ['#20', '#69']);
    const p3 = (await get(`/stories/b1/comments?cursor=${p2.next}`)).body;
    assert.deepEqual([p3.items[0].text, p3.items.length, p3.next], ['#0', 20, undefined]);
  });

  it('keeps reports for moderators, one per reporter, and never shows them', async () => {
    const report = (user, body = {}) => setup.api.call('/stories/a1/comments/k1/report', { method: 'PUT', token: as(user), body });
    assert.equal((await report('viewer', { reason: 'spam' })).status, 204);
    assert.equal((await report('viewer', { reason: 'spam again' })).status, 204);
    assert.equal((await report('carol')).status, 204);
    const reports = await setup.api.server.admin.reports();
    assert.deepEqual(reports.map((r) => [r.reporterId, r.reason]).sort(), [['carol', undefined], ['viewer', 'spam again']]);
    assert.doesNotMatch(JSON.stringify((await get('/stories/a1/comments')).body), /spam|carol/);
    assert.equal((await report(null)).status, 403);
    assert.equal((await setup.api.call('/stories/a1/comments/nope/report', { method: 'PUT', token: as('viewer'), body: {} })).status, 404);
  });
});

describe('publishing', () => {
  it('publishes JSON drafts with every story field, live for 24 hours, and replays a repeated key', async () => {
    const draft = {
      media: { kind: 'video', src: 'https://cdn.example/v.mp4', type: 'video/mp4', fit: 'contain', tracks: [{ src: 'https://cdn.example/en.vtt', lang: 'en', label: 'English', kind: 'captions' }], preview: { blurhash: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj', color: '#336699' } },
      overlays: [{ kind: 'text', text: 'Hi', x: 0.5, y: 0.5 }, { kind: 'link', url: 'https://example.com', label: 'Go', x: 0.5, y: 0.8 }],
      sound: { src: '/fixtures/media/sounds/chime.m4a', title: 'Morning chime' },
      effect: 'warm',
      commentsEnabled: false,
      contentWarning: 'Flashing lights',
      reactions: { openHeartUrls: ['https://react.example/heart'] },
    };
    const first = await post('/stories', draft, { key: 'pub-1' });
    assert.equal(first.status, 201);
    const story = first.body;
    assert.equal(story.author.id, 'viewer');
    assert.equal(story.createdAt, clock.now());
    assert.equal(story.expiresAt - story.createdAt, 24 * HOUR);
    assert.deepEqual({ ...story.media }, draft.media);
    for (const field of ['overlays', 'sound', 'effect', 'commentsEnabled', 'contentWarning', 'reactions']) assert.deepEqual(story[field], draft[field], field);
    const again = await post('/stories', draft, { key: 'pub-1' });
    assert.equal(again.status, 200);
    assert.equal(again.body.id, story.id);
    const reel = (await get('/reels/viewer')).body.stories;
    assert.equal(reel.filter((s) => s.id === story.id).length, 1);
    assert.deepEqual(reel.at(-1).media.preview, draft.media.preview);
  });

  it('uploads a photo as multipart, serves it from the API, and deletes it with the story', async () => {
    const bytes = await readFile(new URL('../../fixtures/media/photos/forest.jpg', import.meta.url));
    const form = new FormData();
    form.append('story', new Blob([JSON.stringify({ media: { kind: 'image', alt: 'A forest', type: 'text/html' } })], { type: 'application/json' }));
    form.append('media', new Blob([bytes], { type: 'text/plain' }), 'media');
    const response = await fetch(`${setup.api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': 'up-1' }, body: form });
    assert.equal(response.status, 201);
    const story = await response.json();
    // The type is the file's, sniffed from its bytes, not what the client said.
    assert.equal(story.media.type, 'image/jpeg');
    assert.equal(story.media.width, 540);
    assert.match(story.media.src, /^\/media\/s_[\w-]+\.jpg$/);
    const media = await fetch(setup.api.base + story.media.src);
    assert.equal(media.status, 200);
    assert.equal(media.headers.get('content-type'), 'image/jpeg');
    const served = Buffer.from(await media.arrayBuffer());
    assert.deepEqual([served[0], served[1]], [0xff, 0xd8]);
    const part = await fetch(setup.api.base + story.media.src, { headers: { range: 'bytes=0-9' } });
    assert.equal(part.status, 206);
    assert.equal((await part.arrayBuffer()).byteLength, 10);
    assert.equal((await setup.api.call(`/stories/${story.id}`, { method: 'DELETE', token: as('alice') })).status, 403);
    assert.equal((await setup.api.call(`/stories/${story.id}`, { method: 'DELETE', token: as('viewer') })).status, 204);
    assert.equal((await fetch(setup.api.base + story.media.src)).status, 404);
    assert.equal((await setup.api.call(`/stories/${story.id}`, { method: 'DELETE', token: as('viewer') })).status, 404);
  });

  it('publishes a video with its caption files (track parts), serves them as WebVTT, and deletes them with the story', async () => {
    const bytes = await readFile(new URL('../../fixtures/media/videos/pattern.mp4', import.meta.url));
    const vtt = await readFile(new URL('../../fixtures/media/captions/pattern.en.vtt', import.meta.url));
    const post = (key, tracks, files) => {
      const form = new FormData();
      form.append('story', new Blob([JSON.stringify({ media: { kind: 'video', tracks } })], { type: 'application/json' }));
      form.append('media', new Blob([bytes]), 'media');
      for (const file of files) form.append('track', new Blob([file], { type: 'text/vtt' }), 'track.vtt');
      return fetch(`${setup.api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': key }, body: form });
    };
    // A file that is not WebVTT, and a count of files that does not match the draft, are refused.
    assert.equal((await post('cc-0', [{ lang: 'en' }], [Buffer.from('<script>alert(1)</script>')])).status, 422);
    assert.equal((await post('cc-1', [{ lang: 'en' }, { lang: 'es' }], [vtt])).status, 422);
    const response = await post('cc-2', [{ lang: 'en', label: 'English' }, { src: 'https://cdn.example.com/es.vtt', lang: 'es' }], [vtt]);
    assert.equal(response.status, 201);
    const story = await response.json();
    assert.equal(story.media.tracks.length, 2);
    assert.deepEqual({ ...story.media.tracks[0], src: undefined }, { lang: 'en', label: 'English', src: undefined });
    assert.match(story.media.tracks[0].src, /^\/media\/s_[\w-]+-track0\.vtt$/);
    assert.equal(story.media.tracks[1].src, 'https://cdn.example.com/es.vtt');
    const served = await fetch(setup.api.base + story.media.tracks[0].src);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'text/vtt');
    assert.match(await served.text(), /^WEBVTT/);
    assert.equal((await setup.api.call(`/stories/${story.id}`, { method: 'DELETE', token: as('viewer') })).status, 204);
    assert.equal((await fetch(setup.api.base + story.media.tracks[0].src)).status, 404);
  });

  it('refuses a file that is not a photo or a video, whatever it claims', async () => {
    const form = new FormData();
    form.append('story', JSON.stringify({ media: { kind: 'image' } }));
    form.append('media', new Blob(['<script>alert(1)</script>'], { type: 'image/jpeg' }), 'x.jpg');
    const response = await fetch(`${setup.api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': 'up-2' }, body: form });
    assert.equal(response.status, 422);
    assert.equal((await response.json()).error.code, 'invalid');
    assert.deepEqual((await get('/reels/viewer')).body.stories.map((s) => s.id), ['v1', 'v2']);
  });

  it('keeps its data across a restart (PGlite on disk, or PostgreSQL)', async () => {
    const options = { databaseUrl: process.env.DATABASE_URL, dataDir: `${setup.db.dir}/own`, clock };
    let own = await startServer(options);
    await resetWorld(own.server, clock);
    const posted = await own.call('/stories/a1/comments', { method: 'POST', token: 'token-viewer', body: { text: 'Still here' }, headers: { 'idempotency-key': 'keep' } });
    assert.equal(posted.status, 201);
    await own.close();
    own = await startServer(options);
    try {
      assert.ok((await own.call('/stories/a1/comments')).body.items.some((c) => c.text === 'Still here'));
    } finally {
      await own.close();
    }
  });
});
