// The comment outbox end to end: real IndexedDB, real HTTP to the stories server, real
// page reloads and two frames (tabs) sharing one outbox through Web Locks and BroadcastChannel.
import { expect } from '@open-wc/testing';
import { probeMessage } from '../helpers/frames.js';
import { testApi, testWorld } from '../helpers/world.js';

interface LogEntry {
  method: string;
  path: string;
  idempotencyKey?: string;
}

const log = async (): Promise<LogEntry[]> => ((await (await fetch('/api/__test/log')).json()) as { items: LogEntry[] }).items;
const serverComments = async (text: string) =>
  ((await (await fetch('/api/__test/comments')).json()) as { items: { text: string; clientId: string }[] }).items.filter((c) => c.text === text);

function frame(): HTMLIFrameElement {
  const el = document.createElement('iframe');
  document.body.append(el);
  return el;
}

describe('comment outbox', () => {
  beforeEach(async () => {
    await testApi('reset');
    await testApi('seed', testWorld(Date.now()));
  });

  it('offline → post → reload → online, with two tabs open: exactly one comment reaches the server, sent by one tab', async function () {
    this.timeout(30_000);
    const text = `Written offline ${crypto.randomUUID().slice(0, 8)}`;
    const url = (step: string, tab = '') => `/test/pages/outbox-probe.html?step=${step}&tab=${tab}&text=${encodeURIComponent(text)}`;
    // "Offline": every request to the story's comments drops its connection.
    await testApi('faults', { count: 10_000, status: 0, path: '/stories/a1/comments' });
    const a = frame();
    const b = frame();
    try {
      const posted = probeMessage('post');
      a.src = url('post');
      await posted;
      expect(await serverComments(text)).to.have.length(0);
      // The page reloads while still offline, then the network comes back; a second tab opens too.
      const deliveredA = probeMessage('resumeA');
      const deliveredB = probeMessage('resumeB');
      await testApi('faults', { count: 0, status: 0 });
      const before = (await log()).length;
      a.src = url('resume', 'A');
      b.src = url('resume', 'B');
      await Promise.all([deliveredA, deliveredB]);
      const stored = await serverComments(text);
      expect(stored).to.have.length(1);
      // One tab sent it, once: the other saw it arrive through the BroadcastChannel.
      const posts = (await log()).slice(before).filter((e) => e.method === 'POST' && e.idempotencyKey === stored[0].clientId);
      expect(posts).to.have.length(1);
    } finally {
      await testApi('faults', { count: 0, status: 0 });
      a.remove();
      b.remove();
    }
  });

  it('sends what an earlier page left in the outbox as soon as a store knows the user, with no comments on screen', async function () {
    this.timeout(30_000);
    const text = `Left behind ${crypto.randomUUID().slice(0, 8)}`;
    await testApi('faults', { count: 10_000, status: 0, path: '/stories/a1/comments' });
    const a = frame();
    try {
      const posted = probeMessage('post');
      a.src = `/test/pages/outbox-probe.html?step=post&text=${encodeURIComponent(text)}`;
      await posted;
      await testApi('faults', { count: 0, status: 0 });
      const sent = probeMessage('store-only');
      a.src = `/test/pages/outbox-probe.html?step=store-only&text=${encodeURIComponent(text)}`;
      await sent;
      expect(await serverComments(text)).to.have.length(1);
    } finally {
      await testApi('faults', { count: 0, status: 0 });
      a.remove();
    }
  });
});
