import { html } from 'lit';
import '../src/story-ring.js';
import type { StoryRing } from '../src/story-ring.js';

const avatar = (n: number) => `/fixtures/media/avatars/avatar-${n}.jpg`;

type Args = Pick<StoryRing, 'authorId' | 'name' | 'avatar' | 'state' | 'segments' | 'seenSegments' | 'size' | 'label'> & {
  theme: '' | 'light' | 'dark';
};

const ring = (a: Partial<Args>) =>
  html`<story-ring
    author-id=${a.authorId ?? ''}
    name=${a.name ?? ''}
    avatar=${a.avatar ?? ''}
    state=${a.state ?? 'none'}
    segments=${a.segments ?? 0}
    seen-segments=${a.seenSegments ?? 0}
    size=${a.size ?? 'medium'}
    label=${a.label ?? ''}
    theme=${a.theme || ''}
  ></story-ring>`;

const row = (...items: unknown[]) => html`<div style="display:flex;gap:16px;align-items:center;flex-wrap:wrap">${items}</div>`;

export default {
  title: 'Elements/story-ring',
  component: 'story-ring',
  args: {
    authorId: 'ana',
    name: 'Ana Lima',
    avatar: avatar(1),
    state: 'unseen',
    segments: 0,
    seenSegments: 0,
    size: 'medium',
    label: '',
    theme: '',
  } satisfies Args,
  argTypes: {
    state: { control: 'inline-radio', options: ['none', 'unseen', 'seen', 'loading'] },
    size: { control: 'select', options: ['small', 'medium', 'large', '120'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
  render: (args: Args) => ring(args),
};

/** One account with new stories: the blue ring. Every control applies. */
export const Unseen = {};

/** All four states side by side. */
export const States = {
  render: (args: Args) =>
    row(
      ring({ ...args, authorId: 'a', name: 'No story', state: 'none' }),
      ring({ ...args, authorId: 'b', name: 'New stories', state: 'unseen' }),
      ring({ ...args, authorId: 'c', name: 'All seen', state: 'seen', avatar: avatar(3) }),
      ring({ ...args, authorId: 'd', name: 'Opening', state: 'loading', avatar: avatar(4) }),
    ),
};

/** One arc per live story; the seen ones (oldest first) are grey. */
export const Segments = {
  render: (args: Args) =>
    row(
      ring({ ...args, segments: 2, seenSegments: 0 }),
      ring({ ...args, segments: 3, seenSegments: 1, avatar: avatar(2) }),
      ring({ ...args, segments: 7, seenSegments: 4, avatar: avatar(5) }),
      ring({ ...args, segments: 5, state: 'seen', avatar: avatar(6) }),
    ),
};

/** Small (40 px) rings with two to six arcs: the gaps between arcs stay visible at the smallest size. */
export const SmallSegments = {
  render: (args: Args) =>
    row(
      ring({ ...args, size: 'small', segments: 2 }),
      ring({ ...args, size: 'small', segments: 3, seenSegments: 1, avatar: avatar(2) }),
      ring({ ...args, size: 'small', segments: 4, seenSegments: 2, avatar: avatar(3) }),
      ring({ ...args, size: 'small', segments: 6, seenSegments: 3, avatar: avatar(5) }),
    ),
};

/** The three named sizes and a pixel size. */
export const Sizes = {
  render: (args: Args) =>
    row(
      ring({ ...args, size: 'small' }),
      ring({ ...args, size: 'medium' }),
      ring({ ...args, size: 'large' }),
      ring({ ...args, size: '120' }),
    ),
};

/** Names are announced whole; the initials keep to two graphemes. */
export const LongNames = {
  render: (args: Args) =>
    row(
      ring({ ...args, avatar: '', authorId: 'long', name: 'Maria Fernanda de los Ángeles Santos-Oliveira' }),
      ring({ ...args, avatar: '', authorId: 'cjk', name: '李 小龙', state: 'seen' }),
      ring({ ...args, avatar: '', authorId: 'emoji', name: '👩🏽‍🚀 Space Club' }),
    ),
};

/** A picture that fails to load falls back to initials, never a broken-image icon. */
export const BrokenAvatar = {
  args: { avatar: '/fixtures/media/avatars/does-not-exist.jpg', name: 'Bruno Costa', authorId: 'bruno' },
};

/** Without a picture at all. */
export const NoAvatar = {
  args: { avatar: '', name: 'Chen Wei', authorId: 'chen' },
};

/** The dark palette, forced with `theme="dark"` (by default it follows the user's scheme). */
export const Dark = {
  args: { theme: 'dark' },
  render: (args: Args) =>
    html`<div style="background:#000;padding:24px;border-radius:12px">
      ${row(ring(args), ring({ ...args, state: 'seen', avatar: avatar(7) }), ring({ ...args, segments: 4, seenSegments: 1, avatar: avatar(8) }))}
    </div>`,
};

/** In right-to-left pages the arcs run counter-clockwise from the top. */
export const RightToLeft = {
  render: (args: Args) =>
    html`<div dir="rtl" lang="ar">${row(ring({ ...args, name: 'ليلى حسن', segments: 3, seenSegments: 1 }), ring({ ...args, name: 'عمر', state: 'seen', avatar: '' }))}</div>`,
};

/** Brand colours through the custom properties. */
export const CustomColours = {
  render: (args: Args) =>
    html`<div style="--story-ring-color:#e1306c;--story-ring-seen-color:#c7c7cc;--story-ring-width:4px;--story-ring-gap:2px">
      ${row(ring(args), ring({ ...args, segments: 3, seenSegments: 1, avatar: avatar(9) }), ring({ ...args, state: 'seen', avatar: avatar(10) }))}
    </div>`,
};
