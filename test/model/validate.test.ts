import { expect } from '@open-wc/testing';
import { LIMITS, checkUrl, isBlurhash, isLanguageTag, parseAuthor, parseComment, parsePage, parseReel, parseStory, registerBlobUrl, type ValidationIssue } from '../../src/model/validate.js';
import { STORY_LIFETIME, clampExpiry, isLive } from '../../src/model/time.js';

const T = Date.UTC(2026, 10, 25, 12);
const author = { id: 'ana', name: 'Ana Lima' };
const good = (id: string, extra: Record<string, unknown> = {}) => ({ id, createdAt: T, media: { kind: 'image', src: '/fixtures/media/photos/city.webp' }, ...extra });

function collect(): { issues: ValidationIssue[]; report: (i: ValidationIssue) => void } {
  const issues: ValidationIssue[] = [];
  return { issues, report: (i) => issues.push(i) };
}

describe('the 24-hour rule', () => {
  it('is live from createdAt to 1 ms before createdAt + 24 h, and gone at + 24 h', () => {
    const story = { createdAt: T, expiresAt: clampExpiry(T) };
    expect(isLive(story, T - 1)).to.equal(false);
    expect(isLive(story, T)).to.equal(true);
    expect(isLive(story, T + STORY_LIFETIME - 1)).to.equal(true);
    expect(isLive(story, T + STORY_LIFETIME)).to.equal(false);
  });

  it('clamps a feed claiming 48 hours to 24, and keeps an earlier expiry', () => {
    expect(clampExpiry(T, T + 48 * 3600_000)).to.equal(T + STORY_LIFETIME);
    expect(clampExpiry(T, T + 3600_000)).to.equal(T + 3600_000);
    expect(clampExpiry(T, Number.NaN)).to.equal(T + STORY_LIFETIME);
    // Even a story whose stored expiry was not clamped is judged by the rule.
    expect(isLive({ createdAt: T, expiresAt: T + 48 * 3600_000 }, T + STORY_LIFETIME)).to.equal(false);
  });

  it('validation clamps expiresAt and reads ISO 8601 times', () => {
    const { report } = collect();
    const story = parseStory(good('s', { createdAt: new Date(T).toISOString(), expiresAt: T + 48 * 3600_000 }), report, author)!;
    expect(story.createdAt).to.equal(T);
    expect(story.expiresAt).to.equal(T + STORY_LIFETIME);
  });
});

describe('URL rules', () => {
  it('accepts https, same-origin and the library’s own blob: URLs', () => {
    expect(checkUrl('https://cdn.example.com/a.jpg', 'media')).to.deep.equal({ url: 'https://cdn.example.com/a.jpg' });
    expect(checkUrl('/fixtures/a.jpg', 'media')).to.deep.equal({ url: '/fixtures/a.jpg' });
    expect(checkUrl('photo.jpg', 'media')).to.deep.equal({ url: `${location.origin}/photo.jpg` });
    expect(checkUrl(`${location.origin}/x.mp4`, 'media')).to.have.property('url');
    const own = URL.createObjectURL(new Blob(['x']));
    expect(checkUrl(own, 'media')).to.have.property('error');
    registerBlobUrl(own);
    expect(checkUrl(own, 'media')).to.deep.equal({ url: own });
    URL.revokeObjectURL(own);
  });

  it('rejects javascript:, data: media, http from elsewhere, and non-https links', () => {
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'data:video/mp4;base64,AAAA', 'http://evil.example/a.jpg', 'ftp://x/y', 'vbscript:x', '']) {
      expect(checkUrl(bad, 'media'), bad).to.have.property('error');
    }
    expect(checkUrl('/relative', 'link')).to.have.property('error');
    expect(checkUrl('http://example.com', 'link')).to.have.property('error');
    expect(checkUrl('https://example.com/menu', 'link')).to.deep.equal({ url: 'https://example.com/menu' });
  });

  it('takes http media from another loopback port only while the page is on loopback itself (local development)', () => {
    expect(location.hostname).to.match(/^(localhost|127\.0\.0\.1)$/);
    for (const local of ['http://127.0.0.1:9000/bucket/a.jpg', 'http://localhost:9000/a.mp4', 'http://[::1]:9000/a.jpg']) expect(checkUrl(local, 'media'), local).to.deep.equal({ url: new URL(local).href });
    for (const bad of ['http://127.0.0.1.evil.example/a.jpg', 'http://localhost.evil.example/a.jpg', 'http://10.0.0.1/a.jpg']) expect(checkUrl(bad, 'media'), bad).to.have.property('error');
    expect(checkUrl('http://localhost:9000/menu', 'link')).to.have.property('error');
  });

  it('accepts small base64 data: images for avatars and stickers only', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    expect(checkUrl(png, 'image')).to.deep.equal({ url: png });
    expect(checkUrl(png, 'media')).to.have.property('error');
    expect(checkUrl('data:image/svg+xml;base64,PHN2Zz4=', 'image')).to.have.property('error');
    expect(checkUrl(`data:image/png;base64,${'A'.repeat(200_000)}`, 'image')).to.have.property('error');
  });
});

