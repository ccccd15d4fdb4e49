// Arabic reads right to left: the bar's order, its arrow keys, the viewer's keys and swipes
// mirror; axe finds nothing in Arabic or Japanese in any state of the tour; and a `lang`
// changed on a live page reaches the open viewer without a reload.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { StoryRing } from '../../src/story-ring.js';
import { until } from '../helpers/dom.js';
import { rings } from '../elements/story-bar/bar-harness.js';
import { stage } from '../elements/story-viewer/viewer-harness.js';
import { allElements, everyElement, wordsIn } from './every-element.js';

/** The animations running under `root`, in every shadow root (the document's own list leaves those out). */
const animationsIn = (root: Element): Animation[] => allElements(root).flatMap((el) => el.getAnimations());

/** What the viewer's pause button is called now. */
const pauseName = (viewer: Element) => viewer.shadowRoot!.querySelector('[part~=pause-button]')?.getAttribute('aria-label') ?? '';

describe('direction and language on a live page', () => {
  it('in Arabic, mirrors the bar’s order and arrows and the viewer’s keys and swipes', async function () {
    this.timeout(30000);
    const { box, store, viewer } = await everyElement('ar', 'rtl');
    const bar = box.querySelector('story-bar')!;
    await until(() => rings(bar).length >= 3, 'the rings');
    const [first, second] = rings(bar);
    expect(first.getBoundingClientRect().left, 'the first account is at the right').to.be.greaterThan(second.getBoundingClientRect().left);
    first.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => (bar.shadowRoot!.activeElement as StoryRing | null) === second, 'ArrowLeft to move forward');

    await store.open('alice', 'a1');
    await until(() => viewer.open && store.playback?.storyId === 'a1', 'the viewer on a1');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => store.playback?.storyId === 'a2', 'ArrowLeft to go to the next story');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => store.playback?.storyId === 'a1', 'ArrowRight to go back');
    // A swipe towards the right brings the next account in from the left.
    const box2 = stage(viewer).getBoundingClientRect();
    const y = Math.round(box2.top + box2.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(box2.left + box2.width * 0.2), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(box2.left + box2.width * 0.5), y] });
    await sendMouse({ type: 'move', position: [Math.round(box2.left + box2.width * 0.8), y] });
    await sendMouse({ type: 'up' });
    await until(() => store.playback?.authorId === 'bob', `a swipe right to go to the next account (on ${store.playback?.authorId})`);
  });

  for (const lang of ['ar', 'ja']) {
    it(`stays axe clean in ${lang}, in every state of the tour`, async function () {
      this.timeout(60000);
      const scene = await everyElement(lang, lang === 'ar' ? 'rtl' : 'ltr');
      await until(() => !scene.words().includes('Scroll back'), `the ${lang} words`);
      await scene.tour(async () => {
        // Colours are measured once what fades in (the latest comments, the panel) has arrived:
        // the short transitions, not a story's progress or a spinner.
        const fades = animationsIn(scene.box).filter((a) => a.playState === 'running' && Number(a.effect?.getTiming().duration) <= 1000 && a.effect?.getTiming().iterations !== Infinity);
        await Promise.all(fades.map((a) => a.finished.catch(() => {})));
        await expect(scene.box).to.be.accessible();
      });
    });
  }

  it('changes the open viewer’s words when the page’s lang changes, without a reload', async function () {
    this.timeout(30000);
    const { box, store, viewer } = await everyElement('en');
    await store.open('alice', 'a1');
    await until(() => viewer.open, 'the viewer');
    const english = pauseName(viewer);
    const story = store.playback?.storyId;
    // A reload would lose this mark (and this test with it); the viewer would start over.
    (window as unknown as { kept?: boolean }).kept = true;
    box.lang = 'fr';
    await until(() => pauseName(viewer) !== english && pauseName(viewer) !== '', `the pause button in French (it says ${pauseName(viewer)})`);
    expect(viewer.open, 'still open').to.equal(true);
    expect(viewer.isConnected && box.contains(viewer), 'the same viewer').to.equal(true);
    expect(store.playback?.storyId, 'on the same story').to.equal(story);
    expect((window as unknown as { kept?: boolean }).kept, 'the same page').to.equal(true);
    expect(wordsIn(viewer.shadowRoot!)).to.not.include(english);
  });
});
