// Server-Sent Events of live stories. Every write that makes an event records it in the
// events table and announces its id (NOTIFY on PostgreSQL, in-process on PGlite); each
// instance hears every announcement, reads the event once, and writes it to its own
// streams of that story. Replay after a reconnect reads the same table (Last-Event-ID).

const REPLAY_LIMIT = 500;

/**
 * @param {{ database: import('./db.mjs').Database, heartbeatMs?: number, log?: { warn: Function } }} deps
 */
export function createEventHub({ database, heartbeatMs = 15_000, log }) {
  const { db } = database;
  /** storyId → subscribers */
  const streams = new Map();
  let chain = Promise.resolve();

  const eligible = (sub, row) => row.audience === null || row.audience === sub.me;
  const deliver = (sub, row) => {
    if (row.id <= sub.lastId || !eligible(sub, row)) return;
    sub.lastId = row.id;
    sub.write(`id: ${row.id}\ndata: ${JSON.stringify(row.payload)}\n\n`);
  };

  // Announcements are handled one at a time, so each stream gets events in the order they came.
  const stop = database.onEvent(({ id, storyId }) => {
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

    /** Ends every stream (graceful shutdown): clients reconnect to another instance. */
    closeAll() {
      for (const subs of streams.values()) for (const sub of subs) sub.raw.end();
      streams.clear();
    },

    async idle() {
      await chain;
    },

    stop,
  };
}
