import { html } from 'lit';
import '../src/story-viewer.js';
import type { StoryViewer } from '../src/story-viewer.js';
import { EFFECTS, type Effect, type Overlay, type Reel, type Story } from '../src/model/types.js';

interface Args {
  hls: 'auto' | 'native' | 'hls.js';
  durationScale: number;
}

const HOUR = 3_600_000;
const people = {
  ana: { id: 'ana', name: 'Ana Lima', avatar: '/fixtures/media/avatars/avatar-1.jpg' },
  ben: { id: 'ben', name: 'Ben Okafor', avatar: '/fixtures/media/avatars/avatar-2.jpg' },
  noor: { id: 'noor', name: 'نور حداد', avatar: '/fixtures/media/avatars/avatar-3.jpg' },
};
type Who = keyof typeof people;

function story(who: Who, id: string, media: Story['media'], extra: Partial<Story> = {}, hoursAgo = 2): Story {
  const createdAt = Date.now() - hoursAgo * HOUR;
  return { id, author: people[who], createdAt, expiresAt: createdAt + 24 * HOUR, media, ...extra };
}
const photo = (src: string, alt: string): Story['media'] => ({ kind: 'image', src: `/fixtures/media/photos/${src}`, alt });
const mp4 = (name: string): Story['media'] => ({ kind: 'video', src: `/fixtures/media/videos/${name}.mp4`, type: 'video/mp4', alt: `Clip: ${name}` });
const hls: Story['media'] = { kind: 'video', src: '/fixtures/media/hls/index.m3u8', type: 'application/vnd.apple.mpegurl', alt: 'A test pattern' };

/** A button that opens the viewer, and the viewer, open at once (press Escape to close it). */
const player = (reels: Reel[], a: Args, attrs: { dir?: string; page?: string } = {}) =>
  html`<div dir=${attrs.dir ?? 'ltr'} style=${attrs.page ?? ''}>
    <button @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as StoryViewer).show()}>Play stories</button>
    <story-viewer .reels=${reels} hls=${a.hls} duration-scale=${a.durationScale} deep-link="off" open></story-viewer>
  </div>`;

export default {
  title: 'Elements/story-viewer',
  component: 'story-viewer',
  args: { hls: 'auto', durationScale: 1 } satisfies Args,
  argTypes: { hls: { control: 'inline-radio', options: ['auto', 'native', 'hls.js'] }, durationScale: { control: { type: 'number', min: 1, max: 10 } } },
  render: (args: Args) => player([{ author: people.ana, stories: [story('ana', 'p1', photo('sunrise.jpg', 'Sunrise over the hills')), story('ana', 'p2', photo('forest.jpg', 'A forest path'), {}, 1)] }], args),
};

/** Photos: each shows once decoded, for 5 seconds. */
export const Images = {};

/** An mp4 clip with its own sound; the bar follows the video's clock. */
export const Video = {
  render: (args: Args) => player([{ author: people.ben, stories: [story('ben', 'v1', mp4('waves')), story('ben', 'v2', mp4('fractal'))] }], args),
};

/** HLS: hls.js is fetched only now (or the browser plays it natively with hls="native"). */
export const Hls = {
  render: (args: Args) => player([{ author: people.ben, stories: [story('ben', 'h1', hls)] }], args),
};

/** Text in three styles, an emoji and an image sticker, a link and a mention, with a sound track. */
export const Overlays = {
  render: (args: Args) => {
    const overlays: Overlay[] = [
      { kind: 'text', text: 'Good morning!', x: 0.5, y: 0.2, style: 'background', color: '#ffd54f' },
      { kind: 'text', text: 'outline', x: 0.3, y: 0.4, rotation: -12, style: 'outline' },
      { kind: 'text', text: 'plain, scaled', x: 0.7, y: 0.55, scale: 1.4 },
      { kind: 'sticker', emoji: '☀️', x: 0.8, y: 0.3, scale: 1.5, alt: 'sun' },
      { kind: 'sticker', src: '/fixtures/media/avatars/avatar-4.jpg', alt: 'a friend', x: 0.2, y: 0.7, rotation: 10 },
      { kind: 'link', url: 'https://example.com/', label: 'See more', x: 0.5, y: 0.85 },
      { kind: 'mention', handle: 'ben', x: 0.5, y: 0.7 },
    ];
    return player([{ author: people.ana, stories: [story('ana', 'o1', photo('coffee.webp', 'Coffee'), { overlays, sound: { src: '/fixtures/media/sounds/chime.m4a', title: 'Chime' } })] }], args);
  },
};

/** Every named effect, one story each (photos and a video). */
export const Effects = {
  render: (args: Args) =>
    player(
      [{ author: people.ana, stories: EFFECTS.map((effect: Effect, i) => story('ana', `e-${effect}`, i === EFFECTS.length - 1 ? mp4('pattern') : photo('city.webp', `Effect ${effect}`), { effect, overlays: [{ kind: 'text', text: effect, x: 0.5, y: 0.5, style: 'background' }] })) }],
      args,
    ),
};

