import { STORY_LIFETIME } from '../model/time.js';
import type { Author, Comment, Overlay, Sound, Story } from '../model/types.js';
import type { LocalAdapter } from './local-adapter.js';

/**
 * A whole stories world as plain data: what LocalAdapter.seed() and the reference
 * server's seeding take, so the demo and the tests describe worlds once for every backend.
 */
export interface World {
  /** The signed-in account, if any. */
  me?: string;
  accounts: Author[];
  /** [follower, followee] pairs. */
  follows: [string, string][];
  stories: Story[];
  views: { storyId: string; viewerId: string; viewedAt: number }[];
  comments: Comment[];
  sounds: (Sound & { id: string })[];
}

/** Options of {@link seedDemo}. */
export interface SeedOptions {
  /** Where the media fixtures are served (default `/fixtures/media`). */
  mediaBase?: string;
  /** "Now" for the demo (default: the current time). Stories are spread over the last 23 h. */
  now?: number;
  /** Seed again even when the world still has live stories. */
  force?: boolean;
}

const HOUR = 60 * 60 * 1000;

/** The signed-in demo user. */
export const DEMO_ME = 'you';

/**
 * Fills a LocalAdapter with the {@link demoWorld}. Does nothing when the world already has
 * live stories, unless `force` is set (the demo's stories expire too: a day later it
 * seeds afresh). Returns whether it seeded.
 */
export async function seedDemo(adapter: LocalAdapter, options: SeedOptions = {}): Promise<boolean> {
  if (!options.force && (await adapter.me()) && (await adapter.reel('lumen'))) return false;
  await adapter.seed(demoWorld(options));
  return true;
}

/**
 * A believable demo world from the committed media fixtures: a dozen accounts (one not
 * followed), stories of every kind (photos, mp4, HLS, overlays, sounds, effects), comments
 * with replies, and views of your own stories.
 */
