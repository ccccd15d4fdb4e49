// The database: one Kysely over either engine, with the same SQL and migrations.
// - Embedded (default): PGlite, PostgreSQL compiled to WebAssembly, in a data directory.
//   PGlite is a single connection, so the pool below hands it to one caller at a time.
// - Real PostgreSQL: `pg` with a pool, and one extra connection that LISTENs for events.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { migrate } from './migrations.mjs';

/**
 * The channel events are announced on. NOTIFY payloads are `{ id, storyId }` (an event of
 * a story) or `{ id, authorId, feed: true }` (a feed event: an account's stories changed).
 */
export const EVENTS_CHANNEL = 'stories_kit_events';

/**
 * Kysely's PostgreSQL driver over PGlite. It asks for a `pg`-like pool; this one has a
 * single client, lent to one caller at a time, so a transaction's statements can never
 * interleave with someone else's.
 * @param {import('@electric-sql/pglite').PGlite} pglite
 */
function singleConnectionPool(pglite) {
  let tail = Promise.resolve();
  const client = {
    query: (text, params) => pglite.query(text, params),
  };
  return {
    connect() {
      /** @type {() => void} */
      let release = () => {};
      const turn = new Promise((resolve) => (release = resolve));
      const mine = tail.then(() => ({ ...client, release }));
      tail = tail.then(() => turn);
      return mine;
    },
    end: async () => {
      await tail;
      await pglite.close();
    },
  };
}

/**
 * @typedef {{ id: number, storyId: string } | { id: number, authorId: string, feed: true }} Announcement
 */

/** The announcement in a NOTIFY payload, or null when it is not one of ours. */
export function parseAnnouncement(payload) {
  try {
    const { id, storyId, authorId, feed } = JSON.parse(payload ?? '');
    if (!Number.isSafeInteger(id)) return null;
    if (feed === true && typeof authorId === 'string') return { id, authorId, feed: true };
    if (typeof storyId === 'string') return { id, storyId };
  } catch {
    // Not ours.
  }
  return null;
}

/**
 * @typedef {object} Database
 * @property {Kysely<any>} db
 * @property {Kysely<any>} reads Where feed pages are read: a read replica's pool when one is set, else `db`.
 * @property {'pglite' | 'postgres'} engine
 * @property {(listener: (message: Announcement) => void) => () => void} onEvent
 *   Hears every event announced by any instance on this database (after its commit).
 * @property {() => boolean} listening Whether announcements from other instances arrive.
 * @property {() => Promise<void>} close
 */

/**
 * Opens (and migrates) the database.
 * @param {{ databaseUrl?: string, readDatabaseUrl?: string, dataDir?: string, poolSize?: number, log?: (msg: string) => void }} options
 *   `databaseUrl` (postgres://…) selects a real PostgreSQL; otherwise PGlite in `dataDir`
 *   (`memory://` keeps it in memory). `readDatabaseUrl`: a read replica of that PostgreSQL,
 *   for feed reads (never migrated or written here: it follows the primary).
 * @returns {Promise<Database>}
 */
export async function openDatabase(options) {
  if (options.readDatabaseUrl && !options.databaseUrl) throw new Error('stories-kit server: a read replica (readDatabaseUrl) needs a PostgreSQL primary (databaseUrl); PGlite has no replicas.');
  return options.databaseUrl ? openPostgres(options) : openPglite(options);
}

async function openPglite({ dataDir = './stories-data/db' }) {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const db = new Kysely({ dialect: new PostgresDialect({ pool: singleConnectionPool(pglite) }) });
  // One process owns a PGlite directory: announcements never leave it.
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  await migrate(db);
  return {
    db,
    reads: db,
    engine: 'pglite',
    notify: (message) => bus.emit('event', message),
    onEvent(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    listening: () => true,
    close: () => db.destroy(),
  };
}

async function openPostgres({ databaseUrl, readDatabaseUrl, poolSize = 10, log = () => {} }) {
  const pg = (await import('pg')).default;
  // Epoch milliseconds are int8: numbers, not strings (they are far below 2^53).
  const types = { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };
  const kysely = (connectionString, name) => {
    const pool = new pg.Pool({ connectionString, max: poolSize, types });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', (error) => log(`${name}: ${error.message}`));
    return new Kysely({ dialect: new PostgresDialect({ pool }) });
  };
  const db = kysely(databaseUrl, 'database pool');
  const reads = readDatabaseUrl ? kysely(readDatabaseUrl, 'read replica pool') : db;
  await migrate(db);

  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  let listener = null;
  let closed = false;
  let retry = null;
  // A dedicated connection LISTENs; when it drops, it comes back with backoff.
  const listen = async (attempt = 0) => {
    if (closed) return;
    const client = new pg.Client({ connectionString: databaseUrl, types });
    client.on('error', (error) => log(`event listener: ${error.message}`));
    client.on('end', () => {
      if (listener === client) listener = null;
      if (!closed) retry = setTimeout(() => void listen(attempt + 1), Math.min(30_000, 250 * 2 ** attempt));
    });
    client.on('notification', (message) => {
      const announcement = parseAnnouncement(message.payload);
      if (announcement) bus.emit('event', announcement);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      listener = client;
      attempt = 0;
    } catch (error) {
      log(`event listener: ${error.message}`);
      await client.end().catch(() => {});
    }
  };
  await listen();
  return {
    db,
    reads,
    engine: 'postgres',
    // On PostgreSQL the announcement is a NOTIFY inside the writing transaction (see events.mjs).
    notify: () => {},
    onEvent(fn) {
      bus.on('event', fn);
      return () => bus.off('event', fn);
    },
    listening: () => listener !== null,
    async close() {
      closed = true;
      clearTimeout(retry);
      await listener?.end().catch(() => {});
      if (reads !== db) await reads.destroy();
      await db.destroy();
    },
  };
}

/** Whether the database answers. */
export async function ping(db) {
  await sql`select 1`.execute(db);
}
