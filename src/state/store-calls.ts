import type { StoriesAdapter } from '../adapters/types.js';
import { StoryErrorEvent, type StoryErrorDetail } from '../events.js';
import { Invalid, ReadOnly, toStoriesError, type StoriesError } from '../model/errors.js';
import { SkewedClock, type Clock } from '../model/time.js';
import type { Comment, Page, Sound, StoryEvent, StoryView } from '../model/types.js';
import { parseComment, parsePage, parseSound, parseView, type ValidationIssue } from '../model/validate.js';

export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/** Who a failure is about. */
export type About = Pick<StoryErrorDetail, 'storyId' | 'authorId'>;

/**
 * The store's first layer (see {@link StoriesStore}): the one way from the elements to the
 * adapter. Every answer is validated (a bad item is dropped with an `invalid` story-error),
 * every failure is reported as a `story-error` and thrown as a typed error; a call its
 * caller cancelled is neither.
 */
export class StoreCalls extends EventTarget {
  readonly adapter: StoriesAdapter;
  /**
   * The backend's one name: `adapter.key` (the library's adapters each have theirs, e.g.
   * `rest:<endpoint>`), else `custom` with an `invalid` story-error for a writable adapter.
   * Seen state, the comment outbox and the composer's drafts are kept under it.
   */
  readonly key: string;
  readonly clock: Clock;
  /** What {@link StoriesStore.dispose} undoes. */
  protected disposers: (() => void)[] = [];

  constructor(adapter: StoriesAdapter, clock?: Clock) {
    super();
    this.adapter = adapter;
    this.clock = clock ?? new SkewedClock();
    this.key = typeof adapter.key === 'string' && adapter.key ? adapter.key : 'custom';
    if (this.key === 'custom' && !adapter.readOnly) {
      queueMicrotask(() => this.report({ code: 'invalid', message: 'This adapter has no key: give it one naming its backend (StoriesAdapter.key), so comments waiting to be sent and drafts go back to the backend they were written for' }));
    }
    // Adapters that are EventTargets may warn (e.g. LocalAdapter falling back to memory);
    // warnings from before this store existed are reported too.
    const earlier = (adapter as { warnings?: unknown[] }).warnings;
    if (Array.isArray(earlier)) queueMicrotask(() => earlier.forEach((w) => this.fail(w)));
    if (adapter instanceof EventTarget) {
      const onWarning = (e: Event) => this.fail((e as CustomEvent<unknown>).detail);
      adapter.addEventListener('warning', onWarning);
      this.disposers.push(() => adapter.removeEventListener('warning', onWarning));
    }
  }

  // ---- reporting

  protected emit(): void {
    this.dispatchEvent(new Event('change'));
  }

  protected report(detail: StoryErrorDetail): void {
    this.dispatchEvent(new StoryErrorEvent(detail));
  }

  /** Reports a failure as `story-error` and returns it as a typed error. */
  protected fail(error: unknown, about: About = {}): StoriesError {
    const typed = toStoriesError(error);
    this.report({ code: typed.code, message: typed.message, error: typed, ...about });
    return typed;
  }

  /**
   * Re-dispatches this store's `story-error` events from `target` (bubbling, composed), so
   * they reach the page from an element (or from document for the default store).
   * Returns the function that stops it.
   */
  forwardErrorsTo(target: EventTarget): () => void {
    const forward = (e: Event) => target.dispatchEvent(new StoryErrorEvent((e as StoryErrorEvent).detail));
    this.addEventListener('story-error', forward);
    return () => this.removeEventListener('story-error', forward);
  }

  protected issue = (issue: ValidationIssue): void => {
    const about = issue.item === 'reel' || issue.item === 'author' ? { authorId: issue.id } : { storyId: issue.id };
    // A bad optional field is ignored on its own; the item still shows.
    const what = issue.fieldOnly ? `Ignored ${issue.path} of ${issue.item}` : `Dropped ${issue.item}`;
    this.report({ code: 'invalid', message: `${what}${issue.id ? ` ${issue.id}` : ''}: ${issue.path} ${issue.message}`, item: issue.item, path: issue.path, ...about });
  };

  /** Runs an adapter call; a failure is reported, a cancellation (by `signal`, whatever the adapter threw for it) is not. */
  protected async call<T>(about: About, run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isAbort(error) || signal?.aborted) throw error;
      throw this.fail(error, about);
    }
  }

  // ---- comments, viewers, sounds

  /** A page of a story's comments (newest page first, each page oldest first). */
  comments(storyId: string, opts: { cursor?: string; signal?: AbortSignal } = {}): Promise<Page<Comment>> {
    return this.call({ storyId }, async () => parsePage(await this.adapter.comments(storyId, opts), parseComment, this.issue));
  }

  /** Posts a comment; idempotent on `clientId`. */
  postComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment> {
    return this.call({ storyId }, () => this.deliverComment(storyId, input));
  }

  /**
   * {@link postComment} without reporting a failure: the comment outbox's way to the
   * backend (it retries, and reports a lasting refusal itself).
   */
  async deliverComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment> {
    const comment = parseComment(await this.adapter.postComment(storyId, input), this.issue);
    if (!comment) throw new Invalid('The server answered with an invalid comment');
    return comment;
  }

  /** Reports a comment to the backend's moderators (ReadOnly where the adapter takes no reports). */
  reportComment(storyId: string, commentId: string, reason?: string): Promise<void> {
    return this.call({ storyId }, async () => {
      if (!this.adapter.reportComment) throw new ReadOnly('This source takes no reports');
      await this.adapter.reportComment(storyId, commentId, reason ? { reason } : {});
    });
  }

  deleteComment(storyId: string, commentId: string): Promise<void> {
    return this.call({ storyId }, () => this.adapter.deleteComment(storyId, commentId));
  }

  /** Who viewed one of the signed-in user's stories. */
  viewers(storyId: string, opts: { cursor?: string; signal?: AbortSignal } = {}): Promise<Page<StoryView>> {
    return this.call({ storyId }, async () => parsePage(await this.adapter.viewers(storyId, opts), parseView, this.issue));
  }

  /** Sounds for the composer; empty when the adapter offers none. `signal` cancels a search overtaken by the next one. */
  sounds(query = '', opts: { signal?: AbortSignal } = {}): Promise<Page<Sound>> {
    return this.call({}, async () => (this.adapter.sounds ? parsePage(await this.adapter.sounds(query, opts), parseSound, this.issue) : { items: [] }), opts.signal);
  }

  /** Live events of one story, validated; a no-op when the adapter has no `subscribe`. */
  subscribe(storyId: string, onEvent: (e: StoryEvent) => void): () => void {
    if (!this.adapter.subscribe) return () => {};
    return this.adapter.subscribe(storyId, (event) => {
      if (event?.type === 'comment') {
        const comment = parseComment(event.comment, this.issue);
        if (comment) onEvent({ type: 'comment', comment });
      } else if (event?.type === 'view') {
        const view = parseView(event.view, this.issue);
        if (view) onEvent({ type: 'view', storyId, view });
      } else if (event?.type === 'comment-deleted' && typeof event.commentId === 'string') {
        onEvent({ type: 'comment-deleted', storyId, commentId: event.commentId });
      }
    });
  }
}
