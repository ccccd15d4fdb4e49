/**
 * What the viewer needs only sometimes: why media failed, a feed's placeholder, the blurred
 * copy behind letterboxed media. Loaded with the viewer's extras, after its first frame.
 */
import { isHls } from '../media/hls-support.js';
import type { Media, MediaPreview } from '../model/types.js';

/** Why a story's media could not be shown, as far as the browser can tell. */
export type MediaFailure = 'gone' | 'unsupported' | 'damaged' | 'network';

/**
 * Finds out why media failed, to say it in words: the server no longer has it (404, 410),
 * this browser cannot play its format (e.g. HEVC video in Chromium), the file is damaged,
 * or it could not be reached. `element` is the image or video that failed.
 */
export async function diagnoseFailure(media: Media, element: Element | null): Promise<MediaFailure> {
  const url = new URL(media.src, location.href);
  if (url.protocol !== 'blob:' && url.protocol !== 'data:') {
    try {
      // The element hides the HTTP status: ask the server (only what it says of the URL, no body).
      const response = await fetch(url.href, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin', mode: url.origin === location.origin ? 'same-origin' : 'cors' });
      if (response.status === 404 || response.status === 410) return 'gone';
      if (!response.ok && response.status !== 405) return 'network';
    } catch {
      // Cross-origin without CORS, or offline: the element's own error is all there is.
      if (!navigator.onLine) return 'network';
    }
  }
  if (element instanceof HTMLVideoElement) {
    if (media.type && !isHls(media) && element.canPlayType(media.type) === '') return 'unsupported';
    const code = element.error?.code;
    if (code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED) return 'unsupported';
    if (code === MediaError.MEDIA_ERR_NETWORK) return 'network';
    return 'damaged';
  }
  if (media.type?.startsWith('image/') && typeof document !== 'undefined') {
    // A declared format the browser has no decoder for (HEIC in Chromium, say).
    if (/heic|heif|jxl|tiff/i.test(media.type)) return 'unsupported';
  }
  return 'damaged';
}

/**
 * Paints a stand-in for media still loading into `canvas`: the feed's BlurHash (its decoder
 * loaded on first use), else its colour. Resolves to whether anything was painted.
 */
export async function paintPreview(canvas: HTMLCanvasElement, preview: MediaPreview | undefined): Promise<boolean> {
  if (preview?.blurhash) {
    const painted = await import('../media/blurhash.js').then((m) => m.paintBlurhash(canvas, preview.blurhash!), () => false);
    if (painted) return true;
  }
  if (!preview?.color) return false;
  const context = canvas.getContext('2d');
  if (!context) return false;
  canvas.width = canvas.height = 1;
  context.fillStyle = preview.color;
  context.fillRect(0, 0, 1, 1);
  return true;
}

/**
 * Draws a small copy of shown media into `canvas`: stretched and blurred behind media shown
 * whole (letterboxed), as the platforms do. Cross-origin media without CORS still draws
 * (the canvas is only shown, never read).
 */
export function paintBackdrop(canvas: HTMLCanvasElement, source: HTMLImageElement | HTMLCanvasElement | HTMLVideoElement): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  canvas.width = 27;
  canvas.height = 48;
  try {
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
  } catch {
    // Nothing drawable yet: the frame's own dark background shows.
  }
}
