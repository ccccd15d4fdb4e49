// What the server accepts from callers. Unlike the client's validation (which drops what
// it cannot show), the server refuses a whole request that is wrong, saying where.
import { invalid } from './errors.mjs';

/**
 * The client's limits (src/model/limits.ts; a server test fails when a shared one drifts),
 * but ids: this server makes none longer than 200 characters.
 */
export const LIMITS = {
  id: 200,
  name: 200,
  handle: 100,
  url: 4096,
  alt: 1000,
  overlays: 50,
  overlayText: 2000,
  linkLabel: 200,
  tracks: 8,
  lang: 35,
  contentWarning: 500,
  reactionUrls: 4,
  reportReason: 500,
  /** Longest time a story shows, in ms. */
  duration: 10 * 60 * 1000,
};

/** Comments have 1–500 characters after trimming (the same limit as LocalAdapter). */
export const COMMENT_MAX_LENGTH = 500;

export const EFFECTS = ['none', 'vivid', 'mono', 'warm', 'cool', 'fade'];

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
// Control characters other than tab and newline have no business in text people read.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A string of 1..max characters without control characters or broken UTF-16. */
export function text(value, path, max, { optional = false, multiline = false } = {}) {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string') throw invalid(`${path} must be a string`);
  if (value.length === 0 || value.length > max) throw invalid(`${path} must have 1 to ${max} characters`);
  if (LONE_SURROGATE.test(value)) throw invalid(`${path} is not valid Unicode`);
  if (CONTROL.test(value) || (!multiline && /[\r\n]/.test(value))) throw invalid(`${path} contains control characters`);
  return value;
}

function number(value, path, { min = -Infinity, max = Infinity, optional = true } = {}) {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw invalid(`${path} must be a number from ${min} to ${max}`);
  return value;
}

function bool(value, path) {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalid(`${path} must be true or false`);
  return value;
}

function oneOf(value, path, allowed, optional = true) {
  if (value === undefined && optional) return undefined;
  if (!allowed.includes(value)) throw invalid(`${path} must be one of ${allowed.join(', ')}`);
  return value;
}

/**
 * A URL a story may point to: https, or a root-relative path on the server's own origin
 * (`/media/…`); `link` takes https only.
 */
export function url(value, path, { optional = false, httpsOnly = false } = {}) {
  if (value === undefined && optional) return undefined;
  text(value, path, LIMITS.url);
  if (!httpsOnly && /^\/(?![/\\])[^\s\\]*$/.test(value)) return value;
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    throw invalid(`${path} must be an https URL${httpsOnly ? '' : ' or a path on this server'}`);
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) throw invalid(`${path} must be an https URL${httpsOnly ? '' : ' or a path on this server'}`);
  return value;
}

const COLOR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/a-z-]{1,60}\)|[a-z]{3,30})$/i;
const color = (value, path) => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !COLOR.test(value)) throw invalid(`${path} must be a CSS colour`);
  return value;
};

/** Drops undefined fields, so stored JSON holds only what was given. */
const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

function overlay(raw, path) {
  if (!isObject(raw)) throw invalid(`${path} must be an object`);
  const base = {
    x: number(raw.x, `${path}.x`, { min: 0, max: 1, optional: false }),
    y: number(raw.y, `${path}.y`, { min: 0, max: 1, optional: false }),
    rotation: number(raw.rotation, `${path}.rotation`, { min: -3600, max: 3600 }),
    scale: number(raw.scale, `${path}.scale`, { min: 0.05, max: 20 }),
  };
  switch (raw.kind) {
    case 'text':
      return compact({ kind: 'text', text: text(raw.text, `${path}.text`, LIMITS.overlayText, { multiline: true }), style: oneOf(raw.style, `${path}.style`, ['plain', 'background', 'outline']), color: color(raw.color, `${path}.color`), ...base });
    case 'sticker': {
      if (raw.emoji === undefined && raw.src === undefined) throw invalid(`${path} needs an emoji or a src`);
      return compact({ kind: 'sticker', emoji: text(raw.emoji, `${path}.emoji`, 32, { optional: true }), src: url(raw.src, `${path}.src`, { optional: true }), alt: text(raw.alt, `${path}.alt`, LIMITS.alt, { optional: true }), ...base });
    }
    case 'link':
      return compact({ kind: 'link', url: url(raw.url, `${path}.url`, { httpsOnly: true }), label: text(raw.label, `${path}.label`, LIMITS.linkLabel), ...base });
    case 'mention':
      return compact({ kind: 'mention', handle: text(raw.handle, `${path}.handle`, LIMITS.handle), authorId: text(raw.authorId, `${path}.authorId`, LIMITS.id, { optional: true }), ...base });
    default:
      throw invalid(`${path}.kind must be text, sticker, link or mention`);
  }
}

function track(raw, path, { uploaded = false } = {}) {
  if (!isObject(raw)) throw invalid(`${path} must be an object`);
  return compact({
    // An entry without a src is a caption file uploaded with the story (a `track` part).
    src: uploaded && raw.src === undefined ? undefined : url(raw.src, `${path}.src`),
    lang: raw.lang === undefined ? undefined : /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(String(raw.lang)) && typeof raw.lang === 'string' ? raw.lang : (() => { throw invalid(`${path}.lang must be a BCP 47 language tag`); })(),
    label: text(raw.label, `${path}.label`, LIMITS.name, { optional: true }),
    kind: oneOf(raw.kind, `${path}.kind`, ['captions', 'subtitles']),
  });
}

