import { expect } from '@open-wc/testing';
import { checkUrl, parseComment, parsePage, parseReel, parseStory, registerBlobUrl, type ValidationIssue } from '../../src/model/validate.js';
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
    ['NaN duration', good('x', { duration: Number.NaN }), 'duration'],
    ['negative duration', good('x', { duration: -5000 }), 'duration'],
    ['duration as a string', good('x', { duration: '5000' }), 'duration'],
    ['javascript: media', good('x', { media: { kind: 'image', src: 'javascript:alert(1)' } }), 'media.src'],
    ['data: video', good('x', { media: { kind: 'video', src: 'data:video/mp4;base64,AAAA' } }), 'media.src'],
    ['unknown media kind', good('x', { media: { kind: 'hologram', src: '/a.jpg' } }), 'media.kind'],
    ['media is a string', good('x', { media: '/a.jpg' }), 'media'],
    ['null story', null, 'story'],
    ['array story', [1, 2], 'story'],
    ['author without id', good('x', { author: { name: 'No Id' } }), 'author.id'],
    ['author name 1 MB', good('x', { author: { id: 'big', name: 'n'.repeat(1_000_000) } }), 'name'],
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
