// <viewers-tab> and the viewer's "Comments | Viewers (n)" tabs, on LocalAdapter (real
// IndexedDB): the author sees who viewed; nobody else gets any of it.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import type { Story } from '../../../src/model/types.js';
import { StoriesStore } from '../../../src/state/store.js';
import '../../../src/story-provider.js';
import '../../../src/story-viewer.js';
import '../../../src/viewers-tab.js';
import type { ViewersTab } from '../../../src/viewers-tab.js';
import { centreOf, until } from '../../helpers/dom.js';
import { HOUR, testWorld } from '../../helpers/world.js';
import { stepButtons } from '../story-viewer/viewer-harness.js';

const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));

/** Signed in as `viewer`, whose story v1 bob viewed 2 h ago; `extra` more views of v1. */
async function world(extra = 0) {
  const dbName = `viewers-${crypto.randomUUID()}`;
  dbs.push(dbName);
  const adapter = new LocalAdapter({ dbName });
  const now = Date.now();
  const w = testWorld(now);
  for (let i = 0; i < extra; i++) {
    w.accounts.push({ id: `fan${i}`, name: `Fan ${i}`, handle: `fan${i}` });
    w.views.push({ storyId: 'v1', viewerId: `fan${i}`, viewedAt: now - HOUR + i });
  }
  await adapter.seed(w);
  const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
  await store.load();
  const story = (id: string) => [...store.reels, ...(store.mine() ? [store.mine()!] : [])].flatMap((r) => r.stories).find((s) => s.id === id)!;
  return { adapter, store, story, dbName };
}

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const qa = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

async function mount(store: StoriesStore, story: Story) {
  const errors: string[] = [];
  const el = await fixture<ViewersTab>(html`<viewers-tab .store=${store} .story=${story} @story-error=${(e: CustomEvent) => errors.push(e.detail.code)}></viewers-tab>`);
  return { el, errors };
}

