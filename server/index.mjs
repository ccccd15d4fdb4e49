// `stories-kit/server`: the stories server. createStoriesServer(options) opens the
// database (PGlite in a data directory by default, PostgreSQL with DATABASE_URL), runs
// the migrations, and answers the REST contract of docs/rest-api.md on Fastify.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToReads } from 'node:timers/promises';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { createAdmin } from './admin.mjs';
import { createAuthenticator } from './auth.mjs';
import { openDatabase, ping } from './db.mjs';
import { HttpError, errorBody, forbidden, invalid, notFound, tooLarge, unauthorized } from './errors.mjs';
import { createEventHub } from './events.mjs';
import { MEDIA_RULES, checkKey, filesystemStorage, prepareUpload } from './media.mjs';
import { createStories, deleteStoryFiles, isTrackKey, trackKeysOf } from './stories.mjs';
import { databaseStore } from './rate-limits.mjs';
import { registerTestRoutes } from './testing.mjs';
import * as v from './validate.mjs';

export { openDatabase } from './db.mjs';
export { filesystemStorage, s3Storage } from './media.mjs';

/**
 * @typedef {object} StoriesServerOptions
 * @property {string} [databaseUrl] postgres://… for a real PostgreSQL (default: $DATABASE_URL); otherwise PGlite.
 * @property {string} [readDatabaseUrl] postgres://… of a read replica for feed pages (default: $DATABASE_READ_URL); writes and everything else stay on the primary.
 * @property {string} [dataDir] Where PGlite and the filesystem media store keep their files (default ./stories-data).
 * @property {import('./db.mjs').Database} [database] An already open database (shared by several servers in one process); not closed by close().
 * @property {string} [prefix] Path the API is mounted at, e.g. `/api` (default: the root).
 * @property {string} [publicUrl] Absolute base URL of the API as browsers reach it (media URLs are built on it; default: paths on the API's own origin).
 * @property {{ secret?: string, jwksUrl?: string, issuer: string | string[], audience: string | string[], algorithms?: string[] }} [jwt] Bearer JWT verification.
 * @property {(request: import('fastify').FastifyRequest) => Promise<string | null | undefined> | string | null | undefined} [authenticate] Replaces token checks: returns the caller's account id, or null for anonymous.
 * @property {string} [adminKey] Guards /admin (Authorization: Bearer <adminKey>); without it the admin API is off.
 * @property {boolean} [dev] Named test tokens (`token-<accountId>`); refused when NODE_ENV=production.
 * @property {boolean} [testing] Dev mode plus the /__test routes the browser tests drive; refused when NODE_ENV=production.
 * @property {{ now(): number }} [clock] The server's clock (tests control expiry with it).
 * @property {string[] | true} [corsOrigins] Origins allowed to call from a browser (true: any; default: none but the API's own).
 * @property {{ perToken?: number, perIp?: number, windowMs?: number, store?: 'database' | 'memory' } | false} [rateLimit] Writes allowed per window (default 120 per token and 600 per IP a minute), counted in the database (shared by every instance on it; default) or in this process's memory.
 * @property {number} [bodyLimit] Largest JSON body in bytes (default 64 KiB).
 * @property {import('./media.mjs').MediaStorage} [storage] Where media goes (default: files in dataDir/media).
 * @property {boolean | object} [logger] pino options (default: JSON logs at info level; false: none).
 * @property {{ intervalMs?: number, batchSize?: number }} [purge] The expired-story purge (default every 60 s, 500 stories a batch).
 * @property {{ intervalMs?: number, olderThanMs?: number }} [sweep] The sweep of stored files no story owns, run after a purge (default at most hourly, files older than an hour; 0: never).
 * @property {number} [eventsKeepMs] How long events stay for replay (default 1 hour).
 * @property {number} [heartbeatMs] SSE keep-alive comment interval (default 15 s).
 * @property {number} [shutdownGraceMs] How long close() waits for requests in flight before cutting connections (default 10 s).
 * @property {boolean} [trustProxy] Behind a load balancer: take the client address from X-Forwarded-For.
 */

