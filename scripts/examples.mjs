// `npm run examples`: every app of examples/ as a user would make it. Builds the library,
// packs it (`npm pack`, as it would be published), installs each example with that tarball,
// type-checks and builds it, serves the built output on 127.0.0.1 with the framework's own
// server, and drives it in headless Chromium: the rings render, a ring opens the viewer, the
// event reaches the framework's handler, an `author` object arrives as a property. Requests
// that leave 127.0.0.1 fail the example: the apps use only their own files.
//
//   node scripts/examples.mjs [--no-build] [name…]   (names: the folders of examples/)
//
// Ends with the plain line `examples: N passed, N failed` (a failed step counts as one
// failure, each smoke check as one test) and exits non-zero on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const examplesDir = join(root, 'examples');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const only = args.filter((a) => !a.startsWith('--'));

// Next.js asks to send telemetry on its first build; CI sends nothing anywhere.
process.env.NEXT_TELEMETRY_DISABLED = '1';

const counts = { passed: 0, failed: 0 };
const failures = [];
const timings = [];
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

function pass(name) {
  counts.passed++;
  console.log(`  ok   ${name}`);
}
function fail(name, error) {
  counts.failed++;
  failures.push(name);
  console.log(`  FAIL ${name}\n       ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n       ')}`);
}

/** Runs a command to its end, its output shown; true when it exited 0. */
function run(cmd, cmdArgs, cwd, env = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The servers running now, stopped on any exit (also when CI's time limit ends this script). */
const running = new Set();
process.on('exit', () => running.forEach((stop) => stop()));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));

/** Starts a server in its own process group; resolves once `url` answers, with a stop function. */
async function serve(cmd, cmdArgs, cwd, url, env = {}) {
  const child = spawn(cmd, cmdArgs, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    running.delete(stop);
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  running.add(stop);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited before answering:\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) return { stop, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`${url} did not answer within 60 s:\n${output}`);
}

// ---- What a person sees, checked in the page ---------------------------------------------

const NAMES = ['Ana Lima', 'Bruno Costa', 'Chiara Rossi'];
const WAIT = 20_000;

/** The bar's rings, one for each account, by their accessible names. */
async function barRings(page) {
  await page.waitForFunction(
    (names) => {
      const bar = document.querySelector('story-bar');
      const labels = [...(bar?.shadowRoot?.querySelectorAll('story-ring') ?? [])].map((r) => r.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '');
      // In the library's order (unseen first, the latest first), so only the set is checked.
      return labels.length === names.length && names.every((n) => labels.some((l) => l.startsWith(`${n},`)));
    },
    NAMES,
    { timeout: WAIT },
  );
  // The names under the rings are visible text.
  for (const name of NAMES) await page.locator('story-bar [part~="name"]', { hasText: name }).first().waitFor({ state: 'visible', timeout: WAIT });
}

/** Clicks Bruno's ring in the bar; the viewer's dialog opens on his story, its photo shown. */
async function openFromBar(page) {
  await page.locator('story-bar').getByRole('button', { name: /^Bruno Costa/ }).click({ timeout: WAIT });
  const dialog = page.locator('story-viewer dialog[open]');
  await dialog.waitFor({ state: 'visible', timeout: WAIT });
  await page.locator('story-viewer [part~="header"] [part~="name"]', { hasText: 'Bruno Costa' }).waitFor({ state: 'visible', timeout: WAIT });
  // The photo is painted (an <img> or the canvas it was decoded into), no spinner, no error.
  await page.waitForFunction(
    () => {
      const shadow = document.querySelector('story-viewer')?.shadowRoot;
      const media = shadow?.querySelector('.media-box img, .media-box canvas');
      const painted = media && (media.localName === 'canvas' ? media.width > 0 : media.complete && media.naturalWidth > 0);
      return !!painted && !shadow.querySelector('[part~="spinner"], [part~="error"]');
    },
    undefined,
    { timeout: WAIT },
  );
}

/** The app's own handler for `story-open` wrote what was opened into #last-opened. */
async function handlerSaw(page, name) {
  await page.locator('#last-opened', { hasText: `Opened: ${name}` }).waitFor({ state: 'visible', timeout: WAIT });
}

/** Closes the viewer with Escape, as a person would. */
async function closeViewer(page) {
  await page.keyboard.press('Escape');
  await page.locator('story-viewer dialog[open]').waitFor({ state: 'detached', timeout: WAIT });
}