describe('malformed stories are dropped with a reason, valid siblings kept', () => {
  // Each entry: a malformed story and the path its report must name.
  const corpus: [string, unknown, string][] = [
    ['missing id', { createdAt: T, media: { kind: 'image', src: '/a.jpg' } }, 'id'],
    ['numeric-looking object id', { id: { $gt: '' }, createdAt: T, media: { kind: 'image', src: '/a.jpg' } }, 'id'],
    ['1 MB id', good('x'.repeat(1_000_000)), 'id'],
    ['no createdAt', { id: 'x', media: { kind: 'image', src: '/a.jpg' } }, 'createdAt'],
    ['createdAt is text', good('x', { createdAt: 'yesterday' }), 'createdAt'],
    ['expiresAt is text', good('x', { expiresAt: 'never' }), 'expiresAt'],
    ['javascript: media', good('x', { media: { kind: 'image', src: 'javascript:alert(1)' } }), 'media.src'],
    ['data: video', good('x', { media: { kind: 'video', src: 'data:video/mp4;base64,AAAA' } }), 'media.src'],
    ['unknown media kind', good('x', { media: { kind: 'hologram', src: '/a.jpg' } }), 'media.kind'],
    ['media is a string', good('x', { media: '/a.jpg' }), 'media'],
    ['no media src', good('x', { media: { kind: 'image' } }), 'media.src'],
    ['neither kind, type nor a known extension', good('x', { media: { src: '/stories/latest' } }), 'media.kind'],
    ['no kind, and a type that is neither image nor video', good('x', { media: { src: '/stories/latest', type: 'audio/mpeg' } }), 'media.kind'],
    ['a content warning that is not text', good('x', { contentWarning: { text: 'Gore' } }), 'contentWarning'],
    ['null story', null, 'story'],
    ['array story', [1, 2], 'story'],
    ['author without id', good('x', { author: { name: 'No Id' } }), 'author.id'],
    ['author name 1 MB', good('x', { author: { id: 'big', name: 'n'.repeat(1_000_000) } }), 'name'],
    ['author name empty', good('x', { author: { id: 'anon', name: '' } }), 'author.name'],
  ];

  for (const [what, raw, path] of corpus) {
    it(what, () => {
      const { issues, report } = collect();
      const reel = parseReel({ author, stories: [good('ok-1'), raw, good('ok-2', { createdAt: T + 1 })] }, report);
      expect(reel!.stories.map((s) => s.id)).to.deep.equal(['ok-1', 'ok-2']);
      expect(issues.length, JSON.stringify(issues)).to.be.greaterThan(0);
      expect(issues.some((i) => i.path.includes(path)), `a report naming ${path}: ${JSON.stringify(issues).slice(0, 300)}`).to.equal(true);
    });
  }

  it('duplicate story ids: the first is kept', () => {
    const { issues, report } = collect();
    const reel = parseReel({ author, stories: [good('dup'), good('dup', { createdAt: T + 5 })] }, report)!;
    expect(reel.stories).to.have.length(1);
    expect(reel.stories[0].createdAt).to.equal(T);
    expect(issues[0].message).to.contain('duplicate');
  });

  it('a bad overlay, sound or effect is dropped alone: the story stays', () => {
    const { issues, report } = collect();
    const story = parseStory(
      good('s', {
        overlays: [
          { kind: 'link', url: 'javascript:alert(1)', label: 'Click', x: 0.5, y: 0.5 },
          { kind: 'text', text: 'Hello', x: 0.5, y: 0.2, color: 'red; background: url(https://evil/)' },
          { kind: 'text', text: 'Kept', x: 0.5, y: 0.3 },
          { kind: 'sticker', x: 2, y: 0.5, emoji: '🔥' },
        ],
        sound: { src: 'javascript:x' },
        effect: 'glitter',
      }),
      report,
      author,
    )!;
    expect(story.overlays!.map((o) => (o.kind === 'text' ? o.text : o.kind))).to.deep.equal(['Kept']);
    expect(story.sound).to.equal(undefined);
    expect(story.effect).to.equal(undefined);
    expect(issues.map((i) => i.path)).to.include.members(['overlays[0].url', 'overlays[1].color', 'overlays[3].x/y', 'sound.src', 'effect']);
  });

  it('a reel whose author is malformed is dropped whole', () => {
    const { issues, report } = collect();
    expect(parseReel({ author: { id: '', name: 'x' }, stories: [good('a')] }, report)).to.equal(undefined);
    expect(parseReel({ author, stories: 'not an array' }, report)).to.equal(undefined);
    expect(issues).to.have.length(2);
  });

  it('a page that is not a page throws Invalid; a page of bad items keeps the good ones', () => {
    const { issues, report } = collect();
    expect(() => parsePage('<!doctype html>', parseReel, report)).to.throw().with.property('code', 'invalid');
    expect(() => parsePage({ reels: [] }, parseReel, report)).to.throw().with.property('code', 'invalid');
    const page = parsePage({ items: [{ author, stories: [good('a')] }, 42, { author: null }], next: 'abc' }, parseReel, report);
    expect(page.items).to.have.length(1);
    expect(page.next).to.equal('abc');
    expect(issues).to.have.length(2);
  });

  it('comments: text too long, missing author or story are dropped', () => {
    const { issues, report } = collect();
    const base = { id: 'c', storyId: 's', author, text: 'hi', createdAt: T };
    expect(parseComment(base, report)).to.deep.equal(base);
    expect(parseComment({ ...base, text: 'x'.repeat(1_000_000) }, report)).to.equal(undefined);
    expect(parseComment({ ...base, author: undefined }, report)).to.equal(undefined);
    expect(parseComment({ ...base, storyId: undefined }, report)).to.equal(undefined);
    expect(parseComment({ ...base, text: '' }, report)).to.equal(undefined);
    expect(issues).to.have.length(4);
  });

  it('keeps names with markup, bidi overrides and emoji as plain text', () => {
    const { report } = collect();
    const name = '<img src=x onerror=alert(1)>\u202Egnp.exe 👩🏽‍🚀';
    const reel = parseReel({ author: { id: 'x', name }, stories: [good('a')] }, report)!;
    expect(reel.author.name).to.equal(name);
  });
});

