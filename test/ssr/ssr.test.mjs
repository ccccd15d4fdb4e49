// Server rendering: every element imports and renders under Lit's server renderer
// (@lit-labs/ssr) in plain Node — no window, no document, no DOM shim of ours — and the ring
// and the bar render their rings as declarative shadow DOM from data given in JavaScript.
// Run by `npm test` (scripts/test.mjs) with node:test; alone: `node --test test/ssr/`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so the bundle's imports of lit (its Node build) resolve from node_modules.
const out = `${root}node_modules/.cache/stories-kit-ssr-test`;
const TAGS = ['story-ring', 'story-bar', 'story-sidebar', 'story-viewer', 'story-comments', 'viewers-tab', 'story-composer', 'story-provider'];
const HOUR = 3_600_000;

/** Modules of the library, compiled for Node as the package's entries are (dependencies stay imports). */
let lib;
let render, collectResult, html, unsafeStatic;
const unhandled = [];
const onUnhandled = (reason) => unhandled.push(reason);

before(async () => {
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: ['index', ...TAGS].map((e) => `${root}src/${e}.ts`),
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    target: 'es2022',
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'error',
  });
  ({ render } = await import('@lit-labs/ssr'));
  ({ collectResult } = await import('@lit-labs/ssr/lib/render-result.js'));
  ({ html, unsafeStatic } = await import('lit/static-html.js'));
  lib = await import(pathToFileURL(`${out}/index.js`).href);
  process.on('unhandledRejection', onUnhandled);
});

// The bundle stays until the next run: modules a store imports lazily may still be loading.
after(() => process.off('unhandledRejection', onUnhandled));

/** Renders a template to a string, as a server would send it. */
const toHtml = (template) => collectResult(render(template));
/** Lets pending promises settle, so a rejection nobody handled shows up. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const reels = (now) => [
  { author: { id: 'alice', name: 'Alice Adams' }, stories: [{ id: 'a1', createdAt: now - HOUR, media: { kind: 'image', src: 'https://cdn.example/a1.jpg' } }] },
  { author: { id: 'bob', name: 'Bob Brown' }, stories: [{ id: 'b1', createdAt: now - 2 * HOUR, media: { kind: 'image', src: 'https://cdn.example/b1.jpg' } }] },
];

/** A store over reels given in JavaScript, loaded before rendering (the renderer is synchronous). */
async function loadedStore() {
  // No seen state on a server: it lives in the visitor's browser.
  const store = await lib.createStore({ reels: reels(Date.now()), storeOptions: { seen: null, refreshInterval: 0 } });
  await store.load();
  assert.equal(store.status, 'ready');
  return store;
}

describe('server rendering (@lit-labs/ssr)', () => {
  it('runs without browser globals', () => {
    assert.equal(typeof window, 'undefined');
    assert.equal(typeof document, 'undefined');
    assert.equal(typeof innerWidth, 'undefined');
  });

  for (const tag of TAGS) {
    it(`renders <${tag}> without throwing`, async () => {
      const t = unsafeStatic(tag);
      const out = await toHtml(html`<${t}></${t}>`);
      assert.match(out, new RegExp(`<${tag}[\\s>]`));
      assert.match(out, /<template shadowroot(mode)?="open"/);
    });
  }

  it('renders <story-ring> from an author property, as declarative shadow DOM', async () => {
    const out = await toHtml(html`<story-ring .author=${{ id: 'ana', name: 'Ana Lima' }} state="unseen" segments="2"></story-ring>`);
    assert.match(out, /<story-ring[^>]*state="unseen"[^>]*><template shadowroot(mode)?="open"/);
    assert.match(out, /aria-label="Ana Lima, 2 new stories"/);
  });

  it('renders <story-bar> with the rings of the reels in a given store, each with its shadow DOM', async () => {
    const store = await loadedStore();
    try {
      const out = await toHtml(html`<story-bar .store=${store}></story-bar>`);
      const rings = out.split('<story-ring').slice(1);
      assert.equal(rings.length, 2, 'two rings');
      for (const [i, name] of ['Alice Adams', 'Bob Brown'].entries()) {
        assert.match(rings[i], /^[^>]*><template shadowroot(mode)?="open"/, `ring ${i} has declarative shadow DOM`);
        assert.ok(rings[i].includes(`aria-label="${name}, 1 new story"`), `ring ${i} is ${name}'s`);
      }
      // The names under the rings (text between Lit's hydration markers).
      const shown = [...out.matchAll(/part="name"[^>]*>(?:<!--[^>]*-->)*([^<]*)/g)].map((m) => m[1]);
      assert.deepEqual(shown, ['Alice Adams', 'Bob Brown']);
      assert.doesNotMatch(out, /aria-busy="true"/);
    } finally {
      store.dispose();
    }
  });

  it('renders a bar, a sidebar and a provider with a relative feed URL, with no error thrown or left unhandled', async () => {
    for (const tag of ['story-bar', 'story-sidebar', 'story-provider']) {
      const t = unsafeStatic(tag);
      await toHtml(html`<${t} feed="/stories.json"></${t}>`);
    }
    await settle();
    assert.deepEqual(unhandled.map(String), []);
  });
});
