/**
 * What the composer accepts (it says why it refuses the rest, in the reader's language:
 * src/elements/story-composer/media-check.ts). The limits are the documented ones (README,
 * "<story-composer>"); the data layer has its own.
 */
export const MEDIA_RULES = {
  imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  videoTypes: ['video/mp4', 'video/webm', 'video/quicktime'],
  /** Largest photo, in bytes (15 MB). */
  maxImageBytes: 15 * 1024 * 1024,
  /** Largest video, in bytes (100 MB). */
  maxVideoBytes: 100 * 1024 * 1024,
  /** Longest video, and longest recording, in seconds. */
  maxVideoSeconds: 60,
} as const;

/** A file the composer can use, with what it learned reading it. */
export interface CheckedMedia {
  kind: 'image' | 'video';
  blob: Blob;
  type: string;
  width: number;
  height: number;
  /** Videos: length in ms. */
  duration?: number;
}
