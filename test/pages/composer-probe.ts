// Loaded in an iframe by test/elements/story-composer: `step=write` composes a draft (a
// photo, a text, an effect) as a person would, through the composer's tools, and lets it be
// saved; `step=read`, after the page reloads, opens the composer again and reports what came
// back as a person finds it: the photo shown, the overlays a draft would publish, the effect
// pressed in the Effect tool.
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { StoriesStore } from '../../src/state/store.js';
import '../../src/story-composer.js';
import { testWorld } from '../helpers/world.js';
import { until } from '../helpers/dom.js';
import { addText, chooseEffect, colourButtons, draftedOverlays, editText, press, shownEffect, shownOverlays, shownPhoto, styleButtons, upload } from '../elements/story-composer/composer-harness.js';

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
  upload(composer, new File([blob], 'forest.jpg', { type: 'image/jpeg' }));
  await until(() => !!shownPhoto(composer), 'the photo');
  await addText(composer, 'Before the reload');
  // Placed with the keyboard (Shift+arrows: five hundredths of the frame a press), then yellow and outlined.
  const [text] = shownOverlays(composer);
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp']) press(text, key, true);
  await editText(composer, text);
  colourButtons(composer).find((b) => b.getAttribute('aria-label') === 'Yellow')!.click();
  await until(() => colourButtons(composer).find((b) => b.getAttribute('aria-label') === 'Yellow')?.getAttribute('aria-pressed') === 'true', 'yellow chosen');
  styleButtons(composer).find((b) => b.textContent === 'outline')!.click();
  await until(() => styleButtons(composer).find((b) => b.textContent === 'outline')?.getAttribute('aria-pressed') === 'true', 'the outline chosen');
  await chooseEffect(composer, 'cool');
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
  await until(() => !!shownPhoto(composer), 'the photo, back', 10_000);
  // The photo shown is the draft's own bytes (what publishing would bake the effect into).
  const shown = await (await fetch(shownPhoto(composer)!.src)).blob();
  parent.postMessage({ step: 'read', media: shown.type, size: shown.size, overlays: await draftedOverlays(composer), effect: await shownEffect(composer) }, location.origin);
}
