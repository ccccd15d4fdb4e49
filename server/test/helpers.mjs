// Test helpers: one database per test file (PGlite in a temporary directory, or the
// PostgreSQL of DATABASE_URL), servers over real HTTP on 127.0.0.1, and an SSE reader.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { createStoriesServer, openDatabase } from '../index.mjs';

export const HOUR = 60 * 60 * 1000;
export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2030, 0, 1, 12)) {
  let t = start;
  return { now: () => t, set: (value) => (t = value), advance: (ms) => (t += ms) };
}

/** The test file's database, opened once; `close()` at the end of the file. */
export async function fileDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'stories-kit-test-'));
  const database = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: join(dir, 'db') });
  return {
    database,
    dir,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A server on a random local port. `call(path, { method, token, body, headers })` answers
 * `{ status, body, headers, text }`.
 */
export async function startServer(options) {
  const server = await createStoriesServer({ logger: false, testing: true, rateLimit: false, purge: { intervalMs: 0 }, shutdownGraceMs: 300, ...options });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  const base = `${address}${options.prefix ?? ''}`;
  const call = async (path, { method = 'GET', token, body, headers = {}, raw } = {}) => {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload = raw;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const response = await fetch(base + path, { method, headers: h, body: payload });
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  };
  return { server, base, address, call, close: () => server.close() };
}

/** Reads an SSE stream with fetch; `until(predicate)` waits for an event (no fixed sleeps). */
export async function openStream(url, { token, lastEventId } = {}) {
  const controller = new AbortController();
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (lastEventId) headers['last-event-id'] = String(lastEventId);
  const response = await fetch(url, { headers, signal: controller.signal });
  const events = [];
  const waiters = new Set();
  let ended = false;
  const settle = () => {
    for (const w of waiters) w();
  };
  let opened;
  const open = new Promise((resolve) => (opened = resolve));
  (async () => {
    if (!response.ok) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let at;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          if (block.startsWith(': stream')) opened();
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) events.push({ id: Number(id), ...JSON.parse(data) });
          settle();
        }
      }
    } catch {
      // Aborted.
    }
    ended = true;
    settle();
  })();
  if (response.ok) await open;
  else await response.body?.cancel();
  return {
    status: response.status,
    events,
    get ended() {
      return ended;
    },
    /** Resolves once `predicate(events)` holds; rejects after `ms` (a bound, not a sleep). */
    until(predicate, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(events, ended)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(events);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`stream: condition not met in ${ms} ms; events: ${JSON.stringify(events)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

const photo = '/fixtures/media/photos/sunrise.jpg';
const people = {
  viewer: { id: 'viewer', name: 'Vera Viewer' },
  alice: { id: 'alice', name: 'Alice Adams', avatar: '/fixtures/media/avatars/avatar-1.jpg' },
  bob: { id: 'bob', name: 'Bob Brown' },
  carol: { id: 'carol', name: 'Carol Chen' },
  dave: { id: 'dave', name: 'Dave Dunn' },
  erin: { id: 'erin', name: 'Erin Eze' },
};
const story = (id, author, createdAt, extra = {}) => ({ id, author: people[author], createdAt, expiresAt: createdAt + 24 * HOUR, media: { kind: 'image', src: photo, alt: id }, ...extra });

/** The same world as the browser tests' (test/helpers/world.ts), at `now`. */
export function testWorld(now) {
  return {
    accounts: Object.values(people),
    follows: [
      ['viewer', 'alice'],
      ['viewer', 'bob'],
      ['viewer', 'carol'],
      ['viewer', 'erin'],
      ['alice', 'viewer'],
    ],
    stories: [
      story('a1', 'alice', now - 5 * HOUR),
      story('a2', 'alice', now - 1 * HOUR),
      story('b1', 'bob', now - 2 * HOUR),
      story('c1', 'carol', now - 23 * HOUR),
      story('e1', 'erin', now - 25 * HOUR),
      story('d1', 'dave', now - 1 * HOUR),
      story('v1', 'viewer', now - 3 * HOUR),
      story('v2', 'viewer', now - 2 * HOUR, { commentsEnabled: false }),
    ],
    views: [{ storyId: 'v1', viewerId: 'bob', viewedAt: now - 2 * HOUR }],
    comments: [{ id: 'k1', storyId: 'a1', author: people.bob, text: 'Nice!', createdAt: now - 4 * HOUR }],
    sounds: [
      { id: 'chime', src: '/fixtures/media/sounds/chime.m4a', title: 'Morning chime', artist: 'stories-kit' },
      { id: 'pulse', src: '/fixtures/media/sounds/pulse.m4a', title: 'Slow pulse', artist: 'stories-kit' },
    ],
  };
}

/** Resets the database and loads the test world at the clock's time. */
export async function resetWorld(server, clock) {
  await server.admin.reset();
  await server.admin.seed(testWorld(clock.now()));
}

/**
 * What most server test files share: one database and one server for the file (creating
 * a database is the slow part), the test world and the clock reset before each test.
 * `db` and `api` are set once the file's `before` has run.
 */
export function serverPerFile() {
  const setup = { clock: manualClock(), db: undefined, api: undefined };
  before(async () => {
    setup.db = await fileDatabase();
    setup.api = await startServer({ database: setup.db.database, clock: setup.clock, dataDir: setup.db.dir });
  });
  after(async () => {
    await setup.api.close();
    await setup.db.close();
  });
  beforeEach(() => resetWorld(setup.api.server, setup.clock));
  return setup;
}
