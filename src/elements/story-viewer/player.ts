import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Story } from '../../model/types.js';
import type { Progress } from './progress.js';

/** Why playback is held; it runs again once no reason is left. */
export type PauseReason = 'user' | 'hold' | 'hidden' | 'comments' | 'viewers';

type Host = ReactiveControllerHost & { paused: boolean; muted: boolean };

/** What the player asks of the viewer. */
export interface PlayerOptions {
  progress: Progress;
  /** The video on screen once it shows (null for a photo, or before it shows). */
  video(): HTMLVideoElement | null;
  /** Whether the current story shows: its clock may run. */
  shown(): boolean;
  /** Whether the viewer is open (only then does hiding the page pause it). */
  open(): boolean;
  /** Playback paused (for `reason`, the first one) or went on. */
  changed(paused: boolean, reason: PauseReason): void;
  /** The browser refused to play with sound: it plays muted now (the viewer offers "Tap for sound"). */
  refused(): void;
}

/**
 * Playback of the story on screen: pause reasons (the pause button, a hold, a hidden page,
 * the comments being written or read, the author's viewers list) held together, so
 * playback runs only when none is left; the host's `paused` and `muted` applied to the
 * media, its clock and the story's sound track.
 */
export class Player implements ReactiveController {
  readonly reasons = new Set<PauseReason>();
  #audio: HTMLAudioElement | null = null;
  readonly #host: Host;
  readonly #o: PlayerOptions;

  constructor(host: Host, options: PlayerOptions) {
    (this.#host = host).addController(this);
    this.#o = options;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  pause(reason: PauseReason): void {
    const host = this.#host;
    const was = host.paused;
    this.reasons.add(reason);
    host.requestUpdate();
    host.paused = true;
    this.apply();
    if (!was) this.#o.changed(true, reason);
  }

  resume(reason: PauseReason): void {
    if (!this.reasons.delete(reason)) return;
    this.#host.requestUpdate();
    if (this.reasons.size) return;
    this.#host.paused = false;
    this.apply();
    this.#o.changed(false, reason);
  }

  /** The pause button: it resumes whatever paused playback. */
  toggle = (): void => {
    if (!this.#host.paused) return this.pause('user');
    this.reasons.clear();
    this.reasons.add('user');
    this.resume('user');
  };

  /** Applies pause and mute to the media, the clock and the sound track. */
  apply(): void {
    const { paused, muted } = this.#host;
    const running = !paused && this.#o.shown();
    this.#o.progress.run(running);
    for (const media of [this.#o.video(), this.#audio]) {
      if (!media) continue;
      media.muted = muted;
      if (running && media.paused && !media.ended) this.#play(media);
      else if (!running && !media.paused) media.pause();
    }
  }

  /**
   * The story now shown starts: a video's own clock drives its segment (`ended` at its end),
   * a photo's runs `ms`; its sound track starts in `box`.
   */
  begin(story: Story, el: Element, fill: Element, ms: number, box: Element | null, ended: () => void): void {
    const { progress } = this.#o;
    if (el instanceof HTMLVideoElement) {
      el.muted = this.#host.muted;
      if (el.ended) el.currentTime = 0;
      el.onended = ended;
      // Waiting and playing show and hide the spinner.
      el.onwaiting = el.onplaying = () => this.#host.requestUpdate();
      progress.followVideo(fill, el);
    } else progress.startTimer(fill, ms);
    this.#startSound(story, box);
  }

  /** The story's sound track, looping from its start, in `box` (so it goes with the viewer). */
  #startSound({ sound }: Story, box: Element | null): void {
    if (!sound) return;
    const audio = new Audio();
    audio.src = sound.src;
    audio.loop = true;
    audio.preload = 'auto';
    audio.muted = this.#host.muted;
    audio.currentTime = (sound.start ?? 0) / 1000;
    audio.setAttribute('part', 'sound');
    box?.append(audio);
    this.#audio = audio;
  }

  stopSound(): void {
    const audio = this.#audio;
    if (!audio) return;
    audio.pause();
    audio.removeAttribute('src');
    audio.load();
    audio.remove();
    this.#audio = null;
  }

  /** The viewer closed: no sound, no reason left. */
  stop(): void {
    this.stopSound();
    this.reasons.clear();
    this.#host.paused = false;
  }

  /** Plays with sound when the browser lets it; else muted, and the viewer says so. */
  #play(media: HTMLMediaElement): void {
    media.play().catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'NotAllowedError') || media.muted) return;
      this.#host.muted = true;
      this.#o.refused();
      media.muted = true;
      media.play().catch(() => {});
    });
  }

  #onVisibility = (): void => {
    if (!this.#o.open()) return;
    if (document.visibilityState === 'hidden') this.pause('hidden');
    else this.resume('hidden');
  };
}
