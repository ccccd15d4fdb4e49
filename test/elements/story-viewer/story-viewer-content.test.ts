// What real feeds give the viewer: photos that are not 9:16, long captions, content
// warnings, captions, placeholders and media that fails; and the phone-sized screen.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import { encode } from 'blurhash';
import type { StoryViewer } from '../../../src/story-viewer.js';
import type { StoryErrorEvent } from '../../../src/events.js';
import { centreOf, until } from '../../helpers/dom.js';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import type { StoryProvider } from '../../../src/story-provider.js';
import '../../../src/story-provider.js';
import { HOUR, people, testWorld } from '../../helpers/world.js';
import { lastChange, mountViewer, MP4, photo, q, reel, video } from './viewer-helpers.js';
import { allMedia, drawnFilter, drawnProgress, frame as storyFrame, header, linkSticker, mediaName, overlays, pixelSize, retryButton, scrim, shownBackdrop, shownMedia } from './viewer-harness.js';
import { latest, latestItems } from '../story-comments/comments-harness.js';

const LANDSCAPE = '/fixtures/media/photos/landscape.jpg';
const SQUARE = '/fixtures/media/photos/square.jpg';
const PORTRAIT = '/fixtures/media/photos/sunrise.jpg';

/** The part of an `object-fit` photo a person sees, in viewport pixels. */
function drawnBox(img: HTMLImageElement | HTMLCanvasElement): { width: number; height: number; croppedWidth: number } {
  const box = img.getBoundingClientRect();
  const natural = pixelSize(img);
  const scale = getComputedStyle(img).objectFit === 'contain' ? Math.min(box.width / natural.width, box.height / natural.height) : Math.max(box.width / natural.width, box.height / natural.height);
  const width = natural.width * scale;
  const height = natural.height * scale;
  // How much of the picture's width falls outside the box.
  return { width, height, croppedWidth: Math.max(0, width - box.width) / width };
}

const alpha = (color: string) => (/rgba?\(([^)]+)\)/.exec(color)?.[1].split(/[ ,/]+/).filter(Boolean)[3] ?? '1');

async function openOn(reels: Parameters<typeof mountViewer>[0], attrs: { fit?: string } = {}) {
  const { viewer, events } = await mountViewer(reels);
  if (attrs.fit) viewer.setAttribute('fit', attrs.fit);
  const errors: StoryErrorEvent[] = [];
  viewer.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
  viewer.open = true;
  return { viewer, events, errors };
}

/** The story's photo shows (decoded, as the stage shows it). */
const ready = (viewer: StoryViewer) => !!shownMedia(viewer);

