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

export { LIMITS };
import { Invalid } from './errors.js';
import type { Author, CaptionTrack, Comment, Effect, Media, MediaPreview, Overlay, Page, Reel, Sound, Story, StoryView } from './types.js';
import { EFFECTS } from './types.js';
import { clampExpiry } from './time.js';
import { resolveMediaType } from './media-types.js';

/** What was wrong with one dropped (or trimmed) item. */
export interface ValidationIssue {
  /** The kind of item that was dropped or trimmed. */
  item: 'story' | 'author' | 'reel' | 'comment' | 'view' | 'sound' | 'overlay' | 'page';
  /** Its id, when it had a usable one. */
  id?: string;
  /** Where in the item the problem is, e.g. `media.src`. */
  path: string;
  message: string;
  /** The item was kept: only the value at `path` was dropped (or shortened). */
  fieldOnly?: true;
}

export type Report = (issue: ValidationIssue) => void;

/** `blob:` URLs this library created; only these are accepted from data. */
const ownBlobUrls = new Set<string>();

/** Records a `blob:` URL the library created, so validation accepts it. */
export function registerBlobUrl(url: string): void {
  ownBlobUrls.add(url);
}

/** Forgets a `blob:` URL once it was revoked. */
export function releaseBlobUrl(url: string): void {
  ownBlobUrls.delete(url);
}

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif);base64,[a-z0-9+/]+=*$/i;

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/**
 * Checks a URL from data. `media`: https, same-origin (relative or absolute), http between
 * loopback hosts (a page on localhost, media on another local port) or the
 * library's own `blob:`; `image` also takes a small base64 `data:image/…`; `link`: https
 * only. Returns the URL to use (relative ones resolved against the page), or an error.
 */
export function checkUrl(value: unknown, kind: 'media' | 'image' | 'link'): { url: string } | { error: string } {
  if (typeof value !== 'string' || value.trim() === '') return { error: 'must be a non-empty string' };
  if (kind === 'image' && value.startsWith('data:')) {
    if (value.length > LIMITS.dataUrl) return { error: `data: URL longer than ${LIMITS.dataUrl} characters` };
    return DATA_IMAGE.test(value) ? { url: value } : { error: 'only base64 data:image/(png|jpeg|gif|webp|avif) URLs are allowed' };
  }
  if (value.length > LIMITS.url) return { error: `URL longer than ${LIMITS.url} characters` };
  if (value.startsWith('blob:')) {
    if (kind !== 'link' && ownBlobUrls.has(value)) return { url: value };
    return { error: 'blob: URLs are accepted only when this library created them' };
  }
  // Fast path for the two common shapes, without building a URL object: an absolute https
  // URL, or a root-relative path on this origin. Anything unusual takes the full parse.
  if (/^https:\/\/[a-z0-9.-]+(:\d+)?(\/[^\s\\]*)?$/i.test(value)) return { url: value };
  if (kind !== 'link' && /^\/(?![/\\])[^\s\\]*$/.test(value)) return { url: value };
  const base = globalThis.location?.href ?? 'https://invalid.invalid/';
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return { error: 'is not a URL' };
  }
  if (parsed.protocol === 'https:') return { url: parsed.href };
  if (kind !== 'link' && parsed.origin === globalThis.location?.origin && /^https?:$/.test(parsed.protocol)) return { url: parsed.href };
  // Local development: media on another loopback port (an object store such as MinIO beside
  // the dev server), for a page that is on loopback itself; never for a page on the web.
  if (kind !== 'link' && parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname) && LOOPBACK.test(globalThis.location?.hostname ?? '')) return { url: parsed.href };
  return { error: kind === 'link' ? 'links must be https' : `${parsed.protocol} URLs are not allowed (https or same-origin only)` };
}

// Small readers: each returns the value, or undefined after reporting why.

type Ctx = { item: ValidationIssue['item']; id?: string; report: Report };

function fail(ctx: Ctx, path: string, message: string): undefined {
  ctx.report({ item: ctx.item, id: ctx.id, path, message });
  return undefined;
}

/** Reports a value that is left out on its own: the item it belongs to is kept. */
function drop(ctx: Ctx, path: string, message: string): undefined {
  ctx.report({ item: ctx.item, id: ctx.id, path, message, fieldOnly: true });
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.length > 0 && value.length <= LIMITS.id) return value;
  return undefined;
}