export function demoWorld(options: Omit<SeedOptions, 'force'> = {}): World {
  const base = options.mediaBase ?? '/fixtures/media';
  const now = options.now ?? Date.now();

  const avatar = (n: number) => `${base}/avatars/avatar-${n}.jpg`;
  const people: Author[] = [
    { id: DEMO_ME, name: 'You', handle: 'you', avatar: avatar(12) },
    { id: 'lumen', name: 'Lumen Coffee', handle: 'lumencoffee', avatar: avatar(1), verified: true },
    { id: 'ana', name: 'Ana Lima', handle: 'analima', avatar: avatar(2) },
    { id: 'bruno', name: 'Bruno Costa', handle: 'brunoc', avatar: avatar(3) },
    { id: 'chen', name: 'Chen Wei', handle: 'chenwei' },
    { id: 'dara', name: 'Dara Okafor', handle: 'dara.o', avatar: avatar(5) },
    { id: 'elif', name: 'Elif Şahin', handle: 'elif', avatar: avatar(6) },
    { id: 'farah', name: 'Farah Haddad', handle: 'farah', avatar: avatar(7) },
    { id: 'gus', name: 'Gus Van Dijk', handle: 'gusvd', avatar: avatar(8) },
    { id: 'hana', name: 'Hana Sato', handle: 'hana', avatar: avatar(9) },
    { id: 'ivan', name: 'Ivan Petrov', handle: 'ivanp', avatar: avatar(10) },
    { id: 'jonas', name: 'Jonas Berg', handle: 'jonas', avatar: avatar(11) },
    // Not followed by you: never in your feed.
    { id: 'kemi', name: 'Kemi Adeyemi', handle: 'kemi', avatar: avatar(4) },
  ];
  const byId = new Map(people.map((p) => [p.id, p]));
  const follows: [string, string][] = people.filter((p) => p.id !== DEMO_ME && p.id !== 'kemi').map((p) => [DEMO_ME, p.id]);
  // Ana and Ivan follow each other (and Ana you): the demo opened `?as=ana` and `?as=ivan` is two people.
  follows.push(['ana', DEMO_ME], ['ana', 'ivan'], ['ivan', 'ana']);

  const photo = (name: string, alt: string) => ({ kind: 'image' as const, src: `${base}/photos/${name}`, type: name.endsWith('.webp') ? 'image/webp' : 'image/jpeg', width: 540, height: 960, alt });
  const video = (name: string, alt: string) => ({ kind: 'video' as const, src: `${base}/videos/${name}.mp4`, type: 'video/mp4', width: 360, height: 640, alt });
  const hls = { kind: 'video' as const, src: `${base}/hls/index.m3u8`, type: 'application/vnd.apple.mpegurl', width: 320, height: 568, alt: 'A colour test pattern with a tone' };
  const sound = (name: string, title: string) => ({ id: name, src: `${base}/sounds/${name}.m4a`, title, artist: 'stories-kit', duration: 8000 });
  const text = (t: string, y = 0.18, style: 'plain' | 'background' | 'outline' = 'background'): Overlay => ({ kind: 'text', text: t, x: 0.5, y, style, color: '#ffffff' });

  let n = 0;
  const story = (authorId: string, hoursAgo: number, fields: Omit<Story, 'id' | 'author' | 'createdAt' | 'expiresAt'>): Story => {
    const createdAt = now - hoursAgo * HOUR;
    return { id: `demo-${authorId}-${++n}`, author: byId.get(authorId)!, createdAt, expiresAt: createdAt + STORY_LIFETIME, ...fields };
  };

  const stories: Story[] = [
    story('lumen', 20, { media: photo('coffee.webp', 'A latte on a grey counter'), overlays: [text('New: oat flat white'), { kind: 'link', url: 'https://example.com/menu', label: 'See the menu', x: 0.5, y: 0.82 }] }),
    story('lumen', 6, { media: video('waves', 'Slow waves of colour'), sound: sound('chime', 'Morning chime'), effect: 'warm' }),
    story('lumen', 0.5, { media: photo('sunrise.jpg', 'Sunrise over the pier'), overlays: [{ kind: 'sticker', emoji: '☀️', x: 0.78, y: 0.2, rotation: 12, scale: 1.4 }] }),
    story('ana', 22, { media: photo('forest.jpg', 'A forest trail in the morning'), overlays: [text('Morning run done ✔', 0.15, 'outline')] }),
    story('ana', 3, { media: hls }),
    story('bruno', 12, { media: photo('city.webp', 'City lights at night'), effect: 'cool', overlays: [{ kind: 'mention', handle: 'analima', authorId: 'ana', x: 0.3, y: 0.75 }] }),
    story('chen', 9, { media: video('fractal', 'Zooming into a fractal'), commentsEnabled: false }),
    story('dara', 18, { media: photo('sunrise.jpg', 'Orange sky'), effect: 'vivid' }),
    story('dara', 14, { media: video('pattern', 'Cellular pattern animation') }),
    story('dara', 2, { media: photo('coffee.webp', 'Coffee'), effect: 'mono', sound: sound('pulse', 'Slow pulse') }),
    story('elif', 16, { media: photo('forest.jpg', 'Green trees'), effect: 'fade' }),
    story('farah', 11, { media: video('waves', 'Colourful waves'), overlays: [text('Weekend mood', 0.5, 'plain')] }),
    // Shapes real feeds have: a 16:9 photo (shown whole) with a long caption.
    story('gus', 7, {
      media: { ...photo('landscape.jpg', 'A wide photo with a yellow border'), width: 1280, height: 720 },
      overlays: [text('Shot this wide on purpose: the whole frame, edge to edge, no crop. Swipe for more from the trip, and tell me which one should be the print for the hallway.', 0.8)],
    }),
    story('gus', 6.5, { media: photo('city.webp', 'Skyline') }),
    story('hana', 5, { media: photo('sunrise.jpg', 'Sunrise'), overlays: [{ kind: 'sticker', emoji: '🌊', x: 0.2, y: 0.8 }] }),
    story('ivan', 1.5, { media: video('pattern', 'Patterns'), sound: sound('arpeggio', 'Arpeggio') }),
    story('jonas', 21, { media: photo('forest.jpg', 'Trail') }),
    story('kemi', 4, { media: photo('coffee.webp', 'Coffee') }),
    story(DEMO_ME, 8, { media: photo('sunrise.jpg', 'My sunrise'), overlays: [text('First story!')] }),
    story(DEMO_ME, 1, { media: video('fractal', 'Fractal zoom') }),
  ];
  // Views of your stories, so the viewers tab has something to show.
  const mine = stories.filter((s) => s.author.id === DEMO_ME);
  const views: World['views'] = [];
  for (const [i, viewerId] of ['ana', 'bruno', 'dara', 'farah', 'hana', 'ivan', 'jonas'].entries()) {
    views.push({ storyId: mine[0].id, viewerId, viewedAt: mine[0].createdAt + (i + 1) * 17 * 60 * 1000 });
    if (i % 2 === 0) views.push({ storyId: mine[1].id, viewerId, viewedAt: mine[1].createdAt + (i + 1) * 5 * 60 * 1000 });
  }

  const comment = (s: Story, authorId: string, minutesAfter: number, textValue: string, parentId?: string): Comment => ({
    id: `demo-c-${++n}`,
    storyId: s.id,
    author: byId.get(authorId)!,
    text: textValue,
    createdAt: s.createdAt + minutesAfter * 60 * 1000,
    ...(parentId ? { parentId } : {}),
  });
  const first = comment(stories[0], 'ana', 12, 'Is the oat flat white sweet?');
  const thread = [
    first,
    comment(stories[0], 'lumen', 20, 'Not at all, no syrup unless you ask 🙂', first.id),
    comment(stories[0], 'bruno', 45, 'Tried it this morning, great.'),
    comment(stories[3], 'dara', 30, 'Which trail is that?'),
    comment(stories[3], 'hana', 50, 'Beautiful light'),
    comment(stories[12], 'hana', 15, 'The first one, for sure'),
    comment(stories[12], 'ivan', 22, 'Love that it is not cropped'),
    comment(mine[0], 'ana', 25, 'Welcome to stories!'),
    comment(mine[0], 'ivan', 40, '🔥🔥'),
  ];
  const sounds = [sound('chime', 'Morning chime'), sound('pulse', 'Slow pulse'), sound('arpeggio', 'Arpeggio')];
  return { me: DEMO_ME, accounts: people, follows, stories, views, comments: thread, sounds };
}
