// Offline replay across a real page reload: an iframe page plays a photo, an mp4 and an HLS
// stream, is reloaded with the network for its media gone, and plays them again from the
// media cache with no request for their media.
import { expect } from '@open-wc/testing';
import { probeMessage } from '../helpers/frames.js';

interface Report {
  step: string;
  played: Record<string, boolean>;
  requests: number;
}

const message = (step: string) => probeMessage<Report>(step);

describe('offline replay across a reload', () => {
  it('plays a photo, an mp4 and an HLS stream seen once again after a reload with the network gone: 0 media requests', async function () {
    this.timeout(60_000);
    const db = `reload-media-${crypto.randomUUID()}`;
    const base = `/__gate/reload-${crypto.randomUUID().slice(0, 8)}/fixtures/media/`;
    const gate = base.split('/fixtures')[0];
    await fetch(`${gate}/reset`, { method: 'POST' });
    await fetch(`${gate}/open`, { method: 'POST' });
    const frame = document.createElement('iframe');
    frame.allow = 'autoplay';
    document.body.append(frame);
    const url = (step: string) => `/test/pages/offline-probe.html?db=${db}&base=${encodeURIComponent(base)}&step=${step}`;
    try {
      const online = message('online');
      frame.src = url('online');
      const first = await online;
      expect(first.played).to.deep.equal({ photo: true, mp4: true, hls: true });
      expect(first.requests).to.be.greaterThan(0);
      // The network for the media goes away (the gate closes: requests would hang), and the page reloads.
      await fetch(`${gate}/reset`, { method: 'POST' });
      const offline = message('offline');
      frame.src = url('offline');
      const second = await offline;
      expect(second.played).to.deep.equal({ photo: true, mp4: true, hls: true });
      expect(second.requests).to.equal(0);
    } finally {
      await fetch(`${gate}/open`, { method: 'POST' });
      frame.remove();
      indexedDB.deleteDatabase(db);
    }
  });
});
