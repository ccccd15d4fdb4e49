import { Forbidden, Invalid, Network, NotFound, Quota, ReadOnly, StoriesError, messageOf } from '../model/errors.js';
import type { Author, Comment, Page, Reel, Sound, Story, StoryDraft, StoryEvent, StoryView } from '../model/types.js';
import { readEventStream } from './sse.js';
import { resolveUrl } from './url.js';
import type { ListOptions, StoriesAdapter } from './types.js';

/** Options of {@link RestAdapter}. */
export interface RestAdapterOptions {
  /** Base URL of the API, e.g. `https://api.example.com/stories`. */
  endpoint: string;
  /** Returns the bearer token of the signed-in user (or null): sent as `Authorization: Bearer …`. */
  token?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Retries of idempotent calls after a network error or a 5xx/429 (default 3). */
  retries?: number;
  /** First retry delay in ms, doubled each time up to `maxRetryDelay` (defaults 300 and 5000). */
  retryDelay?: number;
  maxRetryDelay?: number;
  /**
   * Listen to `GET /events` while something listens for `feed-change` (a store does), so
   * rings change when an account the user follows posts or deletes a story (default true).
   */
  liveFeed?: boolean;
}

interface Call {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  /** An absolute URL instead of `path` under the endpoint (a presigned upload). */
  url?: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  onProgress?: (sent: number, total: number) => void;
}

/** HTTP status → the typed error a caller can act on. */
export function errorForStatus(status: number, message: string): StoriesError {
  if (status === 400 || status === 409 || status === 422) return new Invalid(message);
  if (status === 401 || status === 403) return new Forbidden(message);
  if (status === 404 || status === 410) return new NotFound(message);
  if (status === 405) return new ReadOnly(message);
  if (status === 413 || status === 507) return new Quota(message);
  return new Network(message);
}

const RETRYABLE = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

function abortError(): DOMException {
  return new DOMException('Aborted', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(abortError());
    }, { once: true });
  });
}

/**
 * Talks to a backend over the documented HTTP contract (`docs/rest-api.md`): JSON, cursor
 * pagination, `Idempotency-Key` on writes, a bearer token from a callback, `AbortSignal`
 * everywhere, and capped exponential retries of idempotent calls after network errors, 429
 * and 5xx. Statuses become the typed errors. The stories server (`server/`) implements the
 * contract and is what its tests run against.
 *
 * It is an EventTarget: while a `feed-change` listener is attached (a store attaches one)
 * and a user is signed in, it reads the user's feed events (`GET /events`) and dispatches
 * `feed-change` for each, so the store refreshes its rings without a reload.
 */
export class RestAdapter extends EventTarget implements StoriesAdapter {
  readonly readOnly = false;
  readonly endpoint: string;
  /** `rest:` and the endpoint: an outbox's comments go back to this backend. */
  get key(): string {
    return `rest:${this.endpoint}`;
  }
  private readonly options: RestAdapterOptions;

  private readonly feedListeners = new Set<EventListenerOrEventListenerObject>();
  private feedStream: AbortController | null = null;

