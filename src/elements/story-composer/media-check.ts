import { MEDIA_RULES, ruleBroken, type CheckedMedia } from '../../model/media-rules.js';

/**
 * Reads a file the user picked, dropped, pasted or recorded: its type and size first, then
 * the media itself (an image must decode; a video must load its metadata and be at most
 * {@link MEDIA_RULES.maxVideoSeconds} long). Resolves what it found, or rejects with a
 * message that names the rule and the limit.
 */
export async function checkMedia(file: Blob & { name?: string }): Promise<CheckedMedia> {
  const broken = ruleBroken(file);
  if (broken) throw new Error(broken);
  const kind = file.type.startsWith('image/') ? 'image' : 'video';
  const url = URL.createObjectURL(file);
  try {
    if (kind === 'image') {
      const img = new Image();
      img.src = url;
      await img.decode().catch(() => {
        throw new Error('This photo could not be read (the file is damaged or not really an image).');
      });
      return { kind, blob: file, type: file.type, width: img.naturalWidth, height: img.naturalHeight };
    }
    const video = document.createElement('video');
    video.preload = 'metadata';
    video.muted = true;
    const loaded = new Promise<void>((resolve, reject) => {
      video.onloadedmetadata = () => resolve();
      video.onerror = () => reject(new Error('This video could not be read (the file is damaged or in a format this browser cannot play).'));
    });
    video.src = url;
    await loaded;
    // Recordings (MediaRecorder webm) may not know their length until the end is sought.
    if (!Number.isFinite(video.duration)) {
      video.currentTime = 1e9;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('This video could not be read (its length cannot be found).')), 5000);
        video.ontimeupdate = () => (clearTimeout(timer), resolve());
        video.onerror = () => (clearTimeout(timer), reject(new Error('This video could not be read (the file is damaged or in a format this browser cannot play).')));
      });
    }
    const seconds = video.duration;
    if (seconds > MEDIA_RULES.maxVideoSeconds + 0.5) throw new Error(`Videos can be at most ${MEDIA_RULES.maxVideoSeconds} seconds long; this one is ${Math.round(seconds)} seconds.`);
    return { kind, blob: file, type: file.type, width: video.videoWidth, height: video.videoHeight, duration: Math.round(seconds * 1000) };
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
