// Edge cases of the viewer: going back from a video, a feed refresh mid-story, typing in a
// slotted field, a page cancelling story-open, a deep link the page was loaded with.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { centreOf, until } from '../../helpers/dom.js';
import { lastChange, mountViewer, photo, reel, ring, storePage, video } from './viewer-helpers.js';
import { drawnProgress, shownMedia } from './viewer-harness.js';

describe('<story-viewer> edge cases', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('going back from a video silences and rewinds it; it never moves playback on from off screen', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), video('v2', 'alice')])]);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the photo');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => events.includes('view:v2'), 'the video');
    const clip = shownMedia(viewer) as HTMLVideoElement;
    await until(() => clip.currentTime > 0.3, 'the video to play');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => lastChange(events) === 'a1', 'back to the photo');
    // Still loaded (it is next again), but paused, muted and at its start.
    expect(clip.isConnected).to.equal(true);
    expect([clip.paused, clip.muted, clip.currentTime]).to.deep.equal([true, true, 0]);
    // Coming back plays it from the start.
    await sendKeys({ press: 'ArrowRight' });
    await until(() => lastChange(events) === 'v2' && shownMedia(viewer) === clip && !clip.paused, 'the video again');
    viewer.close();
  });

  it('a feed refresh while a story plays does not restart it', async () => {
    const { bar, viewer, store } = await storePage({ duration: 60_000 });
    await sendMouse({ type: 'click', position: centreOf(ring(bar, 'bob')) });
    await until(() => viewer.open && drawnProgress(viewer) > 0, 'bob’s story to play');
    const media = shownMedia(viewer);
    await new Promise((r) => requestAnimationFrame(r));
    const before = drawnProgress(viewer);
    await store.refresh();
    await viewer.updateComplete;
    expect(shownMedia(viewer)).to.equal(media);
    expect(drawnProgress(viewer)).to.be.at.least(before);
    viewer.close();
  });

  it('typing in a field of its footer slot is typing: no shortcut fires, and Tab reaches the field', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [photo('a1', 'alice', 60_000), photo('a2', 'alice', 60_000)])]);
    const field = document.createElement('input');
    field.slot = 'footer';
    field.setAttribute('aria-label', 'Comment');
    viewer.append(field);
    viewer.open = true;
    await until(() => events.includes('view:a1'), 'the story');
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await sendKeys({ press: 'Tab' });
      reached = document.activeElement === field;
    }
    expect(reached, 'Tab reaches the slotted field').to.equal(true);
    await sendKeys({ type: 'km ok' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(field.value).to.equal('km ok');
    expect([viewer.paused, viewer.muted, lastChange(events)]).to.deep.equal([false, false, 'a1']);
    viewer.close();
  });

  it('a page can cancel story-open: nothing plays', async () => {
    const { bar, viewer, store } = await storePage({ duration: 60_000 });
    const cancelled: string[] = [];
    const cancel = (e: Event) => (e.preventDefault(), cancelled.push((e as CustomEvent).detail.authorId));
    document.addEventListener('story-open', cancel);
    try {
      await sendMouse({ type: 'click', position: centreOf(ring(bar, 'alice')) });
      // The click did reach the ring and the page cancelled its event…
      await until(() => cancelled.length === 1, 'the page to see story-open');
      expect(cancelled).to.deep.equal(['alice']);
      // …and the bar, which acts after every listener, started nothing.
      await new Promise((r) => setTimeout(r, 0));
      await viewer.updateComplete;
      expect(store.playback).to.equal(null);
      expect(ring(bar, 'alice').state).to.not.equal('loading');
      expect(viewer.open).to.equal(false);
    } finally {
      document.removeEventListener('story-open', cancel);
    }
  });

  it('opened from the URL it was loaded with, it replaces that entry and clears the hash on close', async () => {
    history.replaceState(null, '', '#story=alice/a2');
    const entries = history.length;
    const { viewer, store } = await storePage({ duration: 60_000, deepLink: 'story' });
    await until(() => viewer.open && store.playback?.storyId === 'a2', 'the deep-linked story');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => location.hash === '#story=alice/a1', 'the hash to follow');
    expect(history.length).to.equal(entries);
    viewer.close();
    expect(location.hash).to.equal('');
    expect(history.length).to.equal(entries);
  });
});
