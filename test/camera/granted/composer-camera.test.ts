// Runs in the camera group: Chromium with a fake camera and microphone, permission granted.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../../src/state/store.js';
import '../../../src/story-composer.js';
import type { StoryComposer } from '../../../src/story-composer.js';
import { until } from '../../helpers/dom.js';
import { testWorld } from '../../helpers/world.js';
import { cameraPreview, drafted, draftedOverlays, isOverlay, said, shownMedia, shownOverlays, shownPhoto, shownVideo, toolButton } from '../../elements/story-composer/composer-harness.js';

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

/**
 * Compares a saved picture with the camera's: only where the camera's picture differs from its
 * own mirror does a sample tell mirrored from unmirrored.
 */
function compare(shot: Uint8ClampedArray, saved: Uint8ClampedArray, w: number, h: number) {
  const same = (a: Uint8ClampedArray, i: number, b: Uint8ClampedArray, j: number) => Math.max(Math.abs(a[i] - b[j]), Math.abs(a[i + 1] - b[j + 1]), Math.abs(a[i + 2] - b[j + 2])) < 48;
  let telling = 0;
  let mirrored = 0;
  let unmirrored = 0;
  for (let y = 0; y < h; y += 4) {
    for (let x = 0; x < w; x += 4) {
      const at = (y * w + x) * 4;
      const opposite = (y * w + (w - 1 - x)) * 4;
      if (same(shot, at, shot, opposite)) continue;
      telling++;
      if (same(saved, at, shot, opposite)) mirrored++;
      if (same(saved, at, shot, at)) unmirrored++;
    }
  }
  return { telling, mirrored, unmirrored };
}

/** Pauses the live preview once it has shown a frame, and returns that frame as drawn. */
async function stillFrame(video: HTMLVideoElement): Promise<OffscreenCanvasRenderingContext2D> {
  await new Promise((r) => video.requestVideoFrameCallback(r));
  video.pause();
  const frame = new OffscreenCanvas(video.videoWidth, video.videoHeight).getContext('2d', { willReadFrequently: true })!;
  await until(() => {
    frame.drawImage(video, 0, 0);
    return frame.getImageData(video.videoWidth >> 1, video.videoHeight >> 1, 1, 1).data[3] > 0;
  }, 'a drawn frame of the preview');
  return frame;
}

