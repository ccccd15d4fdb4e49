/**
 * Validation of untrusted data. Everything an adapter returns passes through here before an
 * element sees it: a malformed item is dropped and reported (the caller turns each report
 * into a `story-error` event), its valid siblings are kept, and nothing throws but a
 * malformed page as a whole.
 *
 * An item is dropped only when a field it cannot do without is wrong (ids, a name, the
 * media's `src`, times). A bad optional field (a handle too long, an avatar that is not a
 * URL, a poster, a size) is dropped on its own and reported with `fieldOnly`: the account
 * or story still shows, without it.
 *
 * Hand-written rather than a schema library: the rules are few, the messages name exactly
 * what was wrong, and it costs about 5 kB gzipped (`npm run bench` measures it).
 */
import { LIMITS } from './limits.js';
import { Invalid } from './errors.js';
import { EFFECTS } from './types.js';
import { clampExpiry } from './time.js';
import type { Author, Comment, Effect, Overlay, Page, Reel, Sound, Story, StoryView } from './types.js';
import { absent, checkUrl, drop, fail, isObject, optionalText, readId, readNumber, readString, readTime, type Ctx, type ValidationIssue, type Report } from './validate-fields.js';
import { parseMedia, readContentWarning, parseReactions, parseOverlay } from './validate-media.js';

export { LIMITS } from './limits.js';
export { checkUrl, isBlurhash, isCssColor, isLanguageTag, readTime, registerBlobUrl, releaseBlobUrl, type Report, type ValidationIssue } from './validate-fields.js';

/** A valid Author, or undefined (reported). */
export function parseAuthor(raw: unknown, report: Report, item: ValidationIssue['item'] = 'author'): Author | undefined {
  const ctx: Ctx = { item, report };
  if (!isObject(raw)) return fail(ctx, 'author', 'must be an object');
  const id = readId(raw.id);
  if (!id) return fail(ctx, 'author.id', 'must be a non-empty string');
  ctx.id = id;
  const name = readString(ctx, raw, 'name', LIMITS.name, true);
  if (!name) return name === '' ? fail(ctx, 'author.name', 'must not be empty') : undefined;
  const author: Author = { id, name };
  // The rest is optional: a bad value loses only itself, and the account still shows.
  const handle = optionalText(ctx, raw.handle, 'author.handle', LIMITS.handle)?.replace(/^@/, '');
  if (handle) author.handle = handle;
  if (!absent(raw.avatar) && raw.avatar !== '') {
    const avatar = checkUrl(raw.avatar, 'image');
    // A bad avatar only loses the picture: the initials show instead.
    if ('url' in avatar) author.avatar = avatar.url;
    else drop(ctx, 'author.avatar', avatar.error);
  }
  if (raw.verified === true) author.verified = true;
  else if (!absent(raw.verified) && raw.verified !== false) drop(ctx, 'author.verified', 'must be true or false');
  return author;
}

/** A valid Sound, or undefined (reported). */
export function parseSound(raw: unknown, report: Report, item: ValidationIssue['item'] = 'sound'): Sound | undefined {
  const ctx: Ctx = { item, report };
  if (!isObject(raw)) return fail(ctx, 'sound', 'must be an object');
  const src = checkUrl(raw.src, 'media');
  if ('error' in src) return fail(ctx, 'sound.src', src.error);
  const sound: Sound = { src: src.url };
  const id = raw.id === undefined ? undefined : readId(raw.id);
  if (id) sound.id = id;
  for (const key of ['title', 'artist'] as const) {
    const value = readString(ctx, raw, key, LIMITS.name, false);
    if (value === null) return undefined;
    if (value) sound[key] = value;
  }
  for (const key of ['start', 'duration'] as const) {
    if (raw[key] === undefined) continue;
    const n = readNumber(raw[key], 0, 24 * 60 * 60 * 1000);
    if (n === undefined) return fail(ctx, `sound.${key}`, 'must be a non-negative number of ms');
    sound[key] = n;
  }
  return sound;
}

/**
 * A valid Story, or undefined (reported). `fallbackAuthor` is the reel's author, used
 * when the story does not name its own.
 */
