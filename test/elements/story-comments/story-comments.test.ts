// <story-comments> in real Chromium, on LocalAdapter (real IndexedDB): overlay, panel,
// posting through the outbox, live arrival, permissions, refusals, XSS, pausing, keyboard.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import { Invalid } from '../../../src/model/errors.js';
import type { Comment, Story } from '../../../src/model/types.js';
import { StoriesStore } from '../../../src/state/store.js';
import '../../../src/story-comments.js';
import type { StoryComments } from '../../../src/story-comments.js';
import '../../../src/story-viewer.js';
import '../../../src/story-provider.js';
import { centreOf, until } from '../../helpers/dom.js';
import { phone, tap } from '../../helpers/screen.js';
import { linkSticker, isStepButton } from '../story-viewer/viewer-harness.js';
import {
  actions,
  cancelReplyButton,
  closeButton,
  counter,
  latest,
  latestItems,
  latestRetry,
  latestTexts,
  list,
  mentions,
  openButton,
  panel,
  refusedRows,
  replyChip,
  rowButton,
  rowButtons,
  rows,
  rowText,
  rowTexts,
  saysReported,
  statuses,
} from './comments-harness.js';
import { HOUR, people, testWorld } from '../../helpers/world.js';

const dbs: string[] = [];
after(() => dbs.forEach((n) => indexedDB.deleteDatabase(n)));

/** A LocalAdapter world (signed in as `viewer`) with `count` extra comments on alice's a1. */
async function world(count = 0, dbName = `comments-${crypto.randomUUID()}`) {
  dbs.push(dbName);
  const adapter = new LocalAdapter({ dbName });
  const now = Date.now();
  const w = testWorld(now);
  for (let i = 0; i < count; i++) {
    w.comments.push({ id: `x${i}`, storyId: 'a1', author: i % 2 ? people.carol : people.dave, text: `Comment number ${i}`, createdAt: now - 3 * HOUR + i * 1000 });
  }
  await adapter.seed(w);
  const store = new StoriesStore(adapter, { seen: null });
  await store.load();
  const story = (id: string) => [...store.reels, ...(store.mine() ? [store.mine()!] : [])].flatMap((r) => r.stories).find((s) => s.id === id)!;
  return { adapter, store, story, dbName };
}

async function mount(store: StoriesStore, story: Story): Promise<StoryComments> {
  const el = await fixture<StoryComments>(html`<story-comments .store=${store} .story=${story}></story-comments>`);
  await until(() => !!openButton(el) && el.rows.length > 0, 'the comments');
  return el;
}

