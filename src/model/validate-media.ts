/** What a story carries besides its ids and times: its media, captions, preview, reactions and overlays. See validate.ts. */
import { LIMITS } from './limits.js';
import { resolveMediaType } from './media-types.js';
import type { CaptionTrack, Media, MediaPreview, Overlay, Story } from './types.js';
import { absent, checkUrl, drop, fail, isBlurhash, isCssColor, isLanguageTag, isObject, optionalText, readId, readNumber, readString, type Ctx } from './validate-fields.js';

export function parseMedia(ctx: Ctx, raw: unknown): Media | undefined {
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
export function parseTracks(ctx: Ctx, raw: unknown): CaptionTrack[] | undefined {
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
export function parsePreview(ctx: Ctx, raw: unknown): MediaPreview | undefined {
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
export function readContentWarning(ctx: Ctx, value: string): string | undefined {
  const warning = value.trim();
  if (warning.length <= LIMITS.contentWarning) return warning || undefined;
  drop(ctx, 'contentWarning', `is longer than ${LIMITS.contentWarning} characters; it was shortened`);
  let cut = warning.slice(0, LIMITS.contentWarning - 1);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function parseReactions(ctx: Ctx, raw: unknown): Story['reactions'] {
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

export function parseOverlay(ctx: Ctx, raw: unknown, index: number): Overlay | undefined {
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
