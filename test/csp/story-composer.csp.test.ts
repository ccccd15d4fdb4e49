// Runs in the strict-CSP group: composing and publishing a story, with no violation.
import { expect, fixture, html } from '@open-wc/testing';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../src/state/store.js';
import '../../src/story-composer.js';
import type { StoryComposer } from '../../src/story-composer.js';
import { describeViolations, violations } from '../helpers/csp.js';
import { until } from '../helpers/dom.js';
import { testWorld } from '../helpers/world.js';
import { colourButtons, editText, emojiButtons, field, shownOverlays, shownPhoto } from '../elements/story-composer/composer-harness.js';

describe('strict CSP and Trusted Types: composer', () => {
  it('<story-composer> uploads, places text and a sticker, applies an effect and publishes with no violation', async () => {
    const dbName = `csp-composer-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(Date.now()));
    const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
    await store.load();
    const el = await fixture<StoryComposer>(html`<story-composer .store=${store} open></story-composer>`);
    const button = (label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label)!;
    await until(() => !!button('Use camera'), 'the composer');
    const file = new File([await (await fetch('/fixtures/media/photos/sunrise.jpg')).blob()], 'sunrise.jpg', { type: 'image/jpeg' });
    await el.useFile(file);
    await until(() => !!shownPhoto(el), 'the photo');
    button('Text').click();
    await until(() => !!field(el, 'Text'), 'the text field');
    field<HTMLTextAreaElement>(el, 'Text')!.value = '<b>not bold</b>';
    button('Add text').click();
    await until(() => shownOverlays(el).length === 1, 'the text on the story');
    await editText(el, shownOverlays(el)[0]);
    colourButtons(el)[2].click();
    button('Sticker').click();
    await until(() => emojiButtons(el).length > 0, 'the stickers');
    emojiButtons(el)[0].click();
    button('Effect').click();
    await until(() => !!button('vivid'), 'the effects');
    button('vivid').click();
    await until(() => getComputedStyle(shownPhoto(el)!).filter !== 'none', 'the effect shown');
    expect(el.shadowRoot!.querySelectorAll('b').length).to.equal(0);
    const story = await el.publish();
    expect(story?.overlays?.length).to.equal(2);
    expect(violations, describeViolations()).to.have.length(0);
    indexedDB.deleteDatabase(dbName);
  });
});
