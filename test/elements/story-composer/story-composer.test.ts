// <story-composer> in real Chromium on LocalAdapter (real IndexedDB): uploads and every
// refusal, overlays edited by keyboard and published to the same places the viewer shows
// them, sound and effect, drafts across a "reload", publish progress, cancel and retry.
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import type { StoryErrorEvent } from '../../../src/events.js';
import type { Story, StoryDraft } from '../../../src/model/types.js';
import { StoriesStore } from '../../../src/state/store.js';
import '../../../src/story-composer.js';
import type { StoryComposer } from '../../../src/story-composer.js';
import '../../../src/story-viewer.js';
import '../../../src/story-bar.js';
import '../../../src/story-provider.js';
import { centreOf, until } from '../../helpers/dom.js';
import { phone, tap } from '../../helpers/screen.js';
import { probeMessage } from '../../helpers/frames.js';
import { testWorld } from '../../helpers/world.js';
import { overlays as viewerOverlays, stage } from '../story-viewer/viewer-harness.js';
import {
  addSticker,
  addText,
  allowSwitch,
  backdrop,
  chooseEffect,
  colourButtons,
  confirmDiscard,
  drafted,
  draftedOverlays,
  emojiButtons,
  errorText,
  field,
  frameText,
  heading,
  isOverlay,
  pressedEffect,
  sensitiveBadge,
  shownMedia,
  shownOverlays,
  shownPhoto,
  shownVideo,
  soundItems,
  soundName,
  textOverlays,
  toolbarButtons,
  toolButton,
  trackItems,
  upload,
} from './composer-harness.js';

const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));

async function world() {
  const dbName = `composer-${crypto.randomUUID()}`;
  dbs.push(dbName);
  const adapter = new LocalAdapter({ dbName });
  await adapter.seed(testWorld(Date.now()));
  const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
  await store.load();
  return { adapter, store };
}

async function mount(store: StoriesStore): Promise<StoryComposer> {
  const el = await fixture<StoryComposer>(html`<story-composer .store=${store} open></story-composer>`);
  await until(() => !!heading(el), 'the composer');
  return el;
}

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const qa = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const button = (el: Element, label: string) => qa<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === label)!;

async function fixtureFile(path: string, type: string): Promise<File> {
  const blob = await (await fetch(path)).blob();
  return new File([blob], path.split('/').pop()!, { type });
}


