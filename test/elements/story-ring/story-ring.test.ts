import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/story-ring.js';
import type { StoryRing } from '../../../src/story-ring.js';
import type { StoryOpenEvent } from '../../../src/events.js';
import { avatarColor, initials } from '../../../src/elements/shared/avatar.js';
import { centreOf, rgb, shadowQuery, until } from '../../helpers/dom.js';
import { contrast, screenshot } from '../../helpers/screen.js';

const AVATAR = '/fixtures/media/avatars/avatar-1.jpg';
const ana = { id: 'ana', name: 'Ana Lima', avatar: AVATAR };

async function ring(template: ReturnType<typeof html>): Promise<StoryRing> {
  const el = await fixture<StoryRing>(template);
  await el.updateComplete;
  return el;
}

/** The accessible name a screen reader announces for the ring's base. */
function nameOf(el: StoryRing): string {
  return shadowQuery(el, '[part=base]').getAttribute('aria-label') ?? '';
}

function ringColor(el: StoryRing): number[] {
  return rgb(getComputedStyle(shadowQuery(el, '[part=ring]')).backgroundColor);
}

/** The colour of each painted arc of a segmented ring, read from its conic gradient. */
function arcColors(el: StoryRing): number[][] {
  const paint = getComputedStyle(shadowQuery(el, '[part=ring]')).backgroundImage;
  const stops = [...paint.matchAll(/(rgba?\([^)]*\))\s+[\d.]+deg/g)].map((m) => m[1]);
  // Each arc is a start and an end stop of one opaque colour; the gaps are transparent.
  const opaque = stops.filter((c) => c !== 'rgba(0, 0, 0, 0)');
  return opaque.filter((_, i) => i % 2 === 0).map(rgb);
}

/** The initials a person sees (painted by CSS, not part of the accessible name). */
function initialsShown(el: StoryRing): string {
  return getComputedStyle(shadowQuery(el, '[part=initials]'), '::before').content.replace(/^"|"\s*\/\s*""$/g, '');
}

function isGrey([r, g, b]: number[]): boolean {
  return Math.max(r, g, b) - Math.min(r, g, b) < 12;
}

function isBlue([r, g, b]: number[]): boolean {
  return b > 200 && b > r + 100 && b > g;
}