describe('<story-composer> with a camera', () => {
  it('previews the camera and takes a photo from it', async () => {
    const { el, close } = await composer();
    button(el, 'Use camera').click();
    await until(() => (cameraPreview(el)?.videoWidth ?? 0) > 0, 'the live preview');
    button(el, 'Take photo').click();
    await until(() => !!shownPhoto(el), 'the photo in the frame');
    const { media } = await drafted(el);
    expect(media.kind).to.equal('image');
    expect(media.type).to.equal('image/jpeg');
    expect(media.width).to.be.greaterThan(0);
    // The camera is off once the photo is taken.
    expect(cameraPreview(el)).to.equal(null);
    close();
  });

  it('records a short video with a visible timer, which becomes the story’s video', async function () {
    this.timeout(20_000);
    const { el, close } = await composer();
    button(el, 'Use camera').click();
    await until(() => (cameraPreview(el)?.videoWidth ?? 0) > 0, 'the live preview');
    button(el, 'Record video').click();
    await until(() => q(el, '[role=timer]')?.textContent === '0:01 / 1:00', 'the timer at one second');
    button(el, 'Stop recording').click();
    await until(() => !!shownVideo(el), 'the recording in the frame', 10_000);
    const { media } = await drafted(el);
    expect(media.kind).to.equal('video');
    expect(media.duration).to.be.within(900, 3000);
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
    await until(() => (cameraPreview(el)?.videoWidth ?? 0) > 0, 'the live preview');
    await tabTo('Take photo');
    await sendKeys({ press: 'Enter' });
    await until(() => !!shownPhoto(el), 'the photo');
    await tabTo('Text');
    await sendKeys({ press: 'Enter' });
    await until(() => !!q(el, 'textarea[name=text]'), 'the text field');
    await tabTo((f) => f.localName === 'textarea');
    await sendKeys({ type: 'Typed only' });
    await tabTo('Add text');
    await sendKeys({ press: 'Enter' });
    await until(() => shownOverlays(el).length > 0, 'the text on the story');
    expect((await draftedOverlays(el)).map((o) => o.kind === 'text' && o.text)).to.deep.equal(['Typed only']);
    // The overlay is a Tab stop of its own; arrows place it.
    await tabTo((f) => isOverlay(f));
    await sendKeys({ press: 'ArrowUp' });
    await tabTo('Publish');
    await sendKeys({ press: 'Enter' });
    await until(() => !el.open, 'published');
    const mine = store.mine()!.stories.at(-1)!;
    expect(mine.overlays).to.deep.equal([{ kind: 'text', text: 'Typed only', x: 0.5, y: 0.39, style: 'background', color: '#ffffff' }]);
    close();
  });

  it('moves focus from Use camera to Take photo and on to the tools; the live preview has no drop-zone border', async () => {
    const { el, close } = await composer();
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    button(el, 'Use camera').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => (cameraPreview(el)?.videoWidth ?? 0) > 0, 'the live preview');
    await until(() => focused()?.textContent?.trim() === 'Take photo', 'focus on Take photo');
    expect(getComputedStyle(q(el, '[part=frame]')!).borderTopStyle).to.equal('none');
    await sendKeys({ press: 'Enter' });
    await until(() => !!shownPhoto(el), 'the photo');
    await until(() => focused() === toolButton(el, 'Text'), 'focus on the first tool');
    close();
  });

  it('saves the front camera’s photo mirrored, as the preview shows it, and says so', async () => {
    const { el, close } = await composer();
    button(el, 'Use camera').click();
    await until(() => (cameraPreview(el)?.videoWidth ?? 0) > 0, 'the live preview');
    const video = cameraPreview(el)!;
    // The preview is drawn as a mirror, and the composer says the photo will be too.
    expect(getComputedStyle(video).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    expect(said(el)).to.match(/shown as a mirror, and photos and videos are saved the same way/);
    // One still frame, so the preview and the photo show the same moment.
    const frame = await stillFrame(video);
    const { videoWidth: w, videoHeight: h } = video;
    button(el, 'Take photo').click();
    await until(() => !!shownMedia(el), 'the photo');
    const bitmap = await createImageBitmap((await drafted(el)).media.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([w, h]);
    const photo = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true })!;
    photo.drawImage(bitmap, 0, 0);
    const { telling, mirrored, unmirrored } = compare(frame.getImageData(0, 0, w, h).data, photo.getImageData(0, 0, w, h).data, w, h);
    expect(telling, 'samples where the picture is not symmetric').to.be.greaterThan(50);
    expect(mirrored / telling, 'share of those matching the mirrored preview').to.be.greaterThan(0.9);
    expect(unmirrored / telling, 'share matching the unmirrored camera').to.be.below(0.1);
    close();
  });

  it('records the front camera mirrored too, as the preview shows it', async function () {
    this.timeout(20_000);
    const { el, close } = await composer();
    button(el, 'Use camera').click();
    await until(() => (cameraPreview(el)?.videoWidth ?? 0) > 0, 'the live preview');
    const video = cameraPreview(el)!;
    // A still picture, so every recorded frame shows the moment the preview shows.
    const frame = await stillFrame(video);
    const { videoWidth: w, videoHeight: h } = video;
    button(el, 'Record video').click();
    await until(() => q(el, '[role=timer]')?.textContent === '0:01 / 1:00', 'a second recorded');
    button(el, 'Stop recording').click();
    await until(() => !!shownMedia(el), 'the recording', 10_000);
    const recorded = document.createElement('video');
    recorded.muted = true;
    recorded.src = URL.createObjectURL((await drafted(el)).media.blob!);
    document.body.append(recorded);
    const shown = new Promise((r) => recorded.requestVideoFrameCallback(r));
    await recorded.play();
    await shown;
    recorded.pause();
    expect([recorded.videoWidth, recorded.videoHeight]).to.deep.equal([w, h]);
    const played = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true })!;
    played.drawImage(recorded, 0, 0);
    recorded.remove();
    URL.revokeObjectURL(recorded.src);
    const { telling, mirrored, unmirrored } = compare(frame.getImageData(0, 0, w, h).data, played.getImageData(0, 0, w, h).data, w, h);
    expect(telling, 'samples where the picture is not symmetric').to.be.greaterThan(50);
    expect(mirrored / telling, 'share of those matching the mirrored preview').to.be.greaterThan(0.8);
    expect(unmirrored / telling, 'share matching the unmirrored camera').to.be.below(0.2);
    close();
  });
});
