// Runs in the strict-CSP group (script-src 'self'; style-src 'self'; Trusted Types): the
// comments, in a viewer, on real IndexedDB — overlay, panel, virtual rows, posting, hostile
// text — with no violation.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import '../../src/story-provider.js';
import '../../src/story-viewer.js';
import { describeViolations, violations } from '../helpers/csp.js';
import { until } from '../helpers/dom.js';
import { HOUR, people, testWorld } from '../helpers/world.js';
import { field, list, rows } from '../elements/story-comments/comments-harness.js';

describe('strict CSP and Trusted Types: comments', () => {
  it('<story-comments> in the viewer shows, scrolls and posts comments, hostile text included, with no violation', async () => {
    const dbName = `csp-comments-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    const w = testWorld(Date.now());
    const hostile = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', 'see https://example.com/x and javascript:alert(3) @bob', '\u202Eright-to-left'];
    for (let i = 0; i < 300; i++) w.comments.push({ id: `h${i}`, storyId: 'a1', author: i % 2 ? people.bob : { id: 'evil', name: hostile[i % 4] }, text: hostile[i % 4], createdAt: Date.now() - 3 * HOUR + i * 1000 });
    await adapter.seed(w);
    const wrapper = await fixture<HTMLDivElement>(html`<div><story-provider .adapter=${adapter} .storeOptions=${{ seen: null }}><story-viewer deep-link="off"></story-viewer></story-provider></div>`);
    const viewer = wrapper.querySelector('story-viewer')!;
    const store = await wrapper.querySelector('story-provider')!.ready;
    await store.load();
    store.open('alice', 'a1');
    viewer.open = true;
    await until(() => !!viewer.shadowRoot!.querySelector('story-comments'), 'the comments');
    const comments = viewer.shadowRoot!.querySelector('story-comments')!;
    await until(() => comments.rows.length >= 50, 'a page of comments');
    comments.show();
    await until(() => rows(comments).length > 0, 'rows');
    list(comments)!.scrollTop = 0;
    await until(() => comments.rows.length > 50, 'an older page, loaded by scrolling up');
    field(comments)!.focus();
    await sendKeys({ type: '<b>not bold</b>' });
    await sendKeys({ press: 'Enter' });
    await until(() => comments.rows.some((r) => !r.pending && r.comment.text === '<b>not bold</b>'), 'the comment, sent');
    expect(comments.shadowRoot!.querySelectorAll('b, script, [onerror]').length).to.equal(0);
    expect(violations, describeViolations()).to.have.length(0);
    viewer.close();
    await adapter.close();
    indexedDB.deleteDatabase(dbName);
  });
});