export function parseStory(raw: unknown, report: Report, fallbackAuthor?: Author): Story | undefined {
  const ctx: Ctx = { item: 'story', report };
  if (!isObject(raw)) return fail(ctx, 'story', 'must be an object');
  const id = readId(raw.id);
  if (!id) return fail(ctx, 'id', 'must be a non-empty string');
  ctx.id = id;
  const author = raw.author === undefined && fallbackAuthor ? fallbackAuthor : parseAuthor(raw.author, (i) => report({ ...i, item: 'story', id }), 'story');
  if (!author) return undefined;
  const createdAt = readTime(raw.createdAt);
  if (createdAt === undefined) return fail(ctx, 'createdAt', 'must be a time (epoch ms or ISO 8601)');
  let expiresAt: number | undefined;
  if (raw.expiresAt !== undefined && raw.expiresAt !== null) {
    expiresAt = readTime(raw.expiresAt);
    if (expiresAt === undefined) return fail(ctx, 'expiresAt', 'must be a time (epoch ms or ISO 8601)');
  }
  const media = parseMedia(ctx, raw.media);
  if (!media) return undefined;
  // A warning that cannot be read is not skipped: the story is not shown without it.
  if (!absent(raw.contentWarning) && typeof raw.contentWarning !== 'string') return fail(ctx, 'contentWarning', 'must be a string');
  const story: Story = { id, author, createdAt, expiresAt: clampExpiry(createdAt, expiresAt), media };
  const warning = typeof raw.contentWarning === 'string' ? readContentWarning(ctx, raw.contentWarning) : undefined;
  if (warning) story.contentWarning = warning;
  // Without its own duration a story shows for the default (5 s, or the video's length).
  if (!absent(raw.duration)) {
    const duration = readNumber(raw.duration, 1, LIMITS.duration);
    if (duration === undefined) drop(ctx, 'duration', `must be a number of ms in 1..${LIMITS.duration}`);
    else story.duration = duration;
  }
  if (!absent(raw.overlays)) {
    if (!Array.isArray(raw.overlays)) drop(ctx, 'overlays', 'must be an array');
    else {
      if (raw.overlays.length > LIMITS.overlays) drop(ctx, 'overlays', `only the first ${LIMITS.overlays} overlays are kept`);
      // A bad overlay is dropped on its own; the story still shows.
      const overlays = raw.overlays.slice(0, LIMITS.overlays).map((o, i) => parseOverlay(ctx, o, i)).filter((o): o is Overlay => !!o);
      if (overlays.length) story.overlays = overlays;
    }
  }
  if (raw.sound !== undefined && raw.sound !== null) {
    const sound = parseSound(raw.sound, (i) => report({ ...i, item: 'sound', id }));
    if (sound) story.sound = sound;
  }
  if (raw.effect !== undefined && raw.effect !== null) {
    if ((EFFECTS as readonly unknown[]).includes(raw.effect)) story.effect = raw.effect as Effect;
    else drop(ctx, 'effect', `unknown effect, one of ${EFFECTS.join(', ')} expected`);
  }
  if (isObject(raw.stats)) {
    const views = readNumber(raw.stats.views, 0, Number.MAX_SAFE_INTEGER);
    const comments = readNumber(raw.stats.comments, 0, Number.MAX_SAFE_INTEGER);
    if (views !== undefined || comments !== undefined) story.stats = { ...(views !== undefined ? { views: Math.floor(views) } : {}), ...(comments !== undefined ? { comments: Math.floor(comments) } : {}) };
  }
  if (raw.commentsEnabled === false) story.commentsEnabled = false;
  const reactions = parseReactions(ctx, raw.reactions);
  if (reactions) story.reactions = reactions;
  return story;
}

