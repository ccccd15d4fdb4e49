// The viewer with a real store and adapter: opening from a ring, views reaching the adapter
// once, auto-advance across accounts in the order shown, deep links and Back; and what it
// draws over the media: overlays, links, effects.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { StoryViewer } from '../../../src/story-viewer.js';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import { EFFECT_FILTERS } from '../../../src/model/effects.js';
import { centreOf, until } from '../../helpers/dom.js';
import { testWorld } from '../../helpers/world.js';
import { lastChange, mountViewer, photo, q, qa, reel, ring, storePage } from './viewer-helpers.js';
import { frame as storyFrame, shownMedia } from './viewer-harness.js';

const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));

describe('<story-viewer> with a store', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    document.querySelectorAll('body > story-viewer').forEach((v) => v.remove());
  });

  it('plays from the ring activated through the following accounts, marks each story viewed once, and closes at the end', async () => {
    const { bar, viewer, viewed, events } = await storePage({ duration: 300 });
    await sendMouse({ type: 'click', position: centreOf(ring(bar, 'alice')) });
    await until(() => viewer.open, 'the page’s viewer to open');
    // The page had its own viewer: the bar made none.
    expect(document.querySelectorAll('story-viewer').length).to.equal(1);
    await until(() => events.includes('close:c1'), 'the end of the feed', 10_000);
    expect(events.filter((e) => /^(open|change|complete|close)/.test(e))).to.deep.equal([
      'open:undefined', 'change:a1', 'change:a2', 'change:b1', 'change:c1', 'complete:c1', 'close:c1',
    ]);
    expect(viewed).to.deep.equal(['a1', 'a2', 'b1', 'c1']);
    // Seen: rings turned grey.
    await bar.updateComplete;
    expect(ring(bar, 'alice').state).to.equal('seen');
    // Opening alice again starts at her first story and views are not sent twice.
    await sendMouse({ type: 'click', position: centreOf(ring(bar, 'alice')) });
    await until(() => viewer.open && lastChange(events) === 'a1' && events.filter((e) => e === 'change:a1').length === 2, 'alice again');
    await sendKeys({ press: 'Escape' });
    await until(() => !viewer.open, 'closing');
    expect(viewed.filter((id) => id === 'a1').length).to.equal(1);
  });

  it('deep links: opening writes #story=<author>/<story>, moving replaces it, Back closes; a page loaded with the hash opens there', async () => {
    // Stories long enough never to move on by themselves here: every move is the test's.
    const { bar, viewer, events } = await storePage({ duration: 60_000, deepLink: 'story' });
    // (history.length cannot tell: the test runner's tab may already hold the 50 entries a
    // tab keeps. Back tells instead: one Back after opening and moving closes the viewer, so
    // opening pushed one entry and moving replaced it.)
    await sendMouse({ type: 'click', position: centreOf(ring(bar, 'bob')) });
    await until(() => viewer.open && location.hash === '#story=bob/b1', 'the hash');
    viewer.pause();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => location.hash === '#story=carol/c1', 'the hash to follow');
    history.back();
    await until(() => !viewer.open, 'Back to close the viewer');
    expect(location.hash).to.equal('');
    expect(events.at(-1)).to.equal('close:c1');
    // A page loaded with a deep link: the viewer opens at that story.
    history.replaceState(null, '', '#story=alice/a2');
    const second = await storePage({ duration: 60_000, deepLink: 'story' });
    await until(() => second.viewer.open && second.store.playback?.storyId === 'a2', 'the deep-linked story');
    second.viewer.close();
    await until(() => location.hash === '', 'the hash to go');
  });

  it('a bar alone on a page with a deep link makes the viewer and opens it there', async () => {
    const dbName = `viewer-${crypto.randomUUID()}`;
    dbs.push(dbName);
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(Date.now()));
    history.replaceState(null, '', '#story=carol/c1');
    await fixture(html`<story-provider .adapter=${adapter} .storeOptions=${{ seen: null }}><story-bar></story-bar></story-provider>`);
    await until(() => !!document.querySelector<StoryViewer>('body > story-viewer')?.open, 'a viewer to open');
    const viewer = document.querySelector<StoryViewer>('body > story-viewer')!;
    expect(q(viewer, '[part=name]')!.textContent).to.equal('Carol Chen');
    viewer.close();
  });
});

describe('<story-viewer> overlays and effects', () => {
  it('draws text, stickers, links and mentions at their positions, rotations and scales; links are https, new tab, noopener', async () => {
    const story = photo('a1', 'alice', 60_000, {
      effect: 'mono',
      overlays: [
        // Turned a quarter, the long text stands tall: placed where it stays clear of the frame's edge.
        { kind: 'text', text: '<img src=x onerror=alert(1)>Hello', x: 0.25, y: 0.7, rotation: 90, style: 'background', color: '#ff0000' },
        { kind: 'sticker', emoji: '🔥', x: 0.8, y: 0.2, scale: 2, alt: 'fire' },
        { kind: 'link', url: 'https://example.com/shop', label: 'Shop now', x: 0.5, y: 0.5 },
        { kind: 'link', url: 'javascript:alert(1)', label: 'Evil', x: 0.5, y: 0.6 },
        { kind: 'mention', handle: 'bob', x: 0.5, y: 0.9 },
      ],
    });
    const { viewer, events } = await mountViewer([reel('alice', [story])]);
    const errors: string[] = [];
    viewer.addEventListener('story-error', (e) => errors.push((e as CustomEvent).detail.path));
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the story');
    const frame = storyFrame(viewer).getBoundingClientRect();
    const overlays = qa(viewer, '[part~=overlay]');
    // The javascript: link was dropped by validation, with a story-error saying where.
    expect(overlays.length).to.equal(4);
    expect(errors.some((p) => /overlays\[3\]/.test(p))).to.equal(true);
    const [text, sticker, link, mention] = overlays;
    // Rendered as text, never as HTML.
    expect(text.textContent).to.equal('<img src=x onerror=alert(1)>Hello');
    expect(text.querySelector('img')).to.equal(null);
    const centre = (el: Element) => {
      const r = el.getBoundingClientRect();
      return [(r.left + r.width / 2 - frame.left) / frame.width, (r.top + r.height / 2 - frame.top) / frame.height];
    };
    expect(centre(text)[0]).to.be.closeTo(0.25, 0.01);
    expect(centre(text)[1]).to.be.closeTo(0.7, 0.01);
    expect(getComputedStyle(text).color).to.equal('rgb(255, 0, 0)');
    // Rotated a quarter turn: taller than wide.
    expect(text.getBoundingClientRect().height).to.be.greaterThan(text.getBoundingClientRect().width);
    expect(centre(sticker)[0]).to.be.closeTo(0.8, 0.01);
    expect(sticker.getAttribute('aria-label')).to.equal('fire');
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('https://example.com/shop');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(mention.textContent).to.equal('@bob');
    expect((shownMedia(viewer) as HTMLElement).style.filter).to.equal(EFFECT_FILTERS.mono);
    await expect(viewer).to.be.accessible();
    viewer.close();
  });
});
