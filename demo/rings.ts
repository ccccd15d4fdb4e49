// The ring in every state, from plain properties (no store).
import '../src/story-ring.js';
import type { StoryRing } from '../src/story-ring.js';

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
