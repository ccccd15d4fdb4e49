// The reference backend of the stories-kit REST contract (docs/rest-api.md): plain Node,
// no framework, everything in memory. RestAdapter's tests run against it over real HTTP,
// and `npm run server` serves the demo world with it. It is a reference, not a product:
// tokens are looked up in a table, and nothing is persisted.
import { createServer } from 'node:http';

const DAY = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 50;
/** Longest comment, in characters (the same limit as LocalAdapter). */
export const COMMENT_MAX_LENGTH = 500;

class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const notFound = (what) => new HttpError(404, 'not-found', `${what} not found`);
const forbidden = (message) => new HttpError(403, 'forbidden', message);
const invalid = (message) => new HttpError(422, 'invalid', message);

function pageOf(all, cursor, size = PAGE_SIZE) {
  const start = Math.max(0, Number(cursor) || 0);
  const items = all.slice(start, start + size);
  return start + size < all.length ? { items, next: String(start + size) } : { items };
}

/** An empty world; `seed()` fills it from the World shape of src/adapters/demo-world.ts. */
function emptyWorld() {
  return {
    accounts: new Map(),
    follows: new Set(),
    stories: new Map(),
    media: new Map(),
    views: new Map(),
    comments: new Map(),
    sounds: [],
    tokens: new Map(),
    idempotency: new Map(),
    reports: new Map(),
  };
}

/**
 * Creates the server's request handler.
 * @param {{ testing?: boolean, prefix?: string, clock?: { now(): number } }} options
 *   `testing` enables the `/__test/*` routes (seed, reset, clock, fault injection, files);
 *   `prefix` is the path the API is mounted at (e.g. `/api`).
 */
