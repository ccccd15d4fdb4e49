/**
 * What the composer accepts, and why it refuses the rest. The limits are the documented
 * ones (README, "<story-composer>"); the data layer has its own.
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

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Which rule a file breaks, in words for people; null when it breaks none that can be told without reading it. */
export function ruleBroken(file: { type: string; size: number; name?: string }): string | null {
  const type = file.type.toLowerCase();
  const image = (MEDIA_RULES.imageTypes as readonly string[]).includes(type);
  const video = (MEDIA_RULES.videoTypes as readonly string[]).includes(type);
  if (!image && !video) return `${file.name ? `“${file.name}”` : 'This file'} is not a photo or video this accepts (JPEG, PNG, WebP, GIF, MP4, WebM or MOV).`;
  const max = image ? MEDIA_RULES.maxImageBytes : MEDIA_RULES.maxVideoBytes;
  if (file.size > max) return `${image ? 'Photos' : 'Videos'} can be at most ${mb(max)}; this one is ${mb(file.size)}.`;
  if (file.size === 0) return 'This file is empty.';
  return null;
}
