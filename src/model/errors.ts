/**
 * Typed errors that cross the adapter boundary. Elements turn each into a polite visible
 * state and a `story-error` event; none of them is ever left uncaught.
 */

/** Machine-readable kind of a {@link StoriesError}. */
export type StoriesErrorCode = 'not-found' | 'forbidden' | 'network' | 'invalid' | 'quota' | 'read-only' | 'media';

/** Base class of every error the library reports. */
export class StoriesError extends Error {
  readonly code: StoriesErrorCode;
  constructor(code: StoriesErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The story, reel, comment or account does not exist (or has expired). */
export class NotFound extends StoriesError {
  constructor(message = 'Not found', options?: { cause?: unknown }) {
    super('not-found', message, options);
  }
}

/** The current user may not do this (e.g. read the viewers of someone else's story). */
export class Forbidden extends StoriesError {
  constructor(message = 'Forbidden', options?: { cause?: unknown }) {
    super('forbidden', message, options);
  }
}

/** The network or the server failed; retrying later may work. */
export class Network extends StoriesError {
  constructor(message = 'Network error', options?: { cause?: unknown }) {
    super('network', message, options);
  }
}

/** Data was malformed: an adapter's answer, or input the server refused. */
export class Invalid extends StoriesError {
  constructor(message = 'Invalid data', options?: { cause?: unknown }) {
    super('invalid', message, options);
  }
}

/** Storage is full (the browser's quota, or the server's). */
export class Quota extends StoriesError {
  constructor(message = 'Storage quota exceeded', options?: { cause?: unknown }) {
    super('quota', message, options);
  }
}

/** The adapter cannot write (a static feed): comments, viewers and the composer are hidden. */
export class ReadOnly extends StoriesError {
  constructor(message = 'This source is read-only', options?: { cause?: unknown }) {
    super('read-only', message, options);
  }
}

/** What a thrown value says: an Error's message, or the value in words. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Any thrown value as a StoriesError (unknown failures count as network errors). */
export function toStoriesError(error: unknown): StoriesError {
  if (error instanceof StoriesError) return error;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return new Quota(error.message, { cause: error });
  if (error instanceof DOMException && error.name === 'AbortError') return new Network('Aborted', { cause: error });
  return new Network(messageOf(error), { cause: error });
}
