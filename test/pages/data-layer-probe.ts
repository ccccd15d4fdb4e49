// Loaded in an iframe by test/elements/story-bar/data-layer-failure.test.ts: a bar over its
// own `?feed=…` (id `own`) and a bar inside a provider of the same feed (id `provided`), and
// every story-error reported, by the local name of the element it came from, in `window.reported`.
// With `?none`: the elements' code only, and no element in the page.
import '../../src/story-bar.js';
import '../../src/story-provider.js';

const params = new URLSearchParams(location.search);
const reported: string[] = ((window as unknown as { reported: string[] }).reported = []);
document.addEventListener('story-error', (e) => reported.push(`${e.detail.code} from ${(e.composedPath()[0] as Element).localName}`));
if (!params.has('none')) {
  const own = Object.assign(document.createElement('story-bar'), { id: 'own', feed: params.get('feed')! });
  const provider = Object.assign(document.createElement('story-provider'), { feed: params.get('feed')! });
  provider.append(Object.assign(document.createElement('story-bar'), { id: 'provided' }));
  document.body.append(own, provider);
}