function readString(ctx: Ctx, raw: Record<string, unknown>, key: string, max: number, required: boolean): string | undefined | null {
  const value = raw[key];
  if (value === undefined || value === null) return required ? (fail(ctx, key, 'is required') ?? null) : undefined;
  if (typeof value !== 'string') return fail(ctx, key, 'must be a string') ?? null;
  if (value.length > max) return fail(ctx, key, `is longer than ${max} characters`) ?? null;
  return value;
}

/** Epoch ms from a number or an ISO 8601 string. */
export function readTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.length < 64) {
    const t = Date.parse(value);
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
}

function readNumber(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

/** An optional string, trimmed; an empty one is absent, a bad one is dropped and reported. */
function optionalText(ctx: Ctx, value: unknown, path: string, max: number): string | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== 'string') return drop(ctx, path, 'must be a string');
  const text = value.trim();
  if (text.length > max) return drop(ctx, path, `is longer than ${max} characters`);
  return text || undefined;
}

// Only colour syntax, so a value cannot smuggle other CSS into a custom property.
const CSS_COLOR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([\d\s.,%/+-]+\)|[a-z]{3,20})$/i;

/** Whether a string is a CSS colour of the kinds data may carry (hex, rgb(), hsl(), a name). */
export function isCssColor(value: string): boolean {
  return value.length <= 64 && CSS_COLOR.test(value);
}

const BASE83 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';

/**
 * Whether a string is well-formed BlurHash: base83 characters, and as long as its first
 * character (the number of components, 1..9 across and down) says, `4 + 2·x·y`. This only
 * checks the syntax; decoding is the viewer's.
 */
export function isBlurhash(value: string): boolean {
  if (value.length < 6 || value.length > 4 + 2 * 81) return false;
  for (const char of value) if (!BASE83.includes(char)) return false;
  const size = BASE83.indexOf(value[0]);
  if (size > 80) return false;
  return value.length === 4 + 2 * ((size % 9) + 1) * (Math.floor(size / 9) + 1);
}

// A language subtag of 2–3 letters (the only ones in use), or `x-`/`i-`, then subtags of 1–8.
const LANGUAGE_TAG = /^(?:[a-z]{2,3}|[xi])(?:-[a-z0-9]{1,8})*$/i;

/** Whether a string looks like a BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`). */
export function isLanguageTag(value: string): boolean {
  return value.length <= LIMITS.lang && LANGUAGE_TAG.test(value);
}

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

function parseMedia(ctx: Ctx, raw: unknown): Media | undefined {
  if (!isObject(raw)) return fail(ctx, 'media', 'must be an object');
  const declared = optionalText(ctx, raw.type, 'media.type', 100);
  // Without a kind, the file's extension says it, or else the type (media-types.ts); a
  // story that names its kind is taken at its word.
  const resolved = absent(raw.kind) ? resolveMediaType(raw.src, declared) : undefined;
  const kind = raw.kind ?? resolved?.kind;
  const type = resolved ? resolved.type : declared;
  if (kind !== 'image' && kind !== 'video') return fail(ctx, 'media.kind', `must be "image" or "video", got ${JSON.stringify(String(kind)).slice(0, 40)}`);
  const src = checkUrl(raw.src, 'media');
  if ('error' in src) return fail(ctx, 'media.src', src.error);
  const media: Media = { kind, src: src.url };
  if (type) media.type = type;
  // Everything below is optional: a bad value is dropped alone and the story still shows.
  if (!absent(raw.poster)) {
    const poster = checkUrl(raw.poster, 'image');
    if ('url' in poster) media.poster = poster.url;
    else drop(ctx, 'media.poster', poster.error);
  }
  for (const key of ['width', 'height'] as const) {
    if (absent(raw[key])) continue;
    const n = readNumber(raw[key], 1, 100_000);
    if (n === undefined) drop(ctx, `media.${key}`, 'must be a positive number');
    else media[key] = n;
  }
  if (!absent(raw.duration)) {
    const d = readNumber(raw.duration, 1, 24 * 60 * 60 * 1000);
    if (d === undefined) drop(ctx, 'media.duration', 'must be a positive number of ms');
    else media.duration = d;
  }
  const alt = optionalText(ctx, raw.alt, 'media.alt', LIMITS.alt);
  if (alt) media.alt = alt;
  if (!absent(raw.fit)) {
    if (raw.fit === 'cover' || raw.fit === 'contain') media.fit = raw.fit;
    else drop(ctx, 'media.fit', 'must be "cover" or "contain"');
  }
  if (!absent(raw.tracks)) {
    const tracks = kind === 'video' ? parseTracks(ctx, raw.tracks) : drop(ctx, 'media.tracks', 'only videos have caption tracks');
    if (tracks?.length) media.tracks = tracks;
  }
  const preview = parsePreview(ctx, raw.preview);
  if (preview) media.preview = preview;
  return media;
}