  constructor(options: RestAdapterOptions | string) {
    super();
    this.options = typeof options === 'string' ? { endpoint: options } : options;
    this.endpoint = resolveUrl(this.options.endpoint).replace(/\/+$/, '');
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
    if (type !== 'feed-change' || !listener || this.options.liveFeed === false) return;
    this.feedListeners.add(listener);
    if (!this.feedStream) void this.listenToFeed();
  }

  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
    if (type !== 'feed-change' || !listener || !this.feedListeners.delete(listener) || this.feedListeners.size) return;
    this.feedStream?.abort();
    this.feedStream = null;
  }

  /** Reads `GET /events` (reconnecting with Last-Event-ID) until the last listener goes; anonymous users have no feed to watch. */
  private async listenToFeed(): Promise<void> {
    const controller = new AbortController();
    this.feedStream = controller;
    const token = await this.options.token?.();
    if (!token || controller.signal.aborted) {
      if (this.feedStream === controller) this.feedStream = null;
      return;
    }
    await readEventStream(this.url('/events'), {
      signal: controller.signal,
      headers: async (): Promise<Record<string, string>> => {
        const current = await this.options.token?.();
        return current ? { authorization: `Bearer ${current}` } : {};
      },
      onMessage: (data) => {
        let event: unknown;
        try {
          event = JSON.parse(data);
        } catch {
          return;
        }
        if ((event as { type?: unknown } | null)?.type === 'feed-change') this.dispatchEvent(new Event('feed-change'));
      },
    });
    if (this.feedStream === controller) this.feedStream = null;
  }

  private url(path: string, query?: Call['query']): string {
    const url = new URL(this.endpoint + path);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    return url.href;
  }

  private async headers(call: Call): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = await this.options.token?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    if (call.body !== undefined && !(call.body instanceof FormData)) headers['content-type'] = 'application/json';
    return headers;
  }

  /** One HTTP exchange; resolves status, parsed JSON body and the server's clock. */
  private async once(call: Call): Promise<{ status: number; body: unknown; serverTime?: number; retryAfter?: number }> {
    const headers = await this.headers(call);
    const body = call.body === undefined ? undefined : call.body instanceof FormData ? call.body : JSON.stringify(call.body);
    // fetch cannot report upload progress; XMLHttpRequest can.
    const res = call.onProgress ? await this.xhr(call, headers, body) : await fetch(this.url(call.path, call.query), { method: call.method, headers, body, signal: call.signal, credentials: 'omit' });
    const text = await res.text();
    let parsed: unknown;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (res.ok) throw new Invalid(`${call.method} ${call.path}: the answer is not JSON`);
      }
    }
    const date = Date.parse(res.headers.get('date') ?? '');
    const bodyTime = parsed && typeof parsed === 'object' && typeof (parsed as { serverTime?: unknown }).serverTime === 'number' ? (parsed as { serverTime: number }).serverTime : undefined;
    const retryAfter = Number(res.headers.get('retry-after'));
    return { status: res.status, body: parsed, serverTime: bodyTime ?? (Number.isFinite(date) ? date : undefined), retryAfter: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined };
  }

  private xhr(call: Call, headers: Record<string, string>, body: XMLHttpRequestBodyInit | undefined): Promise<Response> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(call.method, call.url ?? this.url(call.path, call.query));
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => call.onProgress?.(e.loaded, e.lengthComputable ? e.total : e.loaded);
      xhr.onload = () => {
        const responseHeaders = new Headers();
        for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) responseHeaders.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers: responseHeaders }));
      };
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.onabort = () => reject(abortError());
      call.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      if (call.signal?.aborted) return reject(abortError());
      xhr.send(body ?? null);
    });
  }

  /** Sends a call, retrying idempotent ones; throws typed errors (and AbortError as is). */
  private async send<T>(call: Call): Promise<{ status: number; body: T; serverTime?: number }> {
    const idempotent = call.method !== 'POST' || call.idempotencyKey !== undefined;
    const retries = idempotent ? (this.options.retries ?? 3) : 0;
    const base = this.options.retryDelay ?? 300;
    const max = this.options.maxRetryDelay ?? 5000;
    for (let attempt = 0; ; attempt++) {
      call.signal?.throwIfAborted();
      let failure: StoriesError;
      let wait: number | undefined;
      try {
        const result = await this.once(call);
        if (result.status < 400) return result as { status: number; body: T; serverTime?: number };
        const error = (result.body as { error?: { message?: unknown } } | undefined)?.error;
        const message = typeof error?.message === 'string' ? error.message.slice(0, 500) : `${call.method} ${call.path} failed with ${result.status}`;
        failure = errorForStatus(result.status, message);
        if (!RETRYABLE(result.status)) throw failure;
        wait = result.retryAfter;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        if (error instanceof StoriesError && error.code !== 'network') throw error;
        failure = error instanceof StoriesError ? error : new Network(`${call.method} ${call.path}: ${messageOf(error)}`, { cause: error });
      }
      if (attempt >= retries) throw failure;
      // Capped exponential backoff with jitter, so many clients do not retry in step.
      const delay = wait ?? Math.min(max, base * 2 ** attempt) * (0.5 + Math.random() / 2);
      await sleep(delay, call.signal);
    }
  }

  private async page<T>(call: Call): Promise<Page<T>> {
    const { body, serverTime } = await this.send<Page<T>>(call);
    // Shape is checked by the store's validation; only the clock is added here.
    return body && typeof body === 'object' && serverTime !== undefined && (body as Page<T>).serverTime === undefined ? { ...body, serverTime } : body;
  }

  async me(opts: { signal?: AbortSignal } = {}): Promise<Author | null> {
    const { status, body } = await this.send<Author>({ method: 'GET', path: '/me', signal: opts.signal });
    return status === 204 ? null : body;
  }

  feed(opts: ListOptions & { limit?: number } = {}): Promise<Page<Reel>> {
    return this.page({ method: 'GET', path: '/feed', query: { cursor: opts.cursor, limit: opts.limit }, signal: opts.signal });
  }

  async reel(authorId: string, opts: { signal?: AbortSignal } = {}): Promise<Reel | null> {
    try {
      return (await this.send<Reel>({ method: 'GET', path: `/reels/${encodeURIComponent(authorId)}`, signal: opts.signal })).body;
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }

  async markViewed(storyId: string): Promise<void> {
    await this.send({ method: 'PUT', path: `/stories/${encodeURIComponent(storyId)}/view` });
  }

  viewers(storyId: string, opts: ListOptions = {}): Promise<Page<StoryView>> {
    return this.page({ method: 'GET', path: `/stories/${encodeURIComponent(storyId)}/viewers`, query: { cursor: opts.cursor }, signal: opts.signal });
  }

  comments(storyId: string, opts: ListOptions = {}): Promise<Page<Comment>> {
    return this.page({ method: 'GET', path: `/stories/${encodeURIComponent(storyId)}/comments`, query: { cursor: opts.cursor }, signal: opts.signal });
  }

  async postComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment> {
    const body = { text: input.text, ...(input.parentId ? { parentId: input.parentId } : {}) };
    return (await this.send<Comment>({ method: 'POST', path: `/stories/${encodeURIComponent(storyId)}/comments`, body, idempotencyKey: input.clientId })).body;
  }

  async deleteComment(storyId: string, commentId: string): Promise<void> {
    await this.send({ method: 'DELETE', path: `/stories/${encodeURIComponent(storyId)}/comments/${encodeURIComponent(commentId)}` });
  }

  async reportComment(storyId: string, commentId: string, input: { reason?: string } = {}): Promise<void> {
    await this.send({ method: 'PUT', path: `/stories/${encodeURIComponent(storyId)}/comments/${encodeURIComponent(commentId)}/report`, body: input.reason ? { reason: input.reason } : {} });
  }

  /**
   * Live comments and views of a story, from `GET /stories/{id}/events` (Server-Sent
   * Events, with the bearer token; reconnects by itself). Returns the unsubscribe function.
   */
  subscribe(storyId: string, onEvent: (e: StoryEvent) => void): () => void {
    const controller = new AbortController();
    void readEventStream(this.url(`/stories/${encodeURIComponent(storyId)}/events`), {
      signal: controller.signal,
      headers: async (): Promise<Record<string, string>> => {
        const token = await this.options.token?.();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      onMessage: (data) => {
        try {
          // Validated by the store before anything uses it.
          onEvent(JSON.parse(data) as StoryEvent);
        } catch {
          // Not JSON: not an event of this contract.
        }
      },
    });
    return () => controller.abort();
  }

  async publish(draft: StoryDraft, opts: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {}): Promise<Story> {
    const { blob, tracks, ...rest } = draft.media;
    const onProgress = opts.onProgress ?? (() => {});
    // Straight to the backend's object store when it offers that; else in the story's body.
    const upload = blob && (await this.stage(blob, rest.kind, onProgress, opts.signal));
    const file = upload ? undefined : blob;
    // Caption files go as `track` parts, in order; their entries in the JSON keep only what describes them.
    const files = (tracks ?? []).flatMap((t) => (t.blob ? [t.blob] : []));
    const described = tracks?.map(({ blob: _file, ...track }) => track);
    const media = { ...rest, ...(described?.length ? { tracks: described } : {}), ...(upload ? { upload } : {}) };
    const story = { ...draft, media };
    let body: FormData | object = story;
    if (file || files.length) {
      const form = new FormData();
      form.append('story', new Blob([JSON.stringify(story)], { type: 'application/json' }));
      if (file) form.append('media', file, 'media');
      files.forEach((track, i) => form.append('track', new Blob([track], { type: 'text/vtt' }), `track-${i}.vtt`));
      body = form;
    }
    // One key per publish call: a retried upload never creates two stories.
    const idempotencyKey = `publish-${crypto.randomUUID()}`;
    return (await this.send<Story>({ method: 'POST', path: '/stories', body, idempotencyKey, signal: opts.signal, onProgress: upload ? undefined : onProgress })).body;
  }

  /** Whether the backend said it takes media only in the story's body (no `POST /uploads`). */
  private bodyUploadsOnly = false;

  /**
   * Sends `blob` to the URL the backend presigns for it (`POST /uploads`: an object store,
   * so the file does not pass through the API server), with progress; resolves to the
   * upload's key, or null when the backend has no such route (404), remembered.
   */
  private async stage(blob: Blob, kind: string, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<string | null> {
    if (this.bodyUploadsOnly) return null;
    let ticket: unknown;
    try {
      ticket = (await this.send({ method: 'POST', path: '/uploads', body: { kind, type: blob.type, size: blob.size }, signal })).body;
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      this.bodyUploadsOnly = true;
      return null;
    }
    // The answer is data like any other: a key of plain characters, an http(s) URL, string headers.
    const { key, url, headers } = (ticket ?? {}) as { key?: unknown; url?: unknown; headers?: unknown };
    const target = typeof url === 'string' && URL.canParse(url) ? new URL(url) : null;
    const named = headers && typeof headers === 'object' ? Object.entries(headers) : [];
    if (typeof key !== 'string' || !/^[\w.-]{1,200}$/.test(key) || !target || !/^https?:$/.test(target.protocol) || named.some(([, v]) => typeof v !== 'string')) {
      throw new Invalid('POST /uploads: the answer is not an upload ticket');
    }
    // A presigned URL may be sent to again (the same bytes to the same key): retried like any idempotent call.
    for (let attempt = 0; ; attempt++) {
      let failure: Error;
      try {
        const res = await this.xhr({ method: 'PUT', path: '/uploads', url: target.href, signal, onProgress }, Object.fromEntries(named) as Record<string, string>, blob);
        if (res.ok) return key;
        failure = errorForStatus(res.status, `The upload was refused (${res.status})`);
        if (!RETRYABLE(res.status)) throw failure;
      } catch (error) {
        if (error instanceof StoriesError || (error instanceof DOMException && error.name === 'AbortError')) throw error;
        failure = new Network(`The upload failed: ${messageOf(error)}`, { cause: error });
      }
      if (attempt >= (this.options.retries ?? 3)) throw failure;
      await sleep(Math.min(this.options.maxRetryDelay ?? 5000, (this.options.retryDelay ?? 300) * 2 ** attempt), signal);
    }
  }

  async deleteStory(storyId: string): Promise<void> {
    await this.send({ method: 'DELETE', path: `/stories/${encodeURIComponent(storyId)}` });
  }

  sounds(query = '', opts: ListOptions = {}): Promise<Page<Sound>> {
    return this.page({ method: 'GET', path: '/sounds', query: { q: query, cursor: opts.cursor }, signal: opts.signal });
  }
}
