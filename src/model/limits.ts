/**
 * Every limit in one place: what the library takes from any source (validate.ts drops or
 * shortens what is beyond), what its own forms let a person type (the composer, the
 * comment field) and what LocalAdapter stores. The stories server keeps the same numbers
 * (server/validate.mjs; a server test fails when the two drift apart).
 */
export const LIMITS = {
  /** Ids from feeds (our own server makes none longer than 200). */
  id: 256,
  name: 200,
  handle: 100,
  url: 4096,
  /** A `data:image/…` URL (avatars, stickers, posters) may be this long. */
  dataUrl: 150_000,
  /** A text overlay's words. */
  overlayText: 2000,
  /** A link sticker's label. */
  linkLabel: 200,
  /** Comments read from a source (posting one is {@link COMMENT_MAX_LENGTH}). */
  commentText: 2000,
  alt: 1000,
  /** A story's content warning, after trimming; a longer one is shortened, never dropped. */
  contentWarning: 500,
  /** Caption tracks per video. */
  tracks: 8,
  /** A caption track's language tag (RFC 5646 asks every implementation to take 35 characters). */
  lang: 35,
  /** Open Heart reaction endpoints per story. */
  openHeartUrls: 4,
  overlays: 50,
  storiesPerReel: 200,
  /** Why a comment was reported. */
  reportReason: 500,
  /** Longest time a single story may show, in ms. */
  duration: 10 * 60 * 1000,
} as const;

/** Longest comment, in characters, that the built-in adapters, the stories server and the comment field accept. */
export const COMMENT_MAX_LENGTH = 500;