const HOUR = 60 * 60 * 1000;

/** A path id: a bounded plain string, else it names nothing (404). */
function pathId(value, what) {
  try {
    return v.id(value, what);
  } catch {
    throw notFound(what);
  }
}

function sameSecret(given, expected) {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Creates the server (database opened and migrated, routes registered). Call
 * `listen({ port, host })` to serve it, or hand `handle(req, res)` to another HTTP server.
 * @param {StoriesServerOptions} [options]
 */
export async function createStoriesServer(options = {}) {
  const named = Boolean(options.dev || options.testing);
  if (named && process.env.NODE_ENV === 'production') {
    throw new Error(
      'stories-kit server: development mode (named test tokens such as token-you, which let anyone act as anyone) refuses to start with NODE_ENV=production. Configure jwt (or authenticate) and leave dev/testing off.',
    );
  }
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const dataDir = resolve(options.dataDir ?? './stories-data');
  let frozen = null;
  let closing = false;
  const now = () => frozen ?? options.clock?.now() ?? Date.now();
  const logger = options.logger === undefined ? { level: 'info' } : options.logger;

  const app = Fastify({
    logger,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    // Ids are at most 200 characters; a longer path segment names nothing.
    routerOptions: { maxParamLength: 1000 },
    // Errors of the router itself (bad URLs, over-long ids) in the contract's shape too.
    frameworkErrors: (error, request, reply) => {
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return reply.code(404).send(errorBody('not-found', 'No such thing'));
      return reply.code(400).send(errorBody('invalid', 'The request is not valid'));
    },
  });
  const log = app.log;
  const ownDatabase = !options.database;
  const database =
    options.database ??
    (await openDatabase({ databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL, readDatabaseUrl: options.readDatabaseUrl ?? process.env.DATABASE_READ_URL, dataDir: join(dataDir, 'db'), log: (m) => log.warn(m) }));
  const storage = options.storage ?? filesystemStorage(join(dataDir, 'media'));
  const uploadsDir = join(dataDir, 'uploads');
  const spool = (stream, spooled) => writeUpload(stream, uploadsDir, spooled);
  const mediaBase = (options.publicUrl ?? prefix).replace(/\/+$/, '');
  const mediaUrl = (key) => storage.publicUrl?.(key) ?? `${mediaBase}/media/${encodeURIComponent(key)}`;
  const stories = createStories({ database, now, mediaUrl, storage, log });
  const admin = createAdmin({ db: database.db, now, write: stories.write });
  const hub = createEventHub({ database, heartbeatMs: options.heartbeatMs, log });

  // Accounts rarely change; a short cache spares one query per request.
  const known = new Map();
  const accountExists = async (id) => {
    const hit = known.get(id);
    if (hit && hit > Date.now()) return true;
    const row = await database.db.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst();
    if (row) known.set(id, Date.now() + 5000);
    if (known.size > 10_000) known.clear();
    return Boolean(row);
  };
  const authenticate = createAuthenticator({ jwt: options.jwt, authenticate: options.authenticate, namedTokens: named, accountExists });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      if (error.headers) reply.headers(error.headers);
      return reply.code(error.status).send(errorBody(error.code, error.message));
    }
    const status = error.statusCode;
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FILES_LIMIT') {
      return reply.code(413).send(errorBody('quota', 'The request is larger than this server accepts'));
    }
    if (status === 429) return reply.code(429).send(errorBody('rate-limited', 'Too many writes: try again in a moment'));
    if (status >= 400 && status < 500) {
      const message = status === 415 ? 'This content type is not accepted here' : error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError ? 'The body is not valid JSON' : 'The request is not valid';
      return reply.code(status === 415 ? 400 : status === 404 ? 404 : 400).send(errorBody('invalid', message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('internal', 'Something went wrong on the server'));
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody('not-found', 'No such route')));

  // The server's clock on every answer (tests freeze it); nothing is cached unless said so.
  app.addHook('onSend', async (request, reply) => {
    reply.header('date', new Date(now()).toUTCString());
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  app.addHook('preClose', async () => {
    closing = true;
    hub.closeAll();
  });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (request, reply) => {
    try {
      await ping(database.db);
    } catch {
      return reply.code(503).send({ ready: false, reason: 'database' });
    }
    if (!database.listening()) return reply.code(503).send({ ready: false, reason: 'events' });
    return { ready: true };
  });

  const limits = options.rateLimit === false ? null : { perToken: 120, perIp: 600, windowMs: 60_000, ...(options.rateLimit ?? {}) };
  const testState = { log: [], faults: [], files: new Map() };

  await app.register(
    async (scope) => {
      await scope.register(cors, {
        origin: options.corsOrigins === true ? true : (options.corsOrigins ?? false),
        methods: ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
        allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'last-event-id', 'if-none-match'],
        exposedHeaders: ['date', 'retry-after', 'etag'],
        maxAge: 600,
      });
      if (options.testing) {
        // Request log and injected faults, for the browser tests (never in production).
        scope.addHook('onRequest', async (request, reply) => {
          const path = request.url.slice(prefix.length).split('?')[0] || '/';
          if (path.startsWith('/__test/') || request.method === 'OPTIONS') return;
          testState.log.push({ method: request.method, path, idempotencyKey: request.headers['idempotency-key'] });
          const fault = testState.faults[0];
          if (fault && (!fault.path || fault.path === path)) {
            testState.faults.shift();
            if (fault.status === 0) {
              request.raw.socket.destroy();
              return reply.hijack();
            }
            return reply.code(fault.status).send(errorBody('network', `Injected ${fault.status}`));
          }
        });
        await scope.register((t, _o, done) => (registerTestRoutes(t, { admin, stories, database, state: testState, setClock: (t2) => (frozen = t2) }), done()), { prefix: '/__test' });
      }
      await scope.register(apiRoutes);
      if (options.adminKey) await scope.register(adminRoutes, { prefix: '/admin' });
    },
    { prefix },
  );

  async function apiRoutes(api) {
    // Counted in the database by default, so instances behind a load balancer share them.
    await api.register(rateLimit, { global: false, store: limits?.store === 'memory' ? undefined : databaseStore(database.db, now), skipOnError: true });
    // The media file, up to 8 caption files (`track`), the story part.
    await api.register(multipart, { limits: { fileSize: MEDIA_RULES.maxVideoBytes, files: 10, fields: 4, parts: 12, fieldSize: 64 * 1024, headerPairs: 100 } });
    const byToken = limits && api.createRateLimit({ max: limits.perToken, timeWindow: limits.windowMs, keyGenerator: (r) => `token:${createHash('sha256').update(r.headers.authorization ?? '').digest('base64url')}` });
    const byIp = limits && api.createRateLimit({ max: limits.perIp, timeWindow: limits.windowMs, keyGenerator: (r) => `ip:${r.ip}` });

    api.addHook('onRequest', async (request) => {
      request.me = await authenticate(request);
    });
    api.addHook('preHandler', async (request) => {
      if (!limits || request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
      for (const [limiter, on] of [[byIp, true], [byToken, Boolean(request.headers.authorization)]]) {
        if (!on) continue;
        const result = await limiter(request);
        if (!result.isAllowed && result.isExceeded) throw new HttpError(429, 'rate-limited', 'Too many writes: try again in a moment', { 'retry-after': String(Math.max(1, Math.ceil(result.ttl / 1000))) });
      }
    });

    const page = (body) => ({ ...body, serverTime: now() });
    /** Feed and reel pages: an ETag of their content, so unchanged pages answer 304. */
    const cached = (request, reply, body) => {
      // The clock in the body goes stale in a cached copy: an ETag lives at most 10 s.
      const etag = `W/"${createHash('sha1').update(JSON.stringify(body)).update(String(Math.floor(now() / 10_000))).digest('base64url')}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'authorization');
      const match = request.headers['if-none-match'];
      if (match && match.split(/\s*,\s*/).includes(etag)) return reply.code(304).send();
      return reply.send(page(body));
    };
    const single = (value, what) => {
      if (value === undefined) return undefined;
      if (typeof value !== 'string') throw invalid(`${what} must be given once`);
      return value;
    };

    api.get('/me', async (request, reply) => {
      if (!request.me) return reply.code(204).send();
      return stories.account(request.me);
    });

    api.get('/feed', async (request, reply) => {
      const rawLimit = single(request.query.limit, 'limit');
      if (rawLimit !== undefined && rawLimit !== '' && !/^\d{1,6}$/.test(rawLimit)) throw invalid('limit must be a whole number from 1 to 100');
      const limit = Math.min(100, Math.max(1, Number(rawLimit || 20)));
      return cached(request, reply, await stories.feed(request.me, { cursor: single(request.query.cursor, 'cursor'), limit }));
    });

    api.get('/reels/:authorId', async (request, reply) => cached(request, reply, await stories.reel(pathId(request.params.authorId, 'Account'))));

    api.put('/stories/:id/view', async (request, reply) => {
      await stories.view(request.me, pathId(request.params.id, 'Story'));
      return reply.code(204).send();
    });

    api.get('/stories/:id/viewers', async (request) => page(await stories.viewers(request.me, pathId(request.params.id, 'Story'), { cursor: single(request.query.cursor, 'cursor') })));

    api.get('/stories/:id/comments', async (request) => page(await stories.comments(pathId(request.params.id, 'Story'), { cursor: single(request.query.cursor, 'cursor') })));

    api.post('/stories/:id/comments', async (request, reply) => {
      const storyId = pathId(request.params.id, 'Story');
      const result = await stories.postComment(request.me, storyId, request.body, request.headers['idempotency-key']);
      return reply.code(result.status).send(result.body);
    });

    api.delete('/stories/:id/comments/:commentId', async (request, reply) => {
      await stories.deleteComment(request.me, pathId(request.params.id, 'Story'), pathId(request.params.commentId, 'Comment'));
      return reply.code(204).send();
    });

    api.put('/stories/:id/comments/:commentId/report', async (request, reply) => {
      await stories.report(request.me, pathId(request.params.id, 'Story'), pathId(request.params.commentId, 'Comment'), request.body);
      return reply.code(204).send();
    });

    /** Takes the response over as an event stream (unless shutting down): its socket and where replay starts. */
    const startStream = (request, reply) => {
      if (closing) throw new HttpError(503, 'unavailable', 'The server is shutting down');
      const last = Number(request.headers['last-event-id']);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { ...reply.getHeaders(), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', date: new Date(now()).toUTCString() });
      raw.write(': stream\n\n');
      return { raw, lastEventId: Number.isSafeInteger(last) ? last : undefined };
    };

    api.get('/stories/:id/events', async (request, reply) => {
      const storyId = pathId(request.params.id, 'Story');
      await stories.liveStory(storyId);
      await hub.open({ ...startStream(request, reply), storyId, me: request.me });
    });

    // The caller's feed changed: an account it follows (or itself) published or deleted a
    // story, or it started or stopped following one. Pages refresh their rings on it.
    api.get('/events', async (request, reply) => {
      if (!request.me) throw forbidden('Sign in to hear when your feed changes');
      await hub.openFeed({ ...startStream(request, reply), me: request.me });
    });

    // Presigned uploads, where the storage takes files straight from the browser (an object
    // store): the browser asks here for a URL, PUTs the file there, then publishes the story
    // with `media.upload` set to the key it was given. Elsewhere this route is 404 and the
    // file travels in the story's multipart body.
    const presigned = Boolean(storage.presignUpload && storage.download);
    if (presigned) {
      api.post('/uploads', async (request, reply) => {
        if (!request.me) throw forbidden('Sign in to upload');
        const { kind, type, size } = uploadRequest(request.body);
        const key = `upload-${randomUUID()}`;
        await database.db.insertInto('uploads').values({ key, author_id: request.me, kind, created_at: now() }).execute();
        const signed = await storage.presignUpload(key, type, size);
        return reply.code(201).send({ key, url: signed.url, method: 'PUT', headers: signed.headers, expiresAt: now() + signed.expiresIn * 1000 });
      });
    }

    /** A presigned upload of `me`'s, read back from the storage to a temporary file (at most the rules' size). */
    const fetchUpload = async (me, key, spooled) => {
      const row = await database.db.selectFrom('uploads').select(['author_id', 'kind']).where('key', '=', key).executeTakeFirst();
      // Someone else's upload is as unknown as one that never was.
      if (!row || row.author_id !== me) throw invalid('media.upload names no upload of yours');
      let stream;
      try {
        stream = await storage.download(key);
      } catch {
        throw invalid('The upload has not arrived: PUT the file to the URL first');
      }
      const file = await spool(capped(stream, row.kind === 'image' ? MEDIA_RULES.maxImageBytes : MEDIA_RULES.maxVideoBytes), spooled);
      return { ...file, key };
    };

    api.post('/stories', async (request, reply) => {
      if (!request.me) throw forbidden('Sign in to post a story');
      const key = request.headers['idempotency-key'];
      if (!key) throw invalid('Idempotency-Key is required');
      v.text(key, 'Idempotency-Key', v.LIMITS.id);
      let draft = request.body;
      let upload;
      /** Temporary files of this request, removed however it ends. */
      const spooled = [];
      try {
        /** Caption files sent with the story, in order: the draft's tracks without a src. */
        const trackFiles = [];
        if (request.isMultipart()) {
          draft = undefined;
          for await (const part of request.parts()) {
            if (part.fieldname === 'story') {
              const json = part.type === 'file' ? (await part.toBuffer()).toString('utf8') : String(part.value);
              if (json.length > 64 * 1024) throw tooLarge('The story part is too large');
              try {
                draft = JSON.parse(json);
              } catch {
                throw invalid('The story part is not valid JSON');
              }
            } else if (part.fieldname === 'media' && part.type === 'file') {
              if (upload) throw invalid('One media file per story');
              // Up to 100 MB: to a temporary file, never whole in memory.
              upload = await spool(part.file, spooled);
            } else if (part.fieldname === 'track' && part.type === 'file') {
              trackFiles.push(checkCaptions(await part.toBuffer(), trackFiles.length));
            } else if (part.type === 'file') {
              // Not ours: drain it so the request can finish.
              await part.toBuffer();
            }
          }
        }
        // Or the file went straight to the object store (POST /uploads), named by its key.
        const staged = draft?.media?.upload;
        if (staged !== undefined) {
          if (!presigned || typeof staged !== 'string' || !/^upload-[0-9a-f-]{36}$/.test(staged)) throw invalid('media.upload names no upload of yours');
          if (upload) throw invalid('One media file per story');
        } else if (request.isMultipart() && !upload) throw invalid('A story needs its photo or video: the media part is missing');
        const body = v.storyDraft(draft, { uploaded: Boolean(upload || staged) });
        const unsourced = (body.media.tracks ?? []).filter((t) => t.src === undefined).length;
        if (unsourced !== trackFiles.length) throw invalid(`media.tracks lists ${unsourced} caption file(s) to upload, and ${trackFiles.length} track part(s) came`);
        if (trackFiles.length && body.media.kind !== 'video') throw invalid('Only a video has captions');
        const storeMedia = upload || staged
          ? async (id) => {
              // Read back only now: a replayed request (same Idempotency-Key) answers before this.
              if (staged) upload = await fetchUpload(request.me, staged, spooled);
              const prepared = await prepareUpload(upload, body.media.kind);
              const mediaKey = checkKey(`${id}.${prepared.type.split('/')[1].replace('quicktime', 'mov').replace('jpeg', 'jpg')}`);
              if (prepared.bytes) await storage.put(mediaKey, prepared.bytes, prepared.type);
              else if (storage.putFile) await storage.putFile(mediaKey, prepared.path, prepared.type);
              else await storage.put(mediaKey, await readFile(prepared.path), prepared.type);
              // Caption files beside the media, under keys of the same story: `<id>-track<n>.vtt`.
              const trackKeys = [];
              for (const [i, bytes] of trackFiles.entries()) {
                const trackKey = checkKey(`${id}-track${i}.vtt`);
                await storage.put(trackKey, bytes, 'text/vtt');
                trackKeys.push(trackKey);
              }
              let n = 0;
              const tracks = body.media.tracks?.map((t) => (t.src === undefined ? { ...t, key: trackKeys[n++] } : t));
              return { key: mediaKey, fields: { ...prepared.fields, ...(tracks ? { tracks } : {}) }, trackKeys };
            }
          : undefined;
        const result = await stories.publish(request.me, key, body, storeMedia);
        // Taken: the staged copy goes (what was stored is the checked, cleaned file).
        if (upload?.key && result.status === 201) {
          await database.db.deleteFrom('uploads').where('key', '=', upload.key).execute();
          await storage.delete(upload.key).catch((error) => log.warn({ err: error }, 'staged upload delete failed'));
        }
        return reply.code(result.status).send(result.body);
      } finally {
        for (const path of spooled) await rm(path, { force: true }).catch(() => {});
      }
    });

    api.delete('/stories/:id', async (request, reply) => {
      await stories.deleteStory(request.me, pathId(request.params.id, 'Story'));
      return reply.code(204).send();
    });

    api.get('/sounds', async (request) => {
      const q = single(request.query.q, 'q');
      if (q !== undefined && q.length > 200) throw invalid('q has at most 200 characters');
      return page(await stories.sounds({ q: q?.trim() || undefined, cursor: single(request.query.cursor, 'cursor') }));
    });

    if (storage.read) {
      api.get('/media/:key', async (request, reply) => {
        let key;
        try {
          key = checkKey(request.params.key);
        } catch {
          throw notFound('Media');
        }
        const story = await stories.liveMedia(key);
        if (!story) throw notFound('Media');
        const size = await storage.size(key);
        if (size === null) throw notFound('Media');
        const type = isTrackKey(key) ? 'text/vtt' : ((typeof story.body === 'string' ? JSON.parse(story.body) : story.body).media?.type ?? 'application/octet-stream');
        reply.header('content-type', type).header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff');
        const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
        if (range && (range[1] || range[2])) {
          const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
          const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
          if (start > end || start >= size) return reply.code(416).header('content-range', `bytes */${size}`).send();
          return reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`).header('content-length', end - start + 1).send(storage.read(key, { start, end }));
        }
        return reply.header('content-length', size).send(storage.read(key));
      });
    }
  }

  async function adminRoutes(scope) {
    scope.addHook('onRequest', async (request) => {
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!token || !sameSecret(token, options.adminKey)) throw unauthorized('The admin API needs the server key');
    });
    scope.put('/accounts/:id', async (request) => admin.putAccount(request.body, request.params.id));
    scope.delete('/accounts/:id', async (request, reply) => (await admin.deleteAccount(pathId(request.params.id, 'Account')), reply.code(204).send()));
    scope.put('/follows/:follower/:followee', async (request, reply) => (await admin.follow(request.params.follower, request.params.followee), reply.code(204).send()));
    scope.delete('/follows/:follower/:followee', async (request, reply) => (await admin.unfollow(request.params.follower, request.params.followee), reply.code(204).send()));
    scope.put('/sounds/:id', async (request) => admin.putSound(request.body, request.params.id));
    scope.get('/reports', async () => page({ items: await admin.reports() }));
    const page = (body) => ({ ...body, serverTime: now() });
  }

  /**
   * Deletes expired stories (with their views, comments, reports, events and media) in
   * bounded batches, yielding between them so reads go on; also old events and
   * idempotency keys. Returns how many stories went.
   */
  async function purge({ batchSize = options.purge?.batchSize ?? 500 } = {}) {
    let removed = 0;
    for (;;) {
      const t = now();
      const gone = await database.db
        .deleteFrom('stories')
        .where('id', 'in', (eb) => eb.selectFrom('stories').select('id').where('expires_at', '<=', t).orderBy('expires_at').limit(batchSize))
        .returning(['id', 'media_key', 'body'])
        .execute();
      removed += gone.length;
      // Only the files a story has: no lookups for caption files it never had.
      for (const row of gone) if (row.media_key) await deleteStoryFiles(storage, row.media_key, trackKeysOf(row.body)).catch((error) => log.warn({ err: error }, 'media delete failed'));
      if (gone.length < batchSize || closing) break;
      await yieldToReads();
    }
    const t = now();
    for (const table of ['events', 'feed_events']) await database.db.deleteFrom(table).where('id', 'in', (eb) => eb.selectFrom(table).select('id').where('created_at', '<', t - (options.eventsKeepMs ?? HOUR)).limit(10_000)).execute();
    await database.db.deleteFrom('idempotency').where('created_at', '<', t - 24 * HOUR).execute();
    await database.db.deleteFrom('rate_limits').where('reset_at', '<', t).execute();
    return removed;
  }

  /**
   * Removes stored files that no story owns and that are older than `olderThanMs` (a
   * server killed after storing an upload and before committing its story leaves one),
   * half-written files, and temporary uploads. File times are the machine's clock.
   * Returns how many files went.
   */
  async function sweepMedia({ olderThanMs = options.sweep?.olderThanMs ?? HOUR } = {}) {
    const before = Date.now() - olderThanMs;
    let removed = 0;
    let batch = [];
    const flush = async () => {
      const ids = [...new Set(batch.map((b) => b.storyId))];
      const owned = new Set((await database.db.selectFrom('stories').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
      for (const { key, storyId } of batch) {
        if (owned.has(storyId)) continue;
        await storage.delete(key).catch((error) => log.warn({ err: error }, 'media delete failed'));
        removed++;
      }
      batch = [];
    };
    // Presigned uploads no story took, long after their URL expired: the row and the file.
    const stale = await database.db.deleteFrom('uploads').where('created_at', '<', now() - olderThanMs).returning('key').execute();
    for (const { key } of stale) {
      await storage.delete(key).catch((error) => log.warn({ err: error }, 'media delete failed'));
      removed++;
    }
    if (storage.list) {
      const staged = [];
      for await (const { key, modifiedAt } of storage.list()) {
        if (modifiedAt >= before) continue;
        if (key.startsWith('upload-')) staged.push(key);
        const storyId = storyOfKey(key);
        if (!storyId) continue;
        batch.push({ key, storyId });
        if (batch.length >= 500) await flush();
      }
      if (batch.length) await flush();
      // A staged file whose row is gone (its story took it, or its account went) but which stayed.
      for (let i = 0; i < staged.length; i += 500) {
        const part = staged.slice(i, i + 500);
        const kept = new Set((await database.db.selectFrom('uploads').select('key').where('key', 'in', part).execute()).map((r) => r.key));
        for (const key of part.filter((k) => !kept.has(k))) {
          await storage.delete(key).catch((error) => log.warn({ err: error }, 'media delete failed'));
          removed++;
        }
      }
    }
    removed += (await storage.sweepPartial?.(before)) ?? 0;
    for (const name of await readdir(uploadsDir).catch(() => [])) {
      const path = join(uploadsDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < before) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  const purgeEvery = options.purge?.intervalMs ?? 60_000;
  const sweepEvery = options.sweep?.intervalMs ?? HOUR;
  let lastSweep = 0;
  let purging = null;
  const purgeTimer = purgeEvery > 0
    ? setInterval(() => {
        if (purging) return;
        purging = purge()
          .then(async () => {
            if (sweepEvery <= 0 || Date.now() - lastSweep < sweepEvery) return;
            lastSweep = Date.now();
            await sweepMedia();
          })
          .catch((error) => log.error({ err: error }, 'purge failed'))
          .finally(() => (purging = null));
      }, purgeEvery)
    : null;
  purgeTimer?.unref();

  await app.ready();

  return {
    app,
    database,
    admin,
    stories,
    /** The Node request handler, to mount the API inside another HTTP server. */
    handle: (req, res) => {
      // Hosts such as Koa preset 404 on the response; Fastify expects Node's default 200.
      res.statusCode = 200;
      app.routing(req, res);
    },
    /** Starts serving; resolves the address. */
    listen: ({ port = 8787, host = '127.0.0.1' } = {}) => app.listen({ port, host }),
    purge,
    sweepMedia,
    now,
    /** Open SSE streams on this instance. */
    get streams() {
      return hub.size;
    },
    /** Stops taking requests, ends SSE streams, waits for what is in flight, closes the database. */
    async close() {
      closing = true;
      if (purgeTimer) clearInterval(purgeTimer);
      await purging;
      // In-flight requests get a grace period; connections still open after it are cut
      // (some keep-alive sockets are not seen as idle once an SSE response ran on them).
      const grace = setTimeout(() => app.server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      await app.close();
      clearTimeout(grace);
      hub.stop();
      await hub.idle();
      if (ownDatabase) await database.close();
    },
  };
}

/** Writes an upload's stream to a new file in `uploads`; refuses one over the size limit. */
async function writeUpload(stream, dir, spooled) {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  spooled.push(path);
  await pipeline(stream, createWriteStream(path, { flags: 'wx' }));
  if (stream.truncated) throw tooLarge(`Videos can be at most ${MEDIA_RULES.maxVideoBytes / 1048576} MB`);
  return { path, size: (await stat(path)).size };
}

/** A presigned-upload request: what the file is and how large, checked against the rules before anything is signed. */
function uploadRequest(raw) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('The upload request must be a JSON object');
  const { kind, type, size } = raw;
  if (kind !== 'image' && kind !== 'video') throw invalid('kind must be image or video');
  const types = kind === 'image' ? MEDIA_RULES.imageTypes : MEDIA_RULES.videoTypes;
  if (typeof type !== 'string' || !types.includes(type)) throw invalid(`type must be one of ${types.join(', ')}`);
  const max = kind === 'image' ? MEDIA_RULES.maxImageBytes : MEDIA_RULES.maxVideoBytes;
  if (!Number.isSafeInteger(size) || size < 1) throw invalid('size must be the file size in bytes');
  if (size > max) throw tooLarge(`${kind === 'image' ? 'Photos' : 'Videos'} can be at most ${max / 1048576} MB`);
  return { kind, type, size };
}

/** `stream`, ended with a 413 once more than `max` bytes have come (the object store does not hold a browser to its signed size everywhere). */
async function* capped(stream, max) {
  let seen = 0;
  for await (const chunk of stream) {
    seen += chunk.length;
    if (seen > max) throw tooLarge(`The file is larger than ${max / 1048576} MB`);
    yield chunk;
  }
}

/** The story a stored key belongs to: `<id>.<ext>` or `<id>-track<n>.vtt`. */
function storyOfKey(key) {
  return /^(.+)-track\d\.vtt$/.exec(key)?.[1] ?? /^(.+)\.[a-z0-9]{1,8}$/.exec(key)?.[1] ?? null;
}

/** A caption file as sent: WebVTT (it says so in its first line), at most 512 kB. */
function checkCaptions(bytes, index) {
  if (index >= 8) throw invalid('At most 8 caption files per story');
  if (bytes.length > 512 * 1024) throw tooLarge('A caption file is larger than 512 kB');
  if (!/^(\uFEFF)?WEBVTT/.test(bytes.subarray(0, 16).toString('utf8'))) throw invalid('Captions must be WebVTT files (they start with "WEBVTT")');
  return bytes;
}