describe('<story-ring>', () => {
  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  describe('states', () => {
    it('with state "none" shows the avatar without a ring and is not a button', async () => {
      const el = await ring(html`<story-ring .author=${ana}></story-ring>`);
      expect(el.state).to.equal('none');
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=ring]')).to.equal(null);
      const base = shadowQuery(el, '[part=base]');
      expect(base.getAttribute('role')).to.equal('img');
      expect(nameOf(el)).to.equal('Ana Lima');
      await expect(el).to.be.accessible();
    });

    it('with unseen stories shows an accent (blue) ring and says how many are new', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="unseen" segments="3"></story-ring>`);
      expect(shadowQuery(el, 'button').getAttribute('aria-label')).to.equal('Ana Lima, 3 new stories');
      expect(arcColors(el).every(isBlue)).to.equal(true);
      el.segments = 0;
      await el.updateComplete;
      expect(isBlue(ringColor(el))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('says "1 new story" in the singular and "new stories" when the count is unknown', async () => {
      const one = await ring(html`<story-ring .author=${ana} state="unseen" segments="4" seen-segments="3"></story-ring>`);
      expect(nameOf(one)).to.equal('Ana Lima, 1 new story');
      const unknown = await ring(html`<story-ring .author=${ana} state="unseen"></story-ring>`);
      expect(nameOf(unknown)).to.equal('Ana Lima, new stories');
    });

    it('with every story seen shows a grey ring and says so in words', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="seen"></story-ring>`);
      expect(nameOf(el)).to.equal('Ana Lima, stories seen');
      expect(isGrey(ringColor(el))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('while loading spins a dashed ring, is busy and does not open twice', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="loading"></story-ring>`);
      const button = shadowQuery(el, 'button');
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(nameOf(el)).to.equal('Ana Lima, opening stories');
      const ringPart = shadowQuery(el, '[part=ring]');
      expect(getComputedStyle(ringPart).backgroundImage).to.contain('repeating-conic-gradient');
      const spins = ringPart.getAnimations();
      expect(spins).to.have.length(1);
      // Only `rotate` is animated: a property the compositor runs without layout or paint.
      const keyframes = (spins[0].effect as KeyframeEffect).getKeyframes();
      const animated = new Set(keyframes.flatMap((k) => Object.keys(k).filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p))));
      expect([...animated]).to.deep.equal(['rotate']);
      let opened = 0;
      el.addEventListener('story-open', () => opened++);
      button.click();
      expect(opened).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('treats an unknown state as "none"', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="bogus"></story-ring>`);
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    });
  });

  describe('segments', () => {
    it('splits the ring into one arc per story, the seen ones grey', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="unseen" segments="3" seen-segments="1"></story-ring>`);
      const arcs = arcColors(el);
      expect(arcs).to.have.length(3);
      expect(arcs.map((c) => (isGrey(c) ? 'grey' : isBlue(c) ? 'blue' : 'other'))).to.deep.equal(['grey', 'blue', 'blue']);
    });

    it('leaves gaps a person can see between the arcs of a small (40 px) ring', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><story-ring .author=${{ id: 'ana', name: 'Ana Lima' }} state="unseen" size="small" segments="4"></story-ring></div>`);
      wrapper.style.cssText = 'padding: 8px; background: #fff; inline-size: max-content';
      const el = wrapper.querySelector('story-ring')!;
      await el.updateComplete;
      const box = el.getBoundingClientRect();
      expect(box.width).to.equal(40);
      const shot = await screenshot({ x: box.left, y: box.top, width: 40, height: 40 });
      // Walk the inner edge of the 2 px ring (its narrowest gaps), a tenth of a degree at a time.
      const r = 18.5;
      const painted = (deg: number) => {
        const a = ((deg - 90) * Math.PI) / 180;
        const [red, green, blue] = shot.at(20 + r * Math.cos(a) - 0.5, 20 + r * Math.sin(a) - 0.5);
        return blue - Math.min(red, green) > 40;
      };
      // From the middle of the first arc (45°) once around: the runs of unpainted ring.
      const gaps: number[] = [];
      let run = 0;
      for (let i = 0; i <= 3600; i++) {
        if (!painted(45 + i / 10)) run++;
        else if (run) {
          gaps.push(run);
          run = 0;
        }
      }
      // The four gaps of four arcs, each at least 2 px of ring left unpainted (anti-aliased edge pixels aside).
      const widths = gaps.map((g) => (g / 10) * (Math.PI / 180) * r).filter((w) => w >= 1.5);
      expect(widths.length, `gaps seen: ${widths.map((w) => w.toFixed(1)).join(', ')}`).to.equal(4);
      for (const w of widths) expect(w).to.be.at.least(2);
    });

    it('greys every arc once all were seen and draws a plain ring for one story', async () => {
      const seen = await ring(html`<story-ring .author=${ana} state="seen" segments="2"></story-ring>`);
      const arcs = arcColors(seen);
      expect(arcs).to.have.length(2);
      expect(arcs.every(isGrey)).to.equal(true);
      const single = await ring(html`<story-ring .author=${ana} state="unseen" segments="1"></story-ring>`);
      expect(getComputedStyle(shadowQuery(single, '[part=ring]')).backgroundImage).to.equal('none');
    });
  });

  describe('activation', () => {
    it('opens the account on a real click: story-open bubbles out of the shadow root with the author id', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><story-ring .author=${ana} state="unseen"></story-ring></div>`);
      const el = wrapper.querySelector('story-ring')!;
      await el.updateComplete;
      const opened = oneEvent(document, 'story-open') as Promise<StoryOpenEvent>;
      await sendMouse({ type: 'click', position: centreOf(el) });
      const event = await opened;
      expect(event.detail).to.deep.equal({ authorId: 'ana' });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('is reached with Tab, shows a visible focus ring and opens with Enter and with Space', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button>before</button><story-ring author-id="bo" name="Bo Chen" state="unseen"></story-ring></div>`,
      );
      const el = wrapper.querySelector('story-ring')!;
      await el.updateComplete;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      const inner = shadowQuery(el, 'button');
      expect(el.shadowRoot!.activeElement).to.equal(inner);
      const focus = getComputedStyle(inner);
      expect(focus.outlineStyle).to.equal('solid');
      expect(parseFloat(focus.outlineWidth)).to.be.at.least(2);

      const ids: string[] = [];
      el.addEventListener('story-open', (e) => ids.push(e.detail.authorId));
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      expect(ids).to.deep.equal(['bo', 'bo']);
    });

    it('draws the focus outline of an unseen (blue) ring apart from it: a gap of the page, then a dark outline in contrast with the blue', async () => {
      // A light page and a dark one, each with its own text colour (which the outline takes).
      for (const [scheme, page, text] of [
        ['light', '#ffffff', '#111114'],
        ['dark', '#000000', '#ffffff'],
      ] as const) {
        await emulateMedia({ colorScheme: scheme });
        const wrapper = await fixture<HTMLDivElement>(html`<div class="page"><button>before</button><story-ring .author=${{ id: 'ana', name: 'Ana Lima' }} state="unseen" size="40"></story-ring></div>`);
        wrapper.style.padding = '16px';
        wrapper.style.background = page;
        wrapper.style.color = text;
        const el = wrapper.querySelector('story-ring')!;
        await el.updateComplete;
        wrapper.querySelector('button')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement).to.equal(shadowQuery(el, 'button'));
        const box = el.getBoundingClientRect();
        const shot = await screenshot({ x: box.left - 12, y: box.top - 12, width: box.width + 24, height: box.height + 24 });
        // Along the horizontal radius to the right: the ring (2 px wide at 40 px), the offset, the outline.
        const cy = 12 + box.height / 2;
        const ringPx = shot.at(12 + box.width - 1, cy);
        const gapPx = shot.at(12 + box.width + 1.5, cy);
        const outlinePx = shot.at(12 + box.width + 4, cy);
        const background = rgb(page === '#ffffff' ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)');
        expect(isBlue(ringPx.slice(0, 3)) || ringPx[2] > ringPx[0] + 60, `${scheme}: the ring is blue (${ringPx})`).to.equal(true);
        expect(contrast(gapPx, background), `${scheme}: the page shows between ring and outline (${gapPx})`).to.be.below(1.2);
        expect(contrast(outlinePx, ringPx), `${scheme}: outline against the ring (${outlinePx} vs ${ringPx})`).to.be.at.least(3);
        expect(contrast(outlinePx, background), `${scheme}: outline against the page`).to.be.at.least(3);
      }
    });

    it('focus() on the element focuses its button', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="seen"></story-ring>`);
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(shadowQuery(el, 'button'));
    });
  });

  describe('avatar', () => {
    it('shows the picture once it loads, lazily and without a broken-image icon', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="unseen"></story-ring>`);
      const img = shadowQuery<HTMLImageElement>(el, '[part=image]');
      expect(img.loading).to.equal('lazy');
      await until(() => img.complete && img.naturalWidth > 0, 'the avatar to load');
      expect(img.alt).to.equal('');
    });

    it('falls back to initials on an id-derived colour when the picture fails to load', async () => {
      const el = await ring(html`<story-ring author-id="ana" name="Ana Lima" avatar="/fixtures/media/avatars/missing.jpg" state="unseen"></story-ring>`);
      await until(() => !el.shadowRoot!.querySelector('img'), 'the broken picture to be removed');
      expect(initialsShown(el)).to.equal('AL');
      expect(shadowQuery(el, '[part=initials]').getBoundingClientRect().width).to.be.greaterThan(0);
      const bg = getComputedStyle(shadowQuery(el, '[part=avatar]')).backgroundColor;
      const hex = avatarColor('ana');
      expect(rgb(bg)).to.deep.equal([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      await expect(el).to.be.accessible();
    });

    it('shows initials when there is no picture at all, and tries again when the avatar changes', async () => {
      const el = await ring(html`<story-ring author-id="x" name="Zoë Ånström" state="seen"></story-ring>`);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(initialsShown(el)).to.equal('ZÅ');
      el.avatar = AVATAR;
      await el.updateComplete;
      expect(shadowQuery<HTMLImageElement>(el, 'img').getAttribute('src')).to.equal(AVATAR);
    });

    it('derives initials from graphemes of the first and last words', () => {
      expect(initials('ana lima')).to.equal('AL');
      expect(initials('  Ana  Maria   Lima ')).to.equal('AL');
      expect(initials('Élodie')).to.equal('É');
      expect(initials('李 小龙')).to.equal('李小');
      expect(initials('👩🏽‍🚀 Astro')).to.equal('👩🏽‍🚀A');
      expect(initials('—')).to.equal('');
      expect(avatarColor('ana')).to.equal(avatarColor('ana'));
    });

    it('skips punctuation and symbols in initials, not letters, digits or emoji', () => {
      expect(initials('Video (minimum)')).to.equal('VM');
      expect(initials('"Quoted" name')).to.equal('QN');
      expect(initials('@ana #lima')).to.equal('AL');
      expect(initials('Ana - Lima')).to.equal('AL');
      expect(initials('¿Qué tal?')).to.equal('QT');
      expect(initials('© 2026 Studio')).to.equal('2S');
      expect(initials('Acme ™')).to.equal('A');
      expect(initials('(👩🏽‍🚀) Astro')).to.equal('👩🏽‍🚀A');
      expect(initials('Love ❤️')).to.equal('L❤️');
      expect(initials('🇵🇹 Lisboa')).to.equal('🇵🇹L');
      expect(initials('«ζωή» σου')).to.equal('ΖΣ');
      expect(initials('(( ))')).to.equal('');
    });

    it('renders a name full of markup as inert text', async () => {
      const evil = { id: 'evil', name: '<img src=x onerror="window.__pwned=1">' };
      const el = await ring(html`<story-ring .author=${evil} state="unseen"></story-ring>`);
      expect(nameOf(el)).to.equal('<img src=x onerror="window.__pwned=1">, new stories');
      expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('sizes and theming', () => {
    it('takes its size from the attribute, a pixel number or --story-ring-size', async () => {
      const small = await ring(html`<story-ring .author=${ana} state="unseen" size="small"></story-ring>`);
      expect(small.getBoundingClientRect().width).to.equal(40);
      const large = await ring(html`<story-ring .author=${ana} state="unseen" size="large"></story-ring>`);
      expect(large.getBoundingClientRect().width).to.equal(88);
      const custom = await ring(html`<story-ring .author=${ana} state="unseen" size="72"></story-ring>`);
      expect(custom.getBoundingClientRect().width).to.equal(72);
      const themed = await ring(html`<story-ring .author=${ana} state="none" style="--story-ring-size: 100px"></story-ring>`);
      expect(themed.getBoundingClientRect().width).to.equal(100);
    });

    it('follows --story-ring-color, --story-ring-seen-color, --story-ring-width and --story-ring-gap', async () => {
      const el = await ring(html`<story-ring
        .author=${ana}
        state="unseen"
        style="--story-ring-color: rgb(255, 0, 0); --story-ring-width: 5px; --story-ring-gap: 4px"
      ></story-ring>`);
      expect(ringColor(el)).to.deep.equal([255, 0, 0]);
      const avatar = shadowQuery(el, '[part=avatar]').getBoundingClientRect();
      expect(avatar.width).to.equal(64 - 2 * (5 + 4));
      el.style.setProperty('--story-ring-seen-color', 'rgb(0, 128, 0)');
      el.state = 'seen';
      await el.updateComplete;
      expect(ringColor(el)).to.deep.equal([0, 128, 0]);
    });

    it('uses the global accent token and a lighter accent in dark mode', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="unseen"></story-ring>`);
      expect(ringColor(el)).to.deep.equal([29, 111, 242]);
      await emulateMedia({ colorScheme: 'dark' });
      expect(ringColor(el)).to.deep.equal([76, 141, 255]);
      el.theme = 'light';
      await el.updateComplete;
      expect(ringColor(el)).to.deep.equal([29, 111, 242]);
      el.style.setProperty('--story-color-accent', 'rgb(1, 2, 3)');
      expect(ringColor(el)).to.deep.equal([1, 2, 3]);
      await emulateMedia({ colorScheme: 'light' });
      el.style.removeProperty('--story-color-accent');
      el.theme = 'dark';
      await el.updateComplete;
      expect(ringColor(el)).to.deep.equal([76, 141, 255]);
    });

    it('does not spin when the user prefers reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await ring(html`<story-ring .author=${ana} state="loading"></story-ring>`);
      expect(shadowQuery(el, '[part=ring]').getAnimations()).to.have.length(0);
      expect(shadowQuery(el, 'button').getAttribute('aria-busy')).to.equal('true');
    });

    it('mirrors the segment order in right-to-left pages', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><story-ring .author=${ana} state="unseen" segments="3"></story-ring></div>`);
      const el = wrapper.querySelector('story-ring')!;
      await el.updateComplete;
      expect(getComputedStyle(shadowQuery(el, '[part=ring]')).scale).to.equal('-1 1');
      await expect(el).to.be.accessible();
    });

    it('exposes its parts for ::part() styling', async () => {
      const el = await ring(html`<story-ring .author=${ana} state="unseen"></story-ring>`);
      for (const part of ['base', 'ring', 'avatar', 'initials', 'image']) {
        expect(el.shadowRoot!.querySelector(`[part~=${part}]`), part).to.not.equal(null);
      }
    });
  });
});
