import { expect } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { centreOf, until } from '../../helpers/dom.js';
import { lastChange, mountViewer, photo, q, qa, reel } from './viewer-helpers.js';
import { chromeHidden, decoded, drawingFill, drawnProgress, mediaName, nextButton, pauseButton, shownMedia, stage, stills } from './viewer-harness.js';

describe('<story-viewer> with images', () => {
  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('opens as a modal dialog on the first account, plays each image once decoded, moves on by itself and closes at the end', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice'), photo('a2', 'alice')]), reel('bob', [photo('b1', 'bob')])]);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the first story to show');
    const dialog = q<HTMLDialogElement>(viewer, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(viewer.shadowRoot!.activeElement).to.equal(pauseButton(viewer));
    expect(qa(viewer, '[part=segment]').length).to.equal(2);
    expect(mediaName(shownMedia(viewer))).to.equal('Photo a1');
    // Decoded from the media cache into a canvas, named for screen readers as the photo's alt.
    expect(shownMedia(viewer)!.localName).to.equal('canvas');
    expect(shownMedia(viewer)!.getAttribute('role')).to.equal('img');
    expect(q(viewer, '[part=name]')!.textContent).to.equal('Alice Adams');
    await until(() => events.includes('complete:b1'), 'playback to reach the end', 8000);
    await until(() => events.includes('close:b1'), 'the viewer to close');
    expect(events.filter((e) => /^(open|change|view|complete|close)/.test(e))).to.deep.equal([
      'open:a1', 'change:a1', 'view:a1', 'change:a2', 'view:a2', 'change:b1', 'view:b1', 'complete:b1', 'close:b1',
    ]);
    expect(dialog.open).to.equal(false);
    expect(viewer.open).to.equal(false);
  });

  it('speaks the site’s wording (`strings`, by message id) and the element’s language: its numbers and ages in `lang`', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), photo('a2', 'alice', 60_000)])]);
    viewer.lang = 'ar';
    viewer.strings = { 'viewer.next': 'Onward', 'viewer.story': '{name}: {index}/{count}, {age}' };
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the first story');
    expect(nextButton(viewer).getAttribute('aria-label')).to.equal('Onward');
    expect(pauseButton(viewer).getAttribute('aria-label')).to.equal('Pause');
    expect(q(viewer, '[part=time]')!.textContent).to.equal(new Intl.NumberFormat('ar', { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(1));
    await sendKeys({ press: 'ArrowRight' });
    await until(() => lastChange(events) === 'a2', 'the next story');
    const two = (2).toLocaleString('ar');
    expect(q(viewer, '[role=status]')!.textContent).to.equal(`Alice Adams: ${two}/${two}, ${new Intl.RelativeTimeFormat('ar', { numeric: 'auto' }).format(-1, 'hour')}`);
    viewer.close();
  });

  it('keys: → and ← move between stories, Shift+→ and PageDown between accounts, Space pauses, Escape closes and focus returns', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'open';
    document.body.append(opener);
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), photo('a2', 'alice', 60_000)]), reel('bob', [photo('b1', 'bob', 60_000)]), reel('carol', [photo('c1', 'carol', 60_000)])]);
    opener.focus();
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the first story');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => lastChange(events) === 'a2', 'the next story');
    expect(q(viewer, '[role=status]')!.textContent).to.equal('Story 2 of 2 by Alice Adams, 1 hour ago');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => lastChange(events) === 'a1', 'the previous story');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    await until(() => lastChange(events) === 'b1', 'the next account');
    await sendKeys({ press: 'PageDown' });
    await until(() => lastChange(events) === 'c1', 'the account after');
    await sendKeys({ press: 'PageUp' });
    await until(() => lastChange(events) === 'b1', 'the account before');
    // Space on the stage pauses (focus is on the pause button: it toggles too).
    await sendKeys({ press: 'k' });
    await until(() => viewer.paused, 'K to pause');
    expect(events.at(-1)).to.equal('pause:b1');
    expect(q(viewer, '[role=status]')!.textContent).to.equal('Paused. Story 1 of 1 by Bob Brown, 1 hour ago');
    await sendKeys({ press: 'Space' });
    await until(() => !viewer.paused, 'Space to resume');
    expect(events.at(-1)).to.equal('resume:b1');
    await sendKeys({ press: 'Escape' });
    await until(() => !viewer.open, 'Escape to close');
    expect(events.at(-1)).to.equal('close:b1');
    expect(document.activeElement).to.equal(opener);
    opener.remove();
  });

  it('taps: the left third goes back, the rest forward; press and hold pauses and hides the chrome; swipes change account or close', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), photo('a2', 'alice', 60_000)]), reel('bob', [photo('b1', 'bob', 60_000)])]);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the first story');
    const box = stage(viewer).getBoundingClientRect();
    const y = Math.round(box.top + box.height / 2);
    const at = (fraction: number) => Math.round(box.left + box.width * fraction);
    await sendMouse({ type: 'click', position: [at(0.85), y] });
    await until(() => lastChange(events) === 'a2', 'a tap on the right');
    await sendMouse({ type: 'click', position: [at(0.15), y] });
    await until(() => lastChange(events) === 'a1', 'a tap on the left');
    // Hold: paused while the pointer is down, chrome hidden; release resumes.
    await sendMouse({ type: 'move', position: [at(0.5), y] });
    await sendMouse({ type: 'down' });
    await until(() => viewer.paused, 'holding to pause');
    await until(() => chromeHidden(viewer), 'the chrome hidden while held');
    await sendMouse({ type: 'up' });
    await until(() => !viewer.paused, 'releasing to resume');
    expect(lastChange(events)).to.equal('a1');
    /** A real mouse drag across the stage, from and to fractions of its box, in three steps. */
    const swipe = async ([x0, y0]: [number, number], [x1, y1]: [number, number]) => {
      const point = (fx: number, fy: number): [number, number] => [at(fx), Math.round(box.top + box.height * fy)];
      await sendMouse({ type: 'move', position: point(x0, y0) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: point((x0 + x1) / 2, (y0 + y1) / 2) });
      await sendMouse({ type: 'move', position: point(x1, y1) });
      await sendMouse({ type: 'up' });
    };
    // Swipe towards the start: next account.
    await swipe([0.8, 0.5], [0.2, 0.5]);
    await until(() => lastChange(events) === 'b1', 'a swipe to the next account');
    // Swipe towards the end: back to the previous account.
    await swipe([0.2, 0.5], [0.8, 0.5]);
    await until(() => lastChange(events) === 'a1', 'a swipe back to the previous account');
    // Swipe down: close.
    await swipe([0.5, 0.3], [0.5, 0.7]);
    await until(() => !viewer.open, 'a swipe down to close');
  });

  it('starts the timer only once the image is decoded: a held image keeps the bar at 0 with a spinner', async () => {
    await fetch('/__gate/img/reset', { method: 'POST' });
    const held = photo('a1', 'alice', 500, { media: { kind: 'image', src: '/__gate/img/fixtures/media/photos/forest.jpg', alt: 'held' } });
    const { viewer, events } = await mountViewer([reel('alice', [held, photo('a2', 'alice', 60_000)])]);
    viewer.open = true;
    await until(() => !!q(viewer, '[part=spinner]'), 'the spinner');
    // Longer than the story's whole duration: the bar has not moved and the story is still on.
    const start = performance.now();
    await until(() => performance.now() - start > 800, 'more than the story duration');
    expect(drawnProgress(viewer)).to.equal(0);
    expect(events).to.not.include('view:a1');
    await fetch('/__gate/img/open', { method: 'POST' });
    await until(() => events.includes('view:a1'), 'the image to decode');
    expect(q(viewer, '[part=spinner]')).to.equal(null);
    await until(() => drawnProgress(viewer) > 0.2, 'the bar to move');
    await until(() => lastChange(events) === 'a2', 'the story to end');
  });

  it('with reduced motion it never moves on by itself, and durations can be extended tenfold', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 200), photo('a2', 'alice', 200)])]);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the first story');
    await until(() => drawnProgress(viewer) === 1, 'the story to finish');
    const start = performance.now();
    await until(() => performance.now() - start > 400, 'a while');
    expect(lastChange(events)).to.equal('a1');
    // The labelled Next button moves on.
    await sendMouse({ type: 'click', position: centreOf(nextButton(viewer)) });
    await until(() => lastChange(events) === 'a2', 'the Next story button');
    await emulateMedia({ reducedMotion: 'no-preference' });
    viewer.close();
    viewer.durationScale = 10;
    viewer.open = true;
    await until(() => events.filter((e) => e === 'view:a1').length === 1 && lastChange(events) === 'a1', 'reopening');
    await until(() => drawnProgress(viewer) > 0, 'the bar to move');
    const timing = drawingFill(viewer)!.getAnimations()[0].effect!.getTiming();
    expect(timing.duration).to.equal(2000);
  });

  it('is accessible while playing and while paused', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000)])]);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the story');
    await expect(viewer).to.be.accessible();
    viewer.pause();
    await viewer.updateComplete;
    expect(pauseButton(viewer).getAttribute('aria-pressed')).to.equal('true');
    await expect(viewer).to.be.accessible();
    viewer.close();
  });
});

