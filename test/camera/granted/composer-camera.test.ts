// Runs in the camera group: Chromium with a fake camera and microphone, permission granted.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../../src/state/store.js';
import '../../../src/story-composer.js';
import type { StoryComposer } from '../../../src/story-composer.js';
import { until } from '../../helpers/dom.js';
import { testWorld } from '../../helpers/world.js';

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const button = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label)!;

async function composer(): Promise<{ el: StoryComposer; store: StoriesStore; close: () => void }> {
  const dbName = `camera-${crypto.randomUUID()}`;
  const adapter = new LocalAdapter({ dbName });
  await adapter.seed(testWorld(Date.now()));
  const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
  await store.load();
  const el = await fixture<StoryComposer>(html`<story-composer .store=${store} open></story-composer>`);
  await until(() => !!button(el, 'Use camera'), 'the composer');
  return { el, store, close: () => (el.close(), indexedDB.deleteDatabase(dbName)) };
}

describe('<story-composer> with a camera', () => {
  it('previews the camera and takes a photo from it', async () => {
    const { el, close } = await composer();
    button(el, 'Use camera').click();
    await until(() => (q<HTMLVideoElement>(el, 'video.camera')?.videoWidth ?? 0) > 0, 'the live preview');
    button(el, 'Take photo').click();
    await until(() => el.media !== null, 'the photo');
    expect(el.media!.kind).to.equal('image');
    expect(el.media!.type).to.equal('image/jpeg');
    expect(el.media!.width).to.be.greaterThan(0);
    await until(() => !!q(el, 'img.media'), 'the photo in the frame');
    // The camera is off once the photo is taken.
    expect(q(el, 'video.camera')).to.equal(null);
    close();
  });

  it('records a short video with a visible timer, which becomes the story’s video', async function () {
    this.timeout(20_000);
    const { el, close } = await composer();
    button(el, 'Use camera').click();
    await until(() => (q<HTMLVideoElement>(el, 'video.camera')?.videoWidth ?? 0) > 0, 'the live preview');
    button(el, 'Record video').click();
    await until(() => q(el, '[role=timer]')?.textContent === '0:01 / 1:00', 'the timer at one second');
    button(el, 'Stop recording').click();
    await until(() => el.media !== null, 'the recording', 10_000);
    expect(el.media!.kind).to.equal('video');
    expect(el.media!.duration).to.be.within(900, 3000);
    await until(() => !!q(el, 'video.media'), 'the recording in the frame');
    close();
  });

  it('composes and publishes with the keyboard alone: camera, photo, text, placement, publish', async function () {
    this.timeout(20_000);
    const { el, store, close } = await composer();
    const focused = () => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a as HTMLElement | null;
    };
    /** Tabs until the focused control is the one wanted (its text, or a test). */
    const tabTo = async (wanted: string | ((el: HTMLElement) => boolean)) => {
      const is = typeof wanted === 'string' ? (f: HTMLElement) => f.textContent?.trim() === wanted : wanted;
      for (let i = 0; i < 30; i++) {
        const f = focused();
        if (f && is(f)) return;
        await sendKeys({ press: 'Tab' });
      }
      throw new Error(`Tab never reached ${String(wanted)}`);
    };
    await tabTo('Use camera');
    await sendKeys({ press: 'Enter' });
    await until(() => (q<HTMLVideoElement>(el, 'video.camera')?.videoWidth ?? 0) > 0, 'the live preview');
    await tabTo('Take photo');
    await sendKeys({ press: 'Enter' });
    await until(() => !!q(el, 'img.media'), 'the photo');
    await tabTo('Text');
    await sendKeys({ press: 'Enter' });
    await until(() => !!q(el, 'textarea[name=text]'), 'the text field');
    await tabTo((f) => f.localName === 'textarea');
    await sendKeys({ type: 'Typed only' });
    await tabTo('Add text');
    await sendKeys({ press: 'Enter' });
    await until(() => el.overlays.length === 1, 'the text');
    await until(() => !!q(el, '.overlay'), 'the text on the story');
    // The overlay is a Tab stop of its own; arrows place it.
    await tabTo((f) => f.classList.contains('overlay'));
    await sendKeys({ press: 'ArrowUp' });
    await tabTo('Publish');
    await sendKeys({ press: 'Enter' });
    await until(() => !el.open, 'published');
    const mine = store.mine()!.stories.at(-1)!;
    expect(mine.overlays).to.deep.equal([{ kind: 'text', text: 'Typed only', x: 0.5, y: 0.39, style: 'background', color: '#ffffff' }]);
    close();
  });
});