/** The lone ring #ana got its author as a property (an object, not an attribute) and shows it. */
async function authorIsProperty(page) {
  await page.waitForFunction(
    () => {
      const ring = document.querySelector('#ana');
      const label = ring?.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '';
      return typeof ring?.author === 'object' && ring.author?.name === 'Ana Lima' && !ring.hasAttribute('author') && label.startsWith('Ana Lima');
    },
    undefined,
    { timeout: WAIT },
  );
}

/** The page as the server sends it: the bar's shadow DOM with a ring and a name per account. */
async function serverRenderedBar(url) {
  const html = await (await fetch(url)).text();
  const from = html.indexOf('<story-bar');
  const bar = from < 0 ? '' : html.slice(from, html.indexOf('</story-bar>', from));
  if (!/^<story-bar[^>]*>\s*<template shadowroot(?:mode)?="open"/.test(bar)) throw new Error(`no <story-bar> with declarative shadow DOM in the server's HTML:\n${html.slice(0, 3000)}`);
  for (const name of NAMES) {
    if (!new RegExp(`<story-ring[^>]*>\\s*<template shadowroot(?:mode)?="open"[^>]*>[\\s\\S]*?aria-label="${name}, \\d+ new stor`).test(bar)) throw new Error(`the server's bar has no rendered ring for ${name}`);
    if (!new RegExp(`part="name"[^>]*>(?:<!--[^>]*-->)*${name}<`).test(bar)) throw new Error(`the server's bar does not show the name ${name}`);
  }
  if (!/<story-ring(?=[^>]*\bid="ana")[^>]*>\s*<template shadowroot(?:mode)?="open"[^>]*>[\s\S]*?aria-label="Ana Lima/.test(html)) throw new Error('the lone ring #ana is not rendered on the server');
}

/**
 * Set up before any of the page's scripts: the first <story-bar> the HTML parser made (to
 * tell hydration, which keeps it, from a re-render, which replaces it) and the page's layout
 * shifts (Chromium's layout-shift entries, as Cumulative Layout Shift counts them).
 */
function watchPage() {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const observer = new MutationObserver(() => {
    const bar = document.querySelector('story-bar');
    if (bar) {
      window.__parsedBar = bar;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The server's bar was hydrated where it stood: the same element, now with its store, and nothing moved. */
async function hydratedInPlace(page) {
  await page.waitForFunction(
    () => {
      const bar = document.querySelector('story-bar');
      return !!bar && bar === window.__parsedBar && !bar.hasAttribute('defer-hydration') && !!bar.store && bar.shadowRoot.querySelectorAll('story-ring').length === 3;
    },
    undefined,
    { timeout: WAIT },
  );
  const shift = await page.evaluate(() => window.__shift);
  if (shift > 0.001) throw new Error(`the page shifted by ${shift.toFixed(4)} (Cumulative Layout Shift) while it hydrated`);
}

/** Activating the lone ring reaches the app's handler. */
async function ringOpens(page) {
  await page.locator('#ana').getByRole('button', { name: /^Ana Lima/ }).click({ timeout: WAIT });
  await handlerSaw(page, 'Ana Lima');
}

// ---- The examples ---------------------------------------------------------------------------

const bin = (dir, name) => join(examplesDir, dir, 'node_modules', '.bin', name);
/** Vite's own server for what `vite build` wrote to dist/. */
const vitePreview = (dir, port) => [bin(dir, 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {}];

/** The checks of an app whose framework sets `author` and listens to events (React, Vue). */
const FRAMEWORK_CHECKS = [
  ['rings render', barRings],
  ['a ring opens the viewer', openFromBar],
  ['the event reaches the framework’s handler (visible text)', (page) => handlerSaw(page, 'Bruno Costa')],
  ['Escape closes the viewer', closeViewer],
  ['an author object arrives as a property', authorIsProperty],
  ['the lone ring’s event reaches the handler', ringOpens],
];

const EXAMPLES = {
  'plain-html': {
    serve: (dir, port) => [process.execPath, ['serve.mjs'], { PORT: String(port), HOST: '127.0.0.1' }],
    checks: [
      ['rings render', barRings],
      ['a ring opens the viewer', openFromBar],
      ["the page's story-open listener runs", (page) => handlerSaw(page, 'Bruno Costa')],
      ['Escape closes the viewer', closeViewer],
      ['a ring made of attributes alone reaches the listener', ringOpens],
    ],
  },
  'react-vite': { serve: vitePreview, checks: FRAMEWORK_CHECKS },
  'vue-vite': { serve: vitePreview, checks: FRAMEWORK_CHECKS },
  nextjs: {
    serve: (dir, port) => [bin(dir, 'next'), ['start', '--hostname', '127.0.0.1', '--port', String(port)], {}],
    beforeBrowser: [['the server’s HTML has the bar’s rings (declarative shadow DOM)', serverRenderedBar]],
    checks: [['the server’s bar hydrates in place, with its store and no layout shift', hydratedInPlace], ...FRAMEWORK_CHECKS],
  },
};

async function smoke(browser, name, url, checks) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const outside = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  await context.addInitScript(watchPage);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  try {
    await page.goto(url, { waitUntil: 'load' });
    for (const [label, check] of checks) {
      try {
        await check(page, url);
        pass(`${name}: ${label}`);
      } catch (error) {
        fail(`${name}: ${label}`, error);
      }
    }
    if (errors.length || outside.length) fail(`${name}: no errors and no requests off 127.0.0.1`, [...errors, ...outside.map((u) => `request to ${u}`)].join('\n'));
    else pass(`${name}: no errors and no requests off 127.0.0.1`);
  } finally {
    await context.close();
  }
}

async function main() {
  // In the order of EXAMPLES (the simplest first), those asked for or all.
  const present = new Set(readdirSync(examplesDir));
  const names = Object.keys(EXAMPLES).filter((d) => present.has(d) && (!only.length || only.includes(d)));
  const unknown = only.filter((n) => !EXAMPLES[n]);
  if (unknown.length) {
    console.error(`No such example: ${unknown.join(', ')} (there are: ${Object.keys(EXAMPLES).join(', ')})`);
    return false;
  }
  const started = performance.now();

  if (!skipBuild) {
    console.log('=== examples: building the library');
    if (!run('npm', ['run', 'build'], root)) {
      fail('build the library', 'npm run build failed');
      return false;
    }
  }
  console.log('=== examples: packing it (npm pack)');
  const packDir = mkdtempSync(join(tmpdir(), 'stories-kit-pack-'));
  const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' });
  const tarball = packed.stdout.trim().split('\n').pop();
  if (packed.status !== 0 || !tarball || !existsSync(join(packDir, tarball))) {
    fail('npm pack', packed.stderr);
    return false;
  }
  // Where every example's package.json points (`file:../.pack/stories-kit.tgz`).
  mkdirSync(join(examplesDir, '.pack'), { recursive: true });
  copyFileSync(join(packDir, tarball), join(examplesDir, '.pack', 'stories-kit.tgz'));
  rmSync(packDir, { recursive: true, force: true });

  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    for (const name of names) {
      const example = EXAMPLES[name];
      const dir = join(examplesDir, name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const since = performance.now();
      console.log(`\n=== examples/${name}`);
      // A fresh install: the tarball's content changes while its name does not.
      rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
      const steps = [['install', 'npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error']]];
      for (const script of ['typecheck', 'build']) if (pkg.scripts?.[script]) steps.push([script, 'npm', ['run', script]]);
      let ok = true;
      for (const [step, cmd, cmdArgs] of steps) {
        const t = performance.now();
        if (run(cmd, cmdArgs, dir)) pass(`${name}: ${step} (${seconds(t)} s)`);
        else {
          fail(`${name}: ${step}`, `${cmd} ${cmdArgs.join(' ')} failed`);
          ok = false;
          break;
        }
      }
      if (ok) {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}/`;
        const [cmd, cmdArgs, env] = example.serve(name, port);
        let server;
        try {
          server = await serve(cmd, cmdArgs, dir, url, env);
          if (example.beforeBrowser) {
            for (const [label, check] of example.beforeBrowser) {
              try {
                await check(url);
                pass(`${name}: ${label}`);
              } catch (error) {
                fail(`${name}: ${label}`, error);
              }
            }
          }
          await smoke(browser, name, url, example.checks);
        } catch (error) {
          fail(`${name}: serve and smoke-test`, error);
        } finally {
          server?.stop();
        }
      }
      timings.push(`${name} ${seconds(since)} s`);
    }
  } finally {
    await browser.close();
  }
  console.log(`\nexamples took ${seconds(started)} s (${timings.join(', ')})`);
  return counts.failed === 0;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  fail('examples', error);
}
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
console.log(`examples: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(ok && counts.failed === 0 ? 0 : 1);