/** A valid Reel with its valid stories (oldest first, duplicates dropped), or undefined. */
export function parseReel(raw: unknown, report: Report): Reel | undefined {
  const ctx: Ctx = { item: 'reel', report };
  if (!isObject(raw)) return fail(ctx, 'reel', 'must be an object');
  const author = parseAuthor(raw.author, (i) => report({ ...i, item: 'reel' }), 'reel');
  if (!author) return undefined;
  ctx.id = author.id;
  if (!Array.isArray(raw.stories)) return fail(ctx, 'stories', 'must be an array');
  const seen = new Set<string>();
  const stories: Story[] = [];
  for (const rawStory of raw.stories.slice(0, LIMITS.storiesPerReel)) {
    const story = parseStory(rawStory, report, author);
    if (!story) continue;
    if (seen.has(story.id)) {
      report({ item: 'story', id: story.id, path: 'id', message: 'duplicate story id; the first one is kept' });
      continue;
    }
    if (story.author.id !== author.id) {
      report({ item: 'story', id: story.id, path: 'author.id', message: `belongs to ${story.author.id}, not to the reel's author ${author.id}` });
      continue;
    }
    seen.add(story.id);
    stories.push(story);
  }
  stories.sort((a, b) => a.createdAt - b.createdAt);
  return { author, stories };
}

/** A valid Comment, or undefined (reported). */
export function parseComment(raw: unknown, report: Report): Comment | undefined {
  const ctx: Ctx = { item: 'comment', report };
  if (!isObject(raw)) return fail(ctx, 'comment', 'must be an object');
  const id = readId(raw.id);
  if (!id) return fail(ctx, 'id', 'must be a non-empty string');
  ctx.id = id;
  const storyId = readId(raw.storyId);
  if (!storyId) return fail(ctx, 'storyId', 'must be an id');
  const author = parseAuthor(raw.author, (i) => report({ ...i, item: 'comment', id }), 'comment');
  if (!author) return undefined;
  const text = readString(ctx, raw, 'text', LIMITS.commentText, true);
  if (!text) return text === '' ? fail(ctx, 'text', 'must not be empty') : undefined;
  const createdAt = readTime(raw.createdAt);
  if (createdAt === undefined) return fail(ctx, 'createdAt', 'must be a time');
  const comment: Comment = { id, storyId, author, text, createdAt };
  if (raw.parentId !== undefined && raw.parentId !== null) {
    const parentId = readId(raw.parentId);
    if (!parentId) return fail(ctx, 'parentId', 'must be an id');
    comment.parentId = parentId;
  }
  if (raw.clientId !== undefined && raw.clientId !== null) {
    const clientId = readId(raw.clientId);
    if (clientId) comment.clientId = clientId;
  }
  return comment;
}

/** A valid StoryView, or undefined (reported). */
export function parseView(raw: unknown, report: Report): StoryView | undefined {
  const ctx: Ctx = { item: 'view', report };
  if (!isObject(raw)) return fail(ctx, 'view', 'must be an object');
  const viewer = parseAuthor(raw.viewer, (i) => report({ ...i, item: 'view' }), 'view');
  if (!viewer) return undefined;
  ctx.id = viewer.id;
  const viewedAt = readTime(raw.viewedAt);
  if (viewedAt === undefined) return fail(ctx, 'viewedAt', 'must be a time');
  return { viewer, viewedAt };
}

/**
 * A page of valid items. A page that is not `{ items: [...] }` at all throws `Invalid`
 * (there is nothing to show); bad items are dropped and reported one by one.
 */
export function parsePage<T>(raw: unknown, parseItem: (item: unknown, report: Report) => T | undefined, report: Report): Page<T> {
  if (!isObject(raw) || !Array.isArray(raw.items)) throw new Invalid('The answer is not a page ({ items: [...] })');
  const items = raw.items.map((item) => parseItem(item, report)).filter((item): item is T => item !== undefined);
  const page: Page<T> = { items };
  if (typeof raw.next === 'string' && raw.next.length > 0 && raw.next.length <= LIMITS.url) page.next = raw.next;
  const serverTime = readTime(raw.serverTime);
  if (serverTime !== undefined) page.serverTime = serverTime;
  const total = readNumber(raw.total, 0, Number.MAX_SAFE_INTEGER);
  if (total !== undefined) page.total = Math.floor(total);
  return page;
}