/** A long reel of 20 stories: 20 segments. */
export const LongReel = {
  render: (args: Args) =>
    player([{ author: people.ben, stories: Array.from({ length: 20 }, (_, i) => story('ben', `l${i}`, photo(['sunrise.jpg', 'forest.jpg', 'city.webp', 'coffee.webp'][i % 4], `Photo ${i + 1}`), { duration: 2000 }, 20 - i)) }], args),
};

/**
 * Media that cannot be shown says why, in words: gone from the server (404), damaged, or a
 * format this browser cannot play (HEVC in Chromium); retry where it can help; then it moves on.
 */
export const Failure = {
  render: (args: Args) =>
    player(
      [
        {
          author: people.ana,
          stories: [
            story('ana', 'f1', photo('missing.jpg', 'Missing')),
            story('ana', 'f2', photo('damaged.jpg', 'Damaged')),
            story('ana', 'f3', { kind: 'video', src: '/fixtures/media/videos/hevc.mp4', type: 'video/mp4', alt: 'An HEVC clip' }),
            story('ana', 'f4', photo('forest.jpg', 'A forest path')),
          ],
        },
      ],
      args,
    ),
};

/**
 * Photos that are not 9:16 are shown whole, over a blurred copy of themselves: a 16:9
 * landscape, a square photo, a landscape clip; a portrait photo still fills the frame.
 */
export const LandscapeAndSquare = {
  render: (args: Args) =>
    player(
      [
        {
          author: people.ben,
          stories: [
            story('ben', 'w1', photo('landscape.jpg', 'A landscape photo')),
            story('ben', 'w2', photo('square.jpg', 'A square photo')),
            story('ben', 'w3', { kind: 'video', src: '/fixtures/media/videos/landscape.mp4', type: 'video/mp4', alt: 'A landscape clip' }),
            story('ben', 'w4', photo('sunrise.jpg', 'A portrait photo')),
          ],
        },
      ],
      args,
    ),
};

/** A 283-character caption and a long right-to-left text stay inside the frame, clear of the header. */
export const LongCaptions = {
  render: (args: Args) => {
    const caption = 'Sunday market haul: heirloom tomatoes, three kinds of basil, a loaf of rye from the bakery on the corner, and far too many peaches. '.repeat(3).slice(0, 283);
    const arabic = 'قصة قصيرة عن السوق '.repeat(11).slice(0, 200);
    const overlays: Overlay[] = [
      { kind: 'text', text: caption, x: 0.5, y: 0.86, style: 'background' },
      { kind: 'text', text: arabic, x: 0.5, y: 0.08 },
    ];
    return player([{ author: people.noor, stories: [story('noor', 'c1', photo('forest.jpg', 'A forest path'), { overlays, duration: 15_000 })] }], args);
  },
};

/** A story marked sensitive: hidden behind its warning, untimed and not counted as seen until Show. */
export const ContentWarning = {
  render: (args: Args) => player([{ author: people.ana, stories: [story('ana', 'cw1', photo('city.webp', 'City lights'), { contentWarning: 'Flashing lights' })] }], args),
};

/** WebVTT captions, drawn as text over the story; CC switches them (on while the sound is off, until you choose). */
export const Captions = {
  render: (args: Args) =>
    player(
      [
        {
          author: people.ben,
          stories: [
            story('ben', 'cc1', {
              ...mp4('pattern'),
              tracks: [
                { src: '/fixtures/media/captions/pattern.en.vtt', lang: 'en', label: 'English' },
                { src: '/fixtures/media/captions/pattern.es.vtt', lang: 'es', label: 'Español' },
              ],
            }),
          ],
        },
      ],
      args,
    ),
};

/** A feed's BlurHash (or colour) stands in while the media loads. */
export const Placeholder = {
  render: (args: Args) =>
    player(
      [
        {
          author: people.ana,
          stories: [
            story('ana', 'bh1', { ...photo('sunrise.jpg', 'Sunrise'), preview: { blurhash: 'T:Lfw2#Ye;}6s9f7$6o1fQ$%n+f7' } }),
            story('ana', 'bh2', { ...photo('coffee.webp', 'Coffee'), preview: { color: '#8395a7' } }),
          ],
        },
      ],
      args,
    ),
};

/** Right to left: taps, swipes and arrow keys mirror; the bars fill from the right. */
export const RightToLeft = {
  render: (args: Args) => player([{ author: people.noor, stories: [story('noor', 'r1', photo('sunrise.jpg', 'شروق')), story('noor', 'r2', photo('city.webp', 'المدينة'))] }], args, { dir: 'rtl' }),
};

/** On a dark page. */
export const OnADarkPage = {
  render: (args: Args) => player([{ author: people.ana, stories: [story('ana', 'd1', photo('city.webp', 'City at night'))] }], args, { page: 'background:#111;color:#eee;padding:8px' }),
};
