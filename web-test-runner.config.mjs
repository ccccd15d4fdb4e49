// @web/test-runner: every test runs in the system's headless Chromium, one file at a time
// (hls.js playback stalls with more than one page at once on two cores).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.mjs';
import { createStoriesServer } from './server/index.mjs';
import { startS3 } from './server/test/s3.mjs';
import { screenCommandsPlugin } from './scripts/wtr-screen.mjs';

/** The policy of the strict-CSP group, as a hardened host page would send it. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** A page that carries this meta tag (with or without `/>`) is served under STRICT_CSP. */
const CSP_MARKER = '<meta name="stories-kit-strict-csp"';

/**
 * Serves the strict-CSP group's pages with the policy as a real header. The runner itself
 * needs two inline bootstrap scripts; they alone get a per-page nonce, so everything the
 * library does is held to plain `script-src 'self'`.
 */
async function strictCspMiddleware(ctx, next) {
  await next();
  if (!ctx.response.is('html') || ctx.body == null) return;
  // Static pages arrive as streams or buffers: read them to look for the marker.
  if (typeof ctx.body.pipe === 'function') {
    const chunks = [];
    for await (const chunk of ctx.body) chunks.push(Buffer.from(chunk));
    ctx.body = Buffer.concat(chunks).toString('utf8');
  } else if (Buffer.isBuffer(ctx.body)) {
    ctx.body = ctx.body.toString('utf8');
  }
  if (typeof ctx.body !== 'string' || !ctx.body.includes(CSP_MARKER)) return;
  const nonce = randomBytes(16).toString('base64');
  ctx.body = ctx.body.replace(/<script(?![^>]*\bsrc=)/g, `<script nonce="${nonce}"`);
  ctx.set('Content-Security-Policy', STRICT_CSP.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`));
}

/** Serves `/__stories-index__.js`: every stories/*.stories.ts file, read at request time. */
function storiesIndexPlugin() {
  return {
    name: 'stories-index',
    serve(context) {
      if (context.path !== '/__stories-index__.js') return undefined;
      const files = readdirSync(new URL('stories/', import.meta.url)).filter((f) => f.endsWith('.stories.ts')).sort();
      const imports = files.map((f, i) => `import * as s${i} from '/stories/${f}';`).join('\n');
      const map = files.map((f, i) => `${JSON.stringify(f)}: s${i}`).join(', ');
      return { body: `${imports}\nexport const stories = { ${map} };\n`, type: 'js' };
    },
  };
}

/**
 * The stories server (server/, on PGlite in a throwaway directory), mounted at /api on the
 * test server itself (same origin, real HTTP), in testing mode: its /__test routes seed,
 * reset, freeze the clock and inject faults. Rate limits are off: the tests write fast.
 */
const apiDataDir = mkdtempSync(join(tmpdir(), 'stories-kit-wtr-'));
process.on('exit', () => rmSync(apiDataDir, { recursive: true, force: true }));
const storiesServer = await createStoriesServer({ prefix: '/api', testing: true, dataDir: apiDataDir, logger: process.env.STORIES_WTR_LOG ? { level: 'info', file: process.env.STORIES_WTR_LOG } : false, rateLimit: false, purge: { intervalMs: 0 } });
/**
 * The same API over the same database at /api-s3, with its media in an S3-compatible store
 * (s3rver on 127.0.0.1, another origin): presigned uploads go from the page straight to it.
 */
const s3 = await startS3();
const s3DataDir = mkdtempSync(join(tmpdir(), 'stories-kit-wtr-s3-'));
process.on('exit', () => rmSync(s3DataDir, { recursive: true, force: true }));
const s3StoriesServer = await createStoriesServer({ prefix: '/api-s3', testing: true, database: storiesServer.database, storage: s3.storage, dataDir: s3DataDir, logger: false, rateLimit: false, purge: { intervalMs: 0 } });
async function storiesServerMiddleware(ctx, next) {
  const server = ctx.path.startsWith('/api/') || ctx.path === '/api' ? storiesServer : ctx.path.startsWith('/api-s3/') ? s3StoriesServer : null;
  if (!server) return next();
  ctx.respond = false;
  // Koa must not touch the response until the server is done with it.
  await new Promise((resolve) => {
    ctx.res.once('close', resolve);
    ctx.res.once('finish', resolve);
    server.handle(ctx.req, ctx.res);
  });
}

const MEDIA_TYPES = { '.jpg': 'image/jpeg', '.webp': 'image/webp', '.mp4': 'video/mp4', '.m3u8': 'application/vnd.apple.mpegurl', '.m4s': 'video/iso.segment', '.m4a': 'audio/mp4' };
const gates = new Map();
function gate(key) {
  if (!gates.has(key)) {
    let open;
    const opened = new Promise((resolve) => (open = resolve));
    gates.set(key, { opened, open });
  }
  return gates.get(key);
}

/**
 * Slow media for stall tests: `GET /__gate/<key>/fixtures/…?after=N` sends the first N bytes
 * of a fixture at once (none by default), then holds the rest until `POST /__gate/<key>/open`;
 * with `&chunked`, without a Content-Length (the size is known only once it has all come).
 * `POST /__gate/<key>/reset` makes a new, closed gate.
 */
async function gateMiddleware(ctx, next) {
  const match = /^\/__gate\/([\w-]+)\/(open|reset|fixtures\/.+)$/.exec(ctx.path);
  if (!match) return next();
  const [, key, rest] = match;
  if (rest === 'open') {
    gate(key).open();
    ctx.status = 204;
    return;
  }
  if (rest === 'reset') {
    gates.delete(key);
    ctx.status = 204;
    return;
  }
  const file = fileURLToPath(new URL(rest, import.meta.url));
  const bytes = readFileSync(file);
  const after = Math.min(bytes.length, Number(ctx.query.after) || 0);
  ctx.respond = false;
  const res = ctx.res;
  const headers = { 'content-type': MEDIA_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
  if (ctx.query.chunked === undefined) headers['content-length'] = bytes.length;
  res.writeHead(200, headers);
  if (after) res.write(bytes.subarray(0, after));
  await gate(key).opened;
  res.end(bytes.subarray(after));
}

/**
 * A file the server fails to send, as when the network drops or a deploy replaced it:
 * `POST /__block?path=/src/state/store.ts` makes every request for that path fail,
 * `DELETE /__block` serves everything again. (Test files run one at a time; the test turns
 * the browser's cache off with the `http-cache` command, or it would not ask at all.)
 */
const blocked = new Set();
async function blockMiddleware(ctx, next) {
  if (ctx.path === '/__block') {
    if (ctx.method === 'POST') blocked.add(String(ctx.query.path));
    else blocked.clear();
    ctx.status = 204;
    return;
  }
  if (blocked.has(ctx.path)) {
    // The connection drops without an answer: a network failure (and no response the dev
    // server's cache could keep).
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  return next();
}

/**
 * `executeServerCommand('page-visibility', { hidden })`: hides the test page behind another
 * tab (or brings it back), so the page's real `visibilitychange` fires.
 */
function visibilityCommandPlugin() {
  const others = new Map();
  return {
    name: 'page-visibility',
    async executeCommand({ command, payload, session }) {
      if (command !== 'page-visibility') return undefined;
      const page = session.browser.getPage(session.id);
      if (payload.hidden) {
        const other = await page.browser().newPage();
        await other.bringToFront();
        others.set(session.id, other);
      } else {
        await others.get(session.id)?.close();
        others.delete(session.id);
        await page.bringToFront();
      }
      return true;
    },
  };
}

/**
 * `executeServerCommand('http-cache', { enabled })`: turns the browser's HTTP cache off (or
 * on again) for the test page and its frames, so a blocked file (`/__block`) is really
 * fetched, not taken from what an earlier test file cached.
 */
function httpCacheCommandPlugin() {
  return {
    name: 'http-cache',
    async executeCommand({ command, payload, session }) {
      if (command !== 'http-cache') return undefined;
      await session.browser.getPage(session.id).setCacheEnabled(payload.enabled);
      return true;
    },
  };
}

/**
 * React and react-dom ship CommonJS, which the test server cannot serve as modules: one
 * esbuild bundle holds them (one copy of React for every importer), and `react`,
 * `react-dom/client` and `react-dom/server` are small modules re-exporting its parts.
 */
function reactModulesPlugin() {
  const parts = { react: 'react', 'react-dom/client': 'client', 'react-dom/server': 'server' };
  const require = createRequire(import.meta.url);
  // Their export names, read now: once the runner has wrapped the console, React's Node build no longer loads.
  const names = Object.fromEntries(Object.keys(parts).map((spec) => [spec, Object.keys(require(spec)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))]));
  let bundle;
  return {
    name: 'react-modules',
    resolveImport({ source }) {
      return source in parts ? `/__react__/${parts[source]}.js` : undefined;
    },
    async serve(context) {
      if (context.path === '/__react__/bundle.js') {
        bundle ??= esbuild({
          stdin: { contents: Object.entries(parts).map(([spec, name]) => `export * as ${name} from '${spec}';`).join('\n'), resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
          define: { 'process.env.NODE_ENV': '"development"' },
        }).then((result) => result.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      const spec = Object.keys(parts).find((s) => context.path === `/__react__/${parts[s]}.js`);
      if (!spec) return undefined;
      return { body: `import { ${parts[spec]} as m } from '/__react__/bundle.js';\nexport default m;\nexport const { ${names[spec].join(', ')} } = m;\n`, type: 'js' };
    },
  };
}

/** Writes the real test counts for scripts/test.mjs to print as the closing line. */
function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) walk(session.testResults);
        // A file that failed to load or whose hooks threw counts as one failure.
        if (!session.passed && counts.failed === before) counts.failed++;
      }
      writeFileSync(fileURLToPath(new URL('.wtr-summary.json', import.meta.url)), JSON.stringify(counts));
    },
  };
}

const chromium = (args) => chromeLauncher({ launchOptions: { executablePath: process.env.CHROME_PATH || ensureChromium(), headless: true, args } });

export default {
  rootDir: '.',
  files: ['test/**/*.test.ts', '!test/csp/**', '!test/autoplay/**', '!test/camera/**'],
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH || ensureChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [reactModulesPlugin(), visibilityCommandPlugin(), httpCacheCommandPlugin(), screenCommandsPlugin(), storiesIndexPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)) })],
  middleware: [blockMiddleware, gateMiddleware, storiesServerMiddleware, strictCspMiddleware],
  groups: [
    {
      name: 'strict-csp',
      files: 'test/csp/**/*.test.ts',
      testRunnerHtml: (testFramework) =>
        `<!DOCTYPE html><html><head>${CSP_MARKER}></head><body><script type="module" src="${testFramework}"></script></body></html>`,
    },
    {
      // Chromium with the autoplay policy most sites get: sound needs a user gesture.
      name: 'autoplay-policy',
      files: 'test/autoplay/**/*.test.ts',
      browsers: [
        chromeLauncher({
          launchOptions: {
            executablePath: process.env.CHROME_PATH || ensureChromium(),
            headless: true,
            args: [...CHROMIUM_ARGS.filter((a) => !a.startsWith('--autoplay-policy')), '--autoplay-policy=document-user-activation-required'],
          },
        }),
      ],
    },
    {
      // A fake camera and microphone (a test pattern and a beep), permission granted.
      name: 'camera',
      files: 'test/camera/granted/**/*.test.ts',
      browsers: [chromium([...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'])],
    },
    {
      // The same fake devices, but the person answers "Block" (Chromium's fake prompt denies).
      name: 'camera-denied',
      files: 'test/camera/denied/**/*.test.ts',
      browsers: [chromium([...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream=deny'])],
    },
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
