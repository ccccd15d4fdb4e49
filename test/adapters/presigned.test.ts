// RestAdapter publishing through presigned uploads: the stories server at /api-s3 keeps its
// media in an S3-compatible store (s3rver on 127.0.0.1, another origin); the page PUTs the
// file straight there and publishes the story by its key. The server at /api has no such
// store: the file goes in the story's multipart body, as before.
import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/adapters/rest-adapter.js';
import { Invalid } from '../../src/model/errors.js';
import { until } from '../helpers/dom.js';
import { testApi, testWorld } from '../helpers/world.js';
import '../../src/story-viewer.js';
import { mountViewer } from '../elements/story-viewer/viewer-helpers.js';
import { pixelSize, shownMedia } from '../elements/story-viewer/viewer-harness.js';

const log = async (prefix: string) => (await (await fetch(`${prefix}/__test/log`)).json()).items as { method: string; path: string }[];
const photo = async () => (await fetch('/fixtures/media/photos/forest.jpg')).blob();

describe('RestAdapter and presigned uploads', () => {
  beforeEach(async () => {
    await testApi('reset');
    await testApi('seed', testWorld(Date.now()));
  });

  it('sends the photo straight to the object store, with progress, and publishes the story by its key; the viewer shows it', async () => {
    const adapter = new RestAdapter({ endpoint: '/api-s3', token: () => 'token-viewer' });
    const before = (await log('/api-s3')).length;
    const blob = await photo();
    const progress: number[] = [];
    const story = await adapter.publish({ media: { kind: 'image', blob, type: 'image/jpeg', alt: 'Straight to the bucket' } }, { onProgress: (sent, total) => progress.push(sent / total) });
    // The bucket is another origin than the API's: what the server stored, at its public URL.
    expect(new URL(story.media.src).origin).to.not.equal(location.origin);
    expect(story.media.src).to.match(/\/media\/stories\/s_[\w-]+\.jpg$/);
    expect(progress.at(-1)).to.equal(1);
    // The API saw a request for an upload and a small JSON story; the photo never passed through it.
    const calls = (await log('/api-s3')).slice(before).map((c) => `${c.method} ${c.path}`);
    expect(calls).to.deep.equal(['POST /uploads', 'POST /stories']);
    const { viewer } = await mountViewer([{ author: story.author, stories: [story] }]);
    viewer.open = true;
    await until(() => !!shownMedia(viewer), 'the published photo shown');
    const shown = shownMedia(viewer) as HTMLImageElement | HTMLCanvasElement;
    expect(pixelSize(shown).width).to.equal(540);
    viewer.close();
  });

  it('puts the file in the story’s body where the backend has no /uploads, and asks only once', async () => {
    const adapter = new RestAdapter({ endpoint: '/api', token: () => 'token-viewer' });
    // What the page asks for (a 404 answer is not in the server's own log).
    const asked: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => (asked.push(`${init?.method ?? 'GET'} ${new URL(String(input), location.href).pathname}`), realFetch(input, init));
    try {
      const first = await adapter.publish({ media: { kind: 'image', blob: await photo(), type: 'image/jpeg' } });
      const second = await adapter.publish({ media: { kind: 'image', blob: await photo(), type: 'image/jpeg' } });
      expect([first.media.src, second.media.src].every((src) => new URL(src, location.href).pathname.startsWith('/api/media/'))).to.equal(true);
    } finally {
      window.fetch = realFetch;
    }
    // The stories themselves go by XMLHttpRequest (for progress): only the ticket request is a fetch.
    expect(asked.filter((a) => a.startsWith('POST'))).to.deep.equal(['POST /api/uploads']);
  });

  it('refuses an upload ticket that is not one, without sending the file anywhere', async () => {
    // The server's answer is untrusted data: a ticket pointing at a javascript: URL is refused.
    const adapter = new RestAdapter({ endpoint: '/api-s3', token: () => 'token-viewer' });
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const answer = await realFetch(input, init);
      if (!String(input).endsWith('/uploads')) return answer;
      return new Response(JSON.stringify({ key: 'upload-x', url: 'javascript:alert(1)', method: 'PUT', headers: {} }), { status: 201, headers: { 'content-type': 'application/json' } });
    };
    try {
      const refused = await adapter.publish({ media: { kind: 'image', blob: await photo(), type: 'image/jpeg' } }).catch((e: unknown) => e);
      expect(refused instanceof Invalid).to.equal(true);
    } finally {
      window.fetch = realFetch;
    }
  });
});
