import type { Words } from '../../i18n/words.js';
import { MEDIA_RULES, type CheckedMedia } from '../../model/media-rules.js';

/** `n` `unit`s in the language of the words: "15 MB" (`megabyte`), "60 seconds" (`second`, long). */
export const amount = (words: Words, n: number, unit: string, unitDisplay: 'short' | 'long' = 'short'): string =>
  new Intl.NumberFormat(words.lang, { style: 'unit', unit, unitDisplay }).format(n);

/** A size in MB ("15 MB"), a length in seconds ("60 seconds"). */
export const mb = (words: Words, bytes: number) => amount(words, Math.round(bytes / (1024 * 1024)), 'megabyte');
export const seconds = (words: Words, n: number) => amount(words, n, 'second', 'long');

/** Which rule a file breaks, in words for people; null when it breaks none that can be told without reading it. */
function ruleBroken(file: { type: string; size: number; name?: string }, words: Words): string | null {
  const type = file.type.toLowerCase();
  const image = (MEDIA_RULES.imageTypes as readonly string[]).includes(type);
  const video = (MEDIA_RULES.videoTypes as readonly string[]).includes(type);
  if (!image && !video) return words.t(file.name ? 'composer.notMediaNamed' : 'composer.notMedia', { name: file.name ?? '' });
  const max = image ? MEDIA_RULES.maxImageBytes : MEDIA_RULES.maxVideoBytes;
  if (file.size > max) return words.t(image ? 'composer.photoTooBig' : 'composer.videoTooBig', { max: mb(words, max), size: mb(words, file.size) });
  if (file.size === 0) return words.t('composer.emptyFile');
  return null;
}

/**
 * Reads a file the user picked, dropped, pasted or recorded: its type and size first, then
 * the media itself (an image must decode; a video must load its metadata and be at most
 * {@link MEDIA_RULES.maxVideoSeconds} long). Resolves what it found, or rejects with a
 * message that names the rule and the limit, in the language of `words`.
 */
export async function checkMedia(file: Blob & { name?: string }, words: Words): Promise<CheckedMedia> {
  const broken = ruleBroken(file, words);
  const unread = (id: string) => new Error(words.t(id));
  if (broken) throw new Error(broken);
  const kind = file.type.startsWith('image/') ? 'image' : 'video';
  const url = URL.createObjectURL(file);
  try {
    if (kind === 'image') {
      const img = new Image();
      img.src = url;
      await img.decode().catch(() => {
        throw unread('composer.badPhoto');
      });
      return { kind, blob: file, type: file.type, width: img.naturalWidth, height: img.naturalHeight };
    }
    const video = document.createElement('video');
    video.preload = 'metadata';
    video.muted = true;
    const loaded = new Promise<void>((resolve, reject) => {
      video.onloadedmetadata = () => resolve();
      video.onerror = () => reject(unread('composer.badVideo'));
    });
    video.src = url;
    await loaded;
    // Recordings (MediaRecorder webm) may not know their length until the end is sought.
    if (!Number.isFinite(video.duration)) {
      video.currentTime = 1e9;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(unread('composer.videoNoLength')), 5000);
        video.ontimeupdate = () => (clearTimeout(timer), resolve());
        video.onerror = () => (clearTimeout(timer), reject(unread('composer.badVideo')));
      });
    }
    const length = video.duration;
    if (length > MEDIA_RULES.maxVideoSeconds + 0.5) throw new Error(words.t('composer.videoTooLong', { max: seconds(words, MEDIA_RULES.maxVideoSeconds), length: seconds(words, Math.round(length)) }));
    return { kind, blob: file, type: file.type, width: video.videoWidth, height: video.videoHeight, duration: Math.round(length * 1000) };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file a picker, a drop or a paste brings, if any (a picker is emptied, so the same file can be chosen again). */
export function fileOf(event: Event): File | undefined {
  const input = event.target as HTMLInputElement;
  const file = (event as DragEvent).dataTransfer?.files[0] ?? (event as ClipboardEvent).clipboardData?.files[0] ?? input.files?.[0];
  if (input.files) input.value = '';
  return file;
}