const q = <T extends Element = HTMLElement>(el: StoryComments, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function type(el: StoryComments, text: string): Promise<void> {
  q<HTMLTextAreaElement>(el, 'textarea')!.focus();
  await sendKeys({ type: text });
}

/** Holds every comment the adapter is asked to post until `release()`; `sent` lists their clientIds. */
function holdPosts(adapter: LocalAdapter): { sent: string[]; release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const post = adapter.postComment.bind(adapter);
  const sent: string[] = [];
  adapter.postComment = async (storyId, input) => {
    sent.push(input.clientId);
    await held;
    return post(storyId, input);
  };
  return { sent, release };
}

describe('<story-comments>', () => {
  it('shows the latest three over the story, the count, and every comment newest last in the panel; axe clean', async () => {
    const { store, story } = await world(5);
    const el = await mount(store, story('a1'));
    // k1 (4 h ago) and five newer ones: the three newest show, oldest of them first.
    expect(latestTexts(el)).to.deep.equal(['Dave Dunn Comment number 2', 'Carol Chen Comment number 3', 'Dave Dunn Comment number 4']);
    expect(openButton(el).textContent!.trim()).to.equal('6');
    // New comments fade in; checked once they have.
    await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();
    openButton(el).click();
    await until(() => rows(el).length === 6, 'the panel rows');
    expect(rowTexts(el)).to.deep.equal(['Nice!', ...[0, 1, 2, 3, 4].map((i) => `Comment number ${i}`)]);
    expect(latest(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('posts through the outbox: kept in IndexedDB before it shows as sending, then delivered once', async () => {
    const { adapter, store, story } = await world();
    const { sent, release } = holdPosts(adapter);
    const el = await mount(store, story('a1'));
    const events: string[] = [];
    el.addEventListener('story-comment', (e) => events.push(e.detail.action));
    await type(el, 'Hello there');
    // A short comment has no counter: it appears only near the limit.
    expect(counter(el)).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await until(() => el.rows.some((r) => r.pending?.text === 'Hello there'), 'the comment as sending');
    // Shown as sending only once it is kept: the outbox database has it now.
    const kept = await new Promise<unknown[]>((resolve) => {
      const open = indexedDB.open('stories-kit-outbox');
      open.onsuccess = () => {
        const req = open.result.transaction('entries').objectStore('entries').getAll();
        req.onsuccess = () => (open.result.close(), resolve(req.result));
      };
    });
    expect(kept.some((e) => (e as { text: string }).text === 'Hello there')).to.equal(true);
    expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('');
    openButton(el).click();
    await until(() => statuses(el).includes('Sending…'), 'the sending status');
    release();
    await until(() => el.rows.some((r) => !r.pending && r.comment.text === 'Hello there'), 'the delivered comment');
    expect(statuses(el)).to.deep.equal([]);
    expect(sent.length).to.equal(1);
    expect((await adapter.comments('a1')).items.filter((c) => c.text === 'Hello there').length).to.equal(1);
    expect(events).to.deep.equal(['post']);
  });

  it('tells each post by its own clientId, even two identical comments in flight at once', async () => {
    const { adapter, store, story } = await world();
    const { sent, release } = holdPosts(adapter);
    const el = await mount(store, story('a1'));
    const posted: string[] = [];
    el.addEventListener('story-comment', (e) => e.detail.action === 'post' && posted.push(e.detail.clientId!));
    for (let i = 0; i < 2; i++) {
      await type(el, 'Same words');
      await sendKeys({ press: 'Enter' });
      await until(() => posted.length === i + 1, `post ${i + 1}`);
    }
    expect(new Set(posted).size).to.equal(2);
    // The outbox sends one at a time: the first is on its way, the second waits behind it.
    release();
    await until(() => el.rows.filter((r) => !r.pending && r.comment.text === 'Same words').length === 2, 'both delivered');
    expect(posted).to.deep.equal(sent);
  });

  it('shows comments from others as they arrive, without a reload', async () => {
    const { store, story, dbName } = await world();
    const el = await mount(store, story('a1'));
    // Another tab: another adapter on the same database.
    const other = new LocalAdapter({ dbName });
    await other.postComment('a1', { text: 'From the other tab', clientId: crypto.randomUUID() });
    await until(() => latestTexts(el).some((t) => t.endsWith('From the other tab')), 'the live comment');
  });

  it('offers Delete to a comment’s author and to the story’s author only, Report to others; both reach the adapter', async () => {
    const { adapter, store, story } = await world();
    await adapter.postComment('a1', { text: 'Mine', clientId: 'mine-1' });
    const el = await mount(store, story('a1'));
    openButton(el).click();
    await until(() => rows(el).length === 2, 'two rows');
    // Bob's comment on Alice's story: viewer may report it, not delete it; their own: delete, not report.
    expect(rows(el).map(actions)).to.deep.equal([
      ['Reply', 'Report'],
      ['Reply', 'Delete'],
    ]);
    rowButton(rows(el)[0], 'Report').click();
    await until(() => saysReported(rows(el)[0]), 'reported');
    expect((await adapter.reports('a1')).map((r) => [r.commentId, r.reporterId])).to.deep.equal([['k1', 'viewer']]);
    // The reporter is nowhere in what the comment's author can read.
    expect(JSON.stringify(await adapter.comments('a1'))).not.to.contain('"reporterId"');
    const del = rowButton(rows(el)[1], 'Delete');
    // The row goes at once; the adapter has deleted it when the element says so (its story-comment event).
    const deleted = new Promise<void>((resolve) => el.addEventListener('story-comment', (e) => e.detail.action === 'delete' && resolve()));
    del.click();
    await until(() => rows(el).length === 1, 'the deleted comment gone');
    await deleted;
    expect((await adapter.comments('a1')).items.map((c) => c.text)).to.deep.equal(['Nice!']);
    // On their own story, the author may delete anyone's comment.
    await adapter.putComment({ id: 'k2', storyId: 'v1', author: people.bob, text: 'On your story', createdAt: Date.now() - HOUR });
    const own = await mount(store, story('v1'));
    own.show();
    await until(() => rows(own).length === 1, 'the row');
    expect(actions(rows(own)[0])).to.deep.equal(['Reply', 'Delete', 'Report']);
  });

  it('refuses nothing silently: a permanent refusal shows "Not sent" with retry, edit and discard, and is kept across a new page', async () => {
    const { adapter, store, story } = await world();
    const post = adapter.postComment.bind(adapter);
    let refuse = true;
    adapter.postComment = (storyId, input) => (refuse ? Promise.reject(new Invalid('Links to that site are not allowed')) : post(storyId, input));
    const errors: string[] = [];
    store.addEventListener('story-error', (e) => errors.push((e as CustomEvent).detail.message));
    const el = await mount(store, story('a1'));
    el.show();
    await type(el, 'Refused text');
    await sendKeys({ press: 'Enter' });
    await until(() => statuses(el).some((t) => t.startsWith('Not sent: Links to that site are not allowed')), 'the refusal');
    expect(errors).to.include('Links to that site are not allowed');
    const buttons = () => refusedRows(el).flatMap(rowButtons).map((b) => b.textContent!.trim());
    expect(buttons()).to.deep.equal(['Retry', 'Edit', 'Discard']);
    // A new element (as after a reload) still shows it from the outbox.
    el.remove();
    const again = await mount(store, story('a1'));
    again.show();
    await until(() => statuses(again).some((t) => t.startsWith('Not sent')), 'the refusal, kept');
    // Edit puts the text back in the field and removes the refused one; sending it again works.
    rowButton(refusedRows(again)[0], 'Edit').click();
    await until(() => q<HTMLTextAreaElement>(again, 'textarea')!.value === 'Refused text', 'the text back in the field');
    await until(() => refusedRows(again).length === 0, 'the refused one gone');
    refuse = false;
    q<HTMLTextAreaElement>(again, 'textarea')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => again.rows.some((r) => !r.pending && r.comment.text === 'Refused text'), 'the comment, sent');
  });

  it('marks a comment still sending, or refused, in the latest comments over the story too, with Retry there', async () => {
    const { adapter, store, story } = await world();
    const post = adapter.postComment.bind(adapter);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let refuse = false;
    adapter.postComment = async (storyId, input) => {
      if (refuse) throw new Invalid('Not now');
      await held;
      return post(storyId, input);
    };
    const el = await mount(store, story('a1'));
    await type(el, 'Still on its way');
    await sendKeys({ press: 'Enter' });
    const shown = () => latestTexts(el);
    await until(() => shown().includes('Vera Viewer Sending… Still on its way'), 'sending, over the story');
    release();
    await until(() => shown().includes('Vera Viewer Still on its way'), 'sent: the mark goes');
    refuse = true;
    await type(el, 'Refused here');
    await sendKeys({ press: 'Enter' });
    await until(() => shown().includes('Vera Viewer Not sent Retry Refused here'), 'refused, over the story');
    refuse = false;
    latestRetry(el)!.click();
    await until(() => shown().includes('Vera Viewer Refused here'), 'retried from the latest comments, and sent');
    expect((await adapter.comments('a1')).items.map((c) => c.text)).to.deep.equal(['Nice!', 'Still on its way', 'Refused here']);
  });

  it('has no field where commenting is not possible: comments turned off, or nobody signed in', async () => {
    const { adapter, store, story } = await world();
    await adapter.putComment({ id: 'k9', storyId: 'v2', author: people.bob, text: 'Before they were turned off', createdAt: Date.now() - HOUR });
    const off = await mount(store, story('v2'));
    expect(q(off, 'textarea')).to.equal(null);
    expect(openButton(off).textContent!.trim()).to.equal('1');
    await adapter.signIn(null);
    const anonymous = new StoriesStore(adapter, { seen: null });
    await anonymous.load();
    const a1 = anonymous.reels.flatMap((r) => r.stories).find((s) => s.id === 'a1') ?? story('a1');
    const el = await mount(anonymous, a1);
    expect(q(el, 'textarea')).to.equal(null);
    el.show();
    await until(() => rows(el).length === 1, 'the row');
    expect(rows(el).flatMap(actions).length).to.equal(0);
  });

  it('retries a refused comment when asked, and discards one for good', async () => {
    const { adapter, store, story } = await world();
    const post = adapter.postComment.bind(adapter);
    let refuse = true;
    adapter.postComment = (storyId, input) => (refuse ? Promise.reject(new Invalid('Not now')) : post(storyId, input));
    const el = await mount(store, story('a1'));
    el.show();
    for (const text of ['First refused', 'Second refused']) {
      await type(el, text);
      await sendKeys({ press: 'Enter' });
    }
    await until(() => refusedRows(el).length === 2, 'two refusals');
    refuse = false;
    const button = (row: number, label: string) => rowButton(refusedRows(el)[row], label);
    button(1, 'Discard').click();
    await until(() => refusedRows(el).length === 1, 'one discarded');
    button(0, 'Retry').click();
    await until(() => el.rows.some((r) => !r.pending && r.comment.text === 'First refused'), 'the retried comment, sent');
    expect((await adapter.comments('a1')).items.map((c) => c.text)).to.deep.equal(['Nice!', 'First refused']);
  });

  it('renders an XSS corpus in names and text as inert text; links only https, opened safely', async () => {
    const { store, story } = await world();
    const nasty = [
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 2">',
      '"><svg onload="window.__xss=3">',
      'javascript:window.__xss=4',
      '[click](javascript:alert(1)) http://plain.example https://ok.example/path?q=1 @alice',
      '\u202Egnp.exe\u202C evil RTL override',
      'x'.repeat(2000),
    ];
    const comments: Comment[] = nasty.map((text, i) => ({ id: `n${i}`, storyId: 'a1', author: { id: `u${i}`, name: nasty[i].slice(0, 200) }, text, createdAt: Date.now() - HOUR + i }));
    // And one longer than any backend may send: dropped and reported, never shown.
    comments.push({ id: 'huge', storyId: 'a1', author: people.bob, text: 'y'.repeat(10_000), createdAt: Date.now() });
    const el = await fixture<StoryComments>(html`<story-comments .comments=${comments} .story=${story('a1')} .store=${store}></story-comments>`);
    el.show();
    await until(() => el.rows.length === nasty.length, 'the rows');
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script, [onerror], [onload], svg:not(button svg)').length).to.equal(0);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://ok.example/path?q=1']);
    expect(links[0].rel).to.equal('noopener noreferrer nofollow ugc');
    expect(mentions(el)[0].textContent).to.equal('@alice');
    // Every rendered text is the text itself.
    const shown = rowTexts(el);
    expect(shown.slice(0, 6)).to.deep.equal(nasty.slice(0, 6).map((t) => t.trim()));
    // Bidi stays inside the comment: isolated.
    expect(getComputedStyle(rows(el)[0].querySelector('[part~=text]')!).unicodeBidi).to.equal('isolate');
    // A 2,000-character word wraps inside the panel.
    const scroller = list(el)!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    expect(el.rows.some((r) => r.comment.id === 'huge')).to.equal(false);
  });

  it('virtualises 10,000 comments: at most 100 rows in the DOM, the newest at the bottom, the oldest reachable', async function () {
    this.timeout(20_000);
    const now = Date.now();
    const comments: Comment[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, storyId: 's', author: { id: `u${i % 50}`, name: `Person ${i % 50}` }, text: i % 7 ? `Comment ${i}` : `A longer comment ${i} `.repeat(8), createdAt: now - 10_000_000 + i * 1000 }));
    const el = await fixture<StoryComments>(html`<story-comments .comments=${comments} open></story-comments>`);
    await el.updateComplete;
    const scroller = list(el)!;
    await until(() => rows(el).length > 0, 'rows');
    expect(rows(el).length).to.be.at.most(100);
    await until(() => rowTexts(el).some((t) => t.includes('Comment 9999')), 'the newest comment');
    const last = rows(el).find((r) => rowText(r) === 'Comment 9999')!;
    expect(last.getBoundingClientRect().bottom).to.be.at.most(scroller.getBoundingClientRect().bottom + 1);
    scroller.scrollTop = 0;
    await until(() => rows(el).some((r) => rowText(r).startsWith('A longer comment 0 ')), 'the oldest comment');
    expect(rows(el).length).to.be.at.most(100);
    expect(rows(el)[0].getAttribute('aria-setsize')).to.equal('10000');
  });
});