/** A video's caption tracks; a bad track is dropped alone, a bad `lang` or `label` alone. */
function parseTracks(ctx: Ctx, raw: unknown): CaptionTrack[] | undefined {
  if (!Array.isArray(raw)) return drop(ctx, 'media.tracks', 'must be an array');
  if (raw.length > LIMITS.tracks) drop(ctx, 'media.tracks', `only the first ${LIMITS.tracks} tracks are kept`);
  const tracks: CaptionTrack[] = [];
  raw.slice(0, LIMITS.tracks).forEach((rawTrack: unknown, i) => {
    const path = `media.tracks[${i}]`;
    if (!isObject(rawTrack)) return drop(ctx, path, 'must be an object');
    // Chapters, descriptions and metadata are not captions: shown as captions they would be wrong.
    const kind = rawTrack.kind;
    if (!absent(kind) && kind !== 'captions' && kind !== 'subtitles') return drop(ctx, `${path}.kind`, 'must be "captions" or "subtitles"; the track is left out');
    const src = checkUrl(rawTrack.src, 'media');
    if ('error' in src) return drop(ctx, `${path}.src`, src.error);
    const track: CaptionTrack = { src: src.url };
    const lang = optionalText(ctx, rawTrack.lang, `${path}.lang`, LIMITS.lang);
    if (lang && isLanguageTag(lang)) track.lang = lang;
    else if (lang) drop(ctx, `${path}.lang`, 'is not a BCP 47 language tag (such as en or pt-BR)');
    const label = optionalText(ctx, rawTrack.label, `${path}.label`, LIMITS.name);
    if (label) track.label = label;
    if (kind) track.kind = kind;
    tracks.push(track);
  });
  return tracks;
}

/** What stands in for media while it loads; each bad part is dropped alone. */
function parsePreview(ctx: Ctx, raw: unknown): MediaPreview | undefined {
  if (absent(raw)) return undefined;
  if (!isObject(raw)) return drop(ctx, 'media.preview', 'must be an object');
  const preview: MediaPreview = {};
  if (!absent(raw.blurhash)) {
    if (typeof raw.blurhash === 'string' && isBlurhash(raw.blurhash)) preview.blurhash = raw.blurhash;
    else drop(ctx, 'media.preview.blurhash', 'is not a BlurHash');
  }
  if (!absent(raw.color)) {
    if (typeof raw.color === 'string' && isCssColor(raw.color.trim())) preview.color = raw.color.trim();
    else drop(ctx, 'media.preview.color', 'is not a CSS colour');
  }
  return preview.blurhash || preview.color ? preview : undefined;
}

/**
 * A content warning, trimmed. One longer than the limit is shortened rather than dropped:
 * without it, sensitive media would show unannounced.
 */
