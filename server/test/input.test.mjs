// Bad input on every route: wrong types, huge bodies, bad cursors, SQL-looking and odd
// Unicode strings. Each gets a clear 4xx with a code, never a 500 or internals, and
// nothing already stored is lost.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverPerFile } from './helpers.mjs';

const setup = serverPerFile();

/** A 4xx answer in the contract's error shape, with nothing of the server's insides. */
function assertClean(answer, status, what) {
  assert.equal(answer.status, status, `${what}: ${answer.text}`);
  assert.equal(typeof answer.body?.error?.code, 'string', what);
  assert.equal(typeof answer.body.error.message, 'string', what);
  assert.doesNotMatch(answer.text, /stack|at \w+ \(|node_modules|syntax error at|relation "|kysely|pglite|\bSELECT\b/i, what);
}

const SQLISH = ["' OR '1'='1", "a1'; DROP TABLE stories; --", 'a1" --', '%', '_', '\\', '$1', 'a1/**/OR/**/1=1'];
const ODD = ['\u202Eevil', 'a\u0000b', '💥'.repeat(3), 'e\u0301', '\uFEFF', 'ｆｕｌｌ', '\u{10FFFF}'];
const token = { token: 'token-viewer' };

describe('path ids', () => {
  for (const value of [...SQLISH, ...ODD, 'x'.repeat(5000)]) {
    it(`answers 404 everywhere for the id ${JSON.stringify(value).slice(0, 40)}`, async () => {
      const id = encodeURIComponent(value);
      assertClean(await setup.api.call(`/reels/${id}`, token), 404, 'reel');
      assertClean(await setup.api.call(`/stories/${id}/comments`, token), 404, 'comments');
      assertClean(await setup.api.call(`/stories/${id}/viewers`, token), 404, 'viewers');
      assertClean(await setup.api.call(`/stories/${id}/view`, { ...token, method: 'PUT' }), 404, 'view');
      assertClean(await setup.api.call(`/stories/${id}`, { ...token, method: 'DELETE' }), 404, 'delete');
      assertClean(await setup.api.call(`/stories/a1/comments/${id}`, { ...token, method: 'DELETE' }), 404, 'delete comment');
      assertClean(await setup.api.call(`/stories/a1/comments/${id}/report`, { ...token, method: 'PUT', body: {} }), 404, 'report');
      assertClean(await setup.api.call(`/stories/${id}/comments`, { ...token, method: 'POST', body: { text: 'x' }, headers: { 'idempotency-key': 'k' } }), 404, 'post comment');
    });
  }
  it('still has every story afterwards', async () => {
    for (const value of SQLISH) await setup.api.call(`/stories/${encodeURIComponent(value)}`, { ...token, method: 'DELETE' });
    assert.equal((await setup.api.call('/feed', token)).body.items.length, 3);
  });
  it('answers 400 for a path that is not valid UTF-8', async () => {
    assertClean(await setup.api.call('/reels/%ED%A0%80', token), 400, 'lone surrogate');
    assertClean(await setup.api.call('/reels/%FF', token), 400, 'not UTF-8');
  });
});

describe('query strings', () => {
  for (const cursor of ['zzz', 'eyJhIjoxfQ', Buffer.from('[1.5]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url'), Buffer.from('[1e400,"a"]').toString('base64url'), "' OR 1=1 --", 'a'.repeat(2000)]) {
    it(`refuses the cursor ${cursor.slice(0, 24)} with 400 on every list`, async () => {
      const c = encodeURIComponent(cursor);
      for (const path of ['/feed', '/stories/a1/comments', '/stories/v1/viewers', '/sounds']) assertClean(await setup.api.call(`${path}?cursor=${c}`, token), 400, path);
    });
  }
  it('refuses repeated parameters and a limit that is not a number', async () => {
    assertClean(await setup.api.call('/feed?limit=abc', token), 422, 'limit abc');
    assertClean(await setup.api.call('/feed?limit=-1', token), 422, 'limit -1');
    assertClean(await setup.api.call('/feed?limit=1&limit=2', token), 422, 'limit twice');
    assertClean(await setup.api.call('/sounds?q=a&q=b', token), 422, 'q twice');
    assertClean(await setup.api.call(`/sounds?q=${'x'.repeat(300)}`, token), 422, 'long q');
    assert.equal((await setup.api.call('/feed?limit=1000', token)).status, 200);
  });
  it('treats SQL-looking and odd Unicode searches as text', async () => {
    // (A query of only whitespace, such as U+FEFF, filters nothing: it is left out here.)
    for (const q of [...SQLISH, ...ODD.filter((s) => !s.includes('\u0000') && s.trim())]) {
      const answer = await setup.api.call(`/sounds?q=${encodeURIComponent(q)}`, token);
      assert.equal(answer.status, 200, q);
      assert.deepEqual(answer.body.items, [], q);
    }
  });
});

describe('bodies', () => {
  const postComment = (body, headers = {}) => setup.api.call('/stories/a1/comments', { ...token, method: 'POST', body, headers: { 'idempotency-key': `k${Math.random()}`, ...headers } });

  it('refuses comment bodies of the wrong types', async () => {
    for (const body of [{ text: 5 }, { text: null }, { text: ['a'] }, { text: { a: 1 } }, { text: 'ok', parentId: 5 }, { text: 'ok', parentId: 'x'.repeat(300) }, [], '"just text"', 12]) {
      assertClean(await postComment(body), 422, JSON.stringify(body));
    }
  });

  it('refuses broken JSON, a wrong content type, and __proto__ tricks', async () => {
    assertClean(await postComment('{"text": '), 400, 'broken JSON');
    assertClean(await setup.api.call('/stories/a1/comments', { ...token, method: 'POST', raw: 'text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'f' } }), 400, 'form');
    assertClean(await postComment('{"text":"hi","__proto__":{"admin":true}}'), 400, 'proto');
  });

  it('refuses huge bodies with 413', async () => {
    assertClean(await postComment({ text: 'x'.repeat(200_000) }), 413, 'huge comment');
    assertClean(await setup.api.call('/stories', { ...token, method: 'POST', body: { media: { kind: 'image', src: 'https://x.example/a.jpg', alt: 'x'.repeat(100_000) } }, headers: { 'idempotency-key': 'big' } }), 413, 'huge story');
  });

  it('stores SQL-looking and odd Unicode comments verbatim, and refuses control characters and broken UTF-16', async () => {
    for (const text of [...SQLISH, '\u202Eevil', '💥💥💥', 'e\u0301', 'ｆｕｌｌ', '\u{10FFFF}', 'two\nlines']) {
      const answer = await postComment({ text });
      assert.equal(answer.status, 201, text);
      assert.equal(answer.body.text, text);
    }
    assertClean(await postComment({ text: 'a\u0000b' }), 422, 'NUL');
    assertClean(await postComment({ text: 'a\u0007b' }), 422, 'bell');
    assertClean(await postComment('{"text":"\\ud800"}'), 422, 'lone surrogate');
    const stored = (await setup.api.call('/stories/a1/comments', token)).body.items.map((c) => c.text);
    assert.ok(stored.includes("a1'; DROP TABLE stories; --"));
    assert.equal((await setup.api.call('/feed', token)).body.items.length, 3);
  });

  it('refuses drafts of the wrong shape, naming the field', async () => {
    const cases = [
      [{}, /media/],
      [{ media: { kind: 'audio', src: 'https://x.example/a' } }, /media.kind/],
      [{ media: { kind: 'image' } }, /photo or video/],
      [{ media: { kind: 'image', src: 'javascript:alert(1)' } }, /media.src/],
      [{ media: { kind: 'image', src: 'http://insecure.example/a.jpg' } }, /media.src/],
      [{ media: { kind: 'image', src: '//evil.example/a.jpg' } }, /media.src/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg', fit: 'stretch' } }, /media.fit/],
      [{ media: { kind: 'video', src: 'https://x.example/a.mp4', tracks: [{ src: 'data:text/vtt,x' }] } }, /tracks\[0\].src/],
      [{ media: { kind: 'video', src: 'https://x.example/a.mp4', tracks: 'en' } }, /tracks/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg', preview: { blurhash: '<script>' } } }, /blurhash/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg', preview: { color: 'red; background:url(x)' } } }, /colour/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg' }, overlays: [{ kind: 'link', url: 'http://x.example', label: 'x', x: 0.5, y: 0.5 }] }, /overlays\[0\].url/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg' }, overlays: [{ kind: 'text', text: 'x', x: 2, y: 0.5 }] }, /overlays\[0\].x/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg' }, overlays: Array.from({ length: 51 }, () => ({ kind: 'text', text: 'x', x: 0.5, y: 0.5 })) }, /overlays/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg' }, effect: 'sepia' }, /effect/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg' }, commentsEnabled: 'no' }, /commentsEnabled/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg' }, contentWarning: 5 }, /contentWarning/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg' }, reactions: { openHeartUrls: ['http://x.example'] } }, /openHeartUrls/],
      [{ media: { kind: 'image', src: 'https://x.example/a.jpg' }, duration: 'long' }, /duration/],
    ];
    for (const [draft, field] of cases) {
      const answer = await setup.api.call('/stories', { ...token, method: 'POST', body: draft, headers: { 'idempotency-key': `d${Math.random()}` } });
      assertClean(answer, 422, JSON.stringify(draft).slice(0, 80));
      assert.match(answer.body.error.message, field);
    }
    assert.deepEqual((await setup.api.call('/reels/viewer', token)).body.stories.map((s) => s.id), ['v1', 'v2']);
  });

  it('refuses a publish without an Idempotency-Key, and a multipart without its media', async () => {
    assertClean(await setup.api.call('/stories', { ...token, method: 'POST', body: { media: { kind: 'image', src: 'https://x.example/a.jpg' } } }), 422, 'no key');
    const form = new FormData();
    form.append('story', JSON.stringify({ media: { kind: 'image' } }));
    const response = await fetch(`${setup.api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': 'm' }, body: form });
    assert.equal(response.status, 422);
    const broken = new FormData();
    broken.append('story', '{not json');
    broken.append('media', new Blob([Buffer.from([0xff, 0xd8, 0xff])]), 'm');
    assert.equal((await fetch(`${setup.api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': 'm2' }, body: broken })).status, 422);
  });

  it('refuses report reasons of the wrong type or length', async () => {
    for (const body of [{ reason: 5 }, { reason: 'x'.repeat(501) }, { reason: 'a\u0000' }]) {
      assertClean(await setup.api.call('/stories/a1/comments/k1/report', { ...token, method: 'PUT', body }), 422, JSON.stringify(body).slice(0, 40));
    }
  });

  it('refuses odd Authorization headers with 401', async () => {
    for (const value of ['Basic abc', 'Bearer', 'Bearer a b', `Bearer ${'x'.repeat(9000)}`, "Bearer token-' OR 1=1 --"]) {
      assertClean(await setup.api.call('/me', { headers: { authorization: value } }), 401, value.slice(0, 30));
    }
  });
});
