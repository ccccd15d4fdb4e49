// The outbox when the browser will not keep a comment: a forced QuotaExceededError on its
// writes (this page only). The comment is still shown as sending, delivered once, and the
// page is told, as a story-error with code `quota`.
import { expect } from '@open-wc/testing';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { CommentThread } from '../../src/state/comment-thread.js';
import { StoriesStore } from '../../src/state/store.js';
import { until } from '../helpers/dom.js';
import { testWorld } from '../helpers/world.js';

const put = IDBObjectStore.prototype.put;
before(() => {
  // A full disk, for the outbox's database alone: every write of an entry fails.
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.transaction.db.name === 'stories-kit-outbox') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
});
after(() => {
  IDBObjectStore.prototype.put = put;
});

describe('comment outbox on a full disk', () => {
  it('sends the comment from memory, once, and reports that it could not be kept', async () => {
    const dbName = `outbox-quota-${crypto.randomUUID()}`;
    const adapter = new LocalAdapter({ dbName });
    await adapter.seed(testWorld(Date.now()));
    const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
    const errors: string[] = [];
    store.addEventListener('story-error', (e) => errors.push((e as CustomEvent).detail.code));
    await store.load();
    const story = store.reels.flatMap((r) => r.stories).find((s) => s.id === 'a1')!;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const post = adapter.postComment.bind(adapter);
    adapter.postComment = async (id, input) => (await held, post(id, input));
    const thread = new CommentThread(store, story, () => {}, { pollInterval: 0 });
    await thread.start();
    await thread.post('Kept in memory');
    // Shown as sending although the disk refused it.
    expect(thread.rows.find((r) => r.comment.text === 'Kept in memory')?.pending?.state).to.equal('sending');
    expect(errors).to.include('quota');
    release();
    await until(() => thread.rows.some((r) => !r.pending && r.comment.text === 'Kept in memory'), 'the comment, delivered');
    expect((await adapter.comments('a1')).items.filter((c) => c.text === 'Kept in memory').length).to.equal(1);
    thread.stop();
    await adapter.close();
    indexedDB.deleteDatabase(dbName);
  });
});
