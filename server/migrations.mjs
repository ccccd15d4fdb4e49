// Versioned migrations, run at start on both engines. Each runs once, in its own
// transaction, and is recorded in stories_kit_migrations; a new version is a new entry at
// the end of the list (never edit one that has shipped).
import { sql } from 'kysely';

/** @type {{ version: number, name: string, up: (trx: import('kysely').Transaction<any>) => Promise<void> }[]} */
export const MIGRATIONS = [
  {
    version: 1,
    name: 'accounts, follows, stories, views, comments, reports, sounds, idempotency, events',
    async up(trx) {
      // Times are epoch milliseconds (int8), as everywhere in the contract.
      await statements(trx, `
        create table accounts (
          id text primary key,
          name text not null,
          handle text,
          avatar text,
          verified boolean not null default false,
          updated_at bigint not null
        );
        create table follows (
          follower_id text not null references accounts(id) on delete cascade,
          followee_id text not null references accounts(id) on delete cascade,
          primary key (follower_id, followee_id)
        );
        create index follows_followee on follows (followee_id);
        create table stories (
          id text primary key,
          author_id text not null references accounts(id) on delete cascade,
          created_at bigint not null,
          expires_at bigint not null,
          -- Everything else of the Story (media, overlays, sound, effect, …) as sent.
          body jsonb not null,
          media_key text
        );
        create index stories_author_live on stories (author_id, expires_at, created_at);
        create index stories_expiry on stories (expires_at);
        create table views (
          story_id text not null references stories(id) on delete cascade,
          viewer_id text not null references accounts(id) on delete cascade,
          viewed_at bigint not null,
          primary key (story_id, viewer_id)
        );
        create index views_newest on views (story_id, viewed_at desc, viewer_id);
        create table comments (
          id text primary key,
          story_id text not null references stories(id) on delete cascade,
          author_id text not null references accounts(id) on delete cascade,
          parent_id text references comments(id) on delete cascade,
          text text not null,
          client_id text,
          created_at bigint not null
        );
        create index comments_by_time on comments (story_id, created_at, id);
        create table reports (
          comment_id text not null references comments(id) on delete cascade,
          reporter_id text not null references accounts(id) on delete cascade,
          story_id text not null references stories(id) on delete cascade,
          reason text,
          reported_at bigint not null,
          primary key (comment_id, reporter_id)
        );
        create table sounds (
          position serial primary key,
          id text not null unique,
          src text not null,
          title text,
          artist text,
          duration bigint
        );
        -- The first answer to a write, replayed when the same key comes again.
        create table idempotency (
          account_id text not null,
          route text not null,
          key text not null,
          status int not null,
          body jsonb,
          created_at bigint not null,
          primary key (account_id, route, key)
        );
        create index idempotency_age on idempotency (created_at);
        -- A bounded log of story events, for Last-Event-ID replay.
        create table events (
          id bigserial primary key,
          story_id text not null references stories(id) on delete cascade,
          -- null: everyone; else only this account (views go to the story's author).
          audience text,
          payload jsonb not null,
          created_at bigint not null
        );
        create index events_story on events (story_id, id);
        create index events_age on events (created_at);
      `);
    },
  },
  {
    version: 2,
    name: 'feed events (an account published or deleted a story), for GET /events',
    async up(trx) {
      // Apart from `events`: a deleted story's feed event outlives the story.
      await statements(trx, `
        create table feed_events (
          id bigserial primary key,
          -- Whose stories changed: the event goes to this account and its followers…
          author_id text not null references accounts(id) on delete cascade,
          -- …or, when set, to this account only (it started or stopped following author_id).
          audience text,
          payload jsonb not null,
          created_at bigint not null
        );
        create index feed_events_author on feed_events (author_id, id);
        create index feed_events_age on feed_events (created_at);
      `);
    },
  },
  {
    version: 3,
    name: 'stories by author, newest first (the feed reads one entry per follow)',
    async up(trx) {
      // The feed asks each followed account for its latest live story: with created_at
      // leading after author_id, that is the first entry of a backward range, expires_at
      // checked in the index itself. It serves reels and purges' per-author reads too, so
      // it replaces stories_author_live (one index less to write per story).
      await statements(trx, `
        create index stories_author_latest on stories (author_id, created_at desc, expires_at);
        drop index stories_author_live;
      `);
    },
  },
  {
    version: 4,
    name: 'uploads presigned for the browser, until a story takes them',
    async up(trx) {
      // A presigned upload goes straight to the object store under a key of its own; the
      // row says whose it is (only its uploader may publish it) and when to give up on it.
      await statements(trx, `
        create table uploads (
          key text primary key,
          author_id text not null references accounts(id) on delete cascade,
          kind text not null,
          created_at bigint not null
        );
        create index uploads_age on uploads (created_at);
      `);
    },
  },
  {
    version: 5,
    name: 'write limits shared by every instance',
    async up(trx) {
      // Counters of the current window per client; unlogged (a crash may forget them, which
      // only forgives a minute of writes), expired rows deleted by the purge.
      await statements(trx, `
        create unlogged table rate_limits (
          key text primary key,
          count integer not null,
          reset_at bigint not null
        );
        create index rate_limits_reset on rate_limits (reset_at);
      `);
    },
  },
];

/** Runs a script one statement at a time (PGlite's extended protocol takes one per query). */
async function statements(trx, script) {
  const withoutComments = script.replace(/--[^\n]*/g, '');
  for (const statement of withoutComments.split(';').map((s) => s.trim()).filter(Boolean)) await sql.raw(statement).execute(trx);
}

/** Brings the schema up to the newest version; safe to run at every start, by several instances at once. */
export async function migrate(db) {
  for (const migration of MIGRATIONS) {
    await db.transaction().execute(async (trx) => {
      // Two instances starting together: the second waits here, then finds the version done.
      await sql`select pg_advisory_xact_lock(7438190)`.execute(trx);
      await sql`create table if not exists stories_kit_migrations (version int primary key, name text not null, applied_at bigint not null)`.execute(trx);
      const done = await trx.selectFrom('stories_kit_migrations').select('version').where('version', '=', migration.version).executeTakeFirst();
      if (done) return;
      await migration.up(trx);
      await trx.insertInto('stories_kit_migrations').values({ version: migration.version, name: migration.name, applied_at: Date.now() }).execute();
    });
  }
}
