import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/story-provider.js';
import '../../../src/story-bar.js';
import type { StoryBar } from '../../../src/story-bar.js';
import type { StoryProvider } from '../../../src/story-provider.js';
import type { StoryRing } from '../../../src/story-ring.js';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import type { StoryOpenEvent, StoryErrorEvent } from '../../../src/events.js';
import { SeenStore } from '../../../src/storage/seen.js';
import { ManualClock } from '../../helpers/clock.js';
import { centreOf, until } from '../../helpers/dom.js';
import { HOUR, story, testApi, testWorld } from '../../helpers/world.js';
import { bigWorld } from '../../helpers/big-world.js';
import { list, message, nameLabels, names, retryButton, ringButton, rings, skeletons } from './bar-harness.js';

const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));

async function world(w = testWorld(Date.now()), clock?: ManualClock): Promise<LocalAdapter> {
  const dbName = `bar-${crypto.randomUUID()}`;
  dbs.push(dbName);
  const adapter = new LocalAdapter({ dbName, clock });
  await adapter.seed(w);
  return adapter;
}

async function mountBar(adapter: LocalAdapter, options: { clock?: ManualClock; dir?: string; width?: number } = {}) {
  const ns = crypto.randomUUID();
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${options.dir ?? 'ltr'} style="inline-size: ${options.width ?? 600}px">
    <story-provider .adapter=${adapter} .storeOptions=${{ clock: options.clock, seen: new SeenStore(`bar:${ns}`) }}>
      <story-bar></story-bar>
    </story-provider>
  </div>`);
  const provider = wrapper.querySelector('story-provider') as StoryProvider;
  const bar = wrapper.querySelector('story-bar') as StoryBar;
  await until(() => bar.state !== 'loading', 'the bar to load');
  await bar.updateComplete;
  return { wrapper, provider, bar, store: await provider.ready, ns };
}


describe('<story-bar>', () => {
  afterEach(async () => {
    await resetMouse();
    // The viewer a bar makes on first use lives in the body: each test starts without one.
    document.querySelectorAll('story-viewer').forEach((v) => v.remove());
  });

  it('shows your story first, then followed accounts unseen first, with names under the rings', async () => {
    const { bar, store } = await mountBar(await world());
    expect(names(bar)).to.deep.equal(['Your story', 'Alice Adams', 'Bob Brown', 'Carol Chen']);
    expect(rings(bar).map((r) => r.state)).to.deep.equal(['unseen', 'unseen', 'unseen', 'unseen']);
    expect(ringButton(rings(bar)[1]).getAttribute('aria-label')).to.equal('Alice Adams, 2 new stories');
    expect(rings(bar)[0].label).to.equal('Your story, 2 new');
    await store.markViewed(store.reels[0].stories[0]);
    await store.markViewed(store.reels[0].stories[1]);
    await bar.updateComplete;
    expect(rings(bar)[1].state).to.equal('seen');
    await expect(bar).to.be.accessible();
  });

  it('is one tab stop; arrows, Home and End move between rings; Enter opens and starts playback there', async () => {
    const { wrapper, bar, store } = await mountBar(await world());
    const before = document.createElement('button');
    before.textContent = 'before';
    wrapper.prepend(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const focused = () => bar.shadowRoot!.activeElement as StoryRing | null;
    expect(focused()).to.equal(rings(bar)[0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(rings(bar)[1]);
    await sendKeys({ press: 'End' });
    expect(focused()!.author!.id).to.equal('carol');
    await sendKeys({ press: 'Home' });
    expect(focused()!.author!.id).to.equal('viewer');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    const opened = oneEvent(document, 'story-open') as Promise<StoryOpenEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.authorId).to.equal('bob');
    await until(() => store.playback !== null, 'playback to start');
    expect(store.playback!.playlist).to.deep.equal(['bob', 'carol']);
    // The viewer the bar made takes focus; Escape closes it and focus returns to bob's ring.
    const viewer = await new Promise<Element>((resolve) => until(() => !!document.querySelector('story-viewer')?.shadowRoot?.activeElement, 'the viewer to take focus').then(() => resolve(document.querySelector('story-viewer')!)));
    expect(viewer.shadowRoot!.activeElement!.getAttribute('part')).to.equal('pause-button');
    await sendKeys({ press: 'Escape' });
    await until(() => focused()?.author?.id === 'bob', 'focus back on bob’s ring');
    // Tab leaves the bar in one step.
    await sendKeys({ press: 'Tab' });
    expect(bar.shadowRoot!.activeElement).to.equal(null);
  });

  it('opens an account with a real click on its ring or its name', async () => {
    const { bar } = await mountBar(await world());
    let opened = oneEvent(bar, 'story-open') as Promise<StoryOpenEvent>;
    await sendMouse({ type: 'click', position: centreOf(rings(bar)[2]) });
    expect((await opened).detail.authorId).to.equal('bob');
    // The page has no viewer of its own: the bar made one, which plays bob's story.
    await until(() => !!document.querySelector('story-viewer')?.open, 'the viewer to open');
    await sendKeys({ press: 'Escape' });
    await until(() => !document.querySelector('story-viewer')!.open, 'the viewer to close');
    opened = oneEvent(bar, 'story-open') as Promise<StoryOpenEvent>;
    await sendMouse({ type: 'click', position: centreOf(nameLabels(bar)[3]) });
    expect((await opened).detail.authorId).to.equal('carol');
  });

  it('keeps at most 40 rings in the DOM for 1,000 accounts, and loads further pages as it scrolls', async function () {
    // A long scenario (hundreds of frames): more room than the default 10 s on a busy machine.
    this.timeout(60_000);
    const now = Date.now();
    const { bar, store } = await mountBar(await world(bigWorld(1000, now)), { width: 2000 });
    expect(store.reels.length).to.be.at.most(40);
    const list = bar.shadowRoot!.querySelector<HTMLElement>('[part=list]')!;
    let maxRings = rings(bar).length;
    for (let step = 0; step < 200 && (store.hasMore || Math.abs(list.scrollLeft) + list.clientWidth < list.scrollWidth - 1); step++) {
      list.scrollLeft += list.clientWidth;
      await new Promise((r) => requestAnimationFrame(r));
      await bar.updateComplete;
      maxRings = Math.max(maxRings, rings(bar).length);
      // A page asked for by this scroll arrives before the next one: on a busy machine a
      // page can take longer than any fixed number of frames.
      if (store.loadingPage) await until(() => !store.loadingPage, 'the page this scroll asked for', 10_000);
    }
    expect(store.reels.length).to.equal(1000);
    expect(maxRings).to.be.at.most(40);
    const lastRing = rings(bar).at(-1)!;
    expect(lastRing.author!.name).to.equal('Account 999');
    const item = lastRing.closest('[role=listitem]')!;
    expect(item.getAttribute('aria-setsize')).to.equal('1000');
    expect(item.getAttribute('aria-posinset')).to.equal('1000');
  });

  it('End reaches the last account loaded, through virtualisation, and more load as it goes', async function () {
    // A long scenario (hundreds of frames): more room than the default 10 s on a busy machine.
    this.timeout(60_000);
    const { bar, store } = await mountBar(await world(bigWorld(60, Date.now())));
    rings(bar)[0].focus();
    // No ring has focus for a moment while the range moves: the row it was in left the DOM
    // and the new one is focused once it is rendered.
    const active = () => (bar.shadowRoot!.activeElement as StoryRing | null)?.author?.name;
    // Pages keep arriving (End itself asks for more): what counts is what was loaded when the key went down.
    let loadedAtKey = 0;
    bar.addEventListener('keydown', () => (loadedAtKey = store.reels.length), { capture: true, once: true });
    await sendKeys({ press: 'End' });
    // Focus lands once the row is rendered (virtualised: maybe a frame after the key).
    const lands = (name: string) => until(() => active() === name, `focus on ${name} (it is on ${active()})`);
    await lands(`Account ${loadedAtKey - 1}`);
    // Each End reaches what is loaded and loads on from there, until the feed has no more.
    for (let presses = 0; store.hasMore && presses < 10; presses++) {
      await until(() => !store.loadingPage, 'the page End asked for', 10_000);
      const before = store.reels.length;
      await sendKeys({ press: 'End' });
      await lands(`Account ${before - 1}`);
      await until(() => !store.loadingPage, 'the page End asked for', 10_000);
    }
    expect(store.hasMore, 'every page loaded by End').to.equal(false);
    await sendKeys({ press: 'End' });
    await lands('Account 59');
    expect(rings(bar).length).to.be.at.most(40);
  });

  it('runs right to left: the first account at the right, ArrowLeft moves forward', async () => {
    const { bar } = await mountBar(await world(), { dir: 'rtl' });
    const [first, second] = rings(bar);
    expect(first.getBoundingClientRect().left).to.be.greaterThan(second.getBoundingClientRect().left);
    first.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(bar.shadowRoot!.activeElement).to.equal(second);
    await expect(bar).to.be.accessible();
  });

  it('reserves its height before data arrives: no layout shift, skeletons while loading', async () => {
    const adapter = await world();
    // Hold the real adapter's answer, so the loading state is certainly what is measured first.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const feed = adapter.feed.bind(adapter);
    adapter.feed = async (opts) => {
      await held;
      return feed(opts);
    };
    const wrapper = await fixture<HTMLDivElement>(html`<div><story-provider .adapter=${adapter}><story-bar></story-bar></story-provider><p>below</p></div>`);
    const bar = wrapper.querySelector('story-bar')!;
    const below = wrapper.querySelector('p')!;
    await bar.updateComplete;
    expect(bar.state).to.equal('loading');
    expect(skeletons(bar).length).to.be.greaterThan(0);
    expect(list(bar)!.getAttribute('aria-busy')).to.equal('true');
    const top = below.getBoundingClientRect().top;
    expect(bar.getBoundingClientRect().height).to.be.greaterThan(64);
    answer();
    await until(() => bar.state === 'ready', 'the bar to load');
    await bar.updateComplete;
    expect(rings(bar).length).to.be.greaterThan(0);
    expect(below.getBoundingClientRect().top).to.equal(top);
  });

  it('shows skeletons with a loading status while the data layer is on its way', async () => {
    const el = await fixture<StoryBar>(html`<story-bar feed="/api/__test/files/never-there.json"></story-bar>`);
    expect(el.state).to.equal('loading');
    expect(skeletons(el)).to.have.length(8);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('hides itself when there are no stories, unless it has an empty slot', async () => {
    await testApi('reset');
    await testApi('files/empty.json', { reels: [] }, 'PUT');
    const hidden = await fixture<StoryBar>(html`<story-bar feed="/api/__test/files/empty.json"></story-bar>`);
    await until(() => hidden.state === 'empty', 'the empty state');
    expect(getComputedStyle(hidden).display).to.equal('none');
    const shown = await fixture<StoryBar>(html`<story-bar feed="/api/__test/files/empty.json"><p slot="empty">No stories today</p></story-bar>`);
    await until(() => shown.state === 'empty', 'the empty state');
    expect(getComputedStyle(shown).display).to.equal('block');
    expect(shown.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('shows a polite error with a retry that works, and fires story-error', async () => {
    await testApi('reset');
    const errored = oneEvent(document, 'story-error') as Promise<StoryErrorEvent>;
    const bar = await fixture<StoryBar>(html`<story-bar feed="/api/__test/files/later.json"></story-bar>`);
    expect((await errored).detail.code).to.equal('not-found');
    await until(() => bar.state === 'error', 'the error state');
    expect(message(bar)!.getAttribute('role')).to.equal('status');
    await expect(bar).to.be.accessible();
    const t = Date.now() - HOUR;
    await testApi('files/later.json', { reels: [{ author: { id: 'z', name: 'Zoe' }, stories: [{ id: 'z1', createdAt: t, media: { kind: 'image', src: '/fixtures/media/photos/city.webp' } }] }] }, 'PUT');
    await sendMouse({ type: 'click', position: centreOf(retryButton(bar)) });
    await until(() => bar.state === 'ready', 'the feed after retrying');
    expect(names(bar)).to.deep.equal(['Zoe']);
  });

  it('removes an account when its last story expires, without a reload (controlled clock)', async () => {
    const clock = new ManualClock(Date.now());
    const { bar } = await mountBar(await world(testWorld(clock.now()), clock), { clock });
    expect(names(bar)).to.include('Carol Chen');
    clock.advance(HOUR); // carol's story was 23 h old
    await bar.updateComplete;
    expect(names(bar)).to.deep.equal(['Your story', 'Alice Adams', 'Bob Brown']);
  });

  it('turns a ring grey when another tab saw its last story, and blue again when a new story arrives', async () => {
    const adapter = await world();
    const { bar, store, ns } = await mountBar(adapter);
    const otherTab = new SeenStore(`bar:${ns}`);
    await otherTab.add('b1', Date.now() + HOUR);
    await until(() => rings(bar)[2].state === 'seen', 'bob’s ring to turn grey');
    otherTab.close();
    // Another tab posts to the same database: its feed-change reaches this tab's store, no reload.
    const poster = new LocalAdapter({ dbName: adapter.dbName });
    await poster.putStory(story('b2', 'bob', Date.now() - 1000));
    poster.close();
    await until(() => rings(bar).find((r) => r.author!.id === 'bob')?.segments === 2, 'bob’s new story to arrive');
    const bob = rings(bar).find((r) => r.author!.id === 'bob')!;
    expect(bob.state).to.equal('unseen');
    // Unseen again, so bob moves ahead of the accounts whose stories were all seen.
    expect(store.reels[0].author.id).to.equal('bob');
  });
});
