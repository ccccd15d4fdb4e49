// The composer's tools load once it opens. When their code cannot be fetched (offline, or a
// deploy replaced the files), the composer says so in words, keeps the photo on screen and
// the draft saved, and never shows a half-built editor.
import { expect, fixture, html } from '@open-wc/testing';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../../src/state/store.js';
import '../../../src/story-composer.js';
import type { StoryComposer } from '../../../src/story-composer.js';
import { until } from '../../helpers/dom.js';
import { block, httpCache, unblock } from '../../helpers/network.js';
import { testWorld } from '../../helpers/world.js';
import { errorText, heading, shownPhoto, toolbarButtons, upload } from './composer-harness.js';

const TOOLS_MODULE = '/src/elements/story-composer/tools.ts';
const dbName = `composer-tools-${crypto.randomUUID()}`;

describe('<story-composer> whose tools cannot load', () => {
  // Earlier test files cached the modules: without the cache, the browser asks the server.
  before(() => httpCache(false));
  after(async () => {
    await unblock();
    await httpCache(true);
    indexedDB.deleteDatabase(dbName);
  });

  it('says so, keeps the photo shown and the draft saved, and offers no half of the editor', async () => {
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(Date.now()));
    const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
    await store.load();
    await block(TOOLS_MODULE);

    const el = await fixture<StoryComposer>(html`<story-composer .store=${store} open></story-composer>`);
    await until(() => !!heading(el), 'the composer');
    const photo = await (await fetch('/fixtures/media/photos/forest.jpg')).blob();
    upload(el, new File([photo], 'forest.jpg', { type: 'image/jpeg' }));
    await until(() => /The tools could not be loaded/.test(errorText(el)), 'the failure, in words');
    expect(errorText(el)).to.contain('Your draft is kept: reload the page to try again.');
    expect(el.shadowRoot!.querySelector('[part~=error]')!.getAttribute('role')).to.equal('alert');
    await until(() => !!shownPhoto(el)?.naturalWidth, 'the photo in the frame');
    expect(toolbarButtons(el), 'no toolbar').to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part~=publish-button]'), 'no Publish without the rest of the editor').to.equal(null);
    await el.saveNow();
    el.remove();

    // Another composer on the same page (the failed module stays failed until a reload):
    // the draft comes back from IndexedDB, with the same words.
    await unblock();
    const again = await fixture<StoryComposer>(html`<story-composer .store=${store} open></story-composer>`);
    await until(() => !!shownPhoto(again)?.naturalWidth, 'the saved photo, restored');
    expect((await again.draft()).media.type).to.equal('image/jpeg');
    await until(() => /The tools could not be loaded/.test(errorText(again)), 'the failure again');
  });
});
