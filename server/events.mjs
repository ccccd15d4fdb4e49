// Server-Sent Events: the live events of a story (GET /stories/{id}/events) and the feed
// events of a signed-in account (GET /events: an account it follows, or itself, published
// or deleted a story). Every write that makes an event records it (in `events` or
// `feed_events`) and announces its id (NOTIFY on PostgreSQL, in-process on PGlite); each
// instance hears every announcement, reads the event once, and writes it to its own
// streams that should have it. Replay after a reconnect reads the same tables (Last-Event-ID).

import { sql } from 'kysely';

const REPLAY_LIMIT = 500;

/**
 * @param {{ database: import('./db.mjs').Database, heartbeatMs?: number, log?: { warn: Function } }} deps
 */
export function createEventHub({ database, heartbeatMs = 15_000, log }) {
  const { db } = database;
  /** storyId → subscribers */
  const streams = new Map();
  /** accountId → subscribers of that account's feed events */
  const feeds = new Map();
  let chain = Promise.resolve();

  // Story events: to everyone, or to their audience alone. Feed events reach only the
  // streams picked for them, so every row a feed stream is handed is its own.
  const eligible = (sub, row) => sub.feed || row.audience === null || row.audience === sub.me;
  const deliver = (sub, row) => {
    if (row.id <= sub.lastId || !eligible(sub, row)) return;
    sub.lastId = row.id;
    sub.write(`id: ${row.id}\ndata: ${JSON.stringify(row.payload)}\n\n`);
  };

  /** A feed event, to this instance's streams of the accounts it concerns. */
  const fanOutFeed = async ({ id, authorId }) => {
    const row = await db.selectFrom('feed_events').select(['id', 'author_id', 'audience', 'payload']).where('id', '=', id).executeTakeFirst();
    if (!row) return;
    row.id = Number(row.id);
    let accounts;
    if (row.audience !== null) accounts = [row.audience];
    else {
      // The author's own pages, and those of its followers that have a stream here (one
      // indexed lookup per event, however many followers the author has elsewhere).
      const local = [...feeds.keys()].filter((account) => account !== authorId);
      const followers = local.length ? await db.selectFrom('follows').select('follower_id').where('followee_id', '=', authorId).where('follower_id', '=', sql`any(${local})`).execute() : [];
      accounts = [authorId, ...followers.map((f) => f.follower_id)];
    }
    for (const account of accounts) {
      for (const sub of feeds.get(account) ?? []) {
        if (sub.pending) sub.pending.push(row);
        else deliver(sub, row);
      }
    }
  };

  // Announcements are handled one at a time, so each stream gets events in the order they came.
  const stop = database.onEvent((message) => {
    if ('feed' in message) {
      if (!feeds.size) return;
      chain = chain.then(() => fanOutFeed(message).catch((error) => log?.warn({ err: error }, 'feed event fan-out failed')));
      return;
    }
    const { id, storyId } = message;
    if (!streams.has(storyId)) return;
    chain = chain.then(async () => {
      const subs = streams.get(storyId);
      if (!subs?.size) return;
      try {
        const row = await db.selectFrom('events').select(['id', 'audience', 'payload']).where('id', '=', id).executeTakeFirst();
        if (!row) return;
        row.id = Number(row.id);
        for (const sub of subs) {
          if (sub.pending) sub.pending.push(row);
          else deliver(sub, row);
        }
      } catch (error) {
        log?.warn({ err: error }, 'event fan-out failed');
      }
    });
  });

  return {
    /** How many streams this instance holds. */
    get size() {
      let n = 0;
      for (const subs of streams.values()) n += subs.size;
      for (const subs of feeds.values()) n += subs.size;
      return n;
    },

    /**
     * Opens a stream on a raw response that already has its headers written.
     * @param {{ raw: import('node:http').ServerResponse, storyId: string, me: string | null, lastEventId?: number }} options
     */
    async open({ raw, storyId, me, lastEventId }) {
      const sub = { me, lastId: 0, pending: [], write: (chunk) => raw.write(chunk), raw };
      if (!streams.has(storyId)) streams.set(storyId, new Set());
      streams.get(storyId).add(sub);
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), heartbeatMs);
      heartbeat.unref?.();
      const close = () => {
        clearInterval(heartbeat);
        const subs = streams.get(storyId);
        subs?.delete(sub);
        if (subs && !subs.size) streams.delete(storyId);
      };
      raw.on('close', close);
      // Subscribed first, replay second: whatever arrives meanwhile waits in `pending`,
      // and ids already sent are skipped.
      if (lastEventId && lastEventId > 0) {
        const missed = await db.selectFrom('events').select(['id', 'audience', 'payload']).where('story_id', '=', storyId).where('id', '>', lastEventId).orderBy('id').limit(REPLAY_LIMIT).execute();
        for (const row of missed) deliver(sub, { ...row, id: Number(row.id) });
      }
      const waiting = sub.pending;
      sub.pending = null;
      for (const row of waiting.sort((a, b) => a.id - b.id)) deliver(sub, row);
      return close;
    },

    /**
     * Opens a stream of the feed events of `me` (signed in) on a raw response that already
     * has its headers written.
     * @param {{ raw: import('node:http').ServerResponse, me: string, lastEventId?: number }} options
     */
    async openFeed({ raw, me, lastEventId }) {
      const sub = { me, feed: true, lastId: 0, pending: [], write: (chunk) => raw.write(chunk), raw };
      if (!feeds.has(me)) feeds.set(me, new Set());
      feeds.get(me).add(sub);
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), heartbeatMs);
      heartbeat.unref?.();
      const close = () => {
        clearInterval(heartbeat);
        const subs = feeds.get(me);
        subs?.delete(sub);
        if (subs && !subs.size) feeds.delete(me);
      };
      raw.on('close', close);
      if (lastEventId && lastEventId > 0) {
        // What it missed: its own changes, its follows' and unfollows', and the stories of whom it follows now.
        const missed = await db
          .selectFrom('feed_events')
          .select(['id', 'author_id', 'audience', 'payload'])
          .where('id', '>', lastEventId)
          .where((eb) => eb.or([eb('audience', '=', me), eb.and([eb('audience', 'is', null), eb.or([eb('author_id', '=', me), eb('author_id', 'in', eb.selectFrom('follows').select('followee_id').where('follower_id', '=', me))])])]))
          .orderBy('id')
          .limit(REPLAY_LIMIT)
          .execute();
        for (const row of missed) deliver(sub, { ...row, id: Number(row.id) });
      }
      const waiting = sub.pending;
      sub.pending = null;
      for (const row of waiting.sort((a, b) => a.id - b.id)) deliver(sub, row);
      return close;
    },

    /** Ends every stream (graceful shutdown): clients reconnect to another instance. */
    closeAll() {
      for (const subs of [...streams.values(), ...feeds.values()]) for (const sub of subs) sub.raw.end();
      streams.clear();
      feeds.clear();
    },

    async idle() {
      await chain;
    },

    stop,
  };
}
