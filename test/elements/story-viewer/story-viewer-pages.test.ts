import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../../src/story-provider.js';
import '../../../src/story-bar.js';
import '../../../src/story-viewer.js';
import type { StoryBar } from '../../../src/story-bar.js';
import type { StoryProvider } from '../../../src/story-provider.js';
import type { StoryViewer } from '../../../src/story-viewer.js';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import type { World } from '../../../src/adapters/demo-world.js';
import type { Author, Story } from '../../../src/model/types.js';
import { centreOf, until } from '../../helpers/dom.js';
import { HOUR } from '../../helpers/world.js';
import { PHOTOS, recordEvents, ring } from './viewer-helpers.js';
import { decoded, frame as storyFrame, isSpinner } from './viewer-harness.js';

const ACCOUNTS = 15;
const PAGE = 5;

const databases: string[] = [];
after(() => databases.forEach((n) => indexedDB.deleteDatabase(n)));

/**
 * A feed of 15 accounts (one photo each) read 5 at a time through a real LocalAdapter, so
 * it takes three pages; account 0's story is the newest, so the feed shows them in order.
 */
async function pagedPage(duration: number) {
  const now = Date.now();
  const accounts: Author[] = Array.from({ length: ACCOUNTS }, (_, i) => ({ id: `p${i}`, name: `Paged ${i}` }));
  const stories: Story[] = accounts.map((author, i) => {
    const createdAt = now - HOUR - i * 60_000;
    return { id: `ps${i}`, author, createdAt, expiresAt: createdAt + 24 * HOUR, duration, media: { kind: 'image', src: PHOTOS[i % PHOTOS.length], alt: `Photo ${i}` } };
  });
  const world: World = { me: 'reader', accounts: [{ id: 'reader', name: 'Reader' }, ...accounts], follows: accounts.map((a) => ['reader', a.id] as [string, string]), stories, views: [], comments: [], sounds: [] };
  const dbName = `pages-${crypto.randomUUID()}`;
  databases.push(dbName);
  const adapter = new LocalAdapter({ dbName });
  await adapter.seed(world);
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <story-provider .adapter=${adapter} .storeOptions=${{ seen: null, pageSize: PAGE, refreshInterval: 0 }}>
      <story-bar></story-bar>
      <story-viewer deep-link="off" comments="off"></story-viewer>
    </story-provider>
  </div>`);
  const bar = wrapper.querySelector('story-bar') as StoryBar;
  const viewer = wrapper.querySelector('story-viewer') as StoryViewer;
  const store = await (wrapper.querySelector('story-provider') as StoryProvider).ready;
  await until(() => bar.state === 'ready', 'the bar');
  await bar.updateComplete;
  // Every time the spinner comes on screen, and on which story: a stall a person would see.
  const stalls: string[] = [];
  const watch = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (isSpinner(n)) stalls.push(store.playback?.storyId ?? '?');
  });
  await until(() => !!viewer.shadowRoot, 'the viewer');
  watch.observe(viewer.shadowRoot!, { childList: true, subtree: true });
  return { bar, viewer, store, events: recordEvents(wrapper), stalls, stop: () => watch.disconnect() };
}

const changes = (events: string[]) => events.filter((e) => e.startsWith('change:')).map((e) => e.slice(7));

describe('<story-viewer> across feed pages', () => {
  it('next-taps play past the second page boundary without a stall; only the real end closes', async function () {
    this.timeout(60_000);
    const { bar, viewer, store, events, stalls, stop } = await pagedPage(60_000);
    // What the bar loaded for itself; the last page comes only as playback nears it.
    expect(store.reels.length, 'not every page loaded before playing').to.be.below(ACCOUNTS);
    expect(store.hasMore).to.equal(true);
    await sendMouse({ type: 'click', position: centreOf(ring(bar, 'p0')) });
    await until(() => changes(events).at(-1) === 'ps0', 'the first story', 10_000);
    for (let i = 1; i < ACCOUNTS; i++) {
      // Like any next account, the next one (on the next page too) is on its way before the tap.
      await decoded(viewer, `Photo ${i}`, 10_000);
      const frame = storyFrame(viewer).getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(frame.right - frame.width / 6), Math.round(frame.top + frame.height / 2)] });
      await until(() => changes(events).at(-1) === `ps${i}`, `story ${i}`, 10_000);
      expect(viewer.open, `open at account ${i}`).to.equal(true);
    }
    expect(store.reels.length, 'the three pages').to.equal(ACCOUNTS);
    expect(store.hasMore).to.equal(false);
    // The first story opened cold; every one after it was ready when it came on screen.
    expect(stalls.filter((id) => id !== 'ps0'), 'spinners shown after the first story').to.deep.equal([]);
    // The bar shows the pages playback loaded.
    await bar.updateComplete;
    expect(bar.shadowRoot!.querySelector('[role=listitem]')!.getAttribute('aria-setsize')).to.equal(String(ACCOUNTS));
    const frame = storyFrame(viewer).getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(frame.right - frame.width / 6), Math.round(frame.top + frame.height / 2)] });
    await until(() => !viewer.open, 'the viewer to close at the real end');
    expect(events.filter((e) => e.startsWith('complete:'))).to.deep.equal([`complete:ps${ACCOUNTS - 1}`]);
    stop();
  });

  it('auto-advance plays on past the second page boundary without a stall', async function () {
    this.timeout(60_000);
    const { bar, viewer, store, events, stalls, stop } = await pagedPage(700);
    await sendMouse({ type: 'click', position: centreOf(ring(bar, 'p0')) });
    await until(() => changes(events).includes(`ps${2 * PAGE + 2}`), 'playback past the second boundary', 30_000);
    expect(changes(events).slice(0, 2 * PAGE + 3)).to.deep.equal(Array.from({ length: 2 * PAGE + 3 }, (_, i) => `ps${i}`));
    expect(viewer.open).to.equal(true);
    expect(store.reels.length).to.equal(ACCOUNTS);
    // The first stories of pages two and three came on screen ready: no spinner at the boundaries.
    expect(stalls.filter((id) => id === `ps${PAGE}` || id === `ps${2 * PAGE}`), 'stalls at the boundaries').to.deep.equal([]);
    viewer.close();
    stop();
  });
});