export function sound(raw, path) {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw invalid(`${path} must be an object`);
  return compact({
    id: text(raw.id, `${path}.id`, LIMITS.id, { optional: true }),
    src: url(raw.src, `${path}.src`),
    title: text(raw.title, `${path}.title`, LIMITS.name, { optional: true }),
    artist: text(raw.artist, `${path}.artist`, LIMITS.name, { optional: true }),
    start: number(raw.start, `${path}.start`, { min: 0, max: 3_600_000 }),
    duration: number(raw.duration, `${path}.duration`, { min: 0, max: 3_600_000 }),
  });
}

/**
 * A StoryDraft as posted, into the stored story body (everything but id, author and
 * times). `uploaded` is true when the media bytes come with the request: then `media.src`
 * is set by the server and any given one is ignored.
 */
export function storyDraft(raw, { uploaded = false } = {}) {
  if (!isObject(raw)) throw invalid('The story must be a JSON object');
  const m = raw.media;
  if (!isObject(m)) throw invalid('A story is a photo or a video: media is missing');
  const kind = oneOf(m.kind, 'media.kind', ['image', 'video'], false);
  if (!uploaded && m.src === undefined) throw invalid('A story needs its photo or video');
  if (m.tracks !== undefined && (!Array.isArray(m.tracks) || m.tracks.length > LIMITS.tracks)) throw invalid(`media.tracks must be a list of at most ${LIMITS.tracks}`);
  let preview;
  if (m.preview !== undefined) {
    if (!isObject(m.preview)) throw invalid('media.preview must be an object');
    const blurhash = m.preview.blurhash;
    if (blurhash !== undefined && (typeof blurhash !== 'string' || !/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{6,100}$/.test(blurhash))) throw invalid('media.preview.blurhash must be a BlurHash string');
    preview = compact({ blurhash, color: color(m.preview.color, 'media.preview.color') });
  }
  const media = compact({
    kind,
    src: uploaded ? undefined : url(m.src, 'media.src'),
    type: m.type === undefined || uploaded ? undefined : /^[a-z]+\/[a-z0-9.+-]{1,100}$/i.test(String(m.type)) && typeof m.type === 'string' ? m.type : (() => { throw invalid('media.type must be a MIME type'); })(),
    poster: url(m.poster, 'media.poster', { optional: true }),
    width: number(m.width, 'media.width', { min: 1, max: 20_000 }),
    height: number(m.height, 'media.height', { min: 1, max: 20_000 }),
    duration: number(m.duration, 'media.duration', { min: 0, max: LIMITS.duration }),
    alt: text(m.alt, 'media.alt', LIMITS.alt, { optional: true, multiline: true }),
    fit: oneOf(m.fit, 'media.fit', ['cover', 'contain']),
    tracks: m.tracks?.map((t, i) => track(t, `media.tracks[${i}]`, { uploaded })),
    preview,
  });
  if (raw.overlays !== undefined && (!Array.isArray(raw.overlays) || raw.overlays.length > LIMITS.overlays)) throw invalid(`overlays must be a list of at most ${LIMITS.overlays}`);
  let reactions;
  if (raw.reactions !== undefined) {
    const urls = raw.reactions?.openHeartUrls;
    if (!isObject(raw.reactions) || (urls !== undefined && (!Array.isArray(urls) || urls.length > LIMITS.reactionUrls))) throw invalid(`reactions.openHeartUrls must be a list of at most ${LIMITS.reactionUrls} https URLs`);
    reactions = compact({ openHeartUrls: urls?.map((u, i) => url(u, `reactions.openHeartUrls[${i}]`, { httpsOnly: true })) });
  }
  return compact({
    media,
    duration: number(raw.duration, 'duration', { min: 500, max: LIMITS.duration }),
    overlays: raw.overlays?.map((o, i) => overlay(o, `overlays[${i}]`)),
    sound: sound(raw.sound, 'sound'),
    effect: oneOf(raw.effect, 'effect', EFFECTS),
    commentsEnabled: bool(raw.commentsEnabled, 'commentsEnabled'),
    contentWarning: text(raw.contentWarning, 'contentWarning', LIMITS.contentWarning, { optional: true }),
    reactions,
  });
}

/** An account as the site sends it through the admin API. */
export function account(raw, id) {
  if (!isObject(raw)) throw invalid('The account must be a JSON object');
  return {
    id: text(id ?? raw.id, 'id', LIMITS.id),
    name: text(raw.name, 'name', LIMITS.name),
    handle: text(raw.handle, 'handle', LIMITS.handle, { optional: true }) ?? null,
    avatar: raw.avatar === undefined ? null : /^data:image\//.test(String(raw.avatar)) ? text(raw.avatar, 'avatar', 150_000) : url(raw.avatar, 'avatar'),
    verified: bool(raw.verified, 'verified') ?? false,
  };
}

/** Ids in paths: plain, bounded strings (anything else cannot name a thing we store). */
export function id(value, what) {
  if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.id || CONTROL.test(value) || LONE_SURROGATE.test(value)) throw invalid(`${what} is not a valid id`);
  return value;
}

/** Times on input: epoch ms, or ISO 8601 strings. */
export function time(value, path) {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  throw invalid(`${path} must be a time (epoch ms or ISO 8601)`);
}
