#!/usr/bin/env node
// `npx stories-kit-server` / `npm run server`: serves the stories API.
//   --port 8787 --host 127.0.0.1 --prefix /api --data-dir ./stories-data
//   --dev     named test tokens (token-<accountId>) and the demo world when nothing is live
//   --reset   with --dev: wipe the data and seed the demo world afresh
// Configuration also comes from the environment: PORT, HOST, DATABASE_URL, STORIES_DATA_DIR,
// STORIES_PREFIX, STORIES_PUBLIC_URL, STORIES_ADMIN_KEY, STORIES_CORS_ORIGINS (comma
// separated), JWT_SECRET or JWT_JWKS_URL with JWT_ISSUER and JWT_AUDIENCE.
import { parseArgs } from 'node:util';
import { createStoriesServer } from './index.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    prefix: { type: 'string' },
    'data-dir': { type: 'string' },
    dev: { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('Usage: stories-kit-server [--dev [--reset]] [--port 8787] [--host 127.0.0.1] [--prefix /api] [--data-dir ./stories-data]');
  process.exit(0);
}
if (args.reset && !args.dev) {
  console.error('--reset wipes the data and seeds the demo world: it is for --dev only.');
  process.exit(1);
}
const env = process.env;
const jwt = env.JWT_SECRET || env.JWT_JWKS_URL ? { secret: env.JWT_SECRET, jwksUrl: env.JWT_JWKS_URL, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE } : undefined;

let server;
try {
  server = await createStoriesServer({
    dev: args.dev,
    prefix: args.prefix ?? env.STORIES_PREFIX ?? '/api',
    dataDir: args['data-dir'] ?? env.STORIES_DATA_DIR ?? './stories-data',
    databaseUrl: env.DATABASE_URL,
    readDatabaseUrl: env.DATABASE_READ_URL,
    publicUrl: env.STORIES_PUBLIC_URL,
    adminKey: env.STORIES_ADMIN_KEY,
    corsOrigins: env.STORIES_CORS_ORIGINS ? env.STORIES_CORS_ORIGINS.split(',').map((s) => s.trim()) : args.dev ? true : undefined,
    jwt,
    trustProxy: env.TRUST_PROXY === '1',
    logger: { level: env.LOG_LEVEL ?? 'info' },
  });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

if (args.dev) {
  const { seedDemoIfEmpty } = await import('./demo.mjs');
  const seeded = await seedDemoIfEmpty(server, { force: args.reset });
  if (seeded) server.app.log.info(args.reset ? 'seeded the demo world afresh (--reset)' : 'seeded the demo world (nothing was live)');
}
if (!jwt && !args.dev) server.app.log.warn('no JWT_SECRET or JWT_JWKS_URL: every caller is anonymous (read-only)');

const port = Number(args.port ?? env.PORT ?? 8787);
const host = args.host ?? env.HOST ?? '127.0.0.1';
// The address it really got (with --port 0, a free port).
const address = await server.listen({ port, host });
const prefix = args.prefix ?? env.STORIES_PREFIX ?? '/api';
console.log(`stories-kit server: ${address}${prefix} on ${server.database.engine}${args.dev ? ' (dev mode: Authorization: Bearer token-you)' : ''}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  });
}
