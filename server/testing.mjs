// The /__test routes of testing mode, which the browser tests drive (see
// test/helpers/world.ts): seed a World, reset, freeze the clock, inject faults, host static
// files, read the request log, every comment and the reports. Never enabled in production
// (createStoriesServer refuses testing mode when NODE_ENV=production).
import { errorBody } from './errors.mjs';

/**
 * @param {import('fastify').FastifyInstance} scope
 * @param {{ admin: ReturnType<typeof import('./admin.mjs').createAdmin>, database: import('./db.mjs').Database, state: { log: object[], faults: object[], files: Map<string, { type: string, bytes: Buffer }> }, setClock: (t: number | null) => void }} deps
 */
export function registerTestRoutes(scope, { admin, database, state, setClock }) {
  // Bodies here are raw bytes (files may be anything, even broken JSON on purpose).
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  const json = (request) => (request.body?.length ? JSON.parse(request.body.toString('utf8')) : {});

  scope.post('/seed', async (request, reply) => {
    await admin.seed(json(request));
    return reply.code(204).send();
  });
  scope.post('/reset', async (request, reply) => {
    await admin.reset();
    setClock(null);
    state.faults.length = 0;
    state.files.clear();
    state.log.length = 0;
    return reply.code(204).send();
  });
  scope.post('/clock', async (request, reply) => {
    const { now } = json(request);
    setClock(typeof now === 'number' ? now : null);
    return reply.code(204).send();
  });
  // The next `count` requests (to `path` only, when given) answer `status`, or lose their connection (status 0).
  scope.post('/faults', async (request, reply) => {
    const { count = 0, status = 503, path } = json(request);
    state.faults.length = 0;
    for (let i = 0; i < Math.min(count, 100_000); i++) state.faults.push({ status, path });
    return reply.code(204).send();
  });
  scope.put('/files/*', async (request, reply) => {
    state.files.set(request.params['*'], { type: request.headers['content-type'] ?? 'application/json', bytes: request.body ?? Buffer.alloc(0) });
    return reply.code(204).send();
  });
  scope.get('/files/*', async (request, reply) => {
    const file = state.files.get(request.params['*']);
    if (!file) return reply.code(404).send(errorBody('not-found', 'No such file'));
    return reply.header('content-type', file.type).send(file.bytes);
  });
  scope.get('/log', async () => ({ items: state.log }));
  scope.get('/comments', async () => {
    const rows = await database.db.selectFrom('comments as c').innerJoin('accounts as a', 'a.id', 'c.author_id').select(['c.id', 'c.story_id', 'c.text', 'c.created_at', 'c.parent_id', 'c.client_id', 'a.id as author_id', 'a.name as author_name']).orderBy('c.created_at').execute();
    return { items: rows.map((r) => ({ id: r.id, storyId: r.story_id, author: { id: r.author_id, name: r.author_name }, text: r.text, createdAt: r.created_at, ...(r.parent_id ? { parentId: r.parent_id } : {}), ...(r.client_id ? { clientId: r.client_id } : {}) })) };
  });
  scope.get('/reports', async () => ({ items: await admin.reports() }));
}
