import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/story-provider.js';
import '../../../src/story-sidebar.js';
import type { StorySidebar } from '../../../src/story-sidebar.js';
import type { StoryRing } from '../../../src/story-ring.js';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import type { StoryOpenEvent } from '../../../src/events.js';
import { SeenStore } from '../../../src/storage/seen.js';
import { ManualClock } from '../../helpers/clock.js';
import { centreOf, until } from '../../helpers/dom.js';
import { HOUR, testWorld } from '../../helpers/world.js';
import { bigWorld } from '../../helpers/big-world.js';
import { phone, tap } from '../../helpers/screen.js';
import { backdrop, closeButton, createButton, list as accounts, names, panel, ringIn, rowText, rows, title } from './sidebar-harness.js';

const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));

async function mount(options: { world?: ReturnType<typeof testWorld>; clock?: ManualClock; attrs?: string; docked?: boolean; dir?: string } = {}) {
  const clock = options.clock;
  const dbName = `sidebar-${crypto.randomUUID()}`;
  dbs.push(dbName);
  const adapter = new LocalAdapter({ dbName, clock });
  await adapter.seed(options.world ?? testWorld(clock?.now() ?? Date.now()));
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${options.dir ?? 'ltr'}>
    <button id="outside">outside</button>
    <story-provider .adapter=${adapter} .storeOptions=${{ clock, seen: new SeenStore(`sidebar:${crypto.randomUUID()}`) }}>
      <story-sidebar ?docked=${options.docked}><button slot="trigger">Stories</button></story-sidebar>
    </story-provider>
  </div>`);
  const sidebar = wrapper.querySelector('story-sidebar') as StorySidebar;
  const trigger = wrapper.querySelector('[slot=trigger]') as HTMLButtonElement;
  const store = await wrapper.querySelector('story-provider')!.ready;
  await until(() => store.status === 'ready', 'the feed');
  await sidebar.updateComplete;
  return { wrapper, sidebar, trigger, store, adapter };
}


describe('<story-sidebar>', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
    // The viewer a sidebar makes on first use lives in the body: each test starts without one.
    document.querySelectorAll('story-viewer').forEach((v) => v.remove());
  });

  it('lists followed accounts with live stories: ring, name, handle, age and unseen count', async () => {
    const now = Date.now();
    const world = testWorld(now);
    world.accounts = world.accounts.map((a) => (a.id === 'alice' ? { ...a, handle: 'alice' } : a));
    const { sidebar, trigger, store } = await mount({ world });
    await sendMouse({ type: 'click', position: centreOf(trigger) });
    await until(() => sidebar.open, 'the sidebar to open');
    await sidebar.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    const [mine, alice, bob, carol] = rows(sidebar);
    expect(names(sidebar)).to.deep.equal(['Your story', 'Alice Adams', 'Bob Brown', 'Carol Chen']);
    expect(rowText(alice, 'handle')).to.equal('@alice');
    expect(rowText(alice, 'count')).to.equal('2');
    expect(rowText(alice, 'time')).to.match(/^1 hr/);
    expect(rowText(carol, 'time')).to.match(/^23 hr/);
    expect(ringIn(alice).label).to.equal('Alice Adams, 2 new stories, latest 1 hour ago');
    expect(mine).to.exist;
    await store.markViewed(store.reels[1].stories[0]);
    await sidebar.updateComplete;
    expect(rowText(bob, 'count')).to.equal('');
    expect(ringIn(bob).state).to.equal('seen');
    await expect(sidebar).to.be.accessible();
  });

  it('is modal on a narrow screen: focus moves in and stays in, Escape closes, focus returns to the trigger', async () => {
    await setViewport({ width: 400, height: 700 });
    const { sidebar, trigger } = await mount();
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => sidebar.open && !!sidebar.shadowRoot!.activeElement, 'focus to move into the panel');
    expect(backdrop(sidebar)).to.not.equal(null);
    // Tab cycles inside the panel and never reaches the page behind it.
    const seen = new Set<Element>();
    for (let i = 0; i < 6; i++) {
      if (i % 3 === 2) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      } else {
        await sendKeys({ press: 'Tab' });
      }
      expect(document.activeElement, `tab ${i}`).to.equal(sidebar);
      seen.add(sidebar.shadowRoot!.activeElement!);
    }
    expect(seen.size).to.equal(3); // Create, the close button and the one ring in the tab order
    await sendKeys({ press: 'Escape' });
    await until(() => !sidebar.open, 'Escape to close it');
    await sidebar.updateComplete;
    expect(document.activeElement).to.equal(trigger);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
  });

  it('modal and signed in, Tab goes from the close button through the focused ring to Create and wraps back', async () => {
    await setViewport({ width: 400, height: 700 });
    const { sidebar, store } = await mount();
    expect(store.me?.id, 'signed in').to.be.a('string');
    sidebar.show();
    await until(() => sidebar.shadowRoot!.activeElement?.localName === 'story-ring', 'focus on the first ring');
    await until(() => !!createButton(sidebar), 'the Create button');
    const focused = () => sidebar.shadowRoot!.activeElement?.getAttribute('part') ?? document.activeElement?.localName ?? '';
    closeButton(sidebar).focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(focused());
    }
    expect(order.join(' > ')).to.equal('ring > create-button > close-button > ring');
    // And back the other way, wrapping from the first stop (Create) to the last (the ring).
    const back: string[] = [];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      back.push(focused());
    }
    expect(back.join(' < ')).to.equal('close-button < create-button < ring');
    // The ring Tab reached is the one of the roving order, not any other row's.
    expect(sidebar.shadowRoot!.activeElement!.getAttribute('tabindex')).to.equal('0');
  });

  it('closes on the backdrop and on a swipe towards its edge', async () => {
    await setViewport({ width: 400, height: 700 });
    const { sidebar } = await mount();
    sidebar.show();
    await sidebar.updateComplete;
    await sendMouse({ type: 'click', position: [390, 350] }); // the backdrop, right of the panel
    await until(() => !sidebar.open, 'the backdrop to close it');
    sidebar.show();
    await sidebar.updateComplete;
    await until(() => panel(sidebar).getAnimations().length === 0, 'the slide to end');
    const box = panel(sidebar).getBoundingClientRect();
    const y = Math.round(box.top + box.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(box.right - 20), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(box.right - 60), y] });
    await sendMouse({ type: 'move', position: [Math.round(box.right - 120), y] });
    await sendMouse({ type: 'up' });
    await until(() => !sidebar.open, 'the swipe to close it');
  });

  it('slides from the end with placement="end", and from the right in RTL pages', async () => {
    const { sidebar } = await mount();
    sidebar.placement = 'end';
    sidebar.show();
    await sidebar.updateComplete;
    await until(() => panel(sidebar).getAnimations().length === 0, 'the slide to end');
    expect(Math.round(panel(sidebar).getBoundingClientRect().right)).to.equal(document.documentElement.clientWidth);
    const rtl = await mount({ dir: 'rtl' });
    rtl.sidebar.show();
    await rtl.sidebar.updateComplete;
    await until(() => panel(rtl.sidebar).getAnimations().length === 0, 'the slide to end');
    expect(Math.round(panel(rtl.sidebar).getBoundingClientRect().right)).to.equal(document.documentElement.clientWidth);
  });

  it('arrow keys, Home and End move between accounts; Enter opens one and playback continues in order', async () => {
    const { sidebar, store } = await mount();
    sidebar.show();
    await until(() => !!sidebar.shadowRoot!.activeElement, 'focus in the panel');
    const active = () => (sidebar.shadowRoot!.activeElement as StoryRing).author!.id;
    expect(active()).to.equal('viewer');
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal('alice');
    await sendKeys({ press: 'End' });
    expect(active()).to.equal('carol');
    await sendKeys({ press: 'ArrowUp' });
    expect(active()).to.equal('bob');
    const opened = oneEvent(sidebar, 'story-open') as Promise<StoryOpenEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.authorId).to.equal('bob');
    await until(() => store.playback !== null, 'playback');
    expect(store.playback!.playlist).to.deep.equal(['bob', 'carol']);
    await until(() => !!document.querySelector('story-viewer')?.open, 'the viewer the sidebar made to open');
  });

  it('virtualises: 1,000 accounts keep at most 40 rows in the DOM, and pages load as it scrolls', async function () {
    // A long scenario (hundreds of frames): more room than the default 10 s on a busy machine.
    this.timeout(60_000);
    const { sidebar, store } = await mount({ world: bigWorld(1000, Date.now()) });
    sidebar.show();
    await sidebar.updateComplete;
    const list = accounts(sidebar);
    let most = 0;
    for (let i = 0; i < 400 && (store.hasMore || list.scrollTop + list.clientHeight < list.scrollHeight - 1); i++) {
      list.scrollTop += list.clientHeight;
      await new Promise((r) => requestAnimationFrame(r));
      await sidebar.updateComplete;
      most = Math.max(most, rows(sidebar).length);
    }
    expect(store.reels.length).to.equal(1000);
    expect(most).to.be.at.most(40);
    expect(rowText(rows(sidebar).at(-1)!, 'name')).to.equal('Account 999');
  });

  it('removes an account when its last story expires, while open (controlled clock)', async () => {
    const clock = new ManualClock(Date.now());
    const { sidebar } = await mount({ clock });
    sidebar.show();
    await until(() => names(sidebar).includes('Carol Chen'), 'every row once the panel has its size');
    clock.advance(HOUR);
    await sidebar.updateComplete;
    expect(names(sidebar)).to.deep.equal(['Your story', 'Alice Adams', 'Bob Brown']);
  });

  it('can be docked in the page: always shown, no dialog, no close button', async () => {
    const { sidebar } = await mount({ docked: true });
    await sidebar.updateComplete;
    expect(sidebar.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(panel(sidebar).localName).to.equal('section');
    expect(rows(sidebar).length).to.equal(4);
    expect(getComputedStyle(closeButton(sidebar)).display).to.equal('none');
    await expect(sidebar).to.be.accessible();
  });
});

describe('<story-sidebar> on a wide screen and on a phone', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
    document.querySelectorAll('story-viewer').forEach((v) => v.remove());
  });

  const deepFocus = () => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };

  it('on a wide screen leaves its trigger uncovered (pressing it again closes it), and a click outside closes it like Escape', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { sidebar, trigger, wrapper } = await mount();
    await sendMouse({ type: 'click', position: centreOf(trigger) });
    await until(() => sidebar.open, 'open');
    await sidebar.updateComplete;
    await until(() => panel(sidebar).getAnimations().length === 0, 'the slide to end');
    expect(sidebar.isModal).to.equal(false);
    const t = trigger.getBoundingClientRect();
    const p = panel(sidebar).getBoundingClientRect();
    const overlap = Math.max(0, Math.min(t.right, p.right) - Math.max(t.left, p.left)) * Math.max(0, Math.min(t.bottom, p.bottom) - Math.max(t.top, p.top));
    expect(overlap, 'trigger area under the panel').to.equal(0);
    // What a pointer at the trigger's centre hits is the trigger itself.
    expect(document.elementFromPoint(...centreOf(trigger))).to.equal(trigger);
    expect(p.bottom).to.equal(800);
    await sendMouse({ type: 'click', position: centreOf(trigger) });
    await until(() => !sidebar.open, 'the trigger to close it');
    // A click on the page beside the panel closes it; focus stays where the person clicked.
    await sendMouse({ type: 'click', position: centreOf(trigger) });
    await until(() => sidebar.open, 'open again');
    await sidebar.updateComplete;
    const outside = wrapper.querySelector<HTMLButtonElement>('#outside')!;
    const page = document.createElement('button');
    page.textContent = 'elsewhere on the page';
    page.style.cssText = 'position: fixed; right: 40px; bottom: 40px';
    document.body.append(page);
    try {
      await sendMouse({ type: 'click', position: centreOf(page) });
      await until(() => !sidebar.open, 'the click outside to close it');
      await sidebar.updateComplete;
      expect(document.activeElement).to.equal(page);
      // A click inside the panel does not.
      await sendMouse({ type: 'click', position: centreOf(trigger) });
      await until(() => sidebar.open, 'open once more');
      await sidebar.updateComplete;
      await until(() => panel(sidebar).getAnimations().length === 0, 'the slide to end');
      await sendMouse({ type: 'click', position: centreOf(title(sidebar)) });
      await sidebar.updateComplete;
      expect(sidebar.open).to.equal(true);
      // A button of the page's own that toggles the sidebar: it opens it, and closes it again.
      outside.addEventListener('click', () => sidebar.toggle());
      await sendMouse({ type: 'click', position: centreOf(page) });
      await until(() => !sidebar.open, 'closed by the click outside');
      await sendMouse({ type: 'click', position: centreOf(outside) });
      await until(() => sidebar.open, 'opened by the page’s button');
      await sidebar.updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
      expect(sidebar.open, 'still open after the click that opened it').to.equal(true);
      await sendMouse({ type: 'click', position: centreOf(outside) });
      await until(() => !sidebar.open, 'closed by the page’s button');
      await sidebar.updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
      expect(sidebar.open, 'still closed').to.equal(false);
    } finally {
      page.remove();
    }
  });

  it('on a phone, closing the viewer opened from it brings the sidebar back with focus on the ring it came from', async function () {
    this.timeout(20_000);
    await phone();
    const { sidebar, trigger } = await mount();
    await tap(centreOf(trigger));
    await until(() => sidebar.open && !!sidebar.shadowRoot!.activeElement, 'the modal sidebar, focused');
    expect(sidebar.isModal).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect((sidebar.shadowRoot!.activeElement as StoryRing).author!.id).to.equal('bob');
    await sendKeys({ press: 'Enter' });
    await until(() => !!document.querySelector('story-viewer')?.open, 'the viewer');
    await until(() => !sidebar.open, 'the sidebar stepping aside');
    await until(() => !!deepFocus()?.closest('dialog'), 'focus in the viewer');
    await sendKeys({ press: 'Escape' });
    await until(() => !document.querySelector('story-viewer')!.open, 'the viewer closed');
    await until(() => sidebar.open, 'the sidebar back');
    await until(() => (sidebar.shadowRoot!.activeElement as StoryRing | null)?.author?.id === 'bob', 'focus on Bob’s ring');
    // Then Escape closes the sidebar, and focus goes back to the trigger.
    await sendKeys({ press: 'Escape' });
    await until(() => !sidebar.open, 'closed');
    await until(() => document.activeElement === trigger, 'focus on the trigger');
  });
});

describe('<story-sidebar> panel loading', () => {
  it('shows its panel when opened right after it connects: updateComplete waits for the lazily loaded panel', async () => {
    const { sidebar } = await mount();
    const fresh = document.createElement('story-sidebar');
    fresh.heading = 'Fresh';
    sidebar.parentElement!.append(fresh);
    fresh.show();
    await fresh.updateComplete;
    const dialog = fresh.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(title(fresh).textContent).to.equal('Fresh');
    // Its styles came with it: the panel is laid out as a fixed layer, not in the flow.
    expect(getComputedStyle(dialog).position).to.equal('fixed');
  });
});
