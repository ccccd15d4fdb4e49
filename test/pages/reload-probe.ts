// Loaded in an iframe by test/adapters/reload.test.ts, then reloaded: the first load (an
// empty database) stores a comment and marks a story seen; the load after the reload
// reports what survived.
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../src/state/store.js';
import { testWorld } from '../helpers/world.js';

const params = new URLSearchParams(location.search);
const dbName = params.get('db')!;
const adapter = new LocalAdapter({ dbName });
const store = new StoriesStore(adapter);

if (!(await adapter.me())) {
  await adapter.seed(testWorld(Date.now()));
  await adapter.postComment('a1', { text: 'Written before the reload', clientId: 'reload-probe' });
  await store.load();
  await store.markViewed(store.reels.find((r) => r.author.id === 'bob')!.stories[0]);
  parent.postMessage({ step: 'write', done: true }, location.origin);
} else {
  await store.load();
  const comments = (await adapter.comments('a1')).items.map((c) => c.text);
  parent.postMessage({ step: 'read', comments, seen: store.isSeen('b1'), unseen: store.isSeen('a1'), storage: await adapter.storage() }, location.origin);
}