describe('<story-viewer> and the page', () => {
  it('pauses while the page is hidden and resumes when it shows again', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000)])]);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the story');
    await executeServerCommand('page-visibility', { hidden: true });
    await until(() => document.visibilityState === 'hidden' && viewer.paused, 'the hidden page to pause playback');
    const progress = drawnProgress(viewer);
    expect(events.at(-1)).to.equal('pause:a1');
    await executeServerCommand('page-visibility', { hidden: false });
    await until(() => document.visibilityState === 'visible' && !viewer.paused, 'playback to resume');
    await until(() => drawnProgress(viewer) > progress, 'the bar to move again');
    viewer.close();
  });

  it('keeps Tab inside the open viewer, starting at the pause button', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), photo('a2', 'alice', 60_000)])]);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the story');
    const parts = new Set<string>();
    for (let i = 0; i < 12; i++) {
      parts.add(viewer.shadowRoot!.activeElement!.getAttribute('part')!);
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement, `tab ${i}`).to.equal(viewer);
    }
    expect([...parts].sort()).to.deep.equal(['close-button', 'mute-button', 'next-button', 'pause-button', 'previous-button']);
    viewer.close();
  });
});

describe('<story-viewer> preloading', () => {
  it('loads the next story and the next account’s first ahead, at low priority; shows them at once; drops what is no longer ahead', async () => {
    // URLs of this test's own, so each photo is downloaded here (not read from the media cache).
    const run = crypto.randomUUID();
    const fresh = (id: string, author: string) => photo(id, author, 60_000, { media: { kind: 'image', src: `/fixtures/media/photos/forest.jpg?${run}-${id}`, alt: `Photo ${id}` } });
    const { viewer, events } = await mountViewer([reel('alice', [fresh('a1', 'alice'), fresh('a22', 'alice')]), reel('bob', [fresh('b333', 'bob')]), reel('carol', [fresh('c1', 'carol')])]);
    // The priority each photo is downloaded with, as the media cache asks for it.
    const priorities = new Map<string, string | undefined>();
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      priorities.set(new URL(String(input), location.href).search.split('-').pop()!, init?.priority);
      return realFetch(input, init);
    };
    try {
      viewer.open = true;
      await until(() => events.includes('view:a1'), 'the first story');
      await until(() => stills(viewer).length === 3, 'the two stories ahead in the stage');
      for (const id of ['a1', 'a22', 'b333']) await decoded(viewer, `Photo ${id}`);
    } finally {
      window.fetch = realFetch;
    }
    const images = () => stills(viewer);
    const [, next, ahead] = images();
    expect([mediaName(next), mediaName(ahead)]).to.deep.equal(['Photo a22', 'Photo b333']);
    expect(['a1', 'a22', 'b333'].map((id) => priorities.get(id))).to.deep.equal(['high', 'low', 'low']);
    expect(getComputedStyle(next).visibility).to.equal('hidden');
    // Next: the very element loaded ahead comes on screen, with no spinner in between.
    await sendKeys({ press: 'ArrowRight' });
    await viewer.updateComplete;
    expect(shownMedia(viewer)).to.equal(next);
    expect(q(viewer, '[part=spinner]')).to.equal(null);
    await until(() => events.includes('view:a22'), 'the next story');
    // Jumping two accounts ahead: what was loaded for alice and bob is gone.
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'PageDown' });
    await until(() => lastChange(events) === 'c1', 'carol');
    expect(images().length).to.equal(1);
    expect(images().includes(next)).to.equal(false);
    viewer.close();
    expect(images().length).to.equal(0);
  });
});
