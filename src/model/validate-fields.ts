/** The readers every validator is made of: URLs, strings, numbers, times, colours, language tags. See validate.ts. */
import { LIMITS } from './limits.js';

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

export type Ctx = { item: ValidationIssue['item']; id?: string; report: Report };

export function fail(ctx: Ctx, path: string, message: string): undefined {
  ctx.report({ item: ctx.item, id: ctx.id, path, message });
  return undefined;
}

/** Reports a value that is left out on its own: the item it belongs to is kept. */
export function drop(ctx: Ctx, path: string, message: string): undefined {
  ctx.report({ item: ctx.item, id: ctx.id, path, message, fieldOnly: true });
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.length > 0 && value.length <= LIMITS.id) return value;
  return undefined;
}

export function readString(ctx: Ctx, raw: Record<string, unknown>, key: string, max: number, required: boolean): string | undefined | null {
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

export function readNumber(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

export const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

/** An optional string, trimmed; an empty one is absent, a bad one is dropped and reported. */
export function optionalText(ctx: Ctx, value: unknown, path: string, max: number): string | undefined {
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
