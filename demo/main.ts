// The demo `npm start` serves: a brand page whose rings come from the store, on the built-in
// LocalAdapter (IndexedDB, seeded with the demo world and the bundled media). `?endpoint=/api`
// uses the REST reference server (`npm run server`), `?feed=…` a static feed.
import { LocalAdapter, seedDemo, type Reel, type StoryRing } from '../src/index.js';

const params = new URLSearchParams(location.search);
const provider = document.createElement('story-provider');
const status = document.querySelector('#status')!;
const feedList = document.querySelector('#feed')!;
const log = document.querySelector('#events')!;

let local: LocalAdapter | undefined;
if (params.get('endpoint')) {
  provider.token = () => 'token-you';
  provider.endpoint = params.get('endpoint')!;
  document.querySelector('#source-rest')!.setAttribute('aria-current', 'page');
} else if (params.get('feed')) {
  provider.feed = params.get('feed')!;
  document.querySelector('#source-feed')!.setAttribute('aria-current', 'page');
} else {
  local = new LocalAdapter();
  await seedDemo(local);
  provider.adapter = local;
  document.querySelector('#source-local')!.setAttribute('aria-current', 'page');
}
// The provider wraps the stories section, where it stands.
const section = document.querySelector('.stories')!;
section.before(provider);
provider.append(section);
const store = await provider.ready;

function ringFor(reel: Reel, label?: string): HTMLLIElement {
  const ring = document.createElement('story-ring');
  const unseen = store.unseenCount(reel);
  ring.author = reel.author;
  ring.state = unseen > 0 ? 'unseen' : 'seen';
  ring.segments = reel.stories.length;
  ring.seenSegments = reel.stories.length - unseen;
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.textContent = label ?? reel.author.name;
  name.setAttribute('aria-hidden', 'true'); // the ring's own name already says it
  item.append(ring, name);
  return item;
}

async function render(): Promise<void> {
  if (store.status === 'loading' || store.status === 'idle') return;
  if (store.status === 'error') {
    status.textContent = `Could not load stories: ${store.error?.message}`;
    return;
  }
  const items: HTMLLIElement[] = [];
  const mine = store.me ? await store.reel(store.me.id).catch(() => null) : null;
  if (mine) items.push(ringFor(mine, 'Your story'));
  for (const reel of store.reels) items.push(ringFor(reel));
  feedList.replaceChildren(...items);
  status.textContent = `${store.reels.length} accounts with stories${store.me ? `, signed in as ${store.me.name}` : ' (read-only feed)'}.`;
}
store.addEventListener('change', () => void render());
void store.load().then(render);

document.querySelector('#reset')!.addEventListener('click', async () => {
  if (local) await seedDemo(local, { force: true });
  await store.refresh();
});

// The states gallery: plain properties, no store.
const media = '/fixtures/media';
const gallery: [string, Partial<StoryRing>][] = [
  ['none', { state: 'none' }],
  ['unseen', { state: 'unseen' }],
  ['seen', { state: 'seen' }],
  ['loading', { state: 'loading' }],
  ['segments 3, 1 seen', { state: 'unseen', segments: 3, seenSegments: 1 }],
  ['broken avatar', { state: 'unseen', author: { id: 'x', name: 'Xia Lan', avatar: `${media}/avatars/missing.jpg` } }],
  ['no avatar, large', { state: 'seen', size: 'large', author: { id: 'yu', name: 'Yusuf Demir' } }],
  ['small', { state: 'unseen', size: 'small' }],
];
document.querySelector('#states')!.replaceChildren(
  ...gallery.map(([title, props], i) => {
    const ring = Object.assign(document.createElement('story-ring'), { author: { id: `g${i}`, name: 'Ana Lima', avatar: `${media}/avatars/avatar-${i + 1}.jpg` } }, props);
    const card = document.createElement('div');
    card.className = 'card';
    const caption = document.createElement('code');
    caption.textContent = title;
    card.append(ring, caption);
    return card;
  }),
);

// What a brand's analytics would receive. The full-screen viewer arrives in a later version;
// until then opening a ring shows `loading` while the store prepares that account's stories.
function logEvent(event: Event): void {
  const entry = document.createElement('li');
  entry.textContent = `${event.type} ${JSON.stringify((event as CustomEvent).detail, (k, v) => (k === 'error' ? undefined : v))}`;
  log.prepend(entry);
}
document.addEventListener('story-error', logEvent);
document.addEventListener('story-open', async (event) => {
  logEvent(event);
  const ring = event.target as StoryRing;
  if (ring.localName !== 'story-ring') return;
  const previous = ring.state;
  ring.state = 'loading';
  const playback = await store.open(event.detail.authorId);
  ring.state = previous;
  if (!playback) return;
  const entry = document.createElement('li');
  entry.textContent = `the viewer would play ${playback.authorId} from story ${playback.storyId}, then ${playback.playlist.length - 1} more accounts`;
  log.prepend(entry);
});
