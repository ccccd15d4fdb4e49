// The words of the elements follow the reader's language: the nearest `lang` through shadow
// roots, a page-wide language, a page's own words, one element's own wording, plural rules
// and ages in the same language, and a live `lang` change — here with words a page
// registers, so the rules are tested apart from the shipped catalogues.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/story-ring.js';
import '../../src/story-bar.js';
import type { StoryRing } from '../../src/story-ring.js';
import type { StoryBar } from '../../src/story-bar.js';
import { registerLocale, setLocale } from '../../src/i18n/locale.js';
import { englishParts } from '../../src/i18n/en.js';
import { PART_OF } from '../../src/i18n/translate.js';
import { until } from '../helpers/dom.js';
import { testWorld } from '../helpers/world.js';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../src/state/store.js';

/** The name a screen reader gives the ring's button (or image). */
const said = (ring: StoryRing) => ring.shadowRoot!.querySelector('[part=base]')!.getAttribute('aria-label');
/** A seen ring of Ana Lima inside a `<div lang>`. */
const ringIn = (lang: string) => fixture<HTMLElement>(html`<div lang=${lang}><story-ring author-id="ana" name="Ana Lima" state="seen"></story-ring></div>`);

describe('words', () => {
  before(() => {
    registerLocale('xx', { 'ring.seen': '{name} — xx seen', 'bar.scrollBack': 'xx back', 'ring.unseen': { one: '{name}: {n} xx-one', other: '{name}: {n} xx-other' } });
    registerLocale('yy', { 'ring.seen': '{name} — yy seen' });
  });
  afterEach(() => setLocale(''));

  it('follow the nearest lang, through the shadow roots of the elements around them', async () => {
    const outer = await ringIn('xx');
    const ring = outer.querySelector<StoryRing>('story-ring')!;
    await until(() => said(ring) === 'Ana Lima — xx seen', `the ring in xx (it says ${said(ring)})`);

    // A ring inside a bar's shadow root takes the language around the bar.
    const store = new StoriesStore(new LocalAdapter({ dbName: `words-${Math.random()}` }), { seen: null, refreshInterval: 0 });
    await (store.adapter as LocalAdapter).seed(testWorld(Date.now()));
    const box = await fixture<HTMLElement>(html`<div lang="xx"><story-bar .store=${store}></story-bar></div>`);
    const bar = box.querySelector<StoryBar>('story-bar')!;
    const back = () => bar.shadowRoot!.querySelector('[part=scroll-button]')?.getAttribute('aria-label');
    await until(() => back() === 'xx back', `the bar in xx (its scroll button says ${back()})`);
    // And so do the rings in the bar's shadow root, two shadow roots down from the lang.
    const rings = () => [...bar.shadowRoot!.querySelectorAll<StoryRing>('[part~=ring]')].map(said);
    await until(() => rings().some((label) => / xx[ -]/.test(label ?? '')), `the bar's rings in xx (they say ${rings().join(' | ')})`);
  });

  it('follow a lang that changes on a live page, without a reload', async () => {
    const outer = await ringIn('xx');
    const ring = outer.querySelector<StoryRing>('story-ring')!;
    await until(() => said(ring) === 'Ana Lima — xx seen', 'xx');
    outer.lang = 'yy';
    await until(() => said(ring) === 'Ana Lima — yy seen', `yy after the change (it says ${said(ring)})`);
    outer.lang = 'en';
    await until(() => said(ring) === 'Ana Lima, stories seen', `English again (it says ${said(ring)})`);
  });

  it('take the page-wide language where nothing below <html> has a lang; a nearer lang wins', async () => {
    const plain = await fixture<StoryRing>(html`<story-ring author-id="ana" name="Ana Lima" state="seen"></story-ring>`);
    const nearer = await ringIn('yy');
    setLocale('xx');
    await until(() => said(plain) === 'Ana Lima — xx seen', `the page-wide language (it says ${said(plain)})`);
    await until(() => said(nearer.querySelector('story-ring')!) === 'Ana Lima — yy seen', 'the nearer lang');
    setLocale('');
    await until(() => said(plain) === 'Ana Lima, stories seen', 'English again');
  });

  it('take a site’s own wording for one element, and fall back to English for what a language lacks', async () => {
    const outer = await ringIn('yy');
    const ring = outer.querySelector<StoryRing>('story-ring')!;
    ring.strings = { 'ring.seen': '{name} (all caught up)' };
    await until(() => said(ring) === 'Ana Lima (all caught up)', `the ring's own wording (it says ${said(ring)})`);
    ring.strings = undefined;
    ring.state = 'loading';
    await until(() => said(ring) === 'Ana Lima, opening stories', `English where yy has no words (it says ${said(ring)})`);
  });

  it('pick plural forms by the language’s rules', async () => {
    registerLocale('ru', { 'ring.unseen': { one: '{name}: {n} новая', few: '{name}: {n} новые', many: '{name}: {n} новых', other: '{name}: {n} новой' } });
    const outer = await fixture<HTMLElement>(html`<div lang="ru"><story-ring author-id="ana" name="Ана" state="unseen" segments="1"></story-ring></div>`);
    const ring = outer.querySelector<StoryRing>('story-ring')!;
    const forms: string[] = [];
    for (const n of [1, 3, 5, 21]) {
      ring.segments = n;
      await until(() => said(ring)?.startsWith(`Ана: ${n} `) ?? false, `${n} in Russian (it says ${said(ring)})`);
      forms.push(said(ring)!);
    }
    expect(forms).to.deep.equal(['Ана: 1 новая', 'Ана: 3 новые', 'Ана: 5 новых', 'Ана: 21 новая']);
  });

  it('are loaded from the part of the language that holds them', () => {
    // The loader finds an id's part by its prefix: every id of every part must lead there.
    const misplaced = Object.entries(englishParts).flatMap(([part, messages]) => Object.keys(messages).filter((id) => PART_OF[id.slice(0, id.indexOf('.'))] !== part));
    expect(misplaced).to.deep.equal([]);
    expect(Object.keys(englishParts.tools).length, 'the tools have ids').to.be.greaterThan(0);
  });

  it('in the pseudo-locale en-XA, accent every message and keep what fills its placeholders', async () => {
    const outer = await ringIn('en-XA');
    const ring = outer.querySelector<StoryRing>('story-ring')!;
    await until(() => said(ring)?.startsWith('⟦') ?? false, `the pseudo-locale (it says ${said(ring)})`);
    expect(said(ring)).to.match(/^⟦Ana Lima, šţöŕîéš šééñ·+⟧$/);
  });
});
