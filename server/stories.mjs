// What the REST routes do, as functions of the caller (`me`), the clock and the database.
// Every write is one transaction; reads never see a half-written story.
import { sql } from 'kysely';
import { HttpError, forbidden, invalid, notFound } from './errors.mjs';
import { COMMENT_MAX_LENGTH, LIMITS, text } from './validate.mjs';

export const DAY = 24 * 60 * 60 * 1000;
export const PAGE_SIZE = 50;

/** Opaque cursors: base64url JSON of the last key a page ended on. */
export function encodeCursor(parts) {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor}; `shape` lists each part's type. */
export function decodeCursor(cursor, shape) {
  if (cursor === undefined || cursor === '') return undefined;
  const bad = () => new HttpError(400, 'invalid', 'The cursor is not one this server made');
  if (typeof cursor !== 'string' || cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parts;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parts) || parts.length !== shape.length) throw bad();
  parts.forEach((part, i) => {
    const ok = shape[i] === 'number' ? Number.isSafeInteger(part) : typeof part === 'string' && part.length <= LIMITS.id;
    if (!ok) throw bad();
  });
  return parts;
}

export function authorOut(row, prefix = '') {
  const get = (k) => row[`${prefix}${k}`];
  const author = { id: get('id'), name: get('name') };
  if (get('handle')) author.handle = get('handle');
  if (get('avatar')) author.avatar = get('avatar');
  if (get('verified')) author.verified = true;
  return author;
}

/** Columns of a story joined with its author (`a`). */
const STORY_COLUMNS = ['s.id', 's.created_at', 's.expires_at', 's.body', 's.media_key', 'a.id as a_id', 'a.name as a_name', 'a.handle as a_handle', 'a.avatar as a_avatar', 'a.verified as a_verified'];

function storyOut(row, mediaUrl) {
  const body = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
  const story = { id: row.id, author: authorOut(row, 'a_'), createdAt: row.created_at, expiresAt: row.expires_at, ...body };
  if (row.media_key) story.media = { ...story.media, src: mediaUrl(row.media_key) };
  // Uploaded caption files are kept by key; readers get their URL.
  if (story.media?.tracks?.some((t) => t.key)) story.media = { ...story.media, tracks: story.media.tracks.map(({ key, ...t }) => (key ? { ...t, src: mediaUrl(key) } : t)) };
  return story;
}

function commentOut(row) {
  const comment = { id: row.id, storyId: row.story_id, author: authorOut(row, 'a_'), text: row.text, createdAt: row.created_at };
  if (row.parent_id) comment.parentId = row.parent_id;
  if (row.client_id) comment.clientId = row.client_id;
  return comment;
}

/** Thrown inside a transaction when another request committed the same idempotency key first. */
class KeyTaken extends Error {}

/**
 * The stories service over one database.
 * @param {{ database: import('./db.mjs').Database, now: () => number, mediaUrl: (key: string) => string, storage?: { delete(key: string): Promise<void> }, log?: { warn: Function } }} deps
 */