describe('<story-viewer> with real content', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    localStorage.removeItem('stories-kit:captions');
    localStorage.removeItem('stories-kit:muted');
  });

  it('shows a 16:9 photo whole, letterboxed over a blurred copy; a 9:16 photo fills the frame', async () => {
    const { viewer, events } = await openOn([reel('alice', [photo('a1', 'alice', 60_000, { media: { kind: 'image', src: LANDSCAPE, alt: 'Landscape' } }), photo('a2', 'alice', 60_000, { media: { kind: 'image', src: PORTRAIT, alt: 'Portrait' } })])]);
    await until(() => ready(viewer), 'the landscape photo');
    const img = shownMedia(viewer) as HTMLImageElement | HTMLCanvasElement;
    expect(getComputedStyle(img).objectFit).to.equal('contain');
    expect(drawnBox(img).croppedWidth, 'none of its width is cut').to.equal(0);
    const frame = storyFrame(viewer).getBoundingClientRect();
    expect(drawnBox(img).width).to.be.closeTo(frame.width, 1);
    const backdrop = shownBackdrop(viewer)!;
    expect(backdrop.dataset.show).to.equal('fill');
    expect(getComputedStyle(backdrop).visibility).to.equal('visible');
    expect(getComputedStyle(backdrop).filter).to.contain('blur');
    // The copy is drawn from the photo shown (decoded into a canvas): not an empty box.
    await until(() => backdrop.getContext('2d')!.getImageData(13, 24, 1, 1).data[3] === 255, 'the blurred copy drawn');
    await sendMouse({ type: 'click', position: [Math.round(frame.right - 20), Math.round(frame.top + frame.height / 2)] });
    await until(() => lastChange(events) === 'a2' && ready(viewer), 'the portrait photo');
    expect(getComputedStyle(shownMedia(viewer)!).objectFit).to.equal('cover');
    expect(shownBackdrop(viewer), 'no blurred copy behind a photo that fills the frame').to.equal(null);
    viewer.close();
  });

  it('a square photo is shown whole too; media.fit and the fit attribute override the rule', async () => {
    const square = photo('s1', 'alice', 60_000, { media: { kind: 'image', src: SQUARE, alt: 'Square' } });
    const forced = photo('s2', 'alice', 60_000, { media: { kind: 'image', src: LANDSCAPE, alt: 'Cropped on purpose', fit: 'cover' } });
    const { viewer, events } = await openOn([reel('alice', [square, forced])]);
    await until(() => ready(viewer), 'the square photo');
    expect(getComputedStyle(shownMedia(viewer)!).objectFit).to.equal('contain');
    viewer.show('alice', 's2');
    await until(() => lastChange(events) === 's2' && ready(viewer), 'the forced story');
    expect(getComputedStyle(shownMedia(viewer)!).objectFit, 'media.fit cover').to.equal('cover');
    viewer.fit = 'contain';
    await viewer.updateComplete;
    expect(getComputedStyle(shownMedia(viewer)!).objectFit, 'the viewer’s fit wins').to.equal('contain');
    viewer.close();
  });

  it('on a phone the viewer is the whole screen: opaque, the story at full width; on a wide screen the page does not show through', async () => {
    await setViewport({ width: 390, height: 844 });
    const { viewer } = await openOn([reel('alice', [photo('a1', 'alice', 60_000)])]);
    await until(() => ready(viewer), 'the photo');
    const dialog = q(viewer, 'dialog')!;
    expect(alpha(getComputedStyle(dialog).backgroundColor), 'opaque').to.equal('1');
    expect(dialog.getBoundingClientRect().width).to.equal(390);
    expect(dialog.getBoundingClientRect().height).to.equal(844);
    expect(storyFrame(viewer).getBoundingClientRect().width, 'full width').to.be.closeTo(390, 0.5);
    await setViewport({ width: 1280, height: 800 });
    await until(() => storyFrame(viewer).getBoundingClientRect().width < 500, 'the centred frame');
    expect(alpha(getComputedStyle(dialog).backgroundColor), 'opaque on wide screens too').to.equal('1');
    viewer.close();
  });

  it('in a short landscape window (900×400) the author’s name stays visible', async () => {
    await setViewport({ width: 900, height: 400 });
    const { viewer } = await openOn([reel('alice', [photo('a1', 'alice', 60_000)])]);
    await until(() => ready(viewer), 'the photo');
    const name = q(viewer, '[part=name]')!;
    const box = name.getBoundingClientRect();
    expect(box.width, 'the name has room').to.be.greaterThan(40);
    expect(name.scrollWidth, 'not cut off').to.be.at.most(name.clientWidth + 1);
    const frame = storyFrame(viewer).getBoundingClientRect();
    expect(box.right).to.be.at.most(frame.right);
    viewer.close();
  });

  it('draws scrims behind the header and the footer', async () => {
    const { viewer } = await openOn([reel('alice', [photo('a1', 'alice', 60_000)])]);
    await until(() => ready(viewer), 'the photo');
    for (const where of ['top', 'bottom'] as const) {
      const gradient = scrim(viewer, where);
      expect(getComputedStyle(gradient).backgroundImage, where).to.contain('linear-gradient');
      expect(gradient.getBoundingClientRect().height).to.be.greaterThan(50);
    }
    viewer.close();
  });

  it('keeps a 283-character caption and 200 Arabic characters inside the frame, clear of the header', async () => {
    const caption = 'Sunday market haul: heirloom tomatoes, three kinds of basil, a loaf of rye from the bakery on the corner, and far too many peaches. '.repeat(3).slice(0, 283);
    const arabic = 'قصة قصيرة عن السوق '.repeat(11).slice(0, 200);
    const { viewer } = await openOn([
      reel('alice', [
        photo('a1', 'alice', 60_000, {
          overlays: [
            { kind: 'text', text: caption, x: 0.5, y: 0.86, style: 'background' },
            { kind: 'text', text: arabic, x: 0.5, y: 0.08 },
          ],
        }),
      ]),
    ]);
    await until(() => ready(viewer), 'the photo');
    await viewer.updateComplete;
    const frame = storyFrame(viewer).getBoundingClientRect();
    const top = header(viewer).getBoundingClientRect();
    const [long, rtl] = overlays(viewer).map((el) => el.getBoundingClientRect());
    for (const [name, r] of [['caption', long], ['arabic', rtl]] as const) {
      expect(r.top, `${name} top`).to.be.at.least(frame.top);
      expect(r.bottom, `${name} bottom`).to.be.at.most(frame.bottom);
      expect(r.left, `${name} left`).to.be.at.least(frame.left);
      expect(r.right, `${name} right`).to.be.at.most(frame.right);
    }
    expect(rtl.top, 'the Arabic text is below the header').to.be.at.least(top.bottom - 1);
    viewer.close();
  });

  it('a story with a content warning stays hidden, untimed and unviewed until Show', async () => {
    const warned = photo('w1', 'alice', 400, { contentWarning: 'Flashing lights', overlays: [{ kind: 'text', text: 'Behind the warning', x: 0.5, y: 0.5 }] });
    const { viewer, events } = await openOn([reel('alice', [warned, photo('a2', 'alice', 60_000)])]);
    await until(() => ready(viewer), 'the photo underneath');
    await viewer.updateComplete;
    const veil = q(viewer, '[part=content-warning]')!;
    expect(veil.textContent).to.contain('Flashing lights');
    expect(drawnFilter(viewer)).to.contain('blur');
    expect(overlays(viewer), 'no overlays over a veiled story').to.deep.equal([]);
    expect(events.filter((e) => e.startsWith('view:')), 'not counted as viewed').to.deep.equal([]);
    expect(drawnProgress(viewer), 'not timed').to.equal(0);
    // Paused, the live region says the story is behind a warning, and which.
    viewer.pause();
    await viewer.updateComplete;
    expect(q(viewer, '[role=status]')!.textContent).to.contain('Content warning: Flashing lights');
    viewer.play();
    await sendMouse({ type: 'click', position: centreOf(q(viewer, '[part=reveal-button]')!) });
    await until(() => events.includes('view:w1'), 'the story to count once shown');
    expect(q(viewer, '[part=content-warning]')).to.equal(null);
    expect(drawnFilter(viewer)).to.equal('none');
    expect(overlays(viewer).map((o) => o.textContent), 'its overlay, once shown').to.deep.equal(['Behind the warning']);
    await until(() => lastChange(events) === 'a2', 'the revealed story to play out and move on', 8000);
    viewer.close();
  });

  it('shows captions from WebVTT tracks as text: on while muted, in the reader’s language, CC remembered', async () => {
    const tracks = [
      { src: '/fixtures/media/captions/pattern.en.vtt', lang: 'en', label: 'English' },
      { src: '/fixtures/media/captions/pattern.es.vtt', lang: 'es', label: 'Español' },
    ];
    const host = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    const { viewer, events } = await mountViewer([reel('alice', [video('v1', 'alice', MP4, { media: { kind: 'video', src: MP4, type: 'video/mp4', tracks } })])]);
    host.append(viewer);
    viewer.muted = true;
    viewer.open = true;
    await until(() => events.includes('view:v1'), 'the video');
    const cc = q(viewer, '[part=captions-button]')!;
    expect(cc.getAttribute('aria-pressed'), 'on while muted').to.equal('true');
    await until(() => !!q(viewer, '[part=captions]')?.textContent, 'a caption', 8000);
    expect(q(viewer, '[part=captions]')!.textContent).to.match(/células|patrón/);
    expect(q(viewer, '[part=captions]')!.textContent).to.not.contain('<');
    await sendMouse({ type: 'click', position: centreOf(cc) });
    await viewer.updateComplete;
    expect(q(viewer, '[part=captions]')).to.equal(null);
    expect(localStorage.getItem('stories-kit:captions')).to.equal('false');
    expect(q(viewer, '[part=captions-button]')!.getAttribute('aria-pressed')).to.equal('false');
    viewer.close();
    host.lang = 'en';
    // The cue markup (<v Narrator>, <i>) is dropped, never parsed.
    await sendMouse({ type: 'click', position: [5, 5] });
    viewer.open = true;
    await until(() => !!q(viewer, '[part=captions-button]'), 'the video again');
    await sendMouse({ type: 'click', position: centreOf(q(viewer, '[part=captions-button]')!) });
    await until(() => /Cells grow by rule 110|and the pattern/.test(q(viewer, '[part=captions]')?.textContent ?? ''), 'the English caption', 8000);
    viewer.close();
  });

  it('shows the feed’s BlurHash while the photo loads, then the photo', async () => {
    await fetch('/__gate/blurhash/reset', { method: 'POST' });
    const pixels = new Uint8ClampedArray(4 * 4 * 7);
    for (let i = 0; i < 28; i++) pixels.set([40 + i * 7, 90, 200 - i * 5, 255], i * 4);
    const blurhash = encode(pixels, 4, 7, 3, 4);
    const slow = photo('b1', 'alice', 60_000, { media: { kind: 'image', src: `/__gate/blurhash${PORTRAIT}`, alt: 'Slow', preview: { blurhash } } });
    const { viewer } = await openOn([reel('alice', [slow])]);
    await until(() => shownBackdrop(viewer)?.dataset.show === 'preview', 'the placeholder');
    const canvas = shownBackdrop(viewer)!;
    expect(getComputedStyle(canvas).visibility).to.equal('visible');
    const [r, g, b] = canvas.getContext('2d')!.getImageData(9, 16, 1, 1).data;
    expect(r + g + b, 'painted, not blank').to.be.greaterThan(0);
    await fetch('/__gate/blurhash/open', { method: 'POST' });
    await until(() => ready(viewer), 'the photo');
    expect(getComputedStyle(canvas).visibility, 'the placeholder goes').to.equal('hidden');
    viewer.close();
  });

  it('says why media failed, in words, with one media story-error each, and moves on', async () => {
    const gone = photo('f1', 'alice', 400, { media: { kind: 'image', src: '/fixtures/media/photos/missing.jpg', alt: 'ALT TEXT OF A MISSING PHOTO' } });
    const damaged = photo('f2', 'alice', 400, { media: { kind: 'image', src: '/fixtures/media/photos/damaged.jpg', alt: 'Damaged' } });
    const hevc = video('f3', 'alice', '/fixtures/media/videos/hevc.mp4');
    const { viewer, events, errors } = await openOn([reel('alice', [gone, damaged, hevc, photo('a4', 'alice', 60_000)])]);
    await until(() => !!q(viewer, '[part=error]'), 'the first failure');
    expect(q(viewer, '[part=error]')!.textContent).to.contain('This story is no longer available.');
    expect(retryButton(viewer), 'nothing to retry when it is gone').to.equal(null);
    expect(allMedia(viewer).map(mediaName), 'the missing photo is in the stage').to.include('ALT TEXT OF A MISSING PHOTO');
    expect(shownMedia(viewer), 'no broken-image icon or alt text').to.equal(null);
    await until(() => lastChange(events) === 'f2' && !!q(viewer, '[part=error]'), 'the damaged photo', 8000);
    expect(q(viewer, '[part=error]')!.textContent).to.contain('This photo is damaged and can’t be shown.');
    expect(retryButton(viewer)).to.not.equal(null);
    await until(() => lastChange(events) === 'f3' && !!q(viewer, '[part=error]'), 'the HEVC video', 10_000);
    expect(q(viewer, '[part=error]')!.textContent).to.contain('This video format can’t be played in this browser.');
    await until(() => lastChange(events) === 'a4', 'playback to move on', 10_000);
    const media = errors.filter((e) => e.detail.code === 'media').map((e) => [e.detail.storyId, e.detail.authorId, e.detail.reason]);
    expect(media).to.deep.equal([
      ['f1', 'alice', 'gone'],
      ['f2', 'alice', 'damaged'],
      ['f3', 'alice', 'unsupported'],
    ]);
    viewer.close();
  });

  it('keeps a link sticker visible and clickable above the latest comments', async () => {
    const dbName = `content-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    const now = Date.now();
    const world = testWorld(now);
    world.stories = world.stories.map((st) =>
      st.id === 'a1' ? { ...st, duration: 60_000, overlays: [{ kind: 'link', url: 'https://example.com/menu', label: 'See the menu', x: 0.5, y: 0.86 }] } : st,
    );
    for (let i = 0; i < 3; i++) world.comments.push({ id: `m${i}`, storyId: 'a1', author: people.bob, text: `A comment long enough to take the whole width of the story, number ${i}`, createdAt: now - HOUR + i });
    await adapter.seed(world);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <story-provider .adapter=${adapter} .storeOptions=${{ seen: null, refreshInterval: 0 }}><story-viewer deep-link="off"></story-viewer></story-provider>
    </div>`);
    const viewer = wrapper.querySelector('story-viewer') as StoryViewer;
    await (wrapper.querySelector('story-provider') as StoryProvider).ready;
    viewer.show('alice', 'a1');
    const comments = () => viewer.shadowRoot!.querySelector('story-comments');
    await until(() => !!comments()?.shadowRoot && latestItems(comments()!).length === 3, 'the latest comments', 8000);
    const link = linkSticker(viewer)!;
    const band = latest(comments()!)!.getBoundingClientRect();
    const box = link.getBoundingClientRect();
    expect(box.bottom > band.top && box.top < band.bottom, 'the sticker sits where the comments are').to.equal(true);
    const [x, y] = centreOf(link);
    // Compared as names: chai would print whole DOM trees on a failure.
    const hit = viewer.shadowRoot!.elementFromPoint(x, y);
    expect(hit === link ? 'the link' : `${hit?.localName}.${hit?.className}`, 'the sticker is on top').to.equal('the link');
    viewer.close();
    indexedDB.deleteDatabase(dbName);
  });
});
