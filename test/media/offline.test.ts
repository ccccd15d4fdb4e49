// Offline replay through the media cache: a story seen once opens again with the network
// gone, and the browser makes no request for its media.
import { expect } from '@open-wc/testing';
import { configureMediaCache } from '../../src/state/media-source.js';
import { liveCacheUrls } from '../../src/media/media-cache.js';
import { until } from '../helpers/dom.js';
import { mountViewer, photo, reel } from '../elements/story-viewer/viewer-helpers.js';

const requests = (url: string) => performance.getEntriesByName(new URL(url, location.href).href).length;

describe('media cache in the viewer', () => {
  const dbName = `media-${crypto.randomUUID()}`;
  after(async () => {
    await configureMediaCache({});
    indexedDB.deleteDatabase(dbName);
  });

  it('plays a photo seen once again with the network gone: 0 media requests, object URLs balanced', async () => {
    await configureMediaCache({ dbName });
    // The photo comes through a gate that is open now and closed later: "the network goes away".
    await fetch('/__gate/offline/reset', { method: 'POST' });
    await fetch('/__gate/offline/open', { method: 'POST' });
    const src = `/__gate/offline/fixtures/media/photos/forest.jpg?t=${crypto.randomUUID()}`;
    const story = () => reel('alice', [photo('a1', 'alice', 60_000, { media: { kind: 'image', src, alt: 'Forest' } })]);
    const urlsBefore = liveCacheUrls();

    const first = await mountViewer([story()]);
    first.viewer.open = true;
    await until(() => first.events.includes('view:a1'), 'the photo, from the network');
    expect(requests(src)).to.equal(1);
    first.viewer.close();
    expect(liveCacheUrls()).to.equal(urlsBefore);

    // As after a reload: a new cache over the same database, with nothing in memory.
    await configureMediaCache({ dbName });
    await fetch('/__gate/offline/reset', { method: 'POST' });
    const second = await mountViewer([story()]);
    second.viewer.open = true;
    await until(() => second.events.includes('view:a1'), 'the photo, from the cache');
    const shown = second.viewer.shadowRoot!.querySelector<HTMLImageElement>('img.media.current')!;
    expect(shown.src).to.match(/^blob:/);
    expect(shown.naturalWidth).to.be.greaterThan(0);
    expect(requests(src)).to.equal(1);
    second.viewer.close();
    expect(liveCacheUrls()).to.equal(urlsBefore);
    await fetch('/__gate/offline/open', { method: 'POST' });
  });
});
