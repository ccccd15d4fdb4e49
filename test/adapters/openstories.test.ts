// OpenStories (spec 0.0.9) as published feeds use it: each fixture under
// fixtures/feeds/openstories/ is read by FeedAdapter and validated as the store does
// (parsePage with parseReel), and the test asserts what reaches the elements.
import { expect } from '@open-wc/testing';
import { FeedAdapter } from '../../src/adapters/feed-adapter.js';
import { initials } from '../../src/elements/shared/avatar.js';
import { isHls } from '../../src/media/hls-loader.js';
import { STORY_LIFETIME } from '../../src/model/time.js';
import type { Reel, Story } from '../../src/model/types.js';
import { parsePage, parseReel, type ValidationIssue } from '../../src/model/validate.js';
import { StoriesStore } from '../../src/state/store.js';
import type { StoryErrorEvent } from '../../src/events.js';
import { HOUR, testApi } from '../helpers/world.js';

const FEEDS = '/fixtures/feeds/openstories';
const feedUrl = (name: string) => `${location.origin}${FEEDS}/${name}.json`;
const at = (iso: string) => Date.parse(iso);

/** A fixture feed as the store sees it: validated reels, and every report validation made. */
async function load(name: string): Promise<{ reels: Reel[]; stories: Map<string, Story>; issues: ValidationIssue[] }> {
  const issues: ValidationIssue[] = [];
  const page = parsePage(await new FeedAdapter(`${FEEDS}/${name}.json`).feed(), parseReel, (issue) => issues.push(issue));
  const stories = new Map(page.items.flatMap((reel) => reel.stories.map((story) => [story.id, story] as const)));
  return { reels: page.items, stories, issues };
}

