// Loaded in an iframe by test/elements/story-composer: `step=write` composes a draft (a
// photo, a text, an effect) and lets it be saved; `step=read`, after the page reloads,
// opens the composer again and reports what came back.
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../src/state/store.js';
import '../../src/story-composer.js';
import { testWorld } from '../helpers/world.js';

const params = new URLSearchParams(location.search);
const adapter = new LocalAdapter({ dbName: params.get('db')! });
if (params.get('step') === 'write') await adapter.seed(testWorld(Date.now()));
const store = new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
await store.load();
const composer = document.createElement('story-composer');
composer.store = store;
document.body.append(composer);
composer.show();
await composer.updateComplete;

if (params.get('step') === 'write') {
  const blob = await (await fetch('/fixtures/media/photos/forest.jpg')).blob();
  await composer.useFile(new File([blob], 'forest.jpg', { type: 'image/jpeg' }));
  composer.overlays = [{ kind: 'text', text: 'Before the reload', x: 0.4, y: 0.3, style: 'outline', color: '#ffd54f' }];
  composer.effect = 'cool';
  // Autosave runs a moment after the last change; the page then "crashes" (reloads) with no goodbye.
  await new Promise<void>((resolve) => {
    const check = () => indexedDB.open('stories-kit-drafts').onsuccess = (e) => {
      const db = (e.target as IDBOpenDBRequest).result;
      const req = db.transaction('drafts').objectStore('drafts').getAll();
      req.onsuccess = () => {
        db.close();
        if (req.result.some((d: { overlays: { text?: string }[]; effect: string }) => d.effect === 'cool' && d.overlays[0]?.text === 'Before the reload')) resolve();
        else requestAnimationFrame(check);
      };
    };
    check();
  });
  parent.postMessage({ step: 'write' }, location.origin);
} else {
  while (!composer.media) await new Promise((r) => requestAnimationFrame(r));
  parent.postMessage({ step: 'read', media: composer.media.type, size: composer.media.blob.size, overlays: composer.overlays, effect: composer.effect }, location.origin);
}
