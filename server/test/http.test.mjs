// Identity (JWT by secret and by JWKS, authenticate()), the admin API, dev mode in
// production, rate limits, CORS, health, and media (type sniffing, EXIF GPS, limits, keys).
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import sharp from 'sharp';
import { createStoriesServer } from '../index.mjs';
import { MEDIA_RULES, filesystemStorage, mp4Duration, sniffType, webmDuration } from '../media.mjs';
import { fileDatabase, manualClock, resetWorld, startServer } from './helpers.mjs';

const clock = manualClock(Date.now());
let db;
before(async () => {
  db = await fileDatabase();
});
after(() => db.close());

const jwtOptions = { issuer: 'https://site.example', audience: 'stories' };
const sign = (key, claims = {}, alg = 'HS256', kid) =>
  new SignJWT({ ...claims })
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject(claims.sub ?? 'alice')
    .setIssuer(claims.iss ?? jwtOptions.issuer)
    .setAudience(claims.aud ?? jwtOptions.audience)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '5m')
    .sign(key);

describe('identity', () => {
  it('maps a JWT signed with the shared secret to its account; checks signature, issuer, audience and expiry', async () => {
    const secret = 'a-long-shared-secret-of-the-site-0123456789';
    const api = await startServer({ database: db.database, clock, dataDir: db.dir, testing: false, jwt: { ...jwtOptions, secret } });
    try {
      await resetWorld(api.server, clock);
      const key = new TextEncoder().encode(secret);
      assert.equal((await api.call('/me', { token: await sign(key) })).body.id, 'alice');
      for (const [what, token] of [
        ['wrong secret', await sign(new TextEncoder().encode('another-secret-another-secret-another'))],
        ['wrong issuer', await sign(key, { iss: 'https://evil.example' })],
        ['wrong audience', await sign(key, { aud: 'other' })],
        ['expired', await sign(key, { exp: Math.floor(Date.now() / 1000) - 3600 })],
        ['unknown account', await sign(key, { sub: 'nobody' })],
        ['named test token outside dev mode', 'token-alice'],
      ]) {
        assert.equal((await api.call('/me', { token })).status, 401, what);
      }
    } finally {
      await api.close();
    }
  });

  it('verifies JWTs against a JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const jwks = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const api = await startServer({ database: db.database, clock, dataDir: db.dir, testing: false, jwt: { ...jwtOptions, jwksUrl: `http://127.0.0.1:${jwks.address().port}/jwks.json` } });
    try {
      await resetWorld(api.server, clock);
      assert.equal((await api.call('/me', { token: await sign(privateKey, { sub: 'bob' }, 'ES256', 'k1') })).body.id, 'bob');
      const other = await generateKeyPair('ES256');
      assert.equal((await api.call('/me', { token: await sign(other.privateKey, { sub: 'bob' }, 'ES256', 'k1') })).status, 401);
    } finally {
      await api.close();
      jwks.close();
    }
  });

  it('lets authenticate(request) decide who calls', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir, testing: false, authenticate: (request) => request.headers['x-site-user'] ?? null });
    try {
      await resetWorld(api.server, clock);
      assert.equal((await api.call('/me', { headers: { 'x-site-user': 'carol' } })).body.id, 'carol');
      assert.equal((await api.call('/me')).status, 204);
      assert.equal((await api.call('/me', { headers: { 'x-site-user': 'ghost' } })).status, 401);
    } finally {
      await api.close();
    }
  });

  it('refuses dev and testing mode when NODE_ENV=production, and says why', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      for (const mode of [{ dev: true }, { testing: true }]) {
        await assert.rejects(createStoriesServer({ ...mode, database: db.database, logger: false }), /refuses to start with NODE_ENV=production/);
      }
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});