describe('<story-composer>: upload', () => {
  it('takes a JPEG, a WebP and an MP4, and shows each in the frame; axe clean', async () => {
    const { store } = await world();
    const el = await mount(store);
    await expect(el).to.be.accessible();
    for (const [path, type, tag] of [
      ['/fixtures/media/photos/forest.jpg', 'image/jpeg', 'img'],
      ['/fixtures/media/photos/city.webp', 'image/webp', 'img'],
      ['/fixtures/media/videos/waves.mp4', 'video/mp4', 'video'],
    ] as const) {
      await upload(el, await fixtureFile(path, type));
      await until(() => shownMedia(el)?.localName === tag, `the ${type} in the frame`);
      const { media } = await drafted(el);
      expect(media.type).to.equal(type);
      if (tag === 'video') expect(media.duration).to.be.within(3900, 4100);
      await expect(el).to.be.accessible();
      await el.discard();
    }
  });

  it('refuses, in words naming the rule and the limit: another type, too large, too long, unreadable', async () => {
    const { store } = await world();
    const el = await mount(store);
    const cases: [File, RegExp][] = [
      [new File(['hello'], 'notes.txt', { type: 'text/plain' }), /“notes\.txt” is not a photo or video .*JPEG, PNG, WebP, GIF, MP4, WebM or MOV/],
      [new File([new Uint8Array(16 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' }), /Photos can be at most 15 MB; this one is 16 MB/],
      [await fixtureFile('/fixtures/media/videos/too-long.mp4', 'video/mp4'), /Videos can be at most 60 seconds long; this one is 61 seconds/],
      [new File([new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])], 'broken.jpg', { type: 'image/jpeg' }), /This photo could not be read/],
    ];
    for (const [file, message] of cases) {
      await upload(el, file);
      await until(() => message.test(errorText(el)), `the refusal of ${file.name}`);
      expect(q(el, '[role=alert]')).to.not.equal(null);
      expect(shownMedia(el)).to.equal(null);
    }
  });
});

describe('<story-composer>: personalise and publish', () => {
  it('round-trips text and a sticker, moved, scaled and rotated by keyboard, into the published story at the same places in the viewer', async function () {
    this.timeout(20_000);
    const { adapter, store } = await world();
    const el = await mount(store);
    await upload(el, await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(el), 'the photo');
    // Text, from the keyboard.
    button(el, 'Text').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!q(el, 'textarea[name=text]'), 'the text field');
    q<HTMLTextAreaElement>(el, 'textarea[name=text]')!.focus();
    await sendKeys({ type: 'Hello there' });
    button(el, 'Add text').click();
    await until(() => shownOverlays(el).length === 1, 'the text on the story');
    const [text] = shownOverlays(el);
    text.focus();
    for (const key of ['ArrowRight', 'ArrowRight']) await sendKeys({ press: key });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    for (const key of ['+', '+', ']', ']', ']']) await sendKeys({ press: key });
    // A sticker.
    button(el, 'Sticker').click();
    await until(() => emojiButtons(el).length > 0, 'the emoji');
    emojiButtons(el)[0].click();
    await until(() => shownOverlays(el).length === 2, 'the sticker');
    const overlays = await draftedOverlays(el);
    expect(overlays[0]).to.deep.include({ kind: 'text', text: 'Hello there', x: 0.52, y: 0.45, rotation: 15 });
    expect(overlays[0].scale).to.be.closeTo(1.21, 0.001);
    const frame = q(el, '[part=frame]')!.getBoundingClientRect();
    const where = (r: DOMRect, f: DOMRect) => [(r.left + r.width / 2 - f.left) / f.width, (r.top + r.height / 2 - f.top) / f.height];
    const composed = shownOverlays(el).map((o) => where(o.getBoundingClientRect(), frame));
    await expect(el).to.be.accessible();

    const placed = structuredClone(overlays);
    const published: Story[] = [];
    el.addEventListener('story-publish', (e) => published.push((e as CustomEvent).detail.story));
    button(el, 'Publish').click();
    await until(() => published.length === 1, 'the story-publish event');
    const story = published[0];
    // Exactly what was placed: kinds, text, positions, scale, rotation, style, colour.
    expect(story.overlays).to.deep.equal(placed);
    expect(story.overlays!.map((o) => o.kind)).to.deep.equal(['text', 'sticker']);
    // The author's own reel has it at once (their ring turns blue).
    expect(store.mine()!.stories.at(-1)!.id).to.equal(story.id);
    expect((await adapter.reel('viewer'))!.stories.some((s) => s.id === story.id)).to.equal(true);
    // It closes once its draft is discarded, a moment after story-publish.
    await until(() => !el.open, 'the composer to close');

    // The viewer puts the overlays at the same places of its frame.
    const viewer = await fixture(html`<story-viewer .reels=${[{ author: story.author, stories: [{ ...story, duration: 60_000 }] }]} deep-link="off" open></story-viewer>`);
    await until(() => viewerOverlays(viewer).length === 2, 'the overlays in the viewer');
    const box = stage(viewer).getBoundingClientRect();
    const shown = viewerOverlays(viewer).map((o) => where(o.getBoundingClientRect(), box));
    shown.forEach(([x, y], i) => {
      expect(x, `overlay ${i} across`).to.be.closeTo(composed[i][0], 0.02);
      expect(y, `overlay ${i} down`).to.be.closeTo(composed[i][1], 0.02);
    });
    (viewer as HTMLElement & { close(): void }).close();
  });

  it('sound search: a keystroke cancels the search before it, and a late answer to an older query never replaces a newer one', async () => {
    const dbName = `composer-sounds-${crypto.randomUUID()}`;
    dbs.push(dbName);
    const adapter = new LocalAdapter({ dbName });
    const w = testWorld(Date.now());
    w.sounds = ['Morning chime', 'Slow pulse', 'Arpeggio'].map((title, i) => ({ id: `s${i}`, src: '/fixtures/media/sounds/chime.m4a', title }));
    await adapter.seed(w);
    // The backend answers "p" late, and without heeding the signal, as a slow server would.
    let release!: () => void;
    const late = new Promise<void>((r) => (release = r));
    const signals = new Map<string, AbortSignal | undefined>();
    const search = adapter.sounds.bind(adapter);
    adapter.sounds = async (query = '', opts = {}) => {
      signals.set(query, opts.signal);
      const answer = await search(query);
      if (query === 'p') await late;
      return answer;
    };
    const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
    await store.load();
    const errors: string[] = [];
    store.addEventListener('story-error', (e) => errors.push((e as StoryErrorEvent).detail.code));
    // What the composer waits for, passed through untouched: to know when each search has settled.
    const answers: Promise<unknown>[] = [];
    const sounds = store.sounds.bind(store);
    store.sounds = (...args) => {
      const answer = sounds(...args);
      answers.push(answer.catch(() => {}));
      return answer;
    };
    const el = await mount(store);
    await upload(el, await fixtureFile('/fixtures/media/photos/sunrise.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(el), 'the photo');
    button(el, 'Sound').click();
    const names = () => soundItems(el).map(soundName).join(', ');
    await until(() => names() === 'Arpeggio, Morning chime, Slow pulse', 'every sound');
    q<HTMLInputElement>(el, 'input[type=search]')!.focus();
    await sendKeys({ type: 'p' });
    await until(() => signals.has('p'), 'the search for "p"');
    await sendKeys({ type: 'u' });
    await until(() => names() === 'Slow pulse', 'the answer to "pu"');
    expect(signals.get('p')?.aborted, 'the search for "p", cancelled').to.equal(true);
    expect(signals.get('pu')?.aborted, 'the search for "pu"').to.equal(false);
    // Now the answer to "p" (two sounds) arrives: it is too late to be shown.
    release();
    await Promise.all(answers);
    await el.updateComplete;
    expect(names()).to.equal('Slow pulse');
    expect(errors, 'a cancelled search is no failure').to.deep.equal([]);
  });

  it('keeps a video’s effect as metadata and bakes a photo’s into its pixels; the sound goes with the story', async () => {
    const { store } = await world();
    const el = await mount(store);
    await upload(el, await fixtureFile('/fixtures/media/videos/pattern.mp4', 'video/mp4'));
    await until(() => !!shownVideo(el), 'the video');
    button(el, 'Effect').click();
    await until(() => !!button(el, 'warm'), 'the effects');
    button(el, 'warm').click();
    await until(() => getComputedStyle(shownVideo(el)!).filter.includes('sepia'), 'the live preview of the effect');
    button(el, 'Sound').click();
    await until(() => soundItems(el).length > 0, 'the adapter’s sounds');
    button(el, 'Use').click();
    await until(() => !!q(el, 'input[type=number]'), 'the start offset');
    const start = q<HTMLInputElement>(el, 'input[type=number]')!;
    start.value = '2';
    start.dispatchEvent(new Event('change'));
    const video = await el.draft();
    expect(video.effect).to.equal('warm');
    expect(video.sound).to.deep.include({ src: '/fixtures/media/sounds/chime.m4a', start: 2000 });
    await el.discard();

    await upload(el, await fixtureFile('/fixtures/media/photos/sunrise.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(el), 'the photo');
    await chooseEffect(el, 'mono');
    const photo: StoryDraft = await el.draft();
    expect(photo.effect).to.equal(undefined);
    // Baked: the published pixels are grey.
    const bitmap = await createImageBitmap(photo.media.blob!);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const [r, g, b] = ctx.getImageData(bitmap.width >> 1, bitmap.height >> 1, 1, 1).data;
    expect(Math.max(Math.abs(r - g), Math.abs(g - b))).to.be.at.most(3);
  });

  it('restores the draft after a reload (a new element on the same store), and Discard deletes it', async () => {
    const { store } = await world();
    const first = await mount(store);
    await upload(first, await fixtureFile('/fixtures/media/photos/city.webp', 'image/webp'));
    await until(() => !!shownPhoto(first), 'the photo');
    button(first, 'Sticker').click();
    await until(() => emojiButtons(first).length > 0, 'the emoji');
    emojiButtons(first)[0].click();
    await first.saveNow();
    first.remove();

    const second = await mount(store);
    await until(() => !!shownPhoto(second) && shownOverlays(second).length === 1, 'the restored draft shown');
    const { media } = await drafted(second);
    expect(media.type).to.equal('image/webp');
    expect(media.blob!.size).to.equal((await (await fetch('/fixtures/media/photos/city.webp')).blob()).size);
    button(second, 'Discard').click();
    await until(() => !!confirmDiscard(second), 'Discard this story?');
    confirmDiscard(second)!.click();
    await until(() => shownMedia(second) === null, 'discarded');
    second.remove();
    const third = await mount(store);
    await third.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(shownMedia(third), 'the draft deleted').to.equal(null);
  });

  it('shows publishing progress, can cancel, keeps the draft on failure and publishes on Retry', async () => {
    const { adapter, store } = await world();
    const publish = adapter.publish.bind(adapter);
    let mode: 'hold' | 'fail' | 'pass' = 'hold';
    adapter.publish = (draft, opts = {}) => {
      if (mode === 'pass') return publish(draft, opts);
      opts.onProgress?.(1000, 4000);
      if (mode === 'fail') return Promise.reject(new Error('The server is busy'));
      return new Promise((_, reject) => opts.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
    };
    const el = await mount(store);
    const reported: string[] = [];
    store.addEventListener('story-error', (e) => reported.push((e as StoryErrorEvent).detail.message));
    await upload(el, await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(el), 'the photo');
    button(el, 'Publish').click();
    await until(() => q<HTMLProgressElement>(el, 'progress')?.value === 1000, 'the progress bar');
    expect(q<HTMLProgressElement>(el, 'progress')!.max).to.equal(4000);
    button(el, 'Cancel').click();
    await until(() => /cancelled\. Your draft is kept/.test(errorText(el)), 'the cancel message');
    expect(shownMedia(el)).to.not.equal(null);
    // Cancelling is not a failure: nothing reported.
    expect(reported).to.deep.equal([]);
    mode = 'fail';
    button(el, 'Retry').click();
    await until(() => /Not published: The server is busy\. Your draft is kept/.test(errorText(el)), 'the failure');
    mode = 'pass';
    button(el, 'Retry').click();
    await until(() => !el.open, 'published and closed');
    expect(store.mine()!.stories.length).to.equal(3);
  });
});

describe('<story-composer>: links, mentions and the author’s ring', () => {
  it('adds only https links and well-formed mentions, saying why it refuses the others', async () => {
    const { store } = await world();
    const el = await mount(store);
    await el.useFile(await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    const fill = async (tool: string, values: Record<string, string>, submit: string) => {
      // The tool's panel stays open after a refusal; its button would close it.
      if (!button(el, submit)) button(el, tool).click();
      await until(() => !!button(el, submit), `the ${tool} form`);
      for (const [name, value] of Object.entries(values)) q<HTMLInputElement>(el, `input[name=${name}]`)!.value = value;
      button(el, submit).click();
      await el.updateComplete;
    };
    await fill('Link', { url: 'javascript:alert(1)', label: 'Evil' }, 'Add link');
    expect(errorText(el)).to.match(/This link cannot be added: links must be https/);
    await fill('Link', { url: 'http://example.com/', label: 'Plain' }, 'Add link');
    expect(errorText(el)).to.match(/links must be https/);
    await fill('Link', { url: 'https://example.com/menu', label: 'Menu' }, 'Add link');
    await fill('Mention', { handle: '<b>bob</b>' }, 'Add mention');
    expect(errorText(el)).to.match(/A mention is a handle of 1 to 30 letters/);
    await fill('Mention', { handle: '@bob' }, 'Add mention');
    const overlays = await draftedOverlays(el);
    expect(overlays.map((o) => o.kind)).to.deep.equal(['link', 'mention']);
    expect(overlays[0]).to.deep.include({ url: 'https://example.com/menu', label: 'Menu' });
    expect(overlays[1]).to.deep.include({ handle: 'bob' });
  });

  it('turns the author’s own ring on in the bar at once when a first story is published', async () => {
    const dbName = `composer-ring-${crypto.randomUUID()}`;
    dbs.push(dbName);
    const adapter = new LocalAdapter({ dbName });
    const w = testWorld(Date.now());
    // No live story of their own yet: no "Your story" ring.
    w.stories = w.stories.filter((s) => s.author.id !== 'viewer');
    await adapter.seed(w);
    const page = await fixture<HTMLDivElement>(html`<div><story-provider .adapter=${adapter} .storeOptions=${{ seen: null }}><story-bar></story-bar></story-provider></div>`);
    const store = await page.querySelector('story-provider')!.ready;
    const bar = page.querySelector('story-bar')!;
    await until(() => bar.state === 'ready', 'the bar');
    const own = () => [...bar.shadowRoot!.querySelectorAll('story-ring')].find((r) => r.author?.id === 'viewer');
    expect(own()).to.equal(undefined);
    const el = await mount(store);
    await el.useFile(await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await el.publish();
    await until(() => own()?.state === 'unseen', 'the author’s ring, blue');
  });
});

describe('<story-composer>: allowing comments', () => {
  it('turned off by keyboard, it stays off in the draft, and the story is published, stored and shown with no comment field', async function () {
    this.timeout(20_000);
    const dbName = `composer-comments-${crypto.randomUUID()}`;
    dbs.push(dbName);
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(Date.now()));
    const page = await fixture<HTMLDivElement>(html`<div><story-provider .adapter=${adapter} .storeOptions=${{ seen: null }}><story-viewer deep-link="off"></story-viewer></story-provider></div>`);
    const store = await page.querySelector('story-provider')!.ready;
    const viewer = page.querySelector('story-viewer')!;
    const published: Story[] = [];
    const el = await mount(store);
    el.addEventListener('story-publish', (e) => published.push((e as CustomEvent).detail.story));
    await upload(el, await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(el), 'the photo');
    const allow = allowSwitch(el)!;
    expect(allow.type, 'a checkbox').to.equal('checkbox');
    expect(allow.getAttribute('role')).to.equal('switch');
    expect(allow.checked, 'on by default').to.equal(true);
    allow.focus();
    await sendKeys({ press: 'Space' });
    expect(allow.checked, 'turned off by Space').to.equal(false);

    // Kept in the draft: the composer of a reloaded page brings the switch back off.
    await el.saveNow();
    el.remove();
    const again = await mount(store);
    again.addEventListener('story-publish', (e) => published.push((e as CustomEvent).detail.story));
    await until(() => !!shownPhoto(again), 'the draft, back');
    await again.updateComplete;
    expect(allowSwitch(again)!.checked, 'still off after the reload').to.equal(false);
    button(again, 'Publish').click();
    await until(() => published.length === 1, 'the story-publish event');
    const off = published[0];
    expect(off.commentsEnabled).to.equal(false);
    expect((await adapter.reel('viewer'))!.stories.find((s) => s.id === off.id)?.commentsEnabled, 'as LocalAdapter stored it').to.equal(false);

    // The next story starts with comments allowed again, and is published so.
    await until(() => !again.open, 'the composer, closed');
    again.show();
    await until(() => !!q(again, 'input[type=file]'), 'the composer, open again');
    await upload(again, await fixtureFile('/fixtures/media/photos/sunrise.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(again) && !!allowSwitch(again), 'the second photo');
    expect(allowSwitch(again)!.checked, 'on again for a new story').to.equal(true);
    button(again, 'Publish').click();
    await until(() => published.length === 2, 'the second story-publish event');
    const on = published[1];
    expect(on.commentsEnabled, 'comments allowed').to.not.equal(false);

    // The viewer: no comment field on the story with comments off; one on the other.
    const commentsOf = (id: string) => [...viewer.shadowRoot!.querySelectorAll('story-comments')].find((c) => c.story?.id === id);
    const field = (id: string) => !!commentsOf(id)?.shadowRoot?.querySelector('textarea');
    await store.open('viewer', on.id);
    await until(() => field(on.id), 'the comment field on the story with comments allowed');
    await store.open('viewer', off.id);
    await until(() => !!commentsOf(off.id)?.shadowRoot?.querySelector('[part=open-button]'), 'the comments of the story with comments off');
    await commentsOf(off.id)!.updateComplete;
    expect(field(off.id), 'a comment field on the story with comments off').to.equal(false);
    (viewer as HTMLElement & { close(): void }).close();
  });
});

describe('<story-composer>: discarding while publishing', () => {
  it('stops the upload: a discarded story is never published', async () => {
    const { adapter, store } = await world();
    const publish = adapter.publish.bind(adapter);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    adapter.publish = async (draft, opts = {}) => {
      opts.onProgress?.(10, 100);
      await held;
      return publish(draft, opts);
    };
    const el = await mount(store);
    await el.useFile(await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    const published: unknown[] = [];
    el.addEventListener('story-publish', (e) => published.push(e));
    const publishing = el.publish();
    await until(() => !!q(el, 'progress'), 'the progress bar');
    await el.discard();
    release();
    await publishing;
    expect(published).to.deep.equal([]);
    expect(store.mine()!.stories.length).to.equal(2);
    expect((await adapter.reel('viewer'))!.stories.length).to.equal(2);
  });
});

describe('<story-composer>: pointer, drop, paste, reload', () => {
  it('moves an overlay where it is dragged with the mouse', async () => {
    const { store } = await world();
    const el = await mount(store);
    await el.useFile(await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    // On an empty story a sticker goes in the middle.
    await addSticker(el, '🔥');
    expect(await draftedOverlays(el)).to.deep.equal([{ kind: 'sticker', emoji: '🔥', x: 0.5, y: 0.5 }]);
    const frame = q(el, '[part=frame]')!.getBoundingClientRect();
    const sticker = shownOverlays(el)[0].getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(sticker.left + sticker.width / 2), Math.round(sticker.top + sticker.height / 2)] });
    await sendMouse({ type: 'down' });
    const target = [Math.round(frame.left + frame.width * 0.25), Math.round(frame.top + frame.height * 0.75)];
    await sendMouse({ type: 'move', position: [target[0], target[1]] });
    await sendMouse({ type: 'up' });
    const [moved] = await draftedOverlays(el);
    expect(moved.x).to.be.closeTo(0.25, 0.02);
    expect(moved.y).to.be.closeTo(0.75, 0.02);
    await resetMouse();
  });

  it('resizes with the wheel and rotates with Shift+wheel; edits a text on the story as you type', async () => {
    const { store } = await world();
    const el = await mount(store);
    await el.useFile(await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await addText(el, 'Old');
    const wheel = (init: WheelEventInit) => shownOverlays(el)[0].dispatchEvent(new WheelEvent('wheel', { bubbles: true, composed: true, cancelable: true, ...init }));
    wheel({ deltaY: -100 });
    wheel({ deltaY: -100 });
    wheel({ deltaY: 100, shiftKey: true });
    const [turned] = await draftedOverlays(el);
    expect(turned.scale).to.be.closeTo(1.21, 0.001);
    expect(turned.rotation).to.equal(5);
    shownOverlays(el)[0].focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!q(el, 'textarea[name=text]'), 'the text field');
    const field = q<HTMLTextAreaElement>(el, 'textarea[name=text]')!;
    field.focus();
    field.select();
    await sendKeys({ type: 'New words' });
    await until(() => shownOverlays(el)[0].textContent === 'New words', 'the text changed on the story');
  });

  it('takes a photo dropped on the frame, and one pasted', async () => {
    const { store } = await world();
    const el = await mount(store);
    const drop = new DataTransfer();
    drop.items.add(await fixtureFile('/fixtures/media/photos/city.webp', 'image/webp'));
    q(el, '[part=frame]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, composed: true, cancelable: true }));
    await until(() => !!shownMedia(el), 'the dropped photo');
    expect((await drafted(el)).media.type).to.equal('image/webp');
    await el.discard();
    const paste = new DataTransfer();
    paste.items.add(await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    q(el, 'dialog')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, composed: true, cancelable: true }));
    await until(() => !!shownMedia(el), 'the pasted photo');
    expect((await drafted(el)).media.type).to.equal('image/jpeg');
  });

  it('brings a draft back after a real page reload', async function () {
    this.timeout(30_000);
    const db = `composer-reload-${crypto.randomUUID()}`;
    dbs.push(db);
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const written = probeMessage('write');
      frame.src = `/test/pages/composer-probe.html?db=${db}&step=write`;
      await written;
      const read = probeMessage<{ media: string; size: number; overlays: unknown[]; effect: string }>('read');
      frame.src = `/test/pages/composer-probe.html?db=${db}&step=read`;
      const after = await read;
      expect(after.media).to.equal('image/jpeg');
      expect(after.size).to.equal((await (await fetch('/fixtures/media/photos/forest.jpg')).blob()).size);
      expect(after.overlays).to.deep.equal([{ kind: 'text', text: 'Before the reload', x: 0.4, y: 0.3, style: 'outline', color: '#ffd54f' }]);
      expect(after.effect).to.equal('cool');
    } finally {
      frame.remove();
    }
  });
});

describe('<story-composer>: framing, sensitive stories and captions', () => {
  it('frames the preview by the viewer’s rule: a landscape photo whole over a blurred copy, a 9:16 one filling the frame', async () => {
    const { store } = await world();
    const el = await mount(store);
    await upload(el, await fixtureFile('/fixtures/media/photos/landscape.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(el), 'the landscape photo');
    expect(getComputedStyle(shownPhoto(el)!).objectFit).to.equal('contain');
    expect(getComputedStyle(backdrop(el)!).filter).to.contain('blur');
    await el.discard();
    await upload(el, await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(el), 'the portrait photo');
    expect(getComputedStyle(shownPhoto(el)!).objectFit).to.equal('cover');
    expect(backdrop(el)).to.equal(null);
  });

  it('publishes a video marked sensitive with a captions file; refuses a file that is not WebVTT', async () => {
    const { adapter, store } = await world();
    const el = await mount(store);
    await upload(el, await fixtureFile('/fixtures/media/videos/pattern.mp4', 'video/mp4'));
    await until(() => !!shownVideo(el), 'the video');
    expect((await drafted(el)).media.duration).to.be.greaterThan(0);
    button(el, 'Sensitive').click();
    await el.updateComplete;
    field(el, /^Mark as sensitive/)!.click();
    await el.updateComplete;
    const warning = field(el, 'Warning')!;
    warning.focus();
    warning.select();
    await sendKeys({ type: 'Spiders up close' });
    await until(() => !!sensitiveBadge(el)?.textContent?.includes('Spiders up close'), 'the warning typed, on the preview');
    expect((await drafted(el)).contentWarning).to.equal('Spiders up close');
    button(el, 'Captions').click();
    await el.updateComplete;
    const lang = field(el, 'Language')!;
    lang.value = 'en';
    const pick = async (file: File) => {
      const input = field(el, 'Captions file (WebVTT)')!;
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    await pick(new File(['not captions at all'], 'notes.vtt', { type: 'text/vtt' }));
    await until(() => /must be a WebVTT file/.test(errorText(el)), 'the refusal');
    await pick(await fixtureFile('/fixtures/media/captions/pattern.en.vtt', 'text/vtt'));
    await until(() => trackItems(el).length === 1, 'the captions attached');
    expect(trackItems(el)[0].textContent).to.contain('en');
    button(el, 'Publish').click();
    await until(() => !el.open, 'published');
    const published = (await adapter.reel('viewer'))!.stories.at(-1)!;
    expect(published.contentWarning).to.equal('Spiders up close');
    expect(published.media.tracks).to.have.length(1);
    expect(published.media.tracks![0]).to.include({ lang: 'en', kind: 'captions' });
    expect(published.media.tracks![0].src).to.match(/^blob:/);
    expect(await (await fetch(published.media.tracks![0].src)).text()).to.match(/^WEBVTT/);
  });
});

describe('<story-composer> on a phone and by keyboard', () => {
  afterEach(async () => {
    await resetMouse();
    // Back to a desktop without touch.
    await phone({ width: 800, height: 600, touch: false });
  });

  /** The focused element, through shadow roots. */
  const focused = () => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a as HTMLElement | null;
  };
  const inside = (r: DOMRect, box: { top: number; bottom: number; left: number; right: number }) => r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
  const screen = () => ({ top: 0, left: 0, right: innerWidth, bottom: innerHeight });

  it('takes the whole 390×844 screen; the tools fit one row; every tool’s sheet keeps Publish and its own controls on screen', async function () {
    this.timeout(30_000);
    await phone();
    const dbName = `composer-phone-${crypto.randomUUID()}`;
    dbs.push(dbName);
    const adapter = new LocalAdapter({ dbName });
    const w = testWorld(Date.now());
    // A long list of sounds: the sheet must scroll inside itself, not push Publish away.
    w.sounds = Array.from({ length: 24 }, (_, i) => ({ id: `s${i}`, src: '/fixtures/media/sounds/chime.m4a', title: `Tone ${String(i + 1).padStart(2, '0')}`, artist: 'Generated' }));
    await adapter.seed(w);
    const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
    await store.load();
    const el = await mount(store);
    await upload(el, await fixtureFile('/fixtures/media/videos/pattern.mp4', 'video/mp4'));
    await until(() => !!shownVideo(el), 'the video');
    const dialog = q(el, 'dialog')!.getBoundingClientRect();
    expect([dialog.left, dialog.top, dialog.width, dialog.height]).to.deep.equal([0, 0, 390, 844]);
    expect(getComputedStyle(q(el, 'dialog')!).borderRadius).to.equal('0px');
    // One row: the same top for every tool, none cut off, all on screen.
    const tools = toolbarButtons(el);
    expect(tools.map((t) => t.textContent!.trim())).to.deep.equal(['Text', 'Sticker', 'Sound', 'Effect', 'Link', 'Mention', 'Captions']);
    const tops = new Set(tools.map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(tops.size, 'rows of tools').to.equal(1);
    for (const t of tools) {
      expect(inside(t.getBoundingClientRect(), screen()), `${t.textContent} on screen`).to.equal(true);
      expect(t.scrollWidth, `${t.textContent} not cut off`).to.be.at.most(t.clientWidth);
    }
    for (const name of ['Text', 'Sticker', 'Sound', 'Effect', 'Link', 'Mention', 'Captions', 'Sensitive']) {
      const tool = toolButton(el, name);
      await tap(centreOf(tool));
      await until(() => !!q(el, '[part=panel]'), `the ${name} sheet`);
      if (name === 'Sound') await until(() => soundItems(el).length === 24, 'the sounds');
      const sheet = q(el, '[part=panel]')!;
      const publish = q(el, '[part=publish-button]')!.getBoundingClientRect();
      expect(inside(publish, screen()), `${name}: Publish on screen (top ${publish.top})`).to.equal(true);
      expect(inside(sheet.getBoundingClientRect(), screen()), `${name}: the sheet on screen`).to.equal(true);
      // Each of the sheet's controls comes into view inside the sheet when it gets focus.
      for (const control of qa(el, '[part=panel] :is(button, input, textarea)')) {
        control.focus();
        const r = control.getBoundingClientRect();
        expect(inside(r, screen()) && inside(r, sheet.getBoundingClientRect()), `${name}: ${control.localName} ${control.textContent?.trim() ?? ''} on screen`).to.equal(true);
      }
      expect(q(el, 'dialog')!.scrollHeight, `${name}: nothing below the screen`).to.be.at.most(844);
      expect(q(el, '[part=frame]')!.getBoundingClientRect().height, `${name}: the frame still shows`).to.be.greaterThan(100);
      await tap(centreOf(tool));
      await until(() => !q(el, '[part=panel]'), `the ${name} sheet closed`);
    }
  });

  it('offers "drop or paste" only where there is a mouse', async () => {
    const { store } = await world();
    const desk = await mount(store);
    expect(frameText(desk)).to.match(/Drop a photo or video here, paste one/);
    desk.remove();
    await phone();
    const touch = await mount(store);
    expect(matchMedia('(pointer: coarse)').matches, 'a touch screen').to.equal(true);
    expect(frameText(touch)).to.not.match(/drop|paste/i);
  });

  it('keeps focus on a sensible control: the tools after an upload, the caret in Text (a space types a space), the new overlay after Add text and a sticker, the tool after Escape', async function () {
    this.timeout(20_000);
    const { store } = await world();
    const el = await mount(store);
    await upload(el, await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await until(() => focused() === toolButton(el, 'Text'), 'focus on the first tool');
    await sendKeys({ press: 'Enter' });
    await until(() => focused()?.localName === 'textarea', 'the caret in the text field');
    await sendKeys({ type: 'Hi there' });
    expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Hi there');
    await sendKeys({ press: 'Tab' });
    expect(focused()!.textContent!.trim()).to.equal('Add text');
    await sendKeys({ press: 'Enter' });
    await until(() => isOverlay(focused(), 'Text'), 'focus on the new text');
    expect(focused()!.textContent).to.equal('Hi there');
    // A sticker from the keyboard: the sheet takes focus, the sticker lands clear of the text.
    toolButton(el, 'Sticker').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => emojiButtons(el).includes(focused() as HTMLButtonElement), 'focus in the sticker sheet');
    await sendKeys({ press: 'Enter' });
    await until(() => isOverlay(focused(), 'Sticker'), 'focus on the new sticker');
    const text = textOverlays(el)[0].getBoundingClientRect();
    const placed = focused()!.getBoundingClientRect();
    const frame = q(el, '[part=frame]')!.getBoundingClientRect();
    const overlap = Math.max(0, Math.min(text.right, placed.right) - Math.max(text.left, placed.left)) * Math.max(0, Math.min(text.bottom, placed.bottom) - Math.max(text.top, placed.top));
    expect(overlap, 'the sticker covers the text by').to.equal(0);
    expect(inside(placed, frame), 'the sticker inside the frame').to.equal(true);
    // An effect: focus stays on the chosen effect; Escape closes the sheet, back on its tool.
    toolButton(el, 'Effect').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused()?.getAttribute('aria-pressed') === 'true' && focused()!.textContent === 'none', 'focus on the current effect');
    await sendKeys({ press: 'Tab' });
    const effect = focused()!.textContent;
    await sendKeys({ press: 'Enter' });
    await until(() => pressedEffect(el) === effect, 'the effect chosen');
    expect(focused()!.textContent).to.equal(effect);
    await sendKeys({ press: 'Escape' });
    await until(() => !q(el, '[part=panel]'), 'the sheet closed');
    await until(() => focused() === toolButton(el, 'Effect'), 'focus back on the Effect tool');
    expect(el.open).to.equal(true);
    // Escape on the text field leaves the tool (not the composer), back on Text.
    toolButton(el, 'Text').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused()?.localName === 'textarea', 'the caret in the text field');
    await sendKeys({ press: 'Escape' });
    await until(() => focused() === toolButton(el, 'Text'), 'focus back on Text');
    expect(el.open).to.equal(true);
  });

  it('names the text colours in words', async () => {
    const { store } = await world();
    const el = await mount(store);
    await el.useFile(await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await addText(el, 'Hello');
    shownOverlays(el)[0].focus();
    await sendKeys({ press: 'Enter' });
    await until(() => colourButtons(el).length === 6, 'the colours');
    expect(colourButtons(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal(['White', 'Black', 'Yellow', 'Red', 'Green', 'Blue']);
    await expect(el).to.be.accessible();
  });

  it('asks “Discard this story?” before discarding; Keep editing and Escape keep it, Discard deletes it', async () => {
    const { store } = await world();
    const el = await mount(store);
    await upload(el, await fixtureFile('/fixtures/media/photos/forest.jpg', 'image/jpeg'));
    await until(() => !!shownPhoto(el), 'the photo');
    await el.saveNow();
    const discard = button(el, 'Discard');
    // A real button in the footer, beside Publish, not a link by the heading.
    expect(discard.closest('footer')).to.not.equal(null);
    expect(parseFloat(getComputedStyle(discard).borderTopWidth)).to.be.greaterThan(0);
    expect(discard.getBoundingClientRect().height).to.be.at.least(36);
    await sendMouse({ type: 'click', position: centreOf(discard) });
    await until(() => !!q(el, '[role=alertdialog]'), 'the question');
    const question = q(el, '[role=alertdialog]')!;
    expect(question.textContent).to.contain('Discard this story?');
    await until(() => focused()?.textContent === 'Keep editing', 'focus on the safe answer');
    await expect(el).to.be.accessible();
    // Tab stays inside the question.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused()!.closest('[role=alertdialog]')).to.equal(question);
    await sendKeys({ press: 'Escape' });
    await until(() => !q(el, '[role=alertdialog]'), 'the question gone');
    expect(shownMedia(el)).to.not.equal(null);
    expect(el.open).to.equal(true);
    await until(() => focused() === button(el, 'Discard'), 'focus back on Discard');
    await sendKeys({ press: 'Enter' });
    await until(() => !!q(el, '[role=alertdialog]'), 'the question again');
    await sendMouse({ type: 'click', position: centreOf(button(el, 'Keep editing')) });
    await until(() => !q(el, '[role=alertdialog]'), 'kept');
    expect(shownMedia(el)).to.not.equal(null);
    button(el, 'Discard').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!confirmDiscard(el), 'the question once more');
    confirmDiscard(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shownMedia(el) === null, 'discarded');
    await until(() => focused()?.textContent?.trim() === 'Use camera', 'focus on the start');
    el.remove();
    const again = await mount(store);
    await again.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(shownMedia(again), 'the draft deleted').to.equal(null);
  });
});
