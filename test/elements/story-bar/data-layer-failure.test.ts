// When the data layer's code cannot be fetched (offline, or a deploy replaced the files), the
// bar says so, reports it, and "Try again" reloads the page (a browser keeps a failed module
// for the life of the page). In an iframe: it reloads, and its own module map starts empty.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { StoryBar } from '../../../src/story-bar.js';
import type { StoryProvider } from '../../../src/story-provider.js';
import { until } from '../../helpers/dom.js';
import { block, httpCache, unblock } from '../../helpers/network.js';
import { HOUR, testApi } from '../../helpers/world.js';

const STORE_MODULE = '/src/state/store.ts';

async function serveFeed(name: string): Promise<string> {
  const createdAt = Date.now() - HOUR;
  const reels = ['ana', 'bo'].map((a) => ({ author: { id: a, name: a.toUpperCase() }, stories: [{ id: `${a}-1`, createdAt, media: { kind: 'image', src: '/fixtures/media/photos/city.webp' } }] }));
  await testApi(`files/${name}`, { reels }, 'PUT');
  return `/api/__test/files/${name}`;
}

/** The probe page in an iframe, and what a person sees of its two bars. */
function probe(query: string) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 400px; height: 400px; border: 0';
  frame.src = `/test/pages/data-layer-probe.html?${query}`;
  document.body.append(frame);
  const win = () => frame.contentWindow as Window & { reported: string[] };
  const bar = (id: string) => win().document.getElementById(id) as StoryBar | null;
  const part = (id: string, name: string) => bar(id)?.shadowRoot?.querySelector<HTMLElement>(`[part=${name}]`) ?? null;
  return {
    frame,
    win,
    bar,
    part,
    names: (id: string) => [...(bar(id)?.shadowRoot?.querySelectorAll('[part=name]') ?? [])].map((n) => n.textContent),
    /** Clicks an element of the framed page where a person would, in this page's coordinates. */
    async click(el: HTMLElement) {
      const outer = frame.getBoundingClientRect();
      const inner = el.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(outer.left + inner.left + inner.width / 2), Math.round(outer.top + inner.top + inner.height / 2)] });
    },
  };
}

describe('the data layer’s code', () => {
  before(() => httpCache(false));
  after(() => httpCache(true));

  it('is fetched once the elements’ code has loaded, before any element is in the page', async () => {
    const page = probe('none');
    try {
      const requested = () => page.win().performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === STORE_MODULE);
      await until(() => page.win().document.readyState === 'complete' && requested(), 'the store’s module requested', 10000);
      expect(page.win().document.querySelector('story-bar, story-provider'), 'no element in the page').to.equal(null);
    } finally {
      page.frame.remove();
    }
  });
});

describe('a data layer that cannot load', () => {
  // Earlier test files cached the modules: without the cache, the browser asks the server.
  before(() => httpCache(false));
  after(() => httpCache(true));
  afterEach(unblock);

  it('leaves no bar loading: each shows its error state, each store’s owner reports once, and "Try again" reloads into the stories', async function () {
    // Two loads of a page of unbundled modules.
    this.timeout(30000);
    await testApi('reset');
    const url = await serveFeed('failing.json');
    // The first module of the data layer (a browser keeps the failure for the page's life).
    await block(STORE_MODULE);
    const page = probe(`feed=${encodeURIComponent(url)}`);
    try {
      await until(() => !!page.part('own', 'message') && !!page.part('provided', 'message'), 'both error messages', 10000);
      for (const id of ['own', 'provided']) {
        expect(page.part(id, 'message')!.textContent, id).to.contain('Stories could not be loaded.');
        expect(page.bar(id)!.state, id).to.equal('error');
      }
      // The bar of its own feed reports for itself; the provider for the bar inside it.
      expect(page.win().reported.sort()).to.deep.equal(['network from story-bar', 'network from story-provider']);
      const provider = page.win().document.querySelector<StoryProvider>('story-provider')!;
      const failed = await provider.ready.then(() => null, (error: unknown) => error);
      expect(String(failed), 'ready rejects with the import’s error').to.contain('Failed to fetch dynamically imported module');

      await unblock();
      // The frame's window stays the same object across a reload; its document does not.
      const before = page.win().document;
      await page.click(page.part('provided', 'retry-button')!);
      await until(() => page.win().document !== before, 'the page to reload', 10000);
      await until(() => page.names('own').length === 2 && page.names('provided').length === 2, 'the accounts after the reload', 10000);
      for (const id of ['own', 'provided']) {
        expect(page.names(id), id).to.deep.equal(['ANA', 'BO']);
        expect(page.part(id, 'message'), id).to.equal(null);
      }
      expect(page.win().reported).to.deep.equal([]);
      expect((await page.win().document.querySelector<StoryProvider>('story-provider')!.ready).reels.length).to.equal(2);
    } finally {
      page.frame.remove();
    }
  });
});
