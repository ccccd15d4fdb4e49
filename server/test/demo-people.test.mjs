// The demo with two people, end to end: `stories-kit-server --dev` (the real command, on
// PGlite, or on the PostgreSQL of DATABASE_URL), the demo page served by Vite with its /api
// proxy, and Debian's Chromium with two browser contexts, Ana and Ivan (`?as=…`, dev tokens).
// Ivan has seen Ana's stories; Ana publishes through the composer; Ivan's ring for her turns
// blue without a reload; he opens it and comments; Ana, on her new story, sees the comment
// arrive and Ivan in her viewers tab.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const photo = join(root, 'fixtures/media/photos/square.jpg');
// Well under the store's 60-second refresh: a ring that changes in time changed by the feed event.
const LIVE_MS = 15_000;

let dir;
let api;
let vite;
let browser;
let demo;

/** Starts `node server/cli.mjs --dev --reset` on a free port; resolves its API address. */
function startCommand() {
  const child = spawn(process.execPath, ['server/cli.mjs', '--dev', '--reset', '--port', '0', '--data-dir', join(dir, 'data')], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const address = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /stories-kit server: (http:\/\/\S+)\/api on/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server command exited (${code}) before listening:\n${output}`)));
  });
  return { child, address, output: () => output };
}

/** One person's page: the demo's brand page as `as`, with the story-* events it fired. */
async function openAs(as) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme: 'light' });
  await context.addInitScript(() => {
    window.storyEvents = [];
    for (const name of ['story-open', 'story-change', 'story-view', 'story-publish', 'story-close']) {
      document.addEventListener(name, (e) => window.storyEvents.push({ type: e.type, storyId: e.detail?.storyId, authorId: e.detail?.authorId }));
    }
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`${as}: ${error.message}`));
  await page.goto(`${demo}/demo/?endpoint=/api&as=${as}`);
  await page.waitForFunction(() => document.querySelector('story-bar')?.shadowRoot?.querySelector('story-ring'), null, { timeout: LIVE_MS });
  // Set once: still there at the end means the page never reloaded.
  await page.evaluate(() => (window.sameDocument = true));
  return { page, context, problems };
}

/** The bar's ring of an account in a page: its state and counts. */
const ringOf = (page, authorId) =>
  page.evaluate((id) => {
    const ring = [...(document.querySelector('story-bar')?.shadowRoot?.querySelectorAll('story-ring') ?? [])].find((r) => r.author?.id === id);
    return ring ? { state: ring.getAttribute('state'), segments: ring.segments, seen: ring.seenSegments } : null;
  }, authorId);

/** Waits until the bar's ring of `authorId` matches `want` ({ state, segments, seen, seenAtLeast }). */
const waitForRing = (page, authorId, want, timeout = LIVE_MS) =>
  page.waitForFunction(
    ([id, w]) => {
      const ring = [...(document.querySelector('story-bar')?.shadowRoot?.querySelectorAll('story-ring') ?? [])].find((r) => r.author?.id === id);
      if (!ring) return false;
      return (w.state === undefined || ring.getAttribute('state') === w.state) && (w.segments === undefined || ring.segments === w.segments) && (w.seen === undefined || ring.seenSegments === w.seen) && (w.seenAtLeast === undefined || ring.seenSegments >= w.seenAtLeast);
    },
    [authorId, want],
    { timeout },
  );

const lastEvent = (page, type) => page.evaluate((t) => window.storyEvents.filter((e) => e.type === t).at(-1) ?? null, type);
/** Waits for a story-* event of `type` after the first `after` of them (about `storyId`, when given). */
const waitForEvent = (page, type, { storyId, after = 0, timeout = LIVE_MS } = {}) =>
  page.waitForFunction(([t, id, n]) => window.storyEvents.filter((e) => e.type === t).slice(n).some((e) => id === null || e.storyId === id), [type, storyId ?? null, after], { timeout });
const count = (page, type) => page.evaluate((t) => window.storyEvents.filter((e) => e.type === t).length, type);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stories-kit-demo-'));
  api = startCommand();
  const apiOrigin = await api.address;
  vite = await createServer({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', server: { host: '127.0.0.1', port: 0, hmr: false, proxy: { '/api': apiOrigin } } });
  await vite.listen();
  demo = `http://127.0.0.1:${vite.httpServer.address().port}`;
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await vite?.close();
  if (api && api.child.exitCode === null) {
    const exited = new Promise((resolve) => api.child.once('exit', resolve));
    api.child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo with two people (npm run server + the demo page, two Chromium contexts)', () => {
  it('Ana publishes, Ivan’s ring for her turns blue without a reload, he comments, Ana sees the comment live and Ivan in her viewers tab', async () => {
    const ivan = await openAs('ivan');
    const ana = await openAs('ana');
    const problems = () => [...ivan.problems, ...ana.problems].join('\n');
    try {
      // Ivan follows Ana: her two stories of the demo world, unseen. He watches them: grey.
      const before = await ringOf(ivan.page, 'ana');
      assert.equal(before?.state, 'unseen', problems());
      assert.equal(before.segments, 2);
      await ivan.page.getByRole('button', { name: /^Ana Lima, 2 new stories/ }).click();
      await waitForRing(ivan.page, 'ana', { seenAtLeast: 1 });
      await ivan.page.getByRole('button', { name: 'Next story', exact: true }).click();
      await waitForRing(ivan.page, 'ana', { state: 'seen' });
      await ivan.page.getByRole('button', { name: 'Close', exact: true }).click();
      await waitForEvent(ivan.page, 'story-close');

      // Ana publishes a photo with the composer.
      await ana.page.getByRole('button', { name: '＋ Create a story' }).click();
      await ana.page.locator('story-composer .upload input[type=file]').setInputFiles(photo);
      await ana.page.getByRole('button', { name: 'Publish', exact: true }).click();
      await waitForEvent(ana.page, 'story-publish', { timeout: 30_000 });
      const published = await lastEvent(ana.page, 'story-publish');
      assert.equal(published.authorId, 'ana');

      // Ivan's ring for her: blue again, three stories, one new, and the same document.
      await waitForRing(ivan.page, 'ana', { state: 'unseen', segments: 3, seen: 2 });
      assert.equal(await ivan.page.evaluate(() => window.sameDocument), true, 'Ivan’s page reloaded');
      // Blue: the ring paints its new segment in the unseen colour (the accent, by default).
      const ring = await ivan.page.evaluate(() => {
        const r = [...document.querySelector('story-bar').shadowRoot.querySelectorAll('story-ring')].find((x) => x.author?.id === 'ana');
        const probe = document.createElement('span');
        probe.style.color = getComputedStyle(r).getPropertyValue('--_unseen').trim();
        document.body.append(probe);
        const accent = getComputedStyle(probe).color;
        probe.remove();
        const style = getComputedStyle(r.shadowRoot.querySelector('[part~="ring"]'));
        return { accent, drawn: `${style.backgroundColor} ${style.backgroundImage}` };
      });
      assert.match(ring.accent, /^rgb\(29, 111, 242\)$/);
      assert.ok(ring.drawn.includes(ring.accent), `the ring is drawn in the accent colour ${ring.accent}: ${ring.drawn}`);

      // Ana opens her own stories and goes to the new one, paused, before Ivan does anything.
      await ana.page.getByRole('button', { name: /^Your story/ }).click();
      await waitForEvent(ana.page, 'story-change');
      for (let i = 0; i < 3 && (await lastEvent(ana.page, 'story-change')).storyId !== published.storyId; i++) {
        const changes = await count(ana.page, 'story-change');
        await ana.page.getByRole('button', { name: 'Next story', exact: true }).click();
        await waitForEvent(ana.page, 'story-change', { after: changes });
      }
      assert.equal((await lastEvent(ana.page, 'story-change')).storyId, published.storyId, JSON.stringify(await ana.page.evaluate(() => window.storyEvents)));
      await ana.page.getByRole('button', { name: 'Pause', exact: true }).click();
      await ana.page.getByRole('tab', { name: /^Viewers \(0\)/ }).waitFor({ timeout: LIVE_MS });

      // Ivan opens her ring (at the new story) and comments.
      await ivan.page.getByRole('button', { name: /^Ana Lima, 1 new story/ }).click();
      await waitForEvent(ivan.page, 'story-view', { storyId: published.storyId });
      const text = `Great shot, Ana ${Date.now().toString(36)}`;
      const field = ivan.page.getByRole('textbox', { name: /Add a comment/ });
      await field.fill(text);
      await ivan.page.getByRole('button', { name: 'Send', exact: true }).click();

      // Ana: the comment over her story and Ivan counted, as they happen.
      await ana.page.locator('story-viewer story-comments .latest-item', { hasText: text }).waitFor({ timeout: LIVE_MS });
      await ana.page.getByRole('tab', { name: /^Viewers \(1\)/ }).click();
      await ana.page.locator('story-viewer viewers-tab', { hasText: 'Ivan Petrov' }).waitFor({ timeout: LIVE_MS });
      assert.equal(await ana.page.evaluate(() => window.sameDocument), true, 'Ana’s page reloaded');
      assert.equal(problems(), '');
    } finally {
      await ivan.context.close();
      await ana.context.close();
    }
  });
});
