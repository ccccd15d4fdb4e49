// Loaded in iframes by test/state/outbox.test.ts. `step=post`: posts a comment while the
// server's comment route is down, and reports once the first delivery attempt has failed.
// `step=resume` (after a reload, possibly in two frames at once): reports once the comment
// is delivered, as this frame sees it. `step=store-only`: a page with a store and no
// comments at all; reports once the server has the comment.
import { RestAdapter } from '../../src/adapters/rest-adapter.js';
import { CommentThread } from '../../src/state/comment-thread.js';
import { StoriesStore } from '../../src/state/store.js';

const params = new URLSearchParams(location.search);
const step = params.get('step')!;
const text = params.get('text')!;
const tab = params.get('tab') ?? '';
const adapter = new RestAdapter({ endpoint: '/api', token: () => 'token-viewer', retryDelay: 5 });
const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
await store.load();
if (step === 'store-only') {
  // No comments element, no thread: the store alone must send what the outbox holds.
  for (;;) {
    const items = ((await (await fetch('/api/__test/comments')).json()) as { items: { text: string }[] }).items;
    if (items.some((c) => c.text === text)) break;
    await new Promise((r) => requestAnimationFrame(r));
  }
  parent.postMessage({ step: 'store-only', done: true }, location.origin);
  throw new Error('done');
}
const story = store.reels.flatMap((r) => r.stories).find((s) => s.id === 'a1')!;
let check = () => {};
const thread = new CommentThread(store, story, () => check(), { pollInterval: 0 });
await thread.start();
const mine = () => thread.rows.find((r) => r.comment.text === text);

await new Promise<void>((resolve) => {
  check = () => {
    const row = mine();
    if (step === 'post' ? (row?.pending?.attempts ?? 0) >= 1 : !!row && !row.pending) resolve();
  };
  if (step === 'post') void thread.post(text);
  check();
});
parent.postMessage({ step: `${step}${tab}`, done: true }, location.origin);
