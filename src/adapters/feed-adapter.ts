import { Invalid, Network, NotFound } from '../model/errors.js';
import { resolveMediaType } from '../model/media-types.js';
import { STORY_LIFETIME } from '../model/time.js';
import type { Page, Reel } from '../model/types.js';
import { readTime } from '../model/validate.js';
import { ReadOnlyAdapter } from './read-only.js';
import type { ListOptions } from './types.js';
import { resolveUrl } from './url.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const present = (v: unknown) => v !== undefined && v !== null;

/**
 * When an OpenStories item was posted. JSON Feed makes `date_published` optional, so:
 * `date_published`, else `date_modified`, else 24 hours before `_open_stories.date_expired`
 * (a story lives 24 hours). The first of them that is present is used as it is: an invalid
 * date is reported by validation rather than replaced by a guess. With none of them, the
 * item has no time and validation drops it (reported as `createdAt`).
 */
function postedAt(item: Json, story: Json): unknown {
  if (present(item.date_published)) return item.date_published;
  if (present(item.date_modified)) return item.date_modified;
  const expired = readTime(story.date_expired);
  return expired === undefined ? undefined : expired - STORY_LIFETIME;
}

/** OpenStories `tracks` (`url`, `srclang`) in our shape (`src`, `lang`); chapters are not captions. */
function tracksOf(tracks: unknown): unknown {
  if (!Array.isArray(tracks)) return tracks;
  return tracks
    .filter((t) => !(isObject(t) && t.kind === 'chapters'))
    .map((t) => (isObject(t) ? { src: t.url, lang: t.srclang, label: t.label, kind: t.kind } : t));
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** An `_open_stories` object's media, in our shape. */
function mediaOf(story: Json): Json {
  const declared = typeof story.mime_type === 'string' ? story.mime_type : '';
  // The file's extension settles a declared type that contradicts it (media-types.ts).
  const resolved = resolveMediaType(story.url, declared);
  const { preview } = story;
  return {
    // Unresolved, the declared type stands in, so the report names it.
    kind: resolved?.kind ?? (declared || undefined),
    src: story.url,
    type: resolved?.type,
    // Videos carry `title` where images carry `alt`; either is the text alternative.
    alt: text(story.alt) ? story.alt : resolved?.kind === 'video' && text(story.title) ? story.title : story.alt,
    tracks: tracksOf(story.tracks),
    preview: isObject(preview) ? { blurhash: preview.blurhash, color: preview.color } : preview,
  };
}

/**
 * Converts an OpenStories feed (JSON Feed 1.1 whose items carry `_open_stories`, spec
 * 0.0.9) into reels, grouping items by author. Fields it cannot map are passed on for
 * validation to refuse and report; it drops nothing itself but chapter tracks.
 * See docs/feed-format.md, "OpenStories mapping", for each field.
 */
export function fromOpenStories(feed: Json, feedUrl: string): { reels: Json[]; next?: string } {
  const feedAuthor: Json =
    (Array.isArray(feed.authors) && isObject(feed.authors[0]) ? feed.authors[0] : isObject(feed.author) ? feed.author : undefined) ?? { name: feed.title };
  const nameOf = (rawAuthor: Json) => (typeof rawAuthor.name === 'string' ? rawAuthor.name : typeof feed.title === 'string' ? feed.title : '');
  // JSON Feed authors have no id: their URL is the most stable thing they have.
  const idOf = (rawAuthor: Json) => (typeof rawAuthor.url === 'string' ? rawAuthor.url : `${feedUrl}#${nameOf(rawAuthor)}`);
  const feedAuthorId = idOf(feedAuthor);
  const reels = new Map<string, { author: Json; stories: unknown[] }>();
  const reelOf = (rawAuthor: Json) => {
    const id = idOf(rawAuthor);
    let reel = reels.get(id);
    // The feed's icon pictures the feed's own author, not someone else who posts in it.
    const avatar = rawAuthor.avatar ?? (id === feedAuthorId ? (feedAuthor.avatar ?? feed.icon ?? feed.favicon) : undefined);
    if (!reel) reels.set(id, (reel = { author: { id, name: nameOf(rawAuthor), avatar }, stories: [] }));
    return reel;
  };
  for (const item of Array.isArray(feed.items) ? feed.items : []) {
    // Not an item at all: passed on as it is, so validation reports it.
    if (!isObject(item)) {
      reelOf(feedAuthor).stories.push(item);
      continue;
    }
    const isStory = isObject(item._open_stories);
    const story = isStory ? (item._open_stories as Json) : {};
    // JSON Feed 1.1 `authors`, 1.0 `author`, else the feed's.
    const reel = reelOf(Array.isArray(item.authors) && isObject(item.authors[0]) ? item.authors[0] : isObject(item.author) ? item.author : feedAuthor);
    const caption = text(story.caption) ? story.caption : undefined;
    const { reactions } = story;
    reel.stories.push({
      id: item.id,
      createdAt: postedAt(item, story),
      expiresAt: story.date_expired,
      // An item that is no story has no media, and validation says so.
      media: isStory ? mediaOf(story) : undefined,
      duration: typeof story.duration_in_seconds === 'number' ? story.duration_in_seconds * 1000 : story.duration_in_seconds,
      overlays: caption ? [{ kind: 'text', text: caption, x: 0.5, y: 0.86, style: 'background' }] : undefined,
      contentWarning: story.content_warning,
      reactions: isObject(reactions) ? { openHeartUrls: reactions.open_heart_urls } : reactions,
    });
  }
  return { reels: [...reels.values()] as Json[], next: typeof feed.next_url === 'string' ? feed.next_url : undefined };
}

/**
 * Read-only stories from a static JSON file a brand can host anywhere (a CDN, a bucket,
 * its own site): the stories-kit feed format (`docs/feed-format.md`) or an OpenStories
 * feed. Pages are followed through `next`. Seen state still works (the store keeps it in
 * the browser); comments, viewers and publishing reject with `ReadOnly`, and the elements
 * hide them.
 */
export class FeedAdapter extends ReadOnlyAdapter {
  protected readonly what = 'This stories feed';
  readonly url: string;
  /** `feed:` and the feed's URL: seen state is kept per feed. */
  get key(): string {
    return `feed:${this.url}`;
  }
  private readonly pages = new Map<string, Promise<Page<Reel>>>();
  private readonly settled = new Set<string>();

  /**
   * @param url The feed's URL, absolute or relative to the page. Where there is no page to
   * resolve a relative URL against (a server rendering the elements), it is kept as given
   * and loading it fails as a `Network` error, like any feed that cannot be fetched.
   */
  constructor(url: string | URL) {
    super();
    this.url = resolveUrl(url);
  }

  /**
   * One page, fetched once while in flight. The first page is fetched again (revalidated
   * with the server, `cache: 'no-cache'`) by each `feed()` call without a cursor once the
   * previous answer arrived: that is how a store's refresh sees new stories.
   */
  private load(pageUrl: string, signal?: AbortSignal, fresh = false): Promise<Page<Reel>> {
    let page = this.pages.get(pageUrl);
    if (!page || (fresh && this.settled.has(pageUrl))) {
      this.settled.delete(pageUrl);
      const loading = this.fetchPage(pageUrl, signal, fresh);
      page = loading;
      this.pages.set(pageUrl, loading);
      loading.then(
        () => this.pages.get(pageUrl) === loading && this.settled.add(pageUrl),
        // A failed load is not remembered, so a retry fetches again.
        () => this.pages.get(pageUrl) === loading && this.pages.delete(pageUrl),
      );
    }
    return page;
  }

  private async fetchPage(pageUrl: string, signal?: AbortSignal, fresh = false): Promise<Page<Reel>> {
    let response: Response;
    try {
      response = await fetch(pageUrl, { signal, cache: fresh ? 'no-cache' : 'default', headers: { accept: 'application/feed+json, application/json' }, credentials: 'same-origin' });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new Network(`Could not load the stories feed ${pageUrl}`, { cause: error });
    }
    if (response.status === 404 || response.status === 410) throw new NotFound(`The stories feed ${pageUrl} does not exist (${response.status})`);
    if (!response.ok) throw new Network(`The stories feed ${pageUrl} answered ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new Invalid(`The stories feed ${pageUrl} is not JSON`, { cause: error });
    }
    if (!isObject(body)) throw new Invalid(`The stories feed ${pageUrl} is not a JSON object`);
    const isOpenStories = isObject(body._open_stories) || (Array.isArray(body.items) && body.items.some((i) => isObject(i) && '_open_stories' in i));
    const { reels, next } = isOpenStories ? fromOpenStories(body, pageUrl) : { reels: body.reels ?? body.items, next: body.next };
    const page: Page<Reel> = { items: reels as Reel[] };
    // `next` comes from untrusted data: follow it only to https or this page's origin.
    if (typeof next === 'string' && next) {
      const nextUrl = new URL(next, pageUrl);
      if (nextUrl.protocol === 'https:' || nextUrl.origin === globalThis.location?.origin) page.next = nextUrl.href;
      else throw new Invalid(`The stories feed's next page ${nextUrl.protocol} URL is not allowed`);
    }
    const date = Date.parse(response.headers.get('date') ?? '');
    if (Number.isFinite(date)) page.serverTime = date;
    return page;
  }

  async feed(opts: ListOptions & { limit?: number } = {}): Promise<Page<Reel>> {
    return this.load(opts.cursor ?? this.url, opts.signal, !opts.cursor);
  }

  async reel(authorId: string, opts: { signal?: AbortSignal } = {}): Promise<Reel | null> {
    // Look through the pages already loaded, then load on until the account turns up.
    let cursor: string | undefined = this.url;
    while (cursor) {
      const page: Page<Reel> = await this.load(cursor, opts.signal);
      const found = page.items.find((r) => isObject(r) && isObject(r.author) && r.author.id === authorId);
      if (found) return found;
      cursor = page.next;
    }
    return null;
  }
}
