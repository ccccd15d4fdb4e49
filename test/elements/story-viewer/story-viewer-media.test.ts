// Video, HLS (through hls.js and natively), stalls, failures, sound and teardown, with real
// media in Chromium. Media tests run one file at a time (see web-test-runner.config.mjs).
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { liveHlsInstances } from '../../../src/media/hls-loader.js';
import { centreOf, until } from '../../helpers/dom.js';
import { HLS, MP4, lastChange, mountViewer, photo, q, qa, reel, video } from './viewer-helpers.js';
import { drawnProgress, muteButton, pauseButton, retryButton, shownMedia } from './viewer-harness.js';

const hlsScripts = () => performance.getEntriesByType('resource').filter((e) => /hls\.(light\.)?m?js/.test(e.name));

describe('<story-viewer> with video', () => {
  afterEach(() => localStorage.removeItem('stories-kit:muted'));

  it('never downloads hls.js for pages without HLS stories, and plays mp4 with the bar following the video clock', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [video('v1', 'alice'), photo('a2', 'alice', 60_000)])]);
    viewer.open = true;
    await until(() => events.includes('view:v1'), 'the video to show');
    const media = shownMedia(viewer) as HTMLVideoElement;
    expect(media.localName).to.equal('video');
    // The bar is never ahead of the video, sampled every frame while it plays.
    let samples = 0;
    while (!media.ended && lastChange(events) === 'v1') {
      const drawn = drawnProgress(viewer);
      const played = media.currentTime / media.duration;
      expect(drawn, `at ${media.currentTime}s`).to.be.at.most(played + 0.005);
      samples++;
      await new Promise((r) => requestAnimationFrame(r));
    }
    expect(samples).to.be.greaterThan(20);
    await until(() => lastChange(events) === 'a2', 'the next story after the video ends', 8000);
    expect(hlsScripts()).to.deep.equal([]);
    expect(liveHlsInstances()).to.equal(0);
    viewer.close();
  });

  it('stops the bar and shows a spinner while the video stalls, then goes on', async () => {
    await fetch('/__gate/stall/reset', { method: 'POST' });
    // The first 40% of the file arrives at once; the rest waits for the gate.
    const stalling = video('v1', 'alice', `/__gate/stall${MP4}?after=34000`);
    const { viewer, events } = await mountViewer([reel('alice', [stalling, photo('a2', 'alice', 60_000)])]);
    viewer.open = true;
    await until(() => events.includes('view:v1'), 'the video to start');
    const media = shownMedia(viewer) as HTMLVideoElement;
    await until(() => !!q(viewer, '[part=spinner]') && media.readyState < 3 && media.currentTime > 0, 'the stall', 8000);
    const stalledAt = drawnProgress(viewer);
    expect(stalledAt).to.be.greaterThan(0).and.below(1);
    const since = performance.now();
    await until(() => performance.now() - since > 500, 'half a second of stall');
    expect(drawnProgress(viewer)).to.be.at.most(media.currentTime / media.duration + 0.005);
    expect(drawnProgress(viewer) - stalledAt).to.be.below(0.02);
    expect(lastChange(events)).to.equal('v1');
    await fetch('/__gate/stall/open', { method: 'POST' });
    await until(() => !q(viewer, '[part=spinner]'), 'playback to resume');
    await until(() => lastChange(events) === 'a2', 'the end of the video', 8000);
    viewer.close();
  });

  it('plays HLS through hls.js, loaded only then, and tears every instance down on close', async () => {
    // Object URLs made and revoked while it plays (hls.js makes one per MediaSource).
    let liveUrls = 0;
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    URL.createObjectURL = (o: Blob | MediaSource) => (liveUrls++, create.call(URL, o));
    URL.revokeObjectURL = (u: string) => (liveUrls--, revoke.call(URL, u));
    try {
      await playHlsAndClose(() => liveUrls);
    } finally {
      Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    }
  });

  async function playHlsAndClose(liveUrls: () => number) {
    const { viewer, events } = await mountViewer([reel('alice', [video('h1', 'alice', HLS), photo('a2', 'alice', 60_000)]), reel('bob', [video('h2', 'bob', HLS)])], { hls: 'hls.js' });
    viewer.open = true;
    await until(() => events.includes('view:h1'), 'the HLS story to show', 8000);
    expect(hlsScripts().length).to.equal(1);
    // The story on screen, and the next account's first story preloading: two instances.
    expect(liveHlsInstances()).to.equal(2);
    const media = shownMedia(viewer) as HTMLVideoElement;
    expect(media.src).to.match(/^blob:/);
    await until(() => media.currentTime > 0.5, 'HLS playback', 8000);
    await sendKeys({ press: 'Escape' });
    await until(() => !viewer.open, 'the viewer to close');
    expect(liveHlsInstances()).to.equal(0);
    expect(qa(viewer, 'video').length).to.equal(0);
    expect(liveUrls()).to.equal(0);
  }

  it('plays HLS natively when asked to (hls="native"), without hls.js', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [video('h1', 'alice', HLS)])], { hls: 'native' });
    viewer.open = true;
    await until(() => events.includes('view:h1'), 'the HLS story to show', 8000);
    const media = shownMedia(viewer) as HTMLVideoElement;
    expect(media.src).to.match(/index\.m3u8$/);
    expect(liveHlsInstances()).to.equal(0);
    await until(() => media.currentTime > 0.5, 'native HLS playback', 8000);
    viewer.close();
  });

  it('marks a broken HLS stream failed once (no retry loop), offers a retry, and moves on after a pause', async () => {
    // Served fine, but not a playlist: damaged, so worth another try.
    const broken = video('h1', 'alice', '/fixtures/media/hls/garbage.m3u8');
    const { viewer, events } = await mountViewer([reel('alice', [broken, photo('a2', 'alice', 60_000)])], { hls: 'hls.js' });
    viewer.open = true;
    await until(() => !!q(viewer, '[part=error]'), 'the failure to show', 8000);
    expect(q(viewer, '[part=error]')!.textContent).to.contain('This video is damaged and can’t be played.');
    expect(liveHlsInstances()).to.be.at.most(1);
    // Fetched by hls.js, and once by the HEAD that finds out why it failed.
    const requests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('garbage.m3u8')).length;
    const failedRequests = requests();
    expect(failedRequests).to.be.at.most(3);
    // Retry builds the media again: one more attempt, failing the same way.
    await sendMouse({ type: 'click', position: centreOf(retryButton(viewer)!) });
    await until(() => !!q(viewer, '[part=error]') && requests() > failedRequests, 'the retry to fail again', 8000);
    await until(() => lastChange(events) === 'a2', 'playback to move on', 8000);
    // The second attempt asks no more than the first did (whose HEAD may have been counted late).
    expect(requests() - failedRequests).to.be.at.most(failedRequests + 1);
    expect(events).to.not.include('view:h1');
    viewer.close();
  });

  it('a broken image shows the failure and moves on', async () => {
    const broken = photo('a1', 'alice', 500, { media: { kind: 'image', src: '/fixtures/media/photos/missing.jpg' } });
    const { viewer, events } = await mountViewer([reel('alice', [broken, photo('a2', 'alice', 60_000)])]);
    viewer.open = true;
    await until(() => !!q(viewer, '[part=error]'), 'the failure to show');
    expect(drawnProgress(viewer)).to.equal(0);
    await until(() => lastChange(events) === 'a2', 'playback to move on', 8000);
    viewer.close();
  });

  it('plays the sound track with the story; one mute toggle (M) governs video and track, and is remembered', async () => {
    const withSound = video('v1', 'alice', MP4, { sound: { src: '/fixtures/media/sounds/chime.m4a', start: 1000 } });
    const first = await mountViewer([reel('alice', [withSound])]);
    first.viewer.open = true;
    await until(() => first.events.includes('view:v1'), 'the story');
    const track = () => q<HTMLAudioElement>(first.viewer, 'audio');
    await until(() => !!track() && !track()!.paused && track()!.currentTime >= 1, 'the sound track to play from its start offset');
    const media = shownMedia(first.viewer) as HTMLVideoElement;
    expect([first.viewer.muted, media.muted, track()!.muted]).to.deep.equal([false, false, false]);
    await sendKeys({ press: 'm' });
    await until(() => first.viewer.muted, 'M to mute');
    expect([media.muted, track()!.muted]).to.deep.equal([true, true]);
    expect(muteButton(first.viewer).getAttribute('aria-pressed')).to.equal('true');
    first.viewer.close();
    expect(track()).to.equal(null);
    // A new viewer remembers the choice.
    const second = await mountViewer([reel('alice', [withSound])]);
    expect(second.viewer.muted).to.equal(true);
    second.viewer.open = true;
    await until(() => second.events.includes('view:v1'), 'the story again');
    expect((shownMedia(second.viewer) as HTMLVideoElement).muted).to.equal(true);
    second.viewer.close();
  });

  it('pauses and resumes the video and its track with the pause button', async () => {
    const { viewer, events } = await mountViewer([reel('alice', [video('v1', 'alice', MP4, { sound: { src: '/fixtures/media/sounds/pulse.m4a' } })])]);
    viewer.open = true;
    await until(() => events.includes('view:v1'), 'the story');
    const media = shownMedia(viewer) as HTMLVideoElement;
    await until(() => !media.paused && media.currentTime > 0.2, 'playback');
    await sendMouse({ type: 'click', position: centreOf(pauseButton(viewer)) });
    await until(() => media.paused, 'the video to pause');
    expect(q<HTMLAudioElement>(viewer, 'audio')!.paused).to.equal(true);
    const at = media.currentTime;
    const progress = drawnProgress(viewer);
    const since = performance.now();
    await until(() => performance.now() - since > 300, 'a while');
    expect(media.currentTime).to.equal(at);
    expect(drawnProgress(viewer)).to.equal(progress);
    await sendMouse({ type: 'click', position: centreOf(pauseButton(viewer)) });
    await until(() => !media.paused && media.currentTime > at, 'playback again');
    expect(events.filter((e) => /^(pause|resume)/.test(e))).to.deep.equal(['pause:v1', 'resume:v1']);
    viewer.close();
  });
});
