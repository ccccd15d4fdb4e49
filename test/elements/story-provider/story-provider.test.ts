import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import '../../../src/story-provider.js';
import { StoryProvider } from '../../../src/story-provider.js';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import type { StoryErrorEvent } from '../../../src/events.js';
import { StoreController } from '../../../src/state/store-controller.js';
import { configureDefaultStore } from '../../../src/state/default-store.js';
import { until } from '../../helpers/dom.js';
import { HOUR, testApi, testWorld } from '../../helpers/world.js';

/** A minimal element that shows what its store holds, as later elements will. */
class StoreProbe extends LitElement {
  readonly stores = new StoreController(this);
  protected override render() {
    const store = this.stores.store;
    if (!store) return litHtml`<p>no store yet</p>`;
    return litHtml`<p>${store.status}: ${store.reels.map((r) => r.author.name).join(', ')}</p>`;
  }
}
customElements.define('store-probe', StoreProbe);

const text = (el: Element) => el.shadowRoot!.textContent!.trim();
const hourAgo = () => Date.now() - HOUR;

async function serveFeed(name: string, authors: string[]): Promise<string> {
  const reels = authors.map((a) => ({ author: { id: a, name: a.toUpperCase() }, stories: [{ id: `${a}-1`, createdAt: hourAgo(), media: { kind: 'image', src: '/fixtures/media/photos/city.webp' } }] }));
  await testApi(`files/${name}`, { reels }, 'PUT');
  return `/api/__test/files/${name}`;
}

describe('<story-provider>', () => {
  beforeEach(() => testApi('reset'));

  it('gives the elements inside it the feed of its feed="…" attribute', async () => {
    const url = await serveFeed('p1.json', ['ana', 'bo']);
    const el = await fixture<StoryProvider>(html`<story-provider feed=${url}><store-probe></store-probe></story-provider>`);
    const probe = el.querySelector('store-probe')!;
    await until(() => text(probe) === 'ready: ANA, BO', 'the feed to show');
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el.store!.adapter.readOnly).to.equal(true);
  });

  it('switches source when the attribute changes', async () => {
    const first = await serveFeed('p2.json', ['ana']);
    const second = await serveFeed('p3.json', ['cy']);
    const el = await fixture<StoryProvider>(html`<story-provider feed=${first}><store-probe></store-probe></story-provider>`);
    const probe = el.querySelector('store-probe')!;
    await until(() => text(probe) === 'ready: ANA', 'the first feed');
    el.feed = second;
    await until(() => text(probe) === 'ready: CY', 'the second feed');
  });

  it('uses endpoint="…" with a token callback, and any adapter given as a property', async () => {
    const now = Date.now();
    await testApi('seed', testWorld(now));
    const el = await fixture<StoryProvider>(html`<story-provider endpoint="/api" .token=${() => 'token-viewer'}><store-probe></store-probe></story-provider>`);
    const probe = el.querySelector('store-probe')!;
    await until(() => text(probe) === 'ready: Alice Adams, Bob Brown, Carol Chen', 'the REST feed');

    const dbName = `provider-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(now));
    el.adapter = adapter;
    await until(() => el.store?.adapter === adapter && text(probe) === 'ready: Alice Adams, Bob Brown, Carol Chen', 'the custom adapter');
    await adapter.close();
    indexedDB.deleteDatabase(dbName);
  });

  it('re-dispatches story-error from its element, bubbling out to the page', async () => {
    await testApi('files/bad.json', { reels: [{ author: { id: 'x', name: 'X' }, stories: [{ id: 's', createdAt: hourAgo(), media: { kind: 'image', src: 'javascript:alert(1)' } }] }] }, 'PUT');
    const errored = oneEvent(document, 'story-error') as Promise<StoryErrorEvent>;
    const el = await fixture<StoryProvider>(html`<story-provider feed="/api/__test/files/bad.json"><store-probe></store-probe></story-provider>`);
    const event = await errored;
    expect(event.target).to.equal(el);
    expect(event.detail).to.include({ code: 'invalid', storyId: 's', path: 'media.src' });
    await until(() => text(el.querySelector('store-probe')!) === 'ready:', 'an empty, calm feed');
  });

  it('serves elements that upgraded before the provider was defined', async () => {
    const url = await serveFeed('late.json', ['late']);
    class LateProvider extends StoryProvider {}
    const container = await fixture<HTMLDivElement>(html`<div><late-provider feed=${url}><store-probe></store-probe></late-provider></div>`);
    await configureDefaultStore(new LocalAdapter({ dbName: `default-${crypto.randomUUID()}` }));
    const probe = container.querySelector('store-probe')!;
    customElements.define('late-provider', LateProvider);
    await until(() => text(probe) === 'ready: LATE', 'the late provider’s feed');
  });

  it('elements outside any provider use the page-wide default store', async () => {
    const now = Date.now();
    const dbName = `default-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(now));
    const store = await configureDefaultStore(adapter);
    const probe = await fixture<StoreProbe>(html`<store-probe></store-probe>`);
    await until(() => text(probe) === 'ready: Alice Adams, Bob Brown, Carol Chen', 'the default store’s feed');
    expect(probe.stores.store).to.equal(store);
    await adapter.close();
    indexedDB.deleteDatabase(dbName);
  });
});
