// Accounts, follows and sounds belong to the site: it sends them here, through the admin
// API (guarded by the server key) or in code. Also: loading a whole World (the demo's and
// the tests' shape, src/adapters/demo-world.ts) and wiping everything, for dev and tests.
import { sql } from 'kysely';
import { invalid, notFound } from './errors.mjs';
import { DAY } from './stories.mjs';
import * as v from './validate.mjs';

const TABLES = ['events', 'feed_events', 'idempotency', 'reports', 'comments', 'views', 'stories', 'follows', 'sounds', 'accounts', 'uploads', 'rate_limits'];

/**
 * @param {{ db: import('kysely').Kysely<any>, now: () => number, write: ReturnType<typeof import('./stories.mjs').createStories>['write'] }} deps
 *   `write` runs a transaction that may emit feed events (a new follow changes the follower's feed).
 */
export function createAdmin({ db, now, write }) {
  const upsertAccount = (executor, a) =>
    executor
      .insertInto('accounts')
      .values({ ...a, updated_at: now() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: a.name, handle: a.handle, avatar: a.avatar, verified: a.verified, updated_at: now() }))
      .execute();

  const admin = {
    /** Creates or updates an account (the site's user). */
    async putAccount(raw, id) {
      const a = v.account(raw, id);
      await upsertAccount(db, a);
      return a;
    },
    /** Removes an account with its stories, comments, views and follows. */
    async deleteAccount(id) {
      const result = await db.deleteFrom('accounts').where('id', '=', id).executeTakeFirst();
      if (!Number(result.numDeletedRows)) throw notFound(`Account ${id}`);
    },
    async follow(follower, followee) {
      v.id(follower, 'follower');
      v.id(followee, 'followee');
      if (follower === followee) throw invalid('An account does not follow itself');
      const known = await db.selectFrom('accounts').select('id').where('id', 'in', [follower, followee]).execute();
      if (known.length < 2) throw notFound('Account');
      // The follower's feed changed: their open pages hear of it (GET /events).
      await write(async (trx, _emit, emitFeed) => {
        const added = await trx.insertInto('follows').values({ follower_id: follower, followee_id: followee }).onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing()).returning('followee_id').executeTakeFirst();
        if (added) await emitFeed(followee, follower, { type: 'feed-change', authorId: followee, change: 'followed' });
      });
    },
    async unfollow(follower, followee) {
      await write(async (trx, _emit, emitFeed) => {
        const removed = await trx.deleteFrom('follows').where('follower_id', '=', follower).where('followee_id', '=', followee).returning('followee_id').executeTakeFirst();
        if (removed) await emitFeed(followee, follower, { type: 'feed-change', authorId: followee, change: 'unfollowed' });
      });
    },
    /** Offers a sound in the composer. */
    async putSound(raw, id) {
      const s = v.sound({ ...raw, id }, 'sound');
      if (!s.id) throw invalid('A sound needs an id');
      await db
        .insertInto('sounds')
        .values({ id: s.id, src: s.src, title: s.title ?? null, artist: s.artist ?? null, duration: s.duration ?? null })
        .onConflict((oc) => oc.column('id').doUpdateSet({ src: s.src, title: s.title ?? null, artist: s.artist ?? null, duration: s.duration ?? null }))
        .execute();
      return s;
    },
    /** What moderators see. */
    async reports() {
      const rows = await db.selectFrom('reports').selectAll().orderBy('reported_at').execute();
      return rows.map((r) => ({ storyId: r.story_id, commentId: r.comment_id, reporterId: r.reporter_id, reason: r.reason ?? undefined, reportedAt: r.reported_at }));
    },

    /** Empties every table (tests and `--reset` only). */
    async reset() {
      await sql.raw(`truncate ${TABLES.join(', ')} restart identity cascade`).execute(db);
    },

    /**
     * Loads a World (accounts, follows, stories, views, comments, sounds) in one
     * transaction. Seeded data is trusted: it is the site's or the tests' own.
     */
    async seed(world) {
      await db.transaction().execute(async (trx) => {
        const accounts = new Map();
        for (const a of world.accounts ?? []) accounts.set(a.id, a);
        for (const s of world.stories ?? []) if (!accounts.has(s.author.id)) accounts.set(s.author.id, s.author);
        for (const c of world.comments ?? []) if (!accounts.has(c.author.id)) accounts.set(c.author.id, c.author);
        for (const a of accounts.values()) await upsertAccount(trx, { id: a.id, name: a.name, handle: a.handle ?? null, avatar: a.avatar ?? null, verified: a.verified ?? false });
        for (const [follower, followee] of world.follows ?? []) {
          await trx.insertInto('follows').values({ follower_id: follower, followee_id: followee }).onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing()).execute();
        }
        for (const { id, author, createdAt, expiresAt, ...body } of world.stories ?? []) {
          const created = v.time(createdAt, 'createdAt');
          const expires = Math.min(expiresAt === undefined ? created + DAY : v.time(expiresAt, 'expiresAt'), created + DAY);
          await trx.insertInto('stories').values({ id, author_id: author.id, created_at: created, expires_at: expires, body: JSON.stringify(body), media_key: null }).execute();
        }
        for (const view of world.views ?? []) await trx.insertInto('views').values({ story_id: view.storyId, viewer_id: view.viewerId, viewed_at: view.viewedAt }).execute();
        // Parents before replies.
        const comments = [...(world.comments ?? [])].sort((a, b) => Number(!!a.parentId) - Number(!!b.parentId));
        for (const c of comments) {
          await trx.insertInto('comments').values({ id: c.id, story_id: c.storyId, author_id: c.author.id, parent_id: c.parentId ?? null, text: c.text, client_id: c.clientId ?? null, created_at: c.createdAt }).execute();
        }
        for (const s of world.sounds ?? []) {
          await trx.insertInto('sounds').values({ id: s.id, src: s.src, title: s.title ?? null, artist: s.artist ?? null, duration: s.duration ?? null }).onConflict((oc) => oc.column('id').doNothing()).execute();
        }
      });
    },
  };
  return admin;
}
