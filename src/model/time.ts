/**
 * The 24-hour rule and the clock it is measured by.
 *
 * A story is live while `createdAt <= now < expiresAt`; `expiresAt` defaults to
 * `createdAt + 24 h` and is clamped to it, whatever a feed claims. `now` is the client's
 * clock corrected by the server's when an adapter reports the server's time.
 */

/** 24 hours in ms: the longest a story lives. */
export const STORY_LIFETIME = 24 * 60 * 60 * 1000;

/** The effective expiry: the given one, but never later than `createdAt + 24 h`. */
export function clampExpiry(createdAt: number, expiresAt?: number): number {
  const limit = createdAt + STORY_LIFETIME;
  return expiresAt === undefined || !Number.isFinite(expiresAt) ? limit : Math.min(expiresAt, limit);
}

/** Whether a story is live at `now`. */
export function isLive(story: { createdAt: number; expiresAt: number }, now: number): boolean {
  return story.createdAt <= now && now < clampExpiry(story.createdAt, story.expiresAt);
}

/**
 * Time, for everything that expires. Injectable so tests control it; timers go through it
 * so a controlled clock also controls when expiry fires.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The browser's clock, corrected by the server's: call {@link SkewedClock.observeServerTime}
 * with a server timestamp and the moment the request was sent.
 */
export class SkewedClock implements Clock {
  /** ms to add to the client clock to get the server's. */
  skew = 0;

  now(): number {
    return Date.now() + this.skew;
  }

  /** Learns the skew from a server time taken between `sentAt` and now (client times). */
  observeServerTime(serverTime: number, sentAt: number): void {
    if (!Number.isFinite(serverTime)) return;
    const receivedAt = Date.now();
    // The server stamped its answer somewhere between sending and receiving: assume the middle.
    this.skew = serverTime - (sentAt + receivedAt) / 2;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    // Browsers fire timers beyond 2^31-1 ms at once; a day fits, but clamp to be safe.
    return globalThis.setTimeout(callback, Math.min(Math.max(0, ms), 2 ** 31 - 1));
  }

  clearTimeout(handle: unknown): void {
    globalThis.clearTimeout(handle as number);
  }
}
