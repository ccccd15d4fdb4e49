import { Invalid, Network, NotFound } from '../model/errors.js';
import type { Page, Reel } from '../model/types.js';
import { ReadOnlyAdapter } from './read-only.js';
import type { ListOptions } from './types.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Converts an OpenStories feed (JSON Feed 1.1 whose items carry `_open_stories`) into
 * reels, grouping items by author. Fields it cannot map are left for validation to reject.
 */
export function fromOpenStories(feed: Json, feedUrl: string): { reels: Json[]; next?: string } {
  const feedAuthor: Json =
    (Array.isArray(feed.authors) && isObject(feed.authors[0]) ? feed.authors[0] : isObject(feed.author) ? feed.author : undefined) ?? { name: feed.title };
  const reels = new Map<string, Json>();
  for (const item of Array.isArray(feed.items) ? feed.items : []) {
    if (!isObject(item)) continue;
    const story = isObject(item._open_stories) ? item._open_stories : {};
    const rawAuthor = Array.isArray(item.authors) && isObject(item.authors[0]) ? item.authors[0] : feedAuthor;
    const name = typeof rawAuthor.name === 'string' ? rawAuthor.name : typeof feed.title === 'string' ? feed.title : '';
    // JSON Feed authors have no id: their URL is the most stable thing they have.
    const id = typeof rawAuthor.url === 'string' ? rawAuthor.url : `${feedUrl}#${name}`;
    const author: Json = { id, name, avatar: rawAuthor.avatar ?? feed.icon ?? feed.favicon };
    let reel = reels.get(id);
    if (!reel) reels.set(id, (reel = { author, stories: [] as Json[] }));
    const mime = typeof story.mime_type === 'string' ? story.mime_type : '';
    const caption = typeof story.caption === 'string' && story.caption.trim() ? story.caption : undefined;
    (reel.stories as Json[]).push({
      id: item.id,
      createdAt: item.date_published ?? item.date_modified,
      expiresAt: story.date_expired,
      media: {
        kind: mime.startsWith('image/') ? 'image' : mime.startsWith('video/') || /mpegurl/i.test(mime) ? 'video' : mime || undefined,
        src: story.url,
        type: mime || undefined,
        alt: story.alt,
      },
      duration: typeof story.duration_in_seconds === 'number' ? story.duration_in_seconds * 1000 : undefined,
      overlays: caption ? [{ kind: 'text', text: caption, x: 0.5, y: 0.86, style: 'background' }] : undefined,
    });
  }
  return { reels: [...reels.values()], next: typeof feed.next_url === 'string' ? feed.next_url : undefined };
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
  private readonly pages = new Map<string, Promise<Page<Reel>>>();
  private readonly settled = new Set<string>();

  /** @param url The feed's URL, absolute or relative to the page. */
  constructor(url: string | URL) {
    super();
    this.url = new URL(String(url), globalThis.location?.href).href;
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
