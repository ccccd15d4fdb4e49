import type { Author, Comment, Page, Reel, Sound, Story, StoryDraft, StoryEvent, StoryView } from '../model/types.js';

/** Options every list call accepts. */
export interface ListOptions {
  cursor?: string;
  signal?: AbortSignal;
}

/**
 * The only way data comes in or goes out. Any object with these methods works; the
 * library ships LocalAdapter (IndexedDB), FeedAdapter (static JSON) and RestAdapter
 * (HTTP). Everything returned is treated as untrusted and validated by the store.
 * Failures are thrown as the typed errors of `model/errors.ts`.
 */
export interface StoriesAdapter {
  /**
   * True when the source cannot be written to (a static feed): the elements then hide
   * comments, the viewers tab and the composer instead of failing.
   */
  readonly readOnly?: boolean;
  /**
   * Names the backend (e.g. `rest:https://api.example.com`): seen state, comments waiting in
   * the outbox and drafts are kept per backend, and go back to the one they were written
   * for. The library's adapters have theirs; a writable adapter of your own needs one (the
   * store reports an `invalid` story-error without it, and keeps everything under `custom`).
   */
  readonly key?: string;
  /** The signed-in account, or null for an anonymous viewer. */
  me(opts?: { signal?: AbortSignal }): Promise<Author | null>;
  /** Followed accounts with live stories, one reel each. */
  feed(opts?: ListOptions & { limit?: number }): Promise<Page<Reel>>;
  /** One account's live stories (oldest first), or null when it has none. */
  reel(authorId: string, opts?: { signal?: AbortSignal }): Promise<Reel | null>;
  /** Records that the current user viewed a story. Idempotent. */
  markViewed(storyId: string): Promise<void>;
  /** Who viewed a story, newest first. Only for the story's author: others get Forbidden. */
  viewers(storyId: string, opts?: ListOptions): Promise<Page<StoryView>>;
  /** A story's comments: the first page is the newest, `next` goes back in time; each page oldest first. */
  comments(storyId: string, opts?: ListOptions): Promise<Page<Comment>>;
  /** Posts a comment. Idempotent on `clientId`: a repeat returns the first comment. */
  postComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment>;
  /** Deletes a comment: its author or the story's author only. */
  deleteComment(storyId: string, commentId: string): Promise<void>;
  /**
   * Reports a comment to the backend's moderators. Idempotent per reporter; the reporter
   * is never shown to the comment's author. Without it, the elements offer no "Report".
   */
  reportComment?(storyId: string, commentId: string, input?: { reason?: string }): Promise<void>;
  /** Publishes a story by the current user. */
  publish(draft: StoryDraft, opts?: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal }): Promise<Story>;
  /** Deletes one of the current user's stories. */
  deleteStory(storyId: string): Promise<void>;
  /** Sounds the composer offers. */
  sounds?(query?: string, opts?: ListOptions): Promise<Page<Sound>>;
  /** Live comments and views of one story; returns the unsubscribe function. */
  subscribe?(storyId: string, onEvent: (e: StoryEvent) => void): () => void;
}