export function createStories({ database, now, mediaUrl, storage, log }) {
  const { db } = database;
  // Feed pages may come from a read replica (a moment behind the primary); everything else from the primary.
  const reads = database.reads ?? db;

  /**
   * Runs `work` in one transaction. `emit(storyId, audience, event)` records an event of a
   * story in it, `emitFeed(authorId, audience, event)` a feed event (an account's stories
   * changed); each is announced once the transaction has committed (on PostgreSQL by
   * NOTIFY, which PostgreSQL itself holds back until the commit).
   */
  async function write(work) {
    const announced = [];
    const result = await db.transaction().execute(async (trx) => {
      const announce = async (message) => {
        if (database.engine === 'postgres') await sql`select pg_notify(${'stories_kit_events'}, ${JSON.stringify(message)})`.execute(trx);
        announced.push(message);
      };
      const emit = async (storyId, audience, event) => {
        const { id } = await trx.insertInto('events').values({ story_id: storyId, audience, payload: JSON.stringify(event), created_at: now() }).returning('id').executeTakeFirstOrThrow();
        await announce({ id: Number(id), storyId });
      };
      const emitFeed = async (authorId, audience, event) => {
        const { id } = await trx.insertInto('feed_events').values({ author_id: authorId, audience, payload: JSON.stringify(event), created_at: now() }).returning('id').executeTakeFirstOrThrow();
        await announce({ id: Number(id), authorId, feed: true });
      };
      return work(trx, emit, emitFeed);
    });
    if (database.engine !== 'postgres') for (const message of announced) database.notify(message);
    return result;
  }

  /**
   * A write that creates something, under an Idempotency-Key: the first answer is stored
   * with the write, in the same transaction, and a repeat gets it back (200 for 201).
   */
  async function idempotent(me, route, key, work) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await write(async (trx, emit, emitFeed) => {
          const prior = await trx.selectFrom('idempotency').select(['status', 'body']).where('account_id', '=', me).where('route', '=', route).where('key', '=', key).executeTakeFirst();
          if (prior) return { status: prior.status === 201 ? 200 : prior.status, body: prior.body, replayed: true };
          const { status, body } = await work(trx, emit, emitFeed);
          const stored = await trx
            .insertInto('idempotency')
            .values({ account_id: me, route, key, status, body: JSON.stringify(body), created_at: now() })
            .onConflict((oc) => oc.columns(['account_id', 'route', 'key']).doNothing())
            .returning('key')
            .executeTakeFirst();
          if (!stored) throw new KeyTaken();
          return { status, body, replayed: false };
        });
      } catch (error) {
        // Someone else's request with this key committed first: answer theirs.
        if (error instanceof KeyTaken && attempt === 0) continue;
        if (isUniqueViolation(error) && attempt === 0) continue;
        throw error;
      }
    }
  }

  const liveWhere = (t) => (eb) => eb.and([eb('s.created_at', '<=', t), eb('s.expires_at', '>', t)]);

  async function liveStory(executor, storyId) {
    const t = now();
    const row = await executor.selectFrom('stories as s').select(['s.id', 's.author_id', 's.body', 's.created_at', 's.expires_at']).where('s.id', '=', storyId).where(liveWhere(t)).executeTakeFirst();
    if (!row) throw notFound(`Story ${storyId}`);
    return row;
  }

  async function account(id, executor = db) {
    const row = await executor.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? authorOut(row) : null;
  }

  return {
    write,
    account: (id) => account(id),
    liveStory: (storyId) => liveStory(db, storyId),

    async feed(me, { cursor, limit }) {
      const after = decodeCursor(cursor, ['number', 'string']);
      if (!me) return { items: [] };
      const t = now();
      // Each followed account's latest live story: one probe of stories_author_latest per
      // follow, reading one index entry (not every live story of every follow, then grouping).
      let authors = reads
        .selectFrom('follows as f')
        .innerJoinLateral(
          (eb) => eb.selectFrom('stories as s').select('s.created_at as latest').whereRef('s.author_id', '=', 'f.followee_id').where('s.created_at', '<=', t).where('s.expires_at', '>', t).orderBy('s.created_at', 'desc').limit(1).as('l'),
          (join) => join.onTrue(),
        )
        .where('f.follower_id', '=', me)
        .where('f.followee_id', '<>', me)
        .select(['f.followee_id as author_id', 'l.latest']);
      if (after) {
        const [latest, authorId] = after;
        authors = authors.where((eb) => eb.or([eb('l.latest', '<', latest), eb.and([eb('l.latest', '=', latest), eb('f.followee_id', '>', authorId)])]));
      }
      const groups = await authors.orderBy('l.latest', 'desc').orderBy('f.followee_id').limit(limit + 1).execute();
      const more = groups.length > limit;
      const page = groups.slice(0, limit);
      if (!page.length) return { items: [] };
      const rows = await reads
        .selectFrom('stories as s')
        .innerJoin('accounts as a', 'a.id', 's.author_id')
        .select(STORY_COLUMNS)
        .where('s.author_id', 'in', page.map((g) => g.author_id))
        .where(liveWhere(t))
        .orderBy('s.created_at')
        .orderBy('s.id')
        .execute();
      const byAuthor = new Map(page.map((g) => [g.author_id, []]));
      for (const row of rows) byAuthor.get(row.a_id)?.push(storyOut(row, mediaUrl));
      const items = page.map((g) => ({ author: byAuthor.get(g.author_id)[0].author, stories: byAuthor.get(g.author_id) }));
      const last = page[page.length - 1];
      return more ? { items, next: encodeCursor([Number(last.latest), last.author_id]) } : { items };
    },

    async reel(authorId) {
      const rows = await db.selectFrom('stories as s').innerJoin('accounts as a', 'a.id', 's.author_id').select(STORY_COLUMNS).where('s.author_id', '=', authorId).where(liveWhere(now())).orderBy('s.created_at').orderBy('s.id').execute();
      if (!rows.length) throw notFound(`Live stories of ${authorId}`);
      const stories = rows.map((row) => storyOut(row, mediaUrl));
      return { author: stories[0].author, stories };
    },

    async view(me, storyId) {
      await write(async (trx, emit) => {
        const story = await liveStory(trx, storyId);
        if (!me || me === story.author_id) return;
        const viewedAt = now();
        const inserted = await trx.insertInto('views').values({ story_id: storyId, viewer_id: me, viewed_at: viewedAt }).onConflict((oc) => oc.columns(['story_id', 'viewer_id']).doNothing()).returning('viewer_id').executeTakeFirst();
        if (inserted) await emit(storyId, story.author_id, { type: 'view', storyId, view: { viewer: await account(me, trx), viewedAt } });
      });
    },

    async viewers(me, storyId, { cursor }) {
      const after = decodeCursor(cursor, ['number', 'string']);
      const story = await liveStory(db, storyId);
      if (!me || me !== story.author_id) throw forbidden('Only the author sees who viewed a story');
      let query = db.selectFrom('views as v').innerJoin('accounts as a', 'a.id', 'v.viewer_id').select(['v.viewer_id', 'v.viewed_at', 'a.id as a_id', 'a.name as a_name', 'a.handle as a_handle', 'a.avatar as a_avatar', 'a.verified as a_verified']).where('v.story_id', '=', storyId);
      if (after) query = query.where((eb) => eb.or([eb('v.viewed_at', '<', after[0]), eb.and([eb('v.viewed_at', '=', after[0]), eb('v.viewer_id', '>', after[1])])]));
      const [rows, count] = await Promise.all([
        query.orderBy('v.viewed_at', 'desc').orderBy('v.viewer_id').limit(PAGE_SIZE + 1).execute(),
        db.selectFrom('views').select((eb) => eb.fn.countAll().as('n')).where('story_id', '=', storyId).executeTakeFirstOrThrow(),
      ]);
      const items = rows.slice(0, PAGE_SIZE).map((r) => ({ viewer: authorOut(r, 'a_'), viewedAt: r.viewed_at }));
      const page = { items, total: Number(count.n) };
      if (rows.length > PAGE_SIZE) page.next = encodeCursor([items[items.length - 1].viewedAt, items[items.length - 1].viewer.id]);
      return page;
    },

    async comments(storyId, { cursor }) {
      const before = decodeCursor(cursor, ['number', 'string']);
      await liveStory(db, storyId);
      let query = db.selectFrom('comments as c').innerJoin('accounts as a', 'a.id', 'c.author_id').select(['c.id', 'c.story_id', 'c.text', 'c.created_at', 'c.parent_id', 'c.client_id', 'a.id as a_id', 'a.name as a_name', 'a.handle as a_handle', 'a.avatar as a_avatar', 'a.verified as a_verified']).where('c.story_id', '=', storyId);
      if (before) query = query.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(before[0], before[1])));
      const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(PAGE_SIZE + 1).execute();
      const items = rows.slice(0, PAGE_SIZE).reverse().map(commentOut);
      return rows.length > PAGE_SIZE ? { items, next: encodeCursor([items[0].createdAt, items[0].id]) } : { items };
    },

    async postComment(me, storyId, body, key) {
      if (!me) throw forbidden('Sign in to comment');
      if (!key) throw invalid('Idempotency-Key is required');
      text(key, 'Idempotency-Key', LIMITS.id);
      return idempotent(me, `POST /stories/${storyId}/comments`, key, async (trx, emit) => {
        const story = await liveStory(trx, storyId);
        if (story.body.commentsEnabled === false) throw forbidden('Comments are turned off for this story');
        if (typeof body?.text !== 'string') throw invalid('A comment needs some text');
        const value = body.text.trim();
        if (!value) throw invalid('A comment needs some text');
        if ([...value].length > COMMENT_MAX_LENGTH) throw invalid(`A comment has at most ${COMMENT_MAX_LENGTH} characters`);
        text(value, 'text', COMMENT_MAX_LENGTH * 2, { multiline: true });
        if (body.parentId !== undefined && body.parentId !== null) {
          if (typeof body.parentId !== 'string' || body.parentId.length > LIMITS.id) throw invalid('parentId must be a comment id');
          const parent = await trx.selectFrom('comments').select(['story_id', 'parent_id']).where('id', '=', body.parentId).executeTakeFirst();
          if (!parent || parent.story_id !== storyId) throw invalid('The comment replied to does not exist');
          if (parent.parent_id) throw invalid('Replies go one level deep');
        }
        const row = { id: `c_${crypto.randomUUID()}`, story_id: storyId, author_id: me, text: value, created_at: now(), parent_id: body.parentId ?? null, client_id: key };
        await trx.insertInto('comments').values(row).execute();
        const author = await trx.selectFrom('accounts').selectAll().where('id', '=', me).executeTakeFirstOrThrow();
        const comment = commentOut({ ...row, a_id: author.id, a_name: author.name, a_handle: author.handle, a_avatar: author.avatar, a_verified: author.verified });
        await emit(storyId, null, { type: 'comment', comment });
        return { status: 201, body: comment };
      });
    },

    async deleteComment(me, storyId, commentId) {
      await write(async (trx, emit) => {
        const comment = await trx.selectFrom('comments').select(['author_id', 'story_id']).where('id', '=', commentId).executeTakeFirst();
        if (!comment || comment.story_id !== storyId) throw notFound(`Comment ${commentId}`);
        const story = await liveStory(trx, storyId);
        if (!me || (me !== comment.author_id && me !== story.author_id)) throw forbidden('Only the comment’s author or the story’s author may delete it');
        await trx.deleteFrom('comments').where('id', '=', commentId).execute();
        await emit(storyId, null, { type: 'comment-deleted', storyId, commentId });
      });
    },

    async report(me, storyId, commentId, body) {
      if (!me) throw forbidden('Sign in to report a comment');
      const reason = body?.reason === undefined || body?.reason === null ? null : text(body.reason, 'reason', LIMITS.reportReason, { multiline: true });
      await write(async (trx) => {
        await liveStory(trx, storyId);
        const comment = await trx.selectFrom('comments').select('story_id').where('id', '=', commentId).executeTakeFirst();
        if (!comment || comment.story_id !== storyId) throw notFound(`Comment ${commentId}`);
        await trx
          .insertInto('reports')
          .values({ comment_id: commentId, reporter_id: me, story_id: storyId, reason, reported_at: now() })
          .onConflict((oc) => oc.columns(['comment_id', 'reporter_id']).doUpdateSet({ reason, reported_at: now() }))
          .execute();
      });
    },

    /**
     * Publishes a story. `body` is the validated story body; `media`, when the bytes came
     * with the request, is what `storeMedia` kept (its key and the media fields it learned).
     */
    async publish(me, key, body, storeMedia) {
      if (!me) throw forbidden('Sign in to post a story');
      const route = 'POST /stories';
      const prior = await db.selectFrom('idempotency').select(['status', 'body']).where('account_id', '=', me).where('route', '=', route).where('key', '=', key).executeTakeFirst();
      if (prior) return { status: prior.status === 201 ? 200 : prior.status, body: prior.body, replayed: true };
      const id = `s_${crypto.randomUUID()}`;
      // The bytes are stored before the transaction; if it does not commit they are removed.
      const media = storeMedia ? await storeMedia(id) : undefined;
      try {
        const result = await idempotent(me, route, key, async (trx, _emit, emitFeed) => {
          const createdAt = now();
          const stored = media ? { ...body, media: { ...body.media, ...media.fields } } : body;
          await trx.insertInto('stories').values({ id, author_id: me, created_at: createdAt, expires_at: createdAt + DAY, body: JSON.stringify(stored), media_key: media?.key ?? null }).execute();
          const row = await trx.selectFrom('stories as s').innerJoin('accounts as a', 'a.id', 's.author_id').select(STORY_COLUMNS).where('s.id', '=', id).executeTakeFirstOrThrow();
          await emitFeed(me, null, { type: 'feed-change', authorId: me, storyId: id, change: 'published' });
          return { status: 201, body: storyOut(row, mediaUrl) };
        });
        if (result.replayed && media) await deleteStoryFiles(storage, media.key, media.trackKeys);
        return result;
      } catch (error) {
        if (media) await deleteStoryFiles(storage, media.key, media.trackKeys).catch(() => {});
        throw error;
      }
    },

    async deleteStory(me, storyId) {
      const removed = await write(async (trx, _emit, emitFeed) => {
        const story = await trx.selectFrom('stories').select(['author_id', 'media_key', 'body']).where('id', '=', storyId).executeTakeFirst();
        if (!story) throw notFound(`Story ${storyId}`);
        if (!me || me !== story.author_id) throw forbidden('Only the author may delete a story');
        await trx.deleteFrom('stories').where('id', '=', storyId).execute();
        await emitFeed(me, null, { type: 'feed-change', authorId: me, storyId, change: 'deleted' });
        return story;
      });
      if (removed.media_key) await deleteStoryFiles(storage, removed.media_key, trackKeysOf(removed.body)).catch((error) => log?.warn({ err: error }, 'media delete failed'));
    },

    async sounds({ q, cursor }) {
      const after = decodeCursor(cursor, ['number']);
      let query = db.selectFrom('sounds').select(['position', 'id', 'src', 'title', 'artist', 'duration']);
      if (q) {
        // The query is a parameter; its own % and _ are matched literally.
        const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb(eb.fn('lower', ['title']), 'like', pattern), eb(eb.fn('lower', ['artist']), 'like', pattern)]));
      }
      if (after) query = query.where('position', '>', after[0]);
      const rows = await query.orderBy('position').limit(PAGE_SIZE + 1).execute();
      const items = rows.slice(0, PAGE_SIZE).map((r) => Object.fromEntries(Object.entries({ id: r.id, src: r.src, title: r.title, artist: r.artist, duration: r.duration === null ? undefined : Number(r.duration) }).filter(([, v]) => v !== null && v !== undefined)));
      return rows.length > PAGE_SIZE ? { items, next: encodeCursor([rows[PAGE_SIZE - 1].position]) } : { items };
    },

    /** Where a story's media lives, while the story is live (null otherwise). */
    async liveMedia(key) {
      // A caption file belongs to the story whose id starts its key.
      const track = TRACK_KEY.exec(key);
      const row = await db
        .selectFrom('stories as s')
        .select(['s.media_key', 's.body'])
        .where(track ? 's.id' : 's.media_key', '=', track ? track[1] : key)
        .where(liveWhere(now()))
        .executeTakeFirst();
      return row ?? null;
    },
  };
}

/** `<story id>-track<n>.vtt`: a caption file kept beside a story's media. */
const TRACK_KEY = /^(.+)-track\d\.vtt$/;

export function isTrackKey(key) {
  return TRACK_KEY.test(key);
}

/** The caption files a stored story body keeps beside its media (their keys). */
export function trackKeysOf(body) {
  const parsed = typeof body === 'string' ? JSON.parse(body) : body;
  return (parsed?.media?.tracks ?? []).flatMap((t) => (t.key ? [t.key] : []));
}

/** Deletes a story's media file and the caption files kept beside it (only those it has). */
export async function deleteStoryFiles(storage, mediaKey, trackKeys = []) {
  if (!storage) return;
  await storage.delete(mediaKey);
  for (const key of trackKeys) await storage.delete(key).catch(() => {});
}

export function isUniqueViolation(error) {
  return error?.code === '23505';
}