describe('OpenStories feeds', () => {
  it('a minimal feed: one image with its alt, the feed’s title as its author', async () => {
    const { reels, issues } = await load('minimal');
    const author = { id: `${feedUrl('minimal')}#Harbour walks`, name: 'Harbour walks' };
    const createdAt = at('2026-11-20T07:30:00+01:00');
    expect(reels).to.deep.equal([
      {
        author,
        stories: [
          {
            id: 'w1',
            author,
            createdAt,
            expiresAt: createdAt + STORY_LIFETIME,
            media: { kind: 'image', src: '/fixtures/media/photos/sunrise.jpg', type: 'image/jpeg', alt: 'The sun rising behind a wooden pier.' },
          },
        ],
      },
    ]);
    expect(issues).to.deep.equal([]);
  });

  it('a feed with every field: each one lands in the model', async () => {
    const { reels, issues } = await load('max');
    const author = { id: 'https://fern.example', name: 'Fern & Moss', avatar: '/fixtures/media/avatars/avatar-7.jpg' };
    expect(reels).to.have.length(1);
    expect(reels[0].author).to.deep.equal(author);
    const [trail, waves] = reels[0].stories;
    expect(trail).to.deep.equal({
      id: 'https://fern.example/stories/trail',
      author,
      // date_published wins over date_modified.
      createdAt: at('2026-11-20T09:00:00Z'),
      expiresAt: at('2026-11-21T09:00:00Z'),
      media: {
        kind: 'image',
        src: '/fixtures/media/photos/forest.jpg',
        type: 'image/jpg',
        alt: 'A narrow trail through a green forest in fog.',
        preview: { blurhash: 'va3ffqkCZ%f+cDfke.fjY.f6kWjZeUf6jtf7oMj[bZfQjGfQbafQW.a|j[fQ', color: '#1e8971' },
      },
      duration: 7000,
      overlays: [{ kind: 'text', text: 'Morning run, 6 km.', x: 0.5, y: 0.86, style: 'background' }],
      contentWarning: 'Spiders in close-up.',
      reactions: { openHeartUrls: ['https://heart.fern.example/stories/trail'] },
    });
    const wavesAt = at('2026-11-20T10:00:00Z');
    expect(waves).to.deep.equal({
      id: 'https://fern.example/stories/waves',
      author,
      createdAt: wavesAt,
      // A date_expired two centuries away is still held to 24 hours.
      expiresAt: wavesAt + STORY_LIFETIME,
      media: {
        kind: 'video',
        src: '/fixtures/media/videos/waves.mp4',
        type: 'video/mp4',
        // A video's title is its text alternative.
        alt: 'Waves rolling onto a pebble beach.',
        // The chapters track is not a caption track: it is left out.
        tracks: [
          { src: '/fixtures/media/captions/waves.en.vtt', lang: 'en', label: 'English', kind: 'captions' },
          { src: '/fixtures/media/captions/waves.pt.vtt', lang: 'pt-BR', label: 'Português (Brasil)', kind: 'subtitles' },
        ],
        preview: { color: 'rgb(40, 60, 90)' },
      },
      duration: 4000,
      overlays: [{ kind: 'text', text: 'Low tide.', x: 0.5, y: 0.86, style: 'background' }],
      reactions: { openHeartUrls: ['https://heart.fern.example/stories/waves', 'https://heart.example/other'] },
    });
    expect(issues).to.deep.equal([]);
  });

  it('a videos feed: a .mov declared image/quicktime is a video, and each declared type the file contradicts is settled by its extension', async () => {
    const { reels, stories, issues } = await load('videos');
    expect(reels.map((r) => r.author)).to.deep.equal([{ id: `${feedUrl('videos')}#Videos (minimum)`, name: 'Videos (minimum)' }]);
    // The feed's title is the account's name; its initials skip the parenthesis.
    expect(initials(reels[0].author.name)).to.equal('VM');
    const media = (id: string) => stories.get(id)!.media;
    expect(media('v1')).to.deep.equal({ kind: 'video', src: '/fixtures/media/videos/waves.mov', type: 'video/quicktime', alt: 'Waves on a beach, filmed on a phone.' });
    expect(media('v2')).to.deep.equal({
      kind: 'video',
      src: '/fixtures/media/videos/fractal.mp4',
      type: 'video/mp4',
      alt: 'A fractal zooming in.',
      tracks: [{ src: '/fixtures/media/captions/waves.en.vtt', lang: 'en' }],
    });
    expect(media('v3')).to.deep.equal({ kind: 'image', src: '/fixtures/media/photos/forest.jpg?w=540', type: 'image/jpeg', alt: 'A forest; the feed called it a video.' });
    expect(media('v4')).to.include({ kind: 'video', type: 'application/vnd.apple.mpegurl' });
    expect(isHls(media('v4'))).to.equal(true);
    expect(issues).to.deep.equal([]);
  });

  it('the .mov a feed declared image/quicktime plays as a video in this browser', async () => {
    const { stories } = await load('videos');
    const video = document.createElement('video');
    video.muted = true;
    video.src = stories.get('v1')!.media.src;
    document.body.append(video);
    try {
      await new Promise<void>((resolve, reject) => {
        video.addEventListener('loadedmetadata', () => resolve(), { once: true });
        video.addEventListener('error', () => reject(new Error(`the .mov did not load: ${video.error?.message}`)), { once: true });
      });
      expect([video.videoWidth, video.videoHeight]).to.deep.equal([360, 640]);
    } finally {
      video.remove();
    }
  });

  it('items without date_published: date_modified, else 24 hours before date_expired; with no date at all, dropped and reported', async () => {
    const { reels, stories, issues } = await load('dates');
    expect(reels[0].stories.map((s) => s.id)).to.deep.equal(['published', 'modified', 'expiring']);
    expect([stories.get('published')!.createdAt, stories.get('published')!.expiresAt]).to.deep.equal([at('2026-11-20T10:00:00Z'), at('2026-11-21T10:00:00Z')]);
    expect([stories.get('modified')!.createdAt, stories.get('modified')!.expiresAt]).to.deep.equal([at('2026-11-20T12:00:00Z'), at('2026-11-21T12:00:00Z')]);
    const expired = at('2026-11-21T18:00:00+01:00');
    expect([stories.get('expiring')!.createdAt, stories.get('expiring')!.expiresAt]).to.deep.equal([expired - STORY_LIFETIME, expired]);
    // An unreadable date_published is reported, not replaced by date_modified.
    expect(issues.map((i) => [i.item, i.id, i.path, i.fieldOnly])).to.deep.equal([
      ['story', 'timeless', 'createdAt', undefined],
      ['story', 'garbled', 'createdAt', undefined],
    ]);
  });

  it('a feed with bad items: each is dropped alone and reported, the rest kept (a bad optional field loses only itself)', async () => {
    const { reels, stories, issues } = await load('bad-items');
    expect(reels.map((r) => [r.author.id, r.stories.map((s) => s.id)])).to.deep.equal([['https://bag.example', ['good-1', 'good-2']]]);
    const dropped = issues.filter((i) => !i.fieldOnly).map((i) => [i.id, i.path]);
    expect(dropped).to.deep.equal([
      ['script-url', 'media.src'],
      ['insecure-url', 'media.src'],
      ['no-url', 'media.src'],
      ['audio', 'media.kind'],
      ['blog-post', 'media'],
      [undefined, 'id'],
      ['bad-date', 'createdAt'],
      ['bad-warning', 'contentWarning'],
      [undefined, 'story'],
    ]);
    expect(issues.filter((i) => i.fieldOnly).map((i) => [i.id, i.path])).to.deep.equal([
      ['good-2', 'media.tracks[0].src'],
      ['good-2', 'media.tracks[1].lang'],
      ['good-2', 'media.preview.blurhash'],
      ['good-2', 'media.preview.color'],
      ['good-2', 'duration'],
      ['good-2', 'reactions.openHeartUrls[0]'],
    ]);
    expect(issues.every((i) => i.item === 'story' && i.message.length > 0)).to.equal(true);
    const kept = stories.get('good-2')!;
    expect(kept.media).to.deep.equal({
      kind: 'video',
      src: '/fixtures/media/videos/waves.mp4',
      type: 'video/mp4',
      alt: 'Waves, with broken extras.',
      tracks: [{ src: '/fixtures/media/captions/waves.en.vtt', kind: 'captions' }],
    });
    expect(kept).to.not.have.property('duration');
    expect(kept.reactions).to.deep.equal({ openHeartUrls: ['https://heart.example/ok'] });
  });

  it('authors: URL ids, one reel per author, the feed-level author (with the feed icon) for items without one', async () => {
    const { reels, issues } = await load('authors');
    expect(reels.map((r) => [r.author, r.stories.map((s) => s.id)])).to.deep.equal([
      [{ id: 'https://ana.example/', name: 'Ana', avatar: '/fixtures/media/avatars/avatar-2.jpg' }, ['a1', 'a2']],
      // A whitespace avatar loses only the picture: the account shows, with initials.
      [{ id: 'https://bo.example/', name: 'Bo (the baker)' }, ['b1']],
      [{ id: 'https://hood.example', name: 'Neighbourhood', avatar: '/fixtures/media/avatars/avatar-1.jpg' }, ['n1']],
      // No URL: an id made of the feed's URL and the name. Not the feed's author: not its icon.
      [{ id: `${feedUrl('authors')}#Cy`, name: 'Cy' }, ['c1']],
      // JSON Feed 1.0's single `author`.
      [{ id: 'https://dee.example/', name: 'Dee' }, ['d1']],
    ]);
    expect(initials('Bo (the baker)')).to.equal('BB');
    expect(issues.map((i) => [i.item, i.id, i.path, i.fieldOnly])).to.deep.equal([['reel', 'https://bo.example/', 'author.avatar', true]]);
  });
});

