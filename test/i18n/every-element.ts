// Every element on one page in a given language, in the states that carry most words, and
// every word they show or say, for the language tests: the bar, a docked sidebar, rings in
// each state, the viewer on a story with a comment (its comments panel open) and on the
// reader's own story (the viewers tab), and the composer with a photo and a tool open.
import { fixture, html } from '@open-wc/testing';
import '../../src/story-provider.js';
import '../../src/story-bar.js';
import '../../src/story-ring.js';
import '../../src/story-sidebar.js';
import '../../src/story-viewer.js';
import '../../src/story-comments.js';
import '../../src/viewers-tab.js';
import '../../src/story-composer.js';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import type { StoryProvider } from '../../src/story-provider.js';
import type { StoryViewer } from '../../src/story-viewer.js';
import type { StoryComposer } from '../../src/story-composer.js';
import type { StoriesStore } from '../../src/state/store.js';
import { byRole, until } from '../helpers/dom.js';
import { testWorld } from '../helpers/world.js';
import { openButton, panel as commentsPanel } from '../elements/story-comments/comments-harness.js';
import { toolbarButtons, upload } from '../elements/story-composer/composer-harness.js';

/** The words of an element tree: text, and the attributes that are read or shown, through shadow roots. */
export function wordsIn(root: Node): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent!.replace(/\s+/g, ' ').trim();
      if (text) found.push(text);
      return;
    }
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const name of ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(name)?.trim();
        if (value) found.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return found;
}

export interface Scene {
  box: HTMLElement;
  store: StoriesStore;
  viewer: StoryViewer;
  composer: StoryComposer;
  /** Every word on the page now. */
  words(): string[];
  /** Shows each state in turn; `look` runs in each (the words of that state are on the page then). */
  tour(look: (state: string) => void | Promise<void>): Promise<void>;
}

