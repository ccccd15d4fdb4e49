/**
 * Whether a story is HLS and how this browser plays it, decided without loading anything:
 * the viewer asks this for every video, and loads hls-loader.ts (and hls.js) only for a
 * stream that needs them.
 */

/** How HLS plays: `auto` (hls.js where Media Source Extensions exist, else native), or forced. */
export type HlsMode = 'auto' | 'native' | 'hls.js';

/** Whether a story's media is an HLS playlist (by MIME type, else by its `.m3u8` path). */
export function isHls(media: { src: string; type?: string }): boolean {
  if (media.type) return /mpegurl/i.test(media.type);
  try {
    return new URL(media.src, location.href).pathname.endsWith('.m3u8');
  } catch {
    return false;
  }
}

/** Whether hls.js can work here (MSE or Managed Media Source), decided without loading it. */
export function canUseMse(): boolean {
  const g = globalThis as { ManagedMediaSource?: unknown; MediaSource?: { isTypeSupported(t: string): boolean } };
  return !!g.ManagedMediaSource || !!g.MediaSource?.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"');
}

/** Whether `mode` plays HLS through hls.js in this browser. */
export function usesHlsJs(mode: HlsMode): boolean {
  return mode === 'hls.js' || (mode === 'auto' && canUseMse());
}
