// The demo `npm start` serves. It grows with the library: for now the rings, in every state,
// fed by a small static list of accounts and the committed media fixtures.
import '../src/index.js';
import type { StoryRing } from '../src/index.js';

const media = '/fixtures/media';

const accounts = [
  { id: 'lumen', name: 'Lumen Coffee', state: 'unseen', segments: 3, seen: 0 },
  { id: 'ana', name: 'Ana Lima', state: 'unseen', segments: 2, seen: 1 },
  { id: 'bruno', name: 'Bruno Costa', state: 'unseen', segments: 1, seen: 0 },
  { id: 'chen', name: 'Chen Wei', state: 'seen', segments: 4, seen: 4 },
  { id: 'dara', name: 'Dara Okafor', state: 'unseen', segments: 5, seen: 2 },
  { id: 'elif', name: 'Elif Şahin', state: 'seen', segments: 1, seen: 1 },
  { id: 'farah', name: 'Farah Haddad', state: 'unseen', segments: 2, seen: 0 },
  { id: 'gus', name: 'Gus Van Dijk', state: 'seen', segments: 2, seen: 2 },
] as const;

function ringFor(a: { id: string; name: string }, i: number): StoryRing {
  const ring = document.createElement('story-ring');
  ring.author = { id: a.id, name: a.name, avatar: `${media}/avatars/avatar-${(i % 12) + 1}.jpg` };
  return ring;
}

const feed = document.querySelector('#feed')!;
accounts.forEach((a, i) => {
  const ring = ringFor(a, i);
  ring.state = a.state;
  ring.segments = a.segments;
  ring.seenSegments = a.seen;
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.textContent = a.name;
  name.setAttribute('aria-hidden', 'true'); // the ring's own name already says it
  item.append(ring, name);
  feed.append(item);
});

const states: { title: string; configure: (r: StoryRing) => void }[] = [
  { title: 'none', configure: (r) => (r.state = 'none') },
  { title: 'unseen', configure: (r) => (r.state = 'unseen') },
  { title: 'seen', configure: (r) => (r.state = 'seen') },
  { title: 'loading', configure: (r) => (r.state = 'loading') },
  { title: 'segments 3, 1 seen', configure: (r) => Object.assign(r, { state: 'unseen', segments: 3, seenSegments: 1 }) },
  { title: 'broken avatar', configure: (r) => Object.assign(r, { state: 'unseen', author: { id: 'x', name: 'Xia Lan', avatar: `${media}/avatars/missing.jpg` } }) },
  { title: 'no avatar, large', configure: (r) => Object.assign(r, { state: 'seen', size: 'large', author: { id: 'yu', name: 'Yusuf Demir' } }) },
  { title: 'small', configure: (r) => Object.assign(r, { state: 'unseen', size: 'small' }) },
];
const gallery = document.querySelector('#states')!;
states.forEach(({ title, configure }, i) => {
  const ring = ringFor(accounts[i % accounts.length], i);
  configure(ring);
  const card = document.createElement('div');
  card.className = 'card';
  const caption = document.createElement('code');
  caption.textContent = title;
  card.append(ring, caption);
  gallery.append(card);
});

// Show what a brand's analytics would receive. The viewer arrives in a later version; until
// then a ring shows `loading` briefly, as it will while the viewer opens.
const log = document.querySelector('#events')!;
document.addEventListener('story-open', (event) => {
  const entry = document.createElement('li');
  entry.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
  log.prepend(entry);
  const ring = event.composedPath()[0] as Element;
  const host = ring instanceof HTMLElement && ring.localName === 'story-ring' ? (ring as StoryRing) : (event.target as StoryRing);
  if (host.localName !== 'story-ring' || host.state === 'none') return;
  const previous = host.state;
  host.state = 'loading';
  setTimeout(() => (host.state = previous === 'unseen' ? 'seen' : previous), 900);
});