describe('admin API', () => {
  it('takes accounts, follows and sounds from the site with the server key, and nothing without it', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir, adminKey: 'server-key-123' });
    try {
      await api.server.admin.reset();
      const admin = (path, method = 'PUT', body) => api.call(`/admin${path}`, { method, token: 'server-key-123', body });
      assert.equal((await api.call('/admin/accounts/ana', { method: 'PUT', token: 'wrong', body: { name: 'Ana' } })).status, 401);
      assert.equal((await api.call('/admin/accounts/ana', { method: 'PUT', body: { name: 'Ana' } })).status, 401);
      assert.equal((await admin('/accounts/ana', 'PUT', { name: 'Ana Lima', handle: 'analima' })).status, 200);
      assert.equal((await admin('/accounts/ivan', 'PUT', { name: 'Ivan Petrov' })).status, 200);
      assert.equal((await admin('/accounts/bad', 'PUT', { name: 5 })).status, 422);
      assert.equal((await admin('/follows/ivan/ana')).status, 204);
      assert.equal((await admin('/follows/ivan/ghost')).status, 404);
      assert.equal((await admin('/sounds/tune', 'PUT', { src: 'https://cdn.example/tune.m4a', title: 'Tune' })).status, 200);
      const story = await api.call('/stories', { method: 'POST', token: 'token-ana', body: { media: { kind: 'image', src: 'https://cdn.example/a.jpg' } }, headers: { 'idempotency-key': 'a' } });
      assert.equal(story.status, 201);
      assert.deepEqual((await api.call('/feed', { token: 'token-ivan' })).body.items.map((r) => r.author.id), ['ana']);
      assert.equal((await admin('/follows/ivan/ana', 'DELETE')).status, 204);
      assert.deepEqual((await api.call('/feed', { token: 'token-ivan' })).body.items, []);
      assert.deepEqual((await api.call('/sounds?q=tune')).body.items.map((s) => s.id), ['tune']);
      assert.equal((await admin('/accounts/ana', 'DELETE')).status, 204);
      assert.equal((await api.call('/reels/ana')).status, 404);
    } finally {
      await api.close();
    }
  });
});

describe('HTTP', () => {
  it('limits writes per token and per IP with 429 and Retry-After; reads are not limited', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir, rateLimit: { perToken: 3, perIp: 6, windowMs: 60_000 } });
    try {
      await resetWorld(api.server, clock);
      const view = (user) => api.call('/stories/a1/view', { method: 'PUT', token: `token-${user}` });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await view('viewer')).status);
      assert.deepEqual(statuses, [204, 204, 204, 429]);
      const limited = await view('viewer');
      assert.equal(limited.body.error.code, 'rate-limited');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      // Another token from the same address: within its own limit, until the address's runs out.
      assert.equal((await view('carol')).status, 204);
      assert.equal((await view('bob')).status, 429);
      for (let i = 0; i < 10; i++) assert.equal((await api.call('/feed', { token: 'token-viewer' })).status, 200);
    } finally {
      await api.close();
    }
  });

  it('counts writes through every instance on the database as one limit, windows on the server clock', async () => {
    const rateLimit = { perToken: 3, perIp: 100, windowMs: 60_000 };
    const one = await startServer({ database: db.database, clock, dataDir: db.dir, rateLimit });
    const two = await startServer({ database: db.database, clock, dataDir: db.dir, rateLimit });
    try {
      await resetWorld(one.server, clock);
      const view = (api) => api.call('/stories/a1/view', { method: 'PUT', token: 'token-viewer' });
      // A load balancer spreads one client's writes over both: they share its three.
      const statuses = [(await view(one)).status, (await view(two)).status, (await view(one)).status, (await view(two)).status];
      assert.deepEqual(statuses, [204, 204, 204, 429]);
      assert.equal((await view(one)).status, 429);
      const stored = await db.database.db.selectFrom('rate_limits').select(['key', 'count']).where('key', 'like', 'token:%').execute();
      assert.deepEqual(stored.map((r) => Number(r.count)), [5]);
      // The window runs out by the server's clock: writes go again, and the purge clears old counters.
      clock.advance(60_000);
      assert.equal((await view(two)).status, 204);
      clock.advance(60_001);
      await one.server.purge();
      assert.equal((await db.database.db.selectFrom('rate_limits').selectAll().execute()).length, 0);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('answers CORS only for allowed origins', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir, corsOrigins: ['https://brand.example'] });
    try {
      const preflight = (origin) => api.call('/stories/a1/comments', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, idempotency-key' } });
      const ok = await preflight('https://brand.example');
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://brand.example');
      assert.match(ok.headers.get('access-control-allow-headers'), /idempotency-key/);
      assert.equal((await preflight('https://evil.example')).headers.get('access-control-allow-origin'), null);
    } finally {
      await api.close();
    }
  });

  it('answers /healthz and /readyz', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir });
    try {
      assert.deepEqual((await fetch(`${api.address}/healthz`).then((r) => r.json())), { ok: true });
      assert.deepEqual((await fetch(`${api.address}/readyz`).then((r) => r.json())), { ready: true });
    } finally {
      await api.close();
    }
  });
});