function readContentWarning(ctx: Ctx, value: string): string | undefined {
  const warning = value.trim();
  if (warning.length <= LIMITS.contentWarning) return warning || undefined;
  drop(ctx, 'contentWarning', `is longer than ${LIMITS.contentWarning} characters; it was shortened`);
  let cut = warning.slice(0, LIMITS.contentWarning - 1);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function parseReactions(ctx: Ctx, raw: unknown): Story['reactions'] {
  if (absent(raw)) return undefined;
  if (!isObject(raw)) return drop(ctx, 'reactions', 'must be an object');
  const rawUrls = raw.openHeartUrls;
  if (absent(rawUrls)) return undefined;
  if (!Array.isArray(rawUrls)) return drop(ctx, 'reactions.openHeartUrls', 'must be an array');
  if (rawUrls.length > LIMITS.openHeartUrls) drop(ctx, 'reactions.openHeartUrls', `only the first ${LIMITS.openHeartUrls} are kept`);
  const urls: string[] = [];
  rawUrls.slice(0, LIMITS.openHeartUrls).forEach((value: unknown, i) => {
    const url = checkUrl(value, 'link');
    if ('error' in url) drop(ctx, `reactions.openHeartUrls[${i}]`, url.error);
    else if (!urls.includes(url.url)) urls.push(url.url);
  });
  return urls.length ? { openHeartUrls: urls } : undefined;
}

function parseOverlay(ctx: Ctx, raw: unknown, index: number): Overlay | undefined {
  const path = `overlays[${index}]`;
  const octx: Ctx = { ...ctx, item: 'overlay' };
  if (!isObject(raw)) return fail(octx, path, 'must be an object');
  const x = readNumber(raw.x, 0, 1);
  const y = readNumber(raw.y, 0, 1);
  if (x === undefined || y === undefined) return fail(octx, `${path}.x/y`, 'must be numbers in 0..1');
  const base: { x: number; y: number; rotation?: number; scale?: number } = { x, y };
  if (raw.rotation !== undefined) {
    const r = readNumber(raw.rotation, -3600, 3600);
    if (r === undefined) return fail(octx, `${path}.rotation`, 'must be a number of degrees');
    base.rotation = r;
  }
  if (raw.scale !== undefined) {
    const s = readNumber(raw.scale, 0.05, 20);
    if (s === undefined) return fail(octx, `${path}.scale`, 'must be a number in 0.05..20');
    base.scale = s;
  }
  switch (raw.kind) {
    case 'text': {
      const text = readString(octx, raw, 'text', LIMITS.overlayText, true);
      if (!text) return text === '' ? fail(octx, `${path}.text`, 'must not be empty') : undefined;
      const style = raw.style === undefined ? undefined : raw.style;
      if (style !== undefined && style !== 'plain' && style !== 'background' && style !== 'outline') return fail(octx, `${path}.style`, 'must be plain, background or outline');
      const color = readString(octx, raw, 'color', 64, false);
      if (color === null) return undefined;
      if (color && !isCssColor(color)) return fail(octx, `${path}.color`, 'is not a CSS colour');
      return { kind: 'text', ...base, text, ...(style ? { style } : {}), ...(color ? { color } : {}) };
    }
    case 'sticker': {
      const emoji = readString(octx, raw, 'emoji', 32, false);
      if (emoji === null) return undefined;
      const alt = readString(octx, raw, 'alt', LIMITS.alt, false);
      if (alt === null) return undefined;
      if (emoji) return { kind: 'sticker', ...base, emoji, ...(alt ? { alt } : {}) };
      const src = checkUrl(raw.src, 'image');
      if ('error' in src) return fail(octx, `${path}.src`, `needs an emoji or an image: ${src.error}`);
      return { kind: 'sticker', ...base, src: src.url, ...(alt ? { alt } : {}) };
    }
    case 'link': {
      const url = checkUrl(raw.url, 'link');
      if ('error' in url) return fail(octx, `${path}.url`, url.error);
      const label = readString(octx, raw, 'label', LIMITS.linkLabel, true);
      if (!label) return label === '' ? fail(octx, `${path}.label`, 'must not be empty') : undefined;
      return { kind: 'link', ...base, url: url.url, label };
    }
    case 'mention': {
      const handle = readString(octx, raw, 'handle', LIMITS.handle, true);
      if (!handle) return handle === '' ? fail(octx, `${path}.handle`, 'must not be empty') : undefined;
      const authorId = raw.authorId === undefined ? undefined : readId(raw.authorId);
      if (raw.authorId !== undefined && !authorId) return fail(octx, `${path}.authorId`, 'must be an id');
      return { kind: 'mention', ...base, handle: handle.replace(/^@/, ''), ...(authorId ? { authorId } : {}) };
    }
    default:
      return fail(octx, `${path}.kind`, 'must be text, sticker, link or mention');
  }
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