describe('OpenStories feeds in the store', () => {
  beforeEach(() => testApi('reset'));

  it('shows a live story dated only by date_expired, keeps its warning, and reports a dateless one as a story-error', async () => {
    const now = Date.now();
    const iso = (t: number) => new Date(t).toISOString();
    await testApi(
      'files/open-dates.json',
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Live now',
        authors: [{ name: 'Live', url: 'https://live.example' }],
        _open_stories: { version: '0.0.9' },
        items: [
          { id: 'by-expiry', _open_stories: { mime_type: 'image/jpeg', url: '/fixtures/media/photos/forest.jpg', alt: 'Forest.', date_expired: iso(now + 20 * HOUR), content_warning: 'Heights.' } },
          { id: 'dateless', _open_stories: { mime_type: 'image/jpeg', url: '/fixtures/media/photos/sunrise.jpg', alt: 'Sunrise.' } },
        ],
      },
      'PUT',
    );
    const store = new StoriesStore(new FeedAdapter('/api/__test/files/open-dates.json'), { seen: null });
    const errors: StoryErrorEvent[] = [];
    store.addEventListener('story-error', (e) => errors.push(e as StoryErrorEvent));
    try {
      await store.load();
      expect(store.status).to.equal('ready');
      expect(store.reels.map((r) => r.stories.map((s) => [s.id, s.contentWarning]))).to.deep.equal([[['by-expiry', 'Heights.']]]);
      const [story] = store.reels[0].stories;
      // Posted 4 hours ago: 24 hours before its expiry, to the second of the ISO string.
      expect(story.createdAt).to.be.closeTo(now - 4 * HOUR, 1000);
      expect(errors.map((e) => e.detail)).to.have.length(1);
      expect(errors[0].detail).to.include({ code: 'invalid', storyId: 'dateless', path: 'createdAt' });
    } finally {
      store.dispose();
    }
  });
});