describe('media', () => {
  it('uses the same MEDIA_RULES as the composer (src/model/media-rules.ts)', async () => {
    const { build } = await import('esbuild');
    const out = await build({ entryPoints: [new URL('../../src/model/media-rules.ts', import.meta.url).pathname], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
    const composer = (await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`)).MEDIA_RULES;
    assert.deepEqual(MEDIA_RULES, { ...composer });
  });

  it('keeps the client’s limits (src/model/limits.ts), ids aside', async () => {
    const { build } = await import('esbuild');
    const out = await build({ entryPoints: [new URL('../../src/model/limits.ts', import.meta.url).pathname], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
    const client = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
    const { LIMITS, COMMENT_MAX_LENGTH } = await import('../validate.mjs');
    const shared = ['name', 'handle', 'url', 'alt', 'overlays', 'overlayText', 'linkLabel', 'tracks', 'lang', 'contentWarning', 'reportReason', 'duration'];
    assert.deepEqual(Object.fromEntries(shared.map((k) => [k, LIMITS[k]])), Object.fromEntries(shared.map((k) => [k, client.LIMITS[k]])));
    assert.deepEqual([LIMITS.reactionUrls, COMMENT_MAX_LENGTH], [client.LIMITS.openHeartUrls, client.COMMENT_MAX_LENGTH]);
  });

  it('tells types from bytes and reads MP4 durations', async () => {
    const file = (p) => readFile(new URL(`../../fixtures/media/${p}`, import.meta.url));
    assert.equal(sniffType(await file('photos/forest.jpg')), 'image/jpeg');
    assert.equal(sniffType(await file('photos/coffee.webp')), 'image/webp');
    const video = await file('videos/waves.mp4');
    assert.equal(sniffType(video), 'video/mp4');
    const ms = await mp4Duration(video);
    assert.ok(ms > 1000 && ms < 60_000, String(ms));
    assert.equal(sniffType(Buffer.from('<html>')), null);
    assert.equal(sniffType(Buffer.alloc(0)), null);
  });

  it('strips EXIF, GPS among it, from uploaded photos', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir });
    try {
      await resetWorld(api.server, clock);
      const withGps = await sharp({ create: { width: 64, height: 32, channels: 3, background: 'red' } })
        .jpeg()
        .withExif({ IFD0: { Copyright: 'Someone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
        .toBuffer();
      assert.ok((await sharp(withGps).metadata()).exif.includes(Buffer.from([0x25, 0x88])), 'the fixture has a GPS IFD');
      const form = new FormData();
      form.append('story', JSON.stringify({ media: { kind: 'image' } }));
      form.append('media', new Blob([withGps]), 'media');
      const story = await (await fetch(`${api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': 'gps' }, body: form })).json();
      const stored = Buffer.from(await (await fetch(api.base + story.media.src)).arrayBuffer());
      const meta = await sharp(stored).metadata();
      assert.equal(meta.exif, undefined);
      assert.equal(stored.includes(Buffer.from('Someone')), false);
      assert.deepEqual([meta.width, meta.height, story.media.width, story.media.height], [64, 32, 64, 32]);
    } finally {
      await api.close();
    }
  });

  it('refuses a video that says it is a photo, and files over the limit', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir });
    try {
      await resetWorld(api.server, clock);
      const upload = async (draft, bytes) => {
        const form = new FormData();
        form.append('story', JSON.stringify(draft));
        form.append('media', new Blob([bytes]), 'media');
        return fetch(`${api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': `u${Math.random()}` }, body: form });
      };
      const video = await readFile(new URL('../../fixtures/media/videos/waves.mp4', import.meta.url));
      assert.equal((await upload({ media: { kind: 'image' } }, video)).status, 422);
      const big = Buffer.alloc(MEDIA_RULES.maxImageBytes + 10);
      Buffer.from([0xff, 0xd8, 0xff]).copy(big);
      assert.equal((await upload({ media: { kind: 'image' } }, big)).status, 413);
      assert.equal((await upload({ media: { kind: 'video' } }, video)).status, 201);
    } finally {
      await api.close();
    }
  });

  it('reads WebM durations, from the Duration element and, when there is none (MediaRecorder writes none), from the last block', async () => {
    const file = (p) => readFile(new URL(`../../fixtures/media/${p}`, import.meta.url));
    const long = await file('videos/too-long.webm');
    assert.equal(sniffType(long), 'video/webm');
    assert.equal(await webmDuration(long), 62_000);
    assert.equal(await webmDuration(await file('videos/short.webm')), 3000);
    // The Duration element (id 44 89) made a Void element (id EC) of the same length.
    const at = long.indexOf(Buffer.from([0x44, 0x89, 0x88]));
    assert.ok(at > 0);
    const stripped = Buffer.from(long);
    Buffer.from([0xec, 0x89]).copy(stripped, at);
    stripped.fill(0, at + 2, at + 11);
    assert.equal(await webmDuration(stripped), 61_000);
    assert.equal(await webmDuration(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80])), undefined);
    assert.equal(await webmDuration(Buffer.alloc(3)), undefined);
  });

  it('streams uploads to a temporary file: a WebM over 60 s is refused, one of 3 s keeps its length, one over 100 MB answers 413, and no temporary file stays', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir });
    try {
      await resetWorld(api.server, clock);
      const upload = async (bytes) => {
        const form = new FormData();
        form.append('story', JSON.stringify({ media: { kind: 'video' } }));
        form.append('media', new Blob([bytes]), 'media');
        return fetch(`${api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': `w${Math.random()}` }, body: form });
      };
      const file = (p) => readFile(new URL(`../../fixtures/media/${p}`, import.meta.url));
      const long = await upload(await file('videos/too-long.webm'));
      assert.equal(long.status, 422);
      assert.match((await long.json()).error.message, /60 seconds/);
      const short = await upload(await file('videos/short.webm'));
      assert.equal(short.status, 201);
      const story = await short.json();
      assert.deepEqual([story.media.type, story.media.duration], ['video/webm', 3000]);
      assert.deepEqual(Buffer.from(await (await fetch(api.base + story.media.src)).arrayBuffer()), await file('videos/short.webm'));
      const huge = Buffer.alloc(MEDIA_RULES.maxVideoBytes + 1);
      (await file('videos/short.webm')).copy(huge);
      assert.equal((await upload(huge)).status, 413);
      assert.deepEqual(await readdir(join(db.dir, 'uploads')), []);
    } finally {
      await api.close();
    }
  });

  it('sweeps stored files no story owns once they are an hour old (a server killed between storing and committing), half-written ones and stale uploads; a story’s own stay', async () => {
    const api = await startServer({ database: db.database, clock, dataDir: db.dir });
    try {
      await resetWorld(api.server, clock);
      const form = new FormData();
      form.append('story', JSON.stringify({ media: { kind: 'video' } }));
      form.append('media', new Blob([await readFile(new URL('../../fixtures/media/videos/short.webm', import.meta.url))]), 'media');
      const story = await (await fetch(`${api.base}/stories`, { method: 'POST', headers: { authorization: 'Bearer token-viewer', 'idempotency-key': 'sweep' }, body: form })).json();
      const media = join(db.dir, 'media');
      const kept = `${story.id}.webm`;
      const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
      const orphans = ['s_killed.jpg', 's_killed-track0.vtt', 's_killed.mp4.123.456.part'];
      for (const name of [...orphans, 's_fresh.jpg']) await writeFile(join(media, name), 'x');
      await mkdir(join(db.dir, 'uploads'), { recursive: true });
      await writeFile(join(db.dir, 'uploads', 'stale.upload'), 'x');
      for (const name of [...orphans, kept]) await utimes(join(media, name), old, old);
      await utimes(join(db.dir, 'uploads', 'stale.upload'), old, old);
      assert.equal(await api.server.sweepMedia(), 4);
      const left = await readdir(media);
      assert.ok(left.includes(kept) && left.includes('s_fresh.jpg'), left.join());
      for (const name of orphans) assert.ok(!left.includes(name), name);
      assert.deepEqual(await readdir(join(db.dir, 'uploads')), []);
      assert.equal((await fetch(api.base + story.media.src)).status, 200);
    } finally {
      await api.close();
    }
  });

  it('never writes outside its own key', async () => {
    const store = filesystemStorage(`${db.dir}/keys`);
    for (const key of ['../escape', '/etc/passwd', 'a/../../b', '..', '.hidden', 'a\u0000b', 'x'.repeat(300)]) {
      await assert.rejects(store.put(key, Buffer.from('x'), 'image/jpeg'), /Not a media key/, key);
    }
    await store.put('s_1.jpg', Buffer.from('ok'), 'image/jpeg');
    assert.equal(await store.size('s_1.jpg'), 2);
    assert.equal(await store.size('s_2.jpg'), null);
  });
});
