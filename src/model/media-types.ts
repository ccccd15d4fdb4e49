/**
 * What a media URL's file extension says it is. Feeds in the wild declare MIME types that
 * contradict their files (an iPhone `.mov` published as `image/quicktime`, an `.mp4` as
 * `image/mp4`): shown as an image, such a story is a broken picture. The extension is what
 * the file was saved as, so when the two disagree about the *kind* of media, it wins.
 */

export type MediaKind = 'image' | 'video';

/** Declared types fall into three families; HLS is told apart because it plays differently. */
type Family = 'image' | 'video' | 'hls';

/** The extensions we know, with the kind and the MIME type a file of that name has. */
export const EXTENSION_TYPES: Readonly<Record<string, { kind: MediaKind; type: string }>> = {
  jpg: { kind: 'image', type: 'image/jpeg' },
  jpeg: { kind: 'image', type: 'image/jpeg' },
  png: { kind: 'image', type: 'image/png' },
  webp: { kind: 'image', type: 'image/webp' },
  gif: { kind: 'image', type: 'image/gif' },
  avif: { kind: 'image', type: 'image/avif' },
  mp4: { kind: 'video', type: 'video/mp4' },
  m4v: { kind: 'video', type: 'video/mp4' },
  mov: { kind: 'video', type: 'video/quicktime' },
  webm: { kind: 'video', type: 'video/webm' },
  m3u8: { kind: 'video', type: 'application/vnd.apple.mpegurl' },
};

/** The lower-cased extension of a URL's path (query and fragment ignored), or ''. */
export function extensionOf(url: string): string {
  // The path alone: without query and fragment, and without the host (".com" is no file type).
  const path = url.split(/[?#]/, 1)[0].replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function familyOfType(type: string): Family | undefined {
  const t = type.trim().toLowerCase();
  if (/mpegurl/.test(t)) return 'hls';
  if (t.startsWith('image/')) return 'image';
  if (t.startsWith('video/')) return 'video';
  return undefined;
}

function familyOfExtension(entry: { kind: MediaKind; type: string }): Family {
  return familyOfType(entry.type) ?? entry.kind;
}

/**
 * The kind and MIME type to use for media at `url` declared as `declared`.
 *
 * - A known extension decides the kind. The declared type is kept when it belongs to the
 *   same family (an image type for an image file, a video type for a video file, an HLS type
 *   for `.m3u8`), else the extension's own type replaces it.
 * - An unknown extension (or none) keeps the declared type, and the kind follows it:
 *   `image/…` is an image, `video/…` and HLS types are videos.
 * - Neither gives a kind: `undefined`, for validation to refuse.
 */
export function resolveMediaType(url: unknown, declared?: unknown): { kind: MediaKind; type?: string } | undefined {
  const type = typeof declared === 'string' && declared.trim() ? declared.trim() : undefined;
  const declaredFamily = type ? familyOfType(type) : undefined;
  const ext = typeof url === 'string' ? extensionOf(url) : '';
  // Own keys only: a file named `x.constructor` must not find Object's prototype.
  const entry = Object.hasOwn(EXTENSION_TYPES, ext) ? EXTENSION_TYPES[ext] : undefined;
  if (entry) return { kind: entry.kind, type: declaredFamily === familyOfExtension(entry) ? type : entry.type };
  if (!declaredFamily) return undefined;
  return { kind: declaredFamily === 'image' ? 'image' : 'video', type };
}