describe('<story-comments> in the viewer', () => {
  afterEach(async () => {
    await phone({ width: 800, height: 600, touch: false });
    await setViewport({ width: 800, height: 600 });
  });

  async function viewerWith(options: { link?: boolean } = {}) {
    const { adapter, store, story } = await world(2);
    if (options.link) {
      const a1 = story('a1');
      await adapter.putStory({ ...a1, overlays: [{ kind: 'link', url: 'https://example.com/menu', label: 'See the menu', x: 0.5, y: 0.5 }] });
    }
    const wrapper = await fixture<HTMLDivElement>(html`<div><story-provider .adapter=${adapter} .storeOptions=${{ seen: null }}><story-viewer deep-link="off"></story-viewer></story-provider></div>`);
    const viewer = wrapper.querySelector('story-viewer')!;
    const provided = await wrapper.querySelector('story-provider')!.ready;
    await provided.load();
    provided.open('alice', 'a1');
    viewer.open = true;
    await until(() => !!viewer.shadowRoot!.querySelector('story-comments'), 'the comments in the viewer');
    const comments = viewer.shadowRoot!.querySelector('story-comments')!;
    await until(() => comments.rows.length === 3, 'the comments loaded');
    return { viewer, comments, store, story };
  }

  it('pauses while the field has focus or the panel is open, and resumes only on an explicit action', async () => {
    const { viewer, comments } = await viewerWith();
    expect(viewer.paused).to.equal(false);
    q<HTMLTextAreaElement>(comments, 'textarea')!.focus();
    await until(() => viewer.paused, 'paused while typing');
    // Leaving the field is not an explicit action: still paused.
    openButton(comments).focus();
    await viewer.updateComplete;
    expect(viewer.paused).to.equal(true);
    // Escape in the field leaves it and resumes (and does not close the viewer).
    q<HTMLTextAreaElement>(comments, 'textarea')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !viewer.paused, 'resumed by Escape');
    expect(viewer.open).to.equal(true);
    // Escape in the field while the panel is open closes the panel, not the viewer.
    openButton(comments).click();
    await until(() => !!panel(comments), 'the panel');
    q<HTMLTextAreaElement>(comments, 'textarea')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !panel(comments), 'the panel closed from the field');
    expect(viewer.open).to.equal(true);
    // The panel: open pauses, Escape closes it (not the viewer) and resumes.
    openButton(comments).click();
    await until(() => viewer.paused && !!panel(comments), 'paused with the panel open');
    list(comments)!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !panel(comments), 'the panel closed');
    expect(viewer.open).to.equal(true);
    expect(viewer.paused).to.equal(false);
    expect(comments.shadowRoot!.activeElement).to.equal(openButton(comments));
    viewer.close();
  });

  it('is usable from the keyboard alone, inside the viewer’s focus trap; axe clean with the panel open', async () => {
    const { viewer, comments } = await viewerWith();
    const reached = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      reached.add(active?.getAttribute('part') ?? active?.localName ?? '');
    }
    expect([...reached]).to.include.members(['open-button', 'field']);
    openButton(comments).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!panel(comments) && rows(comments).length === 3, 'the panel, by keyboard');
    await expect(comments).to.be.accessible();
    q<HTMLTextAreaElement>(comments, 'textarea')!.focus();
    await sendKeys({ type: 'By keyboard' });
    await sendKeys({ press: 'Enter' });
    await until(() => comments.rows.some((r) => !r.pending && r.comment.text === 'By keyboard'), 'the comment sent');
    viewer.close();
  });

  /** The element a person would hit at `el`'s centre, through the viewer's shadow root. */
  const hitAt = (viewer: Element, el: Element) => {
    const [x, y] = centreOf(el);
    let hit: Element | null = viewer.shadowRoot!.elementFromPoint(x, y);
    while (hit?.shadowRoot?.elementFromPoint(x, y) && hit.shadowRoot.elementFromPoint(x, y) !== hit) hit = hit.shadowRoot.elementFromPoint(x, y);
    return hit;
  };

  it('on a phone, the open panel leaves the name, pause, mute and close in reach; focus goes in and comes back', async () => {
    await phone();
    const { viewer, comments } = await viewerWith();
    // A finger on the count button.
    await tap(centreOf(openButton(comments)));
    await until(() => !!panel(comments) && rows(comments).length === 3, 'the panel');
    await until(() => comments.shadowRoot!.activeElement === q(comments, 'textarea'), 'focus in the panel’s field');
    for (const part of ['name', 'pause-button', 'mute-button', 'close-button']) {
      const el = viewer.shadowRoot!.querySelector(`[part~=${part}]`)!;
      const hit = hitAt(viewer, el);
      expect(hit === el || el.contains(hit) ? part : `${part} covered by ${hit?.localName}.${hit?.className}`).to.equal(part);
    }
    // The panel's own close button, by touch: focus back on the count button.
    await tap(centreOf(closeButton(comments)!));
    await until(() => !panel(comments), 'the panel closed');
    expect(comments.shadowRoot!.activeElement).to.equal(openButton(comments));
    // And pause is still there to tap while the panel is open.
    await tap(centreOf(openButton(comments)));
    await until(() => !!panel(comments), 'the panel again');
    const pause = viewer.shadowRoot!.querySelector<HTMLElement>('[part~=pause-button]')!;
    const wasPaused = pause.getAttribute('aria-pressed');
    await tap(centreOf(pause));
    await until(() => pause.getAttribute('aria-pressed') !== wasPaused, 'the pause button answered the tap');
    viewer.close();
  });

  it('nothing under the open panel takes focus: a link sticker is skipped by Tab', async () => {
    const { viewer, comments } = await viewerWith({ link: true });
    await until(() => !!linkSticker(viewer), 'the link sticker');
    openButton(comments).click();
    await until(() => !!panel(comments), 'the panel');
    const link = linkSticker(viewer)!;
    const reached: string[] = [];
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      if (viewer.shadowRoot!.activeElement === link) reached.push('link');
      if (isStepButton(viewer, viewer.shadowRoot!.activeElement)) reached.push('step button');
    }
    expect(reached, 'focus under the panel').to.deep.equal([]);
    // Closed again, the sticker is back in reach.
    list(comments)!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !panel(comments), 'the panel closed');
    let found = false;
    for (let i = 0; i < 14 && !found; i++) {
      await sendKeys({ press: 'Tab' });
      found = viewer.shadowRoot!.activeElement === link;
    }
    expect(found, 'the sticker reachable once the panel closed').to.equal(true);
    viewer.close();
  });

  it('the counter shows only near the limit; the field grows in its own band while the latest comments step aside', async () => {
    const { viewer, comments } = await viewerWith();
    expect(latestItems(comments).length).to.equal(3);
    const field = q<HTMLTextAreaElement>(comments, 'textarea')!;
    field.focus();
    await sendKeys({ type: 'Short' });
    await comments.updateComplete;
    expect(latestItems(comments).length, 'latest comments give the field room while writing').to.equal(0);
    expect(counter(comments), 'no counter for a short comment').to.equal(null);
    const oneLine = field.getBoundingClientRect().height;
    field.value = 'x'.repeat(450);
    field.dispatchEvent(new Event('input'));
    await comments.updateComplete;
    expect(counter(comments)!.textContent!.trim()).to.equal('50 left');
    expect(field.getBoundingClientRect().height, 'it grew').to.be.greaterThan(oneLine);
    expect(field.getBoundingClientRect().height, 'three lines at most').to.be.at.most(90);
    openButton(comments).focus();
    await comments.updateComplete;
    expect(latestItems(comments).length).to.equal(3);
    viewer.close();
  });

  it('a reply shows whom it answers in a chip; what was typed before is kept, not turned into the reply', async () => {
    const { viewer, comments } = await viewerWith();
    const field = q<HTMLTextAreaElement>(comments, 'textarea')!;
    field.focus();
    await sendKeys({ type: 'My own comment' });
    openButton(comments).click();
    await until(() => rows(comments).length === 3, 'the panel');
    rowButton(list(comments)!, 'Reply').click();
    await until(() => !!replyChip(comments), 'the chip');
    expect(replyChip(comments)!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Replying to \S/);
    expect(getComputedStyle(replyChip(comments)!).fontSize).to.equal('14px');
    expect(q<HTMLTextAreaElement>(comments, 'textarea')!.value, 'the reply starts empty').to.equal('');
    cancelReplyButton(comments)!.click();
    await until(() => !replyChip(comments), 'the reply cancelled');
    expect(q<HTMLTextAreaElement>(comments, 'textarea')!.value, 'the earlier text back').to.equal('My own comment');
    viewer.close();
  });

  it('Escape in the field goes to the count button, never to the viewer’s pause button', async () => {
    const { viewer, comments } = await viewerWith();
    q<HTMLTextAreaElement>(comments, 'textarea')!.focus();
    await sendKeys({ press: 'Escape' });
    await viewer.updateComplete;
    expect(comments.shadowRoot!.activeElement).to.equal(openButton(comments));
    expect(viewer.shadowRoot!.activeElement).to.equal(comments);
    expect(viewer.open).to.equal(true);
    viewer.close();
  });
});