describe('one bad optional field drops only itself', () => {
  // Each entry: an author with one bad optional field, the path reported, and what is left.
  const authors: [string, Record<string, unknown>, string][] = [
    ['a handle longer than the limit', { handle: 'h'.repeat(LIMITS.handle + 1) }, 'author.handle'],
    ['a handle that is a number', { handle: 42 }, 'author.handle'],
    ['a whitespace-only avatar', { avatar: '   ' }, 'author.avatar'],
    ['a javascript: avatar', { avatar: 'javascript:alert(1)' }, 'author.avatar'],
    ['an svg data: avatar', { avatar: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'author.avatar'],
    ['verified as text', { verified: 'yes' }, 'author.verified'],
    ['verified as a number', { verified: 1 }, 'author.verified'],
  ];

  for (const [what, extra, path] of authors) {
    it(`an account with ${what} still shows, without it`, () => {
      const { issues, report } = collect();
      const reel = parseReel({ author: { ...author, ...extra }, stories: [good('a')] }, report)!;
      expect(reel.author).to.deep.equal(author);
      expect(reel.stories.map((s) => s.id)).to.deep.equal(['a']);
      expect(issues).to.have.length(1);
      expect(issues[0]).to.include({ item: 'reel', id: 'ana', path, fieldOnly: true });
      expect(issues[0].message).to.be.a('string').and.not.equal('');
    });
  }

  it('keeps good optional fields beside a bad one, and a bad field of a story’s author is reported on the story', () => {
    const { issues, report } = collect();
    const kept = parseAuthor({ id: 'bo', name: 'Bo', handle: ' @bo ', avatar: '   ', verified: true }, report)!;
    expect(kept).to.deep.equal({ id: 'bo', name: 'Bo', handle: 'bo', verified: true });
    expect(issues.map((i) => [i.item, i.id, i.path])).to.deep.equal([['author', 'bo', 'author.avatar']]);
    const story = parseStory(good('s', { author: { id: 'cy', name: 'Cy', handle: 'x'.repeat(500) } }), report)!;
    expect(story.author).to.deep.equal({ id: 'cy', name: 'Cy' });
    expect(issues[1]).to.include({ item: 'story', id: 's', path: 'author.handle', fieldOnly: true });
  });

  it('handles that are only "@" or spaces, and false or null values, are simply absent', () => {
    const { issues, report } = collect();
    expect(parseAuthor({ id: 'd', name: 'D', handle: '@', verified: false, avatar: null }, report)).to.deep.equal({ id: 'd', name: 'D' });
    expect(parseAuthor({ id: 'e', name: 'E', handle: '   ', avatar: '' }, report)).to.deep.equal({ id: 'e', name: 'E' });
    expect(issues).to.deep.equal([]);
  });

  // Each entry: a story with one bad optional field, and the path reported.
  const stories: [string, Record<string, unknown>, string][] = [
    ['a javascript: poster', { media: { kind: 'video', src: '/v.mp4', poster: 'javascript:alert(1)' } }, 'media.poster'],
    ['a negative width', { media: { kind: 'image', src: '/a.jpg', width: -1 } }, 'media.width'],
    ['a height as text', { media: { kind: 'image', src: '/a.jpg', height: 'tall' } }, 'media.height'],
    ['a media duration of zero', { media: { kind: 'video', src: '/v.mp4', duration: 0 } }, 'media.duration'],
    ['an alt longer than the limit', { media: { kind: 'image', src: '/a.jpg', alt: 'a'.repeat(LIMITS.alt + 1) } }, 'media.alt'],
    ['a media type that is not text', { media: { kind: 'image', src: '/a.jpg', type: ['image/jpeg'] } }, 'media.type'],
    ['a negative duration', { duration: -5000 }, 'duration'],
    ['a duration as a string', { duration: '5000' }, 'duration'],
    ['a duration longer than the limit', { duration: LIMITS.duration + 1 }, 'duration'],
    ['overlays that are not a list', { overlays: 'Hello' }, 'overlays'],
    ['an unknown fit', { media: { kind: 'image', src: '/a.jpg', fit: 'stretch' } }, 'media.fit'],
  ];

  for (const [what, extra, path] of stories) {
    it(`a story with ${what} still shows, without it`, () => {
      const { issues, report } = collect();
      const reel = parseReel({ author, stories: [good('s', extra)] }, report)!;
      expect(reel.stories).to.have.length(1);
      const [story] = reel.stories;
      const [parent, key] = path.includes('.') ? path.split('.') : [undefined, path];
      const holder = (parent ? story[parent as 'media'] : story) as unknown as Record<string, unknown>;
      expect(holder).to.not.have.property(key);
      expect(issues).to.have.length(1);
      expect(issues[0]).to.include({ item: 'story', id: 's', path, fieldOnly: true });
    });
  }

  it('infers the kind from the extension, else from the type, when a story names none', () => {
    const { issues, report } = collect();
    const kinds = [{ src: '/a.mov' }, { src: '/a.webp?size=2' }, { src: '/play', type: 'application/x-mpegURL' }, { src: '/b.jpg', type: 'image/jpeg' }].map(
      (media, i) => parseStory(good(`s${i}`, { media }), report, author)!.media.kind,
    );
    expect(kinds).to.deep.equal(['video', 'image', 'video', 'image']);
    // Without a kind the extension settles a contradicting type; with one, both are kept as given.
    expect(parseStory(good('m', { media: { src: '/c.mov', type: 'image/quicktime' } }), report, author)!.media).to.include({ kind: 'video', type: 'video/quicktime' });
    expect(parseStory(good('n', { media: { kind: 'video', src: '/c.mov', type: 'video/mp4' } }), report, author)!.media).to.include({ kind: 'video', type: 'video/mp4' });
    expect(issues).to.deep.equal([]);
  });
});

/** A real BlurHash, 4×3 components. */
const SUNRISE = 'L.K%-]oMI[oM$fjtWXjt1Pa#s-a#';

describe('framing, captions and previews (media.fit, media.tracks, media.preview)', () => {
  const video = (extra: Record<string, unknown>) => good('v', { media: { kind: 'video', src: '/fixtures/media/videos/waves.mp4', ...extra } });

  it('keeps fit cover or contain', () => {
    const { issues, report } = collect();
    expect(parseStory(video({ fit: 'contain' }), report, author)!.media.fit).to.equal('contain');
    expect(parseStory(video({ fit: 'cover' }), report, author)!.media.fit).to.equal('cover');
    expect(parseStory(video({ fit: 'fill' }), report, author)!.media).to.not.have.property('fit');
    expect(issues.map((i) => i.path)).to.deep.equal(['media.fit']);
  });

  it('keeps caption tracks with their language, label and kind; resolves relative URLs', () => {
    const { issues, report } = collect();
    const story = parseStory(
      video({
        tracks: [
          { src: '/captions/en.vtt', lang: 'en', label: 'English', kind: 'captions' },
          { src: 'https://cdn.example.com/pt.vtt', lang: 'pt-BR', label: '  Português  ', kind: 'subtitles' },
          { src: 'fr.vtt' },
        ],
      }),
      report,
      author,
    )!;
    expect(story.media.tracks).to.deep.equal([
      { src: '/captions/en.vtt', lang: 'en', label: 'English', kind: 'captions' },
      { src: 'https://cdn.example.com/pt.vtt', lang: 'pt-BR', label: 'Português', kind: 'subtitles' },
      { src: `${location.origin}/fr.vtt` },
    ]);
    expect(issues).to.deep.equal([]);
  });

  it('drops a bad track alone, a bad language or label alone, and chapters or other kinds', () => {
    const { issues, report } = collect();
    const story = parseStory(
      video({
        tracks: [
          { src: 'javascript:alert(1)', lang: 'en' },
          { src: '/chapters.vtt', kind: 'chapters' },
          { src: '/meta.vtt', kind: 'metadata' },
          'en.vtt',
          { src: '/a.vtt', lang: 'English (US)', label: 'l'.repeat(201) },
          { src: '/b.vtt', lang: 'x'.repeat(36) },
          { src: '/c.vtt', lang: 'en_US', label: 7 },
          { src: '/d.vtt', lang: 'zh-Hant-TW' },
        ],
      }),
      report,
      author,
    )!;
    expect(story.media.tracks).to.deep.equal([{ src: '/a.vtt' }, { src: '/b.vtt' }, { src: '/c.vtt' }, { src: '/d.vtt', lang: 'zh-Hant-TW' }]);
    expect(issues.map((i) => i.path)).to.deep.equal([
      'media.tracks[0].src',
      'media.tracks[1].kind',
      'media.tracks[2].kind',
      'media.tracks[3]',
      'media.tracks[4].lang',
      'media.tracks[4].label',
      'media.tracks[5].lang',
      'media.tracks[6].lang',
      'media.tracks[6].label',
    ]);
    expect(issues.every((i) => i.item === 'story' && i.id === 'v' && i.fieldOnly)).to.equal(true);
  });

  it(`keeps at most ${LIMITS.tracks} tracks; tracks that are not a list, or on a photo, are dropped`, () => {
    const { issues, report } = collect();
    const many = Array.from({ length: 20 }, (_, i) => ({ src: `/t${i}.vtt`, lang: 'en' }));
    expect(parseStory(video({ tracks: many }), report, author)!.media.tracks).to.have.length(LIMITS.tracks);
    expect(parseStory(video({ tracks: { src: '/t.vtt' } }), report, author)!.media).to.not.have.property('tracks');
    const photo = parseStory(good('p', { media: { kind: 'image', src: '/a.jpg', tracks: [{ src: '/t.vtt' }] } }), report, author)!;
    expect(photo.media).to.not.have.property('tracks');
    expect(issues.map((i) => i.path)).to.deep.equal(['media.tracks', 'media.tracks', 'media.tracks']);
  });

  it('tells BCP 47 language tags from other text', () => {
    for (const tag of ['en', 'pt-BR', 'zh-Hant-TW', 'sr-Latn', 'es-419', 'x-klingon', 'gsw']) expect(isLanguageTag(tag), tag).to.equal(true);
    for (const bad of ['', 'e', 'English', 'en_US', 'en-', '-en', 'en--US', 'pt-BRAZILIAN1', 'en US', '<b>', 'x'.repeat(36)]) expect(isLanguageTag(bad), bad).to.equal(false);
  });

  it('checks BlurHash syntax: base83, and the length its size character announces', () => {
    // 4×3 components ('L'): 4 + 2·4·3 = 28 characters (the hash of fixtures/media/photos/sunrise.jpg).
    expect(isBlurhash(SUNRISE)).to.equal(true);
    // 1×1 ('0'): 6 characters; 9×9 ('|', the largest): 166.
    expect(isBlurhash('00TSUA')).to.equal(true);
    expect(isBlurhash(`|${'0'.repeat(165)}`)).to.equal(true);
    expect(isBlurhash(`]${'0'.repeat(165)}`)).to.equal(false); // ']' is 5×9: 94 characters
    expect(isBlurhash(SUNRISE.slice(0, -1))).to.equal(false); // one short
    expect(isBlurhash(`${SUNRISE}0`)).to.equal(false); // one long
    expect(isBlurhash(`${SUNRISE.slice(0, 26)} ${SUNRISE.slice(27)}`)).to.equal(false); // a space
    expect(isBlurhash(`${SUNRISE.slice(0, 26)}"${SUNRISE.slice(27)}`)).to.equal(false); // a quote
    expect(isBlurhash(`${SUNRISE.slice(0, 26)}é${SUNRISE.slice(27)}`)).to.equal(false); // not base83
    expect(isBlurhash(`}${'0'.repeat(23)}`)).to.equal(false); // size 81 would mean 10 rows
    expect(isBlurhash('')).to.equal(false);
  });

  it('keeps a valid BlurHash and colour; drops each bad one alone', () => {
    const { issues, report } = collect();
    const both = parseStory(video({ preview: { blurhash: SUNRISE, color: ' #1a2b3c ' } }), report, author)!;
    expect(both.media.preview).to.deep.equal({ blurhash: SUNRISE, color: '#1a2b3c' });
    const colourOnly = parseStory(video({ preview: { blurhash: 'not a hash', color: 'rgb(10, 20, 30)' } }), report, author)!;
    expect(colourOnly.media.preview).to.deep.equal({ color: 'rgb(10, 20, 30)' });
    const hashOnly = parseStory(video({ preview: { blurhash: '00TSUA', color: 'red; background: url(https://evil.example/)' } }), report, author)!;
    expect(hashOnly.media.preview).to.deep.equal({ blurhash: '00TSUA' });
    const none = parseStory(video({ preview: 'blue' }), report, author)!;
    expect(none.media).to.not.have.property('preview');
    expect(issues.map((i) => i.path)).to.deep.equal(['media.preview.blurhash', 'media.preview.color', 'media.preview']);
  });
});

describe('content warnings and reactions', () => {
  it('keeps a content warning, trimmed; an empty one is no warning', () => {
    const { issues, report } = collect();
    expect(parseStory(good('s', { contentWarning: '  Flashing lights  ' }), report, author)!.contentWarning).to.equal('Flashing lights');
    expect(parseStory(good('s', { contentWarning: '   ' }), report, author)!).to.not.have.property('contentWarning');
    expect(parseStory(good('s', { contentWarning: null }), report, author)!).to.not.have.property('contentWarning');
    expect(issues).to.deep.equal([]);
  });

  it('shortens a content warning that is too long, never drops it (the media stays hidden)', () => {
    const { issues, report } = collect();
    const long = `${'w'.repeat(LIMITS.contentWarning - 2)}😀😀😀`;
    const warning = parseStory(good('s', { contentWarning: long }), report, author)!.contentWarning!;
    expect(warning.length).to.be.at.most(LIMITS.contentWarning);
    expect(warning.endsWith('…')).to.equal(true);
    // No half of an emoji before the ellipsis.
    expect(/[\uD800-\uDBFF]…$/.test(warning)).to.equal(false);
    expect(issues.map((i) => [i.path, i.fieldOnly])).to.deep.equal([['contentWarning', true]]);
  });

  it('keeps https Open Heart URLs; drops others alone, and keeps at most a few', () => {
    const { issues, report } = collect();
    const story = parseStory(
      good('s', { reactions: { openHeartUrls: ['https://example.com/heart/1', 'http://example.com/heart', 'javascript:alert(1)', '/heart', 'https://example.com/heart/1', 'https://example.com/heart/2'] } }),
      report,
      author,
    )!;
    expect(story.reactions).to.deep.equal({ openHeartUrls: ['https://example.com/heart/1'] });
    expect(issues.map((i) => i.path)).to.deep.equal(['reactions.openHeartUrls', 'reactions.openHeartUrls[1]', 'reactions.openHeartUrls[2]', 'reactions.openHeartUrls[3]']);
    const many = Array.from({ length: 10 }, (_, i) => `https://example.com/heart/${i}`);
    expect(parseStory(good('t', { reactions: { openHeartUrls: many } }), report, author)!.reactions!.openHeartUrls).to.deep.equal(many.slice(0, LIMITS.openHeartUrls));
    expect(parseStory(good('u', { reactions: { openHeartUrls: 'https://example.com/h' } }), report, author)!).to.not.have.property('reactions');
    expect(parseStory(good('w', { reactions: [] }), report, author)!).to.not.have.property('reactions');
  });
});
