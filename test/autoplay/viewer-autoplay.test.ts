// Runs in a Chromium whose autoplay policy requires a user gesture for sound (as browsers
// do for most sites): the viewer starts muted, says so, and a tap turns the sound on.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { centreOf, until } from '../helpers/dom.js';
import { mountViewer, q, reel, video } from '../elements/story-viewer/viewer-helpers.js';
import { shownMedia } from '../elements/story-viewer/viewer-harness.js';

describe('<story-viewer> under a strict autoplay policy', () => {
  it('starts muted with a visible "Tap for sound" hint when sound may not autoplay; the tap turns it on', async () => {
    localStorage.removeItem('stories-kit:muted');
    const { viewer, events } = await mountViewer([reel('alice', [video('v1', 'alice')])]);
    expect(viewer.muted).to.equal(false);
    // Opened by script, with no user gesture on the page.
    viewer.open = true;
    await until(() => events.includes('view:v1'), 'the story');
    const media = shownMedia(viewer) as HTMLVideoElement;
    await until(() => !media.paused && media.currentTime > 0, 'muted playback');
    expect(media.muted).to.equal(true);
    expect(viewer.muted).to.equal(true);
    const hint = q(viewer, '[part=sound-hint]')!;
    expect(hint.textContent).to.equal('Tap for sound');
    // Not remembered: the user did not choose it.
    expect(localStorage.getItem('stories-kit:muted')).to.equal(null);
    await sendMouse({ type: 'click', position: centreOf(hint) });
    await until(() => !media.muted, 'the sound to come on');
    expect(media.paused).to.equal(false);
    expect(q(viewer, '[part=sound-hint]')).to.equal(null);
    viewer.close();
  });
});
