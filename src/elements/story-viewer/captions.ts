import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Words } from '../../i18n/words.js';
import { savedCaptions, saveCaptions } from '../../state/preferences.js';

/**
 * Captions of the video on screen, from its WebVTT `<track>`s, and the CC button. The
 * viewer draws the cue text itself (the track is `hidden`, not `showing`), so captions sit
 * above the comments band, wrap inside the frame and are plain text: cue markup (`<i>`,
 * `<v Ana>`) is dropped, never parsed as HTML. Captions follow the person's last choice
 * (remembered like mute); until they choose, they are on while the sound is off.
 */
export class Captions {
  #video: HTMLVideoElement | null = null;
  #track: TextTrack | null = null;
  #showing = false;
  #text = '';
  /** The person's choice, or null when they never chose. */
  #choice = savedCaptions();
  readonly #host: ReactiveControllerHost;
  readonly #lang: () => string;

  /** `lang` is the reader's language, to pick a track. */
  constructor(host: ReactiveControllerHost, lang: () => string) {
    this.#host = host;
    this.#lang = lang;
  }

  on(muted: boolean): boolean {
    return this.#choice ?? muted;
  }

  /** Follows `video`'s captions (null: none), shown when they are on. */
  follow(video: HTMLVideoElement | null, muted: boolean): void {
    const on = this.on(muted);
    if (video === this.#video && on === this.#showing) return;
    this.#unhook();
    this.#video = video;
    this.#showing = on;
    const tracks = video ? [...video.textTracks].filter((t) => t.kind === 'captions' || t.kind === 'subtitles') : [];
    for (const t of tracks) t.mode = 'disabled';
    if (!on || !tracks.length) return this.#show('');
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

  /** The CC button: switches captions and remembers the choice. */
  toggle(video: HTMLVideoElement | null, muted: boolean): void {
    this.#choice = !this.on(muted);
    saveCaptions(this.#choice);
    this.#video = null;
    this.follow(video, muted);
  }

  /** The sound went on or off: captions that follow it (never chosen) follow it now. */
  soundChanged(video: HTMLVideoElement | null, muted: boolean): void {
    if (this.#choice === null && video) this.follow(video, muted);
  }

  button(muted: boolean, onClick: () => void, words: Words): TemplateResult {
    return html`<button part="captions-button" class="cc" type="button" aria-pressed=${this.on(muted) ? 'true' : 'false'} aria-label=${words.t('viewer.captions')} @click=${onClick}>
      <span aria-hidden="true">${words.t('viewer.captionsMark')}</span>
    </button>`;
  }

  view(): TemplateResult | typeof nothing {
    return this.#text ? html`<p part="captions" class="captions">${this.#text}</p>` : nothing;
  }

  #show(text: string): void {
    if (text === this.#text) return;
    this.#text = text;
    this.#host.requestUpdate();
  }

  #render = (): void => {
    const cues = this.#track?.activeCues;
    this.#show(cues ? [...cues].map((cue) => plain((cue as VTTCue).text ?? '')).filter(Boolean).join('\n') : '');
  };

  #unhook(): void {
    this.#track?.removeEventListener('cuechange', this.#render);
    if (this.#track) this.#track.mode = 'disabled';
    this.#track = null;
    this.#video = null;
  }

  stop(): void {
    this.#unhook();
    this.#showing = false;
    this.#show('');
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
