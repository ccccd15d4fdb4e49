// Runs in the camera-denied group: a fake camera, but the permission prompt is answered "Block".
import { expect, fixture, html } from '@open-wc/testing';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../../src/state/store.js';
import '../../../src/story-composer.js';
import type { StoryComposer } from '../../../src/story-composer.js';
import { until } from '../../helpers/dom.js';
import { testWorld } from '../../helpers/world.js';
import { cameraPreview, shownPhoto } from '../../elements/story-composer/composer-harness.js';

describe('<story-composer> without camera permission', () => {
  it('says so clearly, and the upload path still works', async () => {
    const dbName = `camera-denied-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(Date.now()));
    const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
    await store.load();
    const el = await fixture<StoryComposer>(html`<story-composer .store=${store} open></story-composer>`);
    const button = (label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label)!;
    await until(() => !!button('Use camera'), 'the composer');
    button('Use camera').click();
    await until(() => /Camera access was refused/.test(el.shadowRoot!.querySelector('[role=alert]')?.textContent ?? ''), 'the refusal, in words');
    expect(cameraPreview(el)).to.equal(null);
    const file = new File([await (await fetch('/fixtures/media/photos/forest.jpg')).blob()], 'forest.jpg', { type: 'image/jpeg' });
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await until(() => !!shownPhoto(el), 'the uploaded photo');
    el.close();
    indexedDB.deleteDatabase(dbName);
  });
});