/** Every element inside `<div lang dir>`, over a seeded IndexedDB of its own. */
export async function everyElement(lang: string, dir: 'ltr' | 'rtl' = 'ltr'): Promise<Scene> {
  const adapter = new LocalAdapter({ dbName: `i18n-${lang}-${Math.random().toString(36).slice(2)}` });
  await adapter.seed(testWorld(Date.now()));
  const box = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir}>
    <story-provider .adapter=${adapter} .storeOptions=${{ seen: null, refreshInterval: 0 }}>
      <story-bar></story-bar>
      <story-ring author-id="x1" name="Xavier Xu" state="unseen" segments="3" seen-segments="1"></story-ring>
      <story-ring author-id="x2" name="Yuki Yamada" state="seen" segments="2"></story-ring>
      <story-ring author-id="x3" name="Zoe Zimmer" state="loading"></story-ring>
      <story-sidebar docked></story-sidebar>
      <story-viewer></story-viewer>
      <story-composer></story-composer>
    </story-provider>
  </div>`);
  const provider = box.querySelector<StoryProvider>('story-provider')!;
  const store = await provider.ready;
  const viewer = box.querySelector<StoryViewer>('story-viewer')!;
  const composer = box.querySelector<StoryComposer>('story-composer')!;
  const words = () => wordsIn(box);
  await until(() => store.status === 'ready' && !!box.querySelector('story-sidebar')!.shadowRoot!.querySelector('[part~=item]'), 'the bar and the sidebar');

  /**
   * Resolves once the words under `root` stop changing: an element that meets a language
   * first renders English, and its own part of that language arrives a moment later.
   */
  async function steady(root: Node): Promise<void> {
    let last = '';
    let same = 0;
    await until(() => {
      const now = wordsIn(root).join('\n');
      same = now === last ? same + 1 : 0;
      last = now;
      return same >= 5;
    }, 'the words to settle');
  }

  async function tour(look: (state: string) => void | Promise<void>): Promise<void> {
    await look('page');
    // Someone else's story, with a comment, its panel open.
    await store.open('alice', 'a1');
    await until(() => viewer.open, 'the viewer on alice');
    const comments = () => viewer.shadowRoot!.querySelector('story-comments');
    await until(() => !!comments()?.shadowRoot?.querySelector('[part~=open-button]'), 'the comments');
    await steady(comments()!.shadowRoot!);
    await look('viewer');
    openButton(comments()!).click();
    await until(() => !!commentsPanel(comments()!), 'the comments panel');
    await look('comments');
    viewer.close();
    // Closing goes back in history past the story's deep link: done once the link is gone.
    await until(() => !viewer.open && !store.playback && !location.hash.includes('story='), 'the viewer to close');
    // The reader's own story: the viewers tab.
    await store.open('viewer', 'v1');
    await until(() => viewer.open && !!viewer.shadowRoot!.querySelector('[part~=tab]:not([aria-selected=true])'), 'the author’s tabs');
    viewer.shadowRoot!.querySelector<HTMLElement>('[part~=tab]:not([aria-selected=true])')!.click();
    const tab = () => viewer.shadowRoot!.querySelector('viewers-tab');
    await until(() => wordsIn(tab()?.shadowRoot ?? document.createElement('i')).some((w) => w.includes('Bob Brown')), 'the viewers tab with its viewer');
    await look('viewers');
    viewer.close();
    // Closing goes back in history past the story's deep link: done once the link is gone.
    await until(() => !viewer.open && !store.playback && !location.hash.includes('story='), 'the viewer to close');
    // The composer, with a photo and the text tool open.
    composer.show();
    await until(() => !!byRole(composer.shadowRoot, 'heading'), 'the composer');
    await steady(composer.shadowRoot!);
    await look('composer');
    const blob = await (await fetch('/fixtures/media/photos/forest.jpg')).blob();
    upload(composer, new File([blob], 'forest.jpg', { type: 'image/jpeg' }));
    await until(() => toolbarButtons(composer).length > 0, 'the tools');
    toolbarButtons(composer)[0].click();
    await until(() => !!composer.shadowRoot!.querySelector('[part~=panel]'), 'a tool panel');
    await steady(composer.shadowRoot!);
    await look('composer tools');
  }

  return { box, store, viewer, composer, words, tour };
}

/**
 * The English the catalogue holds, as the pieces a person could see: each message's text
 * between its placeholders (plural forms too), trimmed of punctuation, with a letter in it.
 */
export function englishPieces(english: Record<string, string | Record<string, string | undefined>>): Map<string, string> {
  const pieces = new Map<string, string>();
  for (const [id, message] of Object.entries(english)) {
    for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
      for (const piece of text!.split(/\{\w+\}/)) {
        const clean = piece.replace(/^[\s,.:;!?…()–—-]+|[\s,.:;!?…()–—-]+$/g, '');
        if (/\p{L}{2}/u.test(clean)) pieces.set(clean, id);
      }
    }
  }
  return pieces;
}

/** The English pieces among `words`: a one-word piece only as a whole text, a longer one anywhere in one. */
export function englishLeft(words: string[], pieces: Map<string, string>, allowed: readonly string[] = []): string[] {
  const left = new Set<string>();
  for (const [piece, id] of pieces) {
    if (allowed.includes(piece)) continue;
    const oneWord = !/\s/.test(piece);
    if (words.some((w) => (oneWord ? w.replace(/[\s,.:;!?…]+$/g, '') === piece : w.includes(piece)))) left.add(`${id}: "${piece}"`);
  }
  return [...left];
}

/** Every element under `root`, through shadow roots. */
export function allElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const visit = (el: Element) => {
    found.push(el);
    if (el.shadowRoot) [...el.shadowRoot.children].forEach(visit);
    [...el.children].forEach(visit);
  };
  [...(root instanceof ShadowRoot ? root.children : [root])].forEach(visit);
  return found;
}

const CONTROLS = 'button, a[href], input, textarea, select, label, [role=tab], [role=button], h1, h2, h3, [part~=title], [part~=name], [part~=message]';

/**
 * A control's text as drawn: the boxes of its text nodes, or none when it shows no text. Only
 * text: a range over the whole control would add the boxes of its elements too, such as a
 * ring's spinner, whose box grows as it turns (a square's corners) while nothing it draws moves.
 */
function textBoxes(el: Element): DOMRect[] {
  const range = document.createRange();
  const boxes: DOMRect[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    boxes.push(...range.getClientRects());
  }
  return boxes.filter((r) => r.width > 0.5 && r.height > 0.5);
}

/** The boxes of `el`'s text as far as they show: cut to its own box where it clips its overflow. */
function shownText(el: Element): DOMRect[] {
  if (getComputedStyle(el).overflowX === 'visible') return textBoxes(el);
  const own = el.getBoundingClientRect();
  return textBoxes(el)
    .map((r) => new DOMRect(Math.max(r.left, own.left), Math.max(r.top, own.top), Math.min(r.right, own.right) - Math.max(r.left, own.left), Math.min(r.bottom, own.bottom) - Math.max(r.top, own.top)))
    .filter((r) => r.width > 0.5 && r.height > 0.5);
}

/** Whether a person sees `el` (laid out, not hidden, not transparent, on screen). */
function seen(el: Element): boolean {
  const box = el.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return false;
  if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight) return false;
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null)) {
    const style = getComputedStyle(node);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
  }
  return true;
}

/**
 * The controls under `root` whose words do not fit: our words (in the pseudo-locale, the
 * text between ⟦ ⟧) cut off by their box (scrolled away or clipped: scrollWidth beyond
 * clientWidth), or any text drawn over another control's text. A long account name may end
 * in an ellipsis under its ring (its whole name is the ring's accessible name): data, not a
 * word of ours.
 */
export function clippedOrOverlapping(root: Element | ShadowRoot): string[] {
  const name = (el: Element) => `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  const controls = allElements(root).filter((el) => el.matches(CONTROLS) && seen(el));
  const problems: string[] = [];
  for (const el of controls) {
    const html = el as HTMLElement;
    const style = getComputedStyle(html);
    const clips = (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis') && html.textContent!.includes('⟦');
    if (clips && html.scrollWidth > html.clientWidth + 1 && textBoxes(el).length) problems.push(`cut off: ${name(el)} (${html.scrollWidth} > ${html.clientWidth})`);
    if (clips && html.scrollHeight > html.clientHeight + 2 && textBoxes(el).length && html.localName !== 'textarea') problems.push(`cut off below: ${name(el)} (${html.scrollHeight} > ${html.clientHeight})`);
  }
  // Text over text: each control's text boxes against those of the controls it is not inside.
  const texts = controls.map((el) => ({ el, boxes: shownText(el) })).filter((t) => t.boxes.length);
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, b] = [texts[i], texts[j]];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const hit = a.boxes.some((p) => b.boxes.some((q) => Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1));
      if (hit) problems.push(`over each other: ${name(a.el)} and ${name(b.el)}`);
    }
  }
  return problems;
}
