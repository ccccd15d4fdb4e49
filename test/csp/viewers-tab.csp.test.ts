// Runs in the strict-CSP group: the author's viewers tab in a viewer, with no violation.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import '../../src/story-provider.js';
import '../../src/story-viewer.js';
import { describeViolations, violations } from '../helpers/csp.js';
import { until } from '../helpers/dom.js';
import { HOUR, testWorld } from '../helpers/world.js';

describe('strict CSP and Trusted Types: viewers tab', () => {
  it('the author’s Comments | Viewers tabs and a long viewers list render and scroll with no violation', async () => {
    const dbName = `csp-viewers-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    const w = testWorld(Date.now());
    for (let i = 0; i < 200; i++) {
      w.accounts.push({ id: `f${i}`, name: i % 2 ? `<img src=x onerror=alert(${i})>` : `Fan ${i}`, handle: `f${i}` });
      w.views.push({ storyId: 'v1', viewerId: `f${i}`, viewedAt: Date.now() - HOUR + i });
    }
    await adapter.seed(w);
    const wrapper = await fixture<HTMLDivElement>(html`<div><story-provider .adapter=${adapter} .storeOptions=${{ seen: null }}><story-viewer deep-link="off"></story-viewer></story-provider></div>`);
    const viewer = wrapper.querySelector('story-viewer')!;
    const store = await wrapper.querySelector('story-provider')!.ready;
    await store.load();
    store.open('viewer', 'v1');
    viewer.open = true;
    const tab = () => viewer.shadowRoot!.querySelector<HTMLButtonElement>('#tab-viewers');
    await until(() => tab()?.textContent!.trim() === 'Viewers (201)', 'the viewers tab with its count');
    tab()!.focus();
    await sendKeys({ press: 'Enter' });
    const list = viewer.shadowRoot!.querySelector('viewers-tab')!;
    await until(() => !!list.shadowRoot!.querySelector('[part~=viewer]'), 'rows');
    const scroller = list.shadowRoot!.querySelector<HTMLElement>('[part~=list]')!;
    await until(() => ((scroller.scrollTop = scroller.scrollHeight), list.rows.length > 50), 'a second page, loaded by scrolling');
    expect(list.shadowRoot!.querySelectorAll('img[onerror]').length).to.equal(0);
    expect(violations, describeViolations()).to.have.length(0);
    viewer.close();
    await adapter.close();
    indexedDB.deleteDatabase(dbName);
  });
});