describe('<viewers-tab>', () => {
  it('shows the author how many viewed and who, newest first, with handles and times; axe clean', async () => {
    const { store, story } = await world(3);
    const { el, errors } = await mount(store, story('v1'));
    await until(() => qa(el, '[part~=viewer]').length === 4, 'four viewers');
    expect(q(el, '[part=count]')!.textContent).to.equal('4');
    expect(qa(el, '[part=name]').map((n) => n.textContent)).to.deep.equal(['Fan 2', 'Fan 1', 'Fan 0', 'Bob Brown']);
    expect(qa(el, '[part=handle]').map((n) => n.textContent)).to.deep.equal(['@fan2', '@fan1', '@fan0']);
    expect(qa(el, '[part=time]')[3].textContent).to.equal('2 hours ago');
    expect(errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('renders nothing at all for anyone but the author, and says Forbidden', async () => {
    const { store, story } = await world();
    const { el, errors } = await mount(store, story('a1'));
    await until(() => errors.length > 0, 'the story-error');
    expect(errors).to.deep.equal(['forbidden']);
    await el.updateComplete;
    expect(el.shadowRoot!.children.length).to.equal(0);
    expect(el.rows).to.deep.equal([]);
  });

  it('adds a view live while shown, once per viewer however often they look', async () => {
    const { adapter, store, story, dbName } = await world();
    const { el } = await mount(store, story('v1'));
    await until(() => qa(el, '[part~=viewer]').length === 1, 'bob');
    // Views reaching the backend from elsewhere (another tab on the same database).
    const other = new LocalAdapter({ dbName });
    await other.recordView('v1', 'carol', Date.now());
    await other.recordView('v1', 'carol', Date.now() + 1);
    await until(() => qa(el, '[part~=viewer]').length === 2, 'carol, live');
    expect(q(el, '[part=count]')!.textContent).to.equal('2');
    expect(qa(el, '[part=name]')[0].textContent).to.equal('Carol Chen');
    expect((await adapter.viewers('v1')).items.length).to.equal(2);
  });

  it('virtualises 5,000 viewers and pages through them as you scroll', async function () {
    this.timeout(30_000);
    const { store, story } = await world(5000);
    const { el } = await mount(store, story('v1'));
    await until(() => qa(el, '[part~=viewer]').length > 0, 'rows');
    expect(q(el, '[part=count]')!.textContent).to.equal('5,001');
    expect(qa(el, '[part~=viewer]').length).to.be.at.most(100);
    const list = q(el, '[part~=list]')!;
    // Scrolling to the end again and again loads page after page, up to the oldest view.
    await until(() => {
      list.scrollTop = list.scrollHeight;
      return qa(el, '[part=name]').some((n) => n.textContent === 'Bob Brown');
    }, 'the oldest view, at the end', 20_000);
    expect(el.rows.length).to.equal(5001);
    expect(qa(el, '[part~=viewer]').length).to.be.at.most(100);
  });
});

describe('the viewer’s Comments | Viewers tabs', () => {
  async function open(author: string, storyId: string) {
    const { adapter, store } = await world(2);
    const wrapper = await fixture<HTMLDivElement>(html`<div><story-provider .adapter=${adapter} .storeOptions=${{ seen: null }}><story-viewer deep-link="off"></story-viewer></story-provider></div>`);
    const viewer = wrapper.querySelector('story-viewer')!;
    const provided = await wrapper.querySelector('story-provider')!.ready;
    await provided.load();
    provided.open(author, storyId);
    viewer.open = true;
    await until(() => !!q(viewer, 'story-comments'), 'the footer');
    return { viewer, store };
  }

  it('gives the author’s own story tabs with the viewer count, following the WAI-ARIA tabs pattern', async () => {
    const { viewer } = await open('viewer', 'v1');
    const tabs = () => qa<HTMLButtonElement>(viewer, '[role=tab]');
    await until(() => tabs()[1]?.textContent!.trim() === 'Viewers (3)', 'the count on the tab');
    expect(tabs().map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false']);
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([0, -1]);
    const panels = qa(viewer, '[role=tabpanel]');
    expect(panels.map((p) => p.getAttribute('aria-labelledby'))).to.deep.equal(['tab-comments', 'tab-viewers']);
    expect(panels.map((p) => p.hidden)).to.deep.equal([false, true]);
    // Arrow keys move and select, and hold playback while the viewers list shows.
    tabs()[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => tabs()[1].getAttribute('aria-selected') === 'true', 'the viewers tab');
    expect(viewer.shadowRoot!.activeElement).to.equal(tabs()[1]);
    expect(panels.map((p) => p.hidden)).to.deep.equal([true, false]);
    expect(viewer.paused).to.equal(true);
    const list = q(viewer, 'viewers-tab')!;
    expect(qa(list, '[part=name]').length).to.equal(3);
    await expect(viewer).to.be.accessible();
    await sendKeys({ press: 'Home' });
    await until(() => tabs()[0].getAttribute('aria-selected') === 'true', 'back to comments');
    expect(viewer.paused).to.equal(false);
    // The arrows moved between tabs, not between stories.
    expect(viewer.shadowRoot!.activeElement).to.equal(tabs()[0]);
    viewer.close();
  });

  it('keeps the tabs where they are when one is selected, hides the story’s step buttons under the list, and Escape closes the list first', async () => {
    const { viewer } = await open('viewer', 'v1');
    const tabs = () => qa<HTMLButtonElement>(viewer, '[role=tab]');
    await until(() => tabs()[1]?.textContent!.trim() === 'Viewers (3)', 'the count on the tab');
    const before = tabs().map((t) => t.getBoundingClientRect().top);
    await sendMouse({ type: 'click', position: centreOf(tabs()[1]) });
    await until(() => tabs()[1].getAttribute('aria-selected') === 'true' && qa(q(viewer, 'viewers-tab')!, '[part=name]').length === 3, 'the viewers list');
    const after = tabs().map((t) => t.getBoundingClientRect().top);
    expect(after[0], 'the tabs did not move').to.be.closeTo(before[0], 1);
    expect(after[1]).to.be.closeTo(before[1], 1);
    for (const step of stepButtons(viewer)) expect(getComputedStyle(step).visibility, 'step buttons under the list').to.equal('hidden');
    await sendKeys({ press: 'Escape' });
    await until(() => tabs()[0].getAttribute('aria-selected') === 'true', 'Escape: back to the comments');
    expect(viewer.open, 'the viewer stays').to.equal(true);
    expect(viewer.shadowRoot!.activeElement).to.equal(tabs()[0]);
    await sendKeys({ press: 'Escape' });
    await until(() => !viewer.open, 'then Escape closes the viewer');
  });

  it('takes the site’s own wording (`strings`, by message id) and hands it on to the comments and the viewers tab', async () => {
    const { viewer } = await open('viewer', 'v1');
    const strings = { 'viewer.comments': 'Talk', 'viewer.viewers': { one: '{n} saw it', other: '{n} saw it' }, 'viewersTab.label': 'Who saw it' };
    viewer.strings = strings;
    const tabs = () => qa<HTMLButtonElement>(viewer, '[role=tab]');
    await until(() => tabs()[1]?.textContent!.trim() === '3 saw it', 'the count on the tab, in the site’s words');
    expect(tabs()[0].textContent!.trim()).to.equal('Talk');
    const list = q(viewer, 'viewers-tab') as ViewersTab;
    expect(list.strings).to.equal(strings);
    expect((q(viewer, 'story-comments') as HTMLElement & { strings?: unknown }).strings).to.equal(strings);
    await list.updateComplete;
    expect(q(list, '[part=base]')!.getAttribute('aria-label')).to.equal('Who saw it');
    viewer.close();
  });

  it('shows other people’s stories with comments only: no tabs, no viewers element in the DOM', async () => {
    const { viewer } = await open('alice', 'a1');
    await until(() => !!q(viewer, 'story-comments'), 'the comments');
    expect(qa(viewer, '[role=tab], viewers-tab').length).to.equal(0);
    viewer.close();
  });
});
