// Presigned uploads: the browser PUTs a file straight to an S3-compatible store (s3rver on
// 127.0.0.1 here) and publishes the story by the key it was given; the server reads the file
// back once, checks it against the rules and cleans it as it does a multipart upload.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import sharp from 'sharp';
import { HOUR, fileDatabase, manualClock, resetWorld, startServer } from './helpers.mjs';
import { startS3 } from './s3.mjs';

const clock = manualClock();
let db;
let s3;
let api;
before(async () => {
  db = await fileDatabase();
  s3 = await startS3();
  api = await startServer({ database: db.database, clock, dataDir: db.dir, storage: s3.storage });
});
after(async () => {
  await api.close();
  await s3.close();
  await db.close();
});
beforeEach(() => resetWorld(api.server, clock));

const viewer = 'token-viewer';
const gpsPhoto = () =>
  sharp({ create: { width: 64, height: 32, channels: 3, background: 'blue' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Someone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
    .toBuffer();

/** Asks for an upload and PUTs `bytes` to the URL it gives, as a browser does. */
async function upload(bytes, { kind = 'image', type = 'image/jpeg', token = viewer, size = bytes.length } = {}) {
  const answer = await api.call('/uploads', { method: 'POST', token, body: { kind, type, size } });
  assert.equal(answer.status, 201, answer.text);
  const put = await fetch(answer.body.url, { method: answer.body.method, headers: answer.body.headers, body: bytes });
  assert.equal(put.status, 200);
  return answer.body;
}

const publish = (draft, { token = viewer, key = crypto.randomUUID() } = {}) => api.call('/stories', { method: 'POST', token, body: draft, headers: { 'idempotency-key': key } });
const stagedRows = async () => (await db.database.db.selectFrom('uploads').select('key').execute()).map((r) => r.key);

describe('presigned uploads', () => {
  it('publishes a photo PUT straight to the object store: checked and cleaned by the server, served from the bucket, the staged copy gone', async () => {
    const photo = await gpsPhoto();
    const staged = await upload(photo);
    assert.match(staged.key, /^upload-[0-9a-f-]{36}$/);
    assert.match(staged.url, new RegExp(`^${s3.endpoint}/media/stories/${staged.key}\\?`));
    assert.equal(staged.expiresAt, clock.now() + 600_000);
    assert.equal(await s3.has(staged.key), true);

    const published = await publish({ media: { kind: 'image', upload: staged.key, alt: 'Blue' } }, { key: 'p1' });
    assert.equal(published.status, 201, published.text);
    const story = published.body;
    assert.match(story.media.src, new RegExp(`^${s3.endpoint}/media/stories/${story.id}\\.jpg$`));
    assert.deepEqual([story.media.type, story.media.width, story.media.height, story.media.alt], ['image/jpeg', 64, 32, 'Blue']);
    // What the bucket serves is the cleaned file: no EXIF, no GPS.
    const stored = Buffer.from(await (await fetch(story.media.src)).arrayBuffer());
    assert.equal((await sharp(stored).metadata()).exif, undefined);
    assert.equal(stored.includes(Buffer.from('Someone')), false);
    // The staged file and its row are gone.
    assert.equal(await s3.has(staged.key), false);
    assert.deepEqual(await stagedRows(), []);
    // A repeat of the same request is answered as the first was.
    const again = await publish({ media: { kind: 'image', upload: staged.key, alt: 'Blue' } }, { key: 'p1' });
    assert.deepEqual([again.status, again.body.id], [200, story.id]);
    // Deleting the story deletes its file in the bucket.
    assert.equal((await api.call(`/stories/${story.id}`, { method: 'DELETE', token: viewer })).status, 204);
    assert.equal(await s3.has(`${story.id}.jpg`), false);
  });

  it('publishes a video the same way, its length read from the file', async () => {
    const { readFile } = await import('node:fs/promises');
    const clip = await readFile(new URL('../../fixtures/media/videos/waves.mp4', import.meta.url));
    const staged = await upload(clip, { kind: 'video', type: 'video/mp4' });
    const published = await publish({ media: { kind: 'video', upload: staged.key } });
    assert.equal(published.status, 201, published.text);
    assert.deepEqual([published.body.media.type, Math.round(published.body.media.duration / 1000)], ['video/mp4', 4]);
    const served = Buffer.from(await (await fetch(published.body.media.src)).arrayBuffer());
    assert.equal(served.length, clip.length);
    assert.equal(served.equals(clip), true);
  });

  it('refuses, with a code and nothing lost: anonymous, types and sizes outside the rules, another person’s upload, one never sent, bytes that are not what was declared', async () => {
    assert.equal((await api.call('/uploads', { method: 'POST', body: { kind: 'image', type: 'image/jpeg', size: 10 } })).status, 403);
    for (const [body, status] of [
      [{ kind: 'image', type: 'image/heic', size: 10 }, 422],
      [{ kind: 'video', type: 'image/jpeg', size: 10 }, 422],
      [{ kind: 'sound', type: 'audio/mp4', size: 10 }, 422],
      [{ kind: 'image', type: 'image/jpeg', size: 0 }, 422],
      [{ kind: 'image', type: 'image/jpeg', size: '10' }, 422],
      [{ kind: 'image', type: 'image/jpeg', size: 16 * 1024 * 1024 }, 413],
      [{ kind: 'video', type: 'video/mp4', size: 101 * 1024 * 1024 }, 413],
      [['not', 'an', 'object'], 422],
    ]) {
      const answer = await api.call('/uploads', { method: 'POST', token: viewer, body });
      assert.equal(answer.status, status, JSON.stringify(body));
      assert.match(answer.body.error.code, /^(invalid|quota)$/);
    }
    // Bob may not publish Vera's upload; she still can.
    const photo = await gpsPhoto();
    const hers = await upload(photo);
    const stolen = await publish({ media: { kind: 'image', upload: hers.key } }, { token: 'token-bob' });
    assert.deepEqual([stolen.status, stolen.body.error.code], [422, 'invalid']);
    assert.equal(await s3.has(hers.key), true);
    // Keys this server did not give, and keys of nothing.
    for (const key of ['upload-../../etc/passwd', 'a1.jpg', 42, `upload-${crypto.randomUUID()}`]) {
      assert.equal((await publish({ media: { kind: 'image', upload: key } })).status, 422, String(key));
    }
    // Asked for, never sent.
    const empty = (await api.call('/uploads', { method: 'POST', token: viewer, body: { kind: 'image', type: 'image/jpeg', size: 100 } })).body;
    const missing = await publish({ media: { kind: 'image', upload: empty.key } });
    assert.deepEqual([missing.status, missing.body.error.message], [422, 'The upload has not arrived: PUT the file to the URL first']);
    // Text sent as a photo; a video sent as a photo.
    const text = await upload(Buffer.from('<html>not a photo</html>'));
    assert.equal((await publish({ media: { kind: 'image', upload: text.key } })).status, 422);
    const { readFile } = await import('node:fs/promises');
    const clip = await readFile(new URL('../../fixtures/media/videos/waves.mp4', import.meta.url));
    const wrong = await upload(clip, { size: clip.length });
    const said = await publish({ media: { kind: 'image', upload: wrong.key } });
    assert.deepEqual([said.status, said.body.error.message], [422, 'The story says image but the file is a video']);
    // More bytes than a photo may have, though fewer were declared (not every store holds the browser to the signed size).
    const huge = await upload(Buffer.alloc(16 * 1024 * 1024, 0xff), { size: 1000 });
    assert.equal((await publish({ media: { kind: 'image', upload: huge.key } })).status, 413);
    // Nothing was lost: Vera's real upload is still hers to publish.
    const published = await publish({ media: { kind: 'image', upload: hers.key } });
    assert.equal(published.status, 201, published.text);
  });

  it('sweeps uploads no story took once they are old, and a staged file whose row has gone', async () => {
    const photo = await gpsPhoto();
    const old = await upload(photo);
    clock.advance(2 * HOUR);
    const fresh = await upload(photo);
    const orphan = await upload(photo);
    await db.database.db.deleteFrom('uploads').where('key', '=', orphan.key).execute();
    // Files count as old from 0 ms (their times are the store's real clock); rows by the server's clock.
    await api.server.sweepMedia({ olderThanMs: HOUR });
    assert.deepEqual([await s3.has(old.key), await s3.has(fresh.key)], [false, true]);
    assert.deepEqual(await stagedRows(), [fresh.key]);
    await api.server.sweepMedia({ olderThanMs: 0 });
    assert.equal(await s3.has(orphan.key), false);
    assert.equal(await s3.has(fresh.key), true, 'a staged file with its row stays until the row is old');
  });
});

describe('presigned uploads on a store that cannot take them', () => {
  it('answers 404 on /uploads and refuses media.upload: the file goes in the multipart body', async () => {
    const local = await startServer({ database: db.database, clock, dataDir: db.dir });
    try {
      const answer = await local.call('/uploads', { method: 'POST', token: viewer, body: { kind: 'image', type: 'image/jpeg', size: 10 } });
      assert.equal(answer.status, 404);
      const refused = await local.call('/stories', { method: 'POST', token: viewer, body: { media: { kind: 'image', upload: `upload-${crypto.randomUUID()}` } }, headers: { 'idempotency-key': 'x' } });
      assert.deepEqual([refused.status, refused.body.error.code], [422, 'invalid']);
    } finally {
      await local.close();
    }
  });
});
