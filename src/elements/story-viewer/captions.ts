/**
 * Captions of the video on screen, from its WebVTT `<track>`s. The viewer draws the cue
 * text itself (the track is `hidden`, not `showing`), so captions sit above the comments
 * band, wrap inside the frame and are plain text: cue markup (`<i>`, `<v Ana>`) is dropped,
 * never parsed as HTML.
 */
export class Captions {
  #video: HTMLVideoElement | null = null;
  #track: TextTrack | null = null;
  #on = false;
  readonly #onText: (text: string) => void;
  readonly #lang: () => string;

  /** `onText` gets the text to show ('' for none); `lang` is the reader's language. */
  constructor(onText: (text: string) => void, lang: () => string) {
    this.#onText = onText;
    this.#lang = lang;
  }

  /** Whether `video` has captions to offer. */
  static has(video: HTMLVideoElement | null): boolean {
    return !!video && video.textTracks.length > 0;
  }

  /** Follows `video`'s captions (null: none), shown when `on`. */
  follow(video: HTMLVideoElement | null, on: boolean): void {
    if (video === this.#video && on === this.#on) return;
    this.#unhook();
    this.#video = video;
    this.#on = on;
    const tracks = video ? [...video.textTracks].filter((t) => t.kind === 'captions' || t.kind === 'subtitles') : [];
    for (const t of tracks) t.mode = 'disabled';
    if (!on || !tracks.length) return this.#onText('');
    const lang = this.#lang().toLowerCase();
    const base = lang.split('-')[0];
    const track =
      tracks.find((t) => t.language.toLowerCase() === lang) ?? tracks.find((t) => t.language.toLowerCase().split('-')[0] === base) ?? tracks[0];
    // Hidden: the cues load and change, and the viewer draws them.
    track.mode = 'hidden';
    track.addEventListener('cuechange', this.#render);
    this.#track = track;
    this.#render();
  }

  #render = (): void => {
    const cues = this.#track?.activeCues;
    const text = cues ? [...cues].map((cue) => plain((cue as VTTCue).text ?? '')).filter(Boolean).join('\n') : '';
    this.#onText(text);
  };

  #unhook(): void {
    this.#track?.removeEventListener('cuechange', this.#render);
    if (this.#track) this.#track.mode = 'disabled';
    this.#track = null;
    this.#video = null;
  }

  stop(): void {
    this.#unhook();
    this.#on = false;
    this.#onText('');
  }
}

/** A cue's text without its tags and with its few entities decoded: text, not markup. */
function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .trim();
}
