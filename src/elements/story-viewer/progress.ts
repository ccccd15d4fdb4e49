/**
 * The current story's progress, driven by the media's own clock and drawn on the
 * compositor: the fill of the current segment is a Web Animation of `transform` only.
 *
 * - An image's animation is its timer: it plays only while the image is decoded and the
 *   viewer is not paused, and its end is the end of the story.
 * - A video's animation never plays by itself: every presented frame sets it to the
 *   video's `currentTime / duration`, so the bar cannot run ahead of a video that is
 *   loading or stalled.
 */
export class Progress {
  #animation: Animation | null = null;
  #video: HTMLVideoElement | null = null;
  #frame = 0;
  #onVideoTime = () => this.#syncVideo();

  readonly #onEnd: () => void;

  constructor(onEnd: () => void) {
    this.#onEnd = onEnd;
  }

  /** How far the current story is, 0..1. */
  get value(): number {
    const a = this.#animation;
    if (!a) return 0;
    const duration = Number(a.effect?.getTiming().duration) || 0;
    return duration > 0 ? Math.min(1, Number(a.currentTime ?? 0) / duration) : 0;
  }

  /** Times an image (or anything without a clock of its own) for `ms` on `fill`. */
  startTimer(fill: Element, ms: number): void {
    this.stop();
    this.#animation = this.#animate(fill, ms);
    this.#animation.pause();
    this.#animation.onfinish = () => this.#onEnd();
  }

  /** Follows a video's clock on `fill`. */
  followVideo(fill: Element, video: HTMLVideoElement): void {
    this.stop();
    this.#video = video;
    const start = () => {
      if (this.#video !== video) return;
      this.#animation?.cancel();
      this.#animation = this.#animate(fill, Math.max(1, video.duration * 1000));
      this.#animation.pause();
      this.#syncVideo();
    };
    if (Number.isFinite(video.duration) && video.duration > 0) start();
    else video.addEventListener('loadedmetadata', start, { once: true });
    video.addEventListener('timeupdate', this.#onVideoTime);
    video.addEventListener('seeked', this.#onVideoTime);
    this.#watchFrames();
  }

  /** Plays or pauses an image timer (a video's bar follows the video instead). */
  run(running: boolean): void {
    if (!this.#animation || this.#video) return;
    if (running) this.#animation.play();
    else this.#animation.pause();
  }

  /** Shows the story as finished (reduced motion: the user moves on). */
  finish(): void {
    if (this.#animation) this.#animation.currentTime = Number(this.#animation.effect?.getTiming().duration) || 0;
  }

  stop(): void {
    if (this.#video) {
      this.#video.removeEventListener('timeupdate', this.#onVideoTime);
      this.#video.removeEventListener('seeked', this.#onVideoTime);
      this.#video = null;
    }
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (this.#animation) {
      this.#animation.onfinish = null;
      this.#animation.cancel();
      this.#animation = null;
    }
  }

  #animate(fill: Element, ms: number): Animation {
    return fill.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], { duration: ms, fill: 'forwards', easing: 'linear' });
  }

  #syncVideo(): void {
    const video = this.#video;
    if (video && this.#animation && Number.isFinite(video.duration) && video.duration > 0) this.#animation.currentTime = Math.min(video.currentTime, video.duration) * 1000;
  }

  /** One update per presented video frame (`requestVideoFrameCallback`; else per display frame). */
  #watchFrames(): void {
    const video = this.#video;
    if (!video) return;
    const next = () => {
      if (this.#video !== video) return;
      this.#syncVideo();
      this.#watchFrames();
    };
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(next);
    else this.#frame = requestAnimationFrame(next);
  }
}
