// Deep links on a page whose viewer has not loaded yet: the bar loads it for the key that
// viewer is given. This file imports no viewer, so `<story-viewer>` is undefined until then.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/story-provider.js';
import '../../../src/story-bar.js';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import type { StoryViewer } from '../../../src/story-viewer.js';
import { until } from '../../helpers/dom.js';
import { testWorld } from '../../helpers/world.js';

const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));
afterEach(() => history.replaceState(null, '', location.pathname + location.search));

async function adapter(): Promise<LocalAdapter> {
  const dbName = `deep-link-${crypto.randomUUID()}`;
  dbs.push(dbName);
  const local = new LocalAdapter({ dbName });
  await local.seed(testWorld(Date.now()));
  return local;
}

describe('<story-bar> and deep links', () => {
  it('opens the page’s own viewer, under its own deep-link key, although its code was not loaded', async () => {
    expect(customElements.get('story-viewer')).to.equal(undefined);
    history.replaceState(null, '', '#s=carol/c1');
    const page = await fixture(html`<story-provider .adapter=${await adapter()} .storeOptions=${{ seen: null }}>
      <story-bar></story-bar>
      <story-viewer deep-link="s"></story-viewer>
    </story-provider>`);
    const viewer = page.querySelector<StoryViewer>('story-viewer')!;
    await until(() => !!customElements.get('story-viewer') && viewer.open, 'the page’s viewer to open');
    expect(viewer.shadowRoot!.querySelector('[part=name]')!.textContent).to.equal('Carol Chen');
    // The page's viewer did it: the bar made none of its own.
    expect(document.querySelectorAll('story-viewer').length).to.equal(1);
    viewer.close();
  });
});