export function createReferenceServer(options = {}) {
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  let world = emptyWorld();
  // Tests freeze the server's clock at a time of their choosing (`/__test/clock`).
  let frozen = null;
  const now = () => frozen ?? options.clock?.now() ?? Date.now();
  let faults = [];
  const files = new Map();
  const listeners = new Map();
  const log = [];

  const expiryOf = (s) => Math.min(s.expiresAt ?? s.createdAt + DAY, s.createdAt + DAY);
  const isLive = (s) => s.createdAt <= now() && now() < expiryOf(s);
  const account = (id) => world.accounts.get(id) ?? { id, name: id };
  const storyOut = (s) => ({ ...s, author: account(s.authorId), authorId: undefined });
  const liveStory = (id) => {
    const story = world.stories.get(id);
    if (!story || !isLive(story)) throw notFound(`Story ${id}`);
    return story;
  };

  function purge() {
    for (const [id, story] of world.stories) {
      if (now() < expiryOf(story)) continue;
      world.stories.delete(id);
      world.media.delete(id);
      world.views.delete(id);
      recent.delete(id);
      for (const [cid, c] of world.comments) if (c.storyId === id) world.comments.delete(cid);
      for (const [key, r] of world.reports) if (r.storyId === id) world.reports.delete(key);
    }
  }

  function seed(data) {
    world = emptyWorld();
    for (const a of data.accounts ?? []) {
      world.accounts.set(a.id, a);
      world.tokens.set(`token-${a.id}`, a.id);
    }
    for (const [follower, followee] of data.follows ?? []) world.follows.add(`${follower}>${followee}`);
    for (const { author, ...s } of data.stories ?? []) {
      if (!world.accounts.has(author.id)) world.accounts.set(author.id, author);
      world.stories.set(s.id, { ...s, authorId: author.id, expiresAt: Math.min(s.expiresAt ?? s.createdAt + DAY, s.createdAt + DAY) });
    }
    for (const v of data.views ?? []) {
      if (!world.views.has(v.storyId)) world.views.set(v.storyId, new Map());
      world.views.get(v.storyId).set(v.viewerId, v.viewedAt);
    }
    for (const { author, ...c } of data.comments ?? []) world.comments.set(c.id, { ...c, authorId: author.id });
    world.sounds = [...(data.sounds ?? [])];
  }

  // Events are numbered per server; each story keeps its last 200, so a client that
  // reconnects with Last-Event-ID gets what it missed.
  let eventSeq = 0;
  const recent = new Map();
  function emit(storyId, event) {
    const entry = { id: ++eventSeq, event };
    if (!recent.has(storyId)) recent.set(storyId, []);
    const kept = recent.get(storyId);
    kept.push(entry);
    if (kept.length > 200) kept.shift();
    for (const send of listeners.get(storyId) ?? []) send(entry);
  }

  function commentOut(c) {
    const { authorId, ...rest } = c;
    return { ...rest, author: account(authorId) };
  }

  /** Routes: [method, pattern, handler(ctx, ...params)]. */
  const routes = [
    ['GET', /^\/me$/, ({ me }) => (me ? [200, account(me)] : [204])],
    ['GET', /^\/feed$/, ({ me, query }) => {
      purge();
      if (!me) return [200, { items: [] }];
      const byAuthor = new Map();
      for (const s of world.stories.values()) {
        if (!isLive(s) || s.authorId === me || !world.follows.has(`${me}>${s.authorId}`)) continue;
        if (!byAuthor.has(s.authorId)) byAuthor.set(s.authorId, []);
        byAuthor.get(s.authorId).push(s);
      }
      const latest = (list) => Math.max(...list.map((s) => s.createdAt));
      const groups = [...byAuthor].sort((a, b) => latest(b[1]) - latest(a[1]) || a[0].localeCompare(b[0]));
      const limit = Math.min(Math.max(1, Number(query.get('limit')) || 20), 100);
      const page = pageOf(groups, query.get('cursor'), limit);
      const items = page.items.map(([authorId, list]) => ({ author: account(authorId), stories: list.sort((a, b) => a.createdAt - b.createdAt).map(storyOut) }));
      return [200, { ...page, items }];
    }],
    ['GET', /^\/reels\/([^/]+)$/, (_ctx, authorId) => {
      const list = [...world.stories.values()].filter((s) => s.authorId === authorId && isLive(s)).sort((a, b) => a.createdAt - b.createdAt);
      if (!list.length) throw notFound(`Live stories of ${authorId}`);
      return [200, { author: account(authorId), stories: list.map(storyOut) }];
    }],
    ['PUT', /^\/stories\/([^/]+)\/view$/, ({ me }, storyId) => {
      const story = liveStory(storyId);
      if (!me || me === story.authorId) return [204];
      if (!world.views.has(storyId)) world.views.set(storyId, new Map());
      const views = world.views.get(storyId);
      if (!views.has(me)) {
        views.set(me, now());
        emit(storyId, { type: 'view', storyId, view: { viewer: account(me), viewedAt: views.get(me) } });
      }
      return [204];
    }],
    ['GET', /^\/stories\/([^/]+)\/viewers$/, ({ me, query }, storyId) => {
      const story = liveStory(storyId);
      if (me !== story.authorId) throw forbidden('Only the author sees who viewed a story');
      const views = [...(world.views.get(storyId) ?? new Map())].map(([viewerId, viewedAt]) => ({ viewerId, viewedAt }));
      views.sort((a, b) => b.viewedAt - a.viewedAt || a.viewerId.localeCompare(b.viewerId));
      const page = pageOf(views, query.get('cursor'));
      return [200, { ...page, total: views.length, items: page.items.map((v) => ({ viewer: account(v.viewerId), viewedAt: v.viewedAt })) }];
    }],
    ['GET', /^\/stories\/([^/]+)\/comments$/, ({ query }, storyId) => {
      liveStory(storyId);
      const all = [...world.comments.values()].filter((c) => c.storyId === storyId).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
      const cursor = query.get('cursor');
      const end = cursor === null ? all.length : Math.max(0, Math.min(all.length, Number(cursor) || 0));
      const start = Math.max(0, end - PAGE_SIZE);
      const page = { items: all.slice(start, end).map(commentOut) };
      return [200, start > 0 ? { ...page, next: String(start) } : page];
    }],
    ['POST', /^\/stories\/([^/]+)\/comments$/, ({ me, body, idempotencyKey }, storyId) => {
      if (!me) throw forbidden('Sign in to comment');
      if (!idempotencyKey) throw invalid('Idempotency-Key is required');
      const existing = [...world.comments.values()].find((c) => c.authorId === me && c.clientId === idempotencyKey);
      if (existing) return [200, commentOut(existing)];
      const story = liveStory(storyId);
      if (story.commentsEnabled === false) throw forbidden('Comments are turned off for this story');
      const text = typeof body?.text === 'string' ? body.text.trim() : '';
      if (!text) throw invalid('A comment needs some text');
      if (text.length > COMMENT_MAX_LENGTH) throw invalid(`A comment has at most ${COMMENT_MAX_LENGTH} characters`);
      if (body.parentId !== undefined) {
        const parent = world.comments.get(body.parentId);
        if (!parent || parent.storyId !== storyId) throw invalid('The comment replied to does not exist');
        if (parent.parentId) throw invalid('Replies go one level deep');
      }
      const comment = { id: `c_${crypto.randomUUID()}`, storyId, authorId: me, text, createdAt: now(), clientId: idempotencyKey, ...(body.parentId ? { parentId: body.parentId } : {}) };
      world.comments.set(comment.id, comment);
      emit(storyId, { type: 'comment', comment: commentOut(comment) });
      return [201, commentOut(comment)];
    }],
    ['DELETE', /^\/stories\/([^/]+)\/comments\/([^/]+)$/, ({ me }, storyId, commentId) => {
      const comment = world.comments.get(commentId);
      if (!comment || comment.storyId !== storyId) throw notFound(`Comment ${commentId}`);
      const story = liveStory(storyId);
      if (!me || (me !== comment.authorId && me !== story.authorId)) throw forbidden('Only the comment’s author or the story’s author may delete it');
      world.comments.delete(commentId);
      for (const [id, c] of world.comments) if (c.parentId === commentId) world.comments.delete(id);
      emit(storyId, { type: 'comment-deleted', storyId, commentId });
      return [204];
    }],
    ['PUT', /^\/stories\/([^/]+)\/comments\/([^/]+)\/report$/, ({ me, body }, storyId, commentId) => {
      if (!me) throw forbidden('Sign in to report a comment');
      liveStory(storyId);
      const comment = world.comments.get(commentId);
      if (!comment || comment.storyId !== storyId) throw notFound(`Comment ${commentId}`);
      // One report per reporter; kept for moderators and never shown to the comment's author.
      const reason = typeof body?.reason === 'string' ? body.reason.slice(0, 500) : undefined;
      world.reports.set(`${commentId}|${me}`, { storyId, commentId, reporterId: me, reason, reportedAt: now() });
      return [204];
    }],
    ['POST', /^\/stories$/, async ({ me, req, body, base }) => {
      if (!me) throw forbidden('Sign in to post a story');
      let draft = body;
      let media;
      if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
        const form = await new Request('http://local/', { method: 'POST', headers: req.headers, body: req.rawBody }).formData();
        draft = JSON.parse(await form.get('story').text());
        media = form.get('media');
      }
      if (!draft?.media || (draft.media.kind !== 'image' && draft.media.kind !== 'video')) throw invalid('A story is a photo or a video');
      if (!media && !draft.media.src) throw invalid('A story needs its photo or video');
      const id = `s_${crypto.randomUUID()}`;
      const createdAt = now();
      const story = { ...draft, id, authorId: me, createdAt, expiresAt: createdAt + DAY, media: { ...draft.media } };
      if (media) {
        world.media.set(id, { type: media.type || draft.media.type || 'application/octet-stream', bytes: Buffer.from(await media.arrayBuffer()) });
        story.media.src = `${base}/media/${id}`;
      }
      world.stories.set(id, story);
      return [201, storyOut(story)];
    }],
    ['DELETE', /^\/stories\/([^/]+)$/, ({ me }, storyId) => {
      const story = world.stories.get(storyId);
      if (!story) throw notFound(`Story ${storyId}`);
      if (me !== story.authorId) throw forbidden('Only the author may delete a story');
      world.stories.delete(storyId);
      world.media.delete(storyId);
      world.views.delete(storyId);
      for (const [id, c] of world.comments) if (c.storyId === storyId) world.comments.delete(id);
      return [204];
    }],
    ['GET', /^\/sounds$/, ({ query }) => {
      const q = (query.get('q') ?? '').toLowerCase();
      const all = world.sounds.filter((s) => !q || `${s.title ?? ''} ${s.artist ?? ''}`.toLowerCase().includes(q));
      return [200, pageOf(all, query.get('cursor'))];
    }],
    ['GET', /^\/media\/([^/]+)$/, (_ctx, id) => {
      const media = world.media.get(id);
      if (!media) throw notFound(`Media ${id}`);
      return [200, media.bytes, media.type];
    }],
  ];

  const testRoutes = [
    ['POST', /^\/__test\/seed$/, ({ body }) => (seed(body), [204])],
    ['POST', /^\/__test\/reset$/, () => ((world = emptyWorld()), (frozen = null), (faults = []), files.clear(), (log.length = 0), [204])],
    ['POST', /^\/__test\/clock$/, ({ body }) => ((frozen = typeof body.now === 'number' ? body.now : null), [204])],
    // The next `count` requests (optionally only to `path`) answer `status`, or drop the connection with status 0.
    ['POST', /^\/__test\/faults$/, ({ body }) => ((faults = Array.from({ length: body.count }, () => ({ status: body.status, path: body.path }))), [204])],
    ['PUT', /^\/__test\/files\/(.+)$/, ({ req }, path) => (files.set(path, { type: req.headers['content-type'] ?? 'application/json', bytes: req.rawBody }), [204])],
    ['GET', /^\/__test\/files\/(.+)$/, (_ctx, path) => {
      const file = files.get(path);
      if (!file) throw notFound(`File ${path}`);
      return [200, file.bytes, file.type];
    }],
    ['GET', /^\/__test\/log$/, () => [200, { items: log }]],
    ['GET', /^\/__test\/comments$/, () => [200, { items: [...world.comments.values()].map(commentOut) }]],
    ['GET', /^\/__test\/reports$/, () => [200, { items: [...world.reports.values()] }]],
  ];

  function cors(res) {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type, idempotency-key');
    res.setHeader('access-control-allow-methods', 'GET, PUT, POST, DELETE, OPTIONS');
    res.setHeader('access-control-expose-headers', 'date, retry-after');
  }

  /** Node request handler; calls `next()` for paths outside the prefix, when given. */
  async function handle(req, res, next) {
    const url = new URL(req.url, 'http://localhost');
    if (prefix && !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return next ? next() : (res.writeHead(404).end(), undefined);
    const path = url.pathname.slice(prefix.length) || '/';
    cors(res);
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    req.rawBody = Buffer.concat(chunks);
    const isTest = options.testing && path.startsWith('/__test/');
    if (!isTest) log.push({ method: req.method, path, idempotencyKey: req.headers['idempotency-key'] });
    if (!isTest && faults.length && (!faults[0].path || faults[0].path === path)) {
      const fault = faults.shift();
      if (fault.status === 0) return req.socket.destroy();
      res.writeHead(fault.status, { 'content-type': 'application/json', date: new Date(now()).toUTCString() });
      return res.end(JSON.stringify({ error: { code: 'network', message: `Injected ${fault.status}` } }));
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const me = token ? world.tokens.get(token) ?? null : null;
    if (token && !me && !isTest) return send(res, 401, { error: { code: 'forbidden', message: 'Unknown token' } });
    let body;
    if ((req.headers['content-type'] ?? '').startsWith('application/json') && req.rawBody.length && !path.startsWith('/__test/files/')) {
      try {
        body = JSON.parse(req.rawBody.toString('utf8'));
      } catch {
        return send(res, 400, { error: { code: 'invalid', message: 'The body is not JSON' } });
      }
    }
    const events = req.method === 'GET' && /^\/stories\/([^/]+)\/events$/.exec(path);
    if (events) return stream(res, me, decodeURIComponent(events[1]), req.headers['last-event-id']);
    const idempotencyKey = req.headers['idempotency-key'];
    const base = `${req.headers['x-forwarded-proto'] ?? 'http'}://${req.headers.host}${prefix}`;
    for (const [method, pattern, handler] of [...routes, ...(options.testing ? testRoutes : [])]) {
      const match = pattern.exec(path);
      if (!match || method !== req.method) continue;
      try {
        // A repeated write with the same Idempotency-Key replays the first answer.
        const replayKey = idempotencyKey && req.method === 'POST' ? `${me}|${path}|${idempotencyKey}` : undefined;
        if (replayKey && world.idempotency.has(replayKey)) {
          const [status, payload] = world.idempotency.get(replayKey);
          return send(res, status === 201 ? 200 : status, payload);
        }
        const [status, payload, type] = await handler({ me, query: url.searchParams, body, idempotencyKey, req, base }, ...match.slice(1).map(decodeURIComponent));
        if (replayKey && status < 300) world.idempotency.set(replayKey, [status, payload]);
        return send(res, status, payload, type);
      } catch (error) {
        if (error instanceof HttpError) return send(res, error.status, { error: { code: error.code, message: error.message } });
        console.error(error);
        return send(res, 500, { error: { code: 'network', message: 'Internal error' } });
      }
    }
    return send(res, 404, { error: { code: 'not-found', message: `No route ${req.method} ${path}` } });
  }

  /**
   * `GET /stories/{id}/events`: Server-Sent Events of one live story. Comments (public) go
   * to everyone; views only to the story's author. A comment every 15 s keeps proxies from
   * closing the connection.
   */
  function stream(res, me, storyId, lastEventId) {
    let story;
    try {
      story = liveStory(storyId);
    } catch (error) {
      return send(res, error.status, { error: { code: error.code, message: error.message } });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': stream\n\n');
    const listener = ({ id, event }) => {
      if (event.type === 'view' && me !== story.authorId) return;
      res.write(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    // What this client missed while it was away.
    const last = Number(lastEventId);
    if (last > 0) for (const entry of recent.get(storyId) ?? []) if (entry.id > last) listener(entry);
    if (!listeners.has(storyId)) listeners.set(storyId, new Set());
    listeners.get(storyId).add(listener);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(ping);
      listeners.get(storyId)?.delete(listener);
    });
  }

  function send(res, status, payload, type) {
    const headers = { date: new Date(now()).toUTCString(), 'cache-control': 'no-store' };
    if (status === 204 || payload === undefined) return res.writeHead(status, headers).end();
    if (type) return res.writeHead(status, { ...headers, 'content-type': type }).end(payload);
    const json = JSON.stringify(status < 300 && payload && !Buffer.isBuffer(payload) && typeof payload === 'object' && 'items' in payload ? { ...payload, serverTime: now() } : payload);
    return res.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(json);
  }

  return { handle, seed, now };
}

// `node server/reference-server.mjs [--port 8787]`: serves the demo world at /api.
if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[process.argv.indexOf('--port') + 1]) || Number(process.env.PORT) || 8787;
  const { build } = await import('esbuild');
  // The demo world is defined once, in TypeScript, for LocalAdapter and this server alike.
  const out = await build({ entryPoints: [new URL('../src/adapters/demo-world.ts', import.meta.url).pathname], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const { demoWorld } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  const server = createReferenceServer({ prefix: '/api' });
  server.seed(demoWorld());
  createServer((req, res) => server.handle(req, res)).listen(port, () => {
    console.log(`stories-kit reference server: http://localhost:${port}/api (signed-in demo user: Authorization: Bearer token-you)`);
  });
}
