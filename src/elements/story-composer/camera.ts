import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { Values, Words } from '../../i18n/words.js';
import { MEDIA_RULES } from '../../model/media-rules.js';
import { mb, seconds } from './media-check.js';

type Facing = 'user' | 'environment';

/**
 * The composer's camera: the live preview's stream (front or back, the microphone when it
 * is allowed), a photo taken from it, and a recording of up to
 * {@link MEDIA_RULES.maxVideoSeconds} seconds. The front camera is shown as a mirror, and
 * photos and recordings are saved as they were seen. What it makes goes to `onFile`; why
 * it could not start goes to `onError`, as a message id. It stops when the composer leaves.
 */
export class CameraController implements ReactiveController {
  /** The preview is live. */
  on = false;
  /** How many cameras the device has (known once the camera is on). */
  cameras = 0;
  /** Seconds recorded so far while recording, else null. */
  recording: number | null = null;
  facing: Facing = 'user';
  #stream: MediaStream | null = null;
  #recorder: MediaRecorder | null = null;
  #timer?: ReturnType<typeof setInterval>;
  /** Which camera request is the current one: an answer to an older one (closed, switched) is stopped at once. */
  #request = 0;

  constructor(
    private readonly host: LitElement,
    private readonly options: {
      /** The preview element, once rendered. */
      video: () => HTMLVideoElement | null;
      /** Whether a camera that answers now is still wanted (the composer is open and in the page). */
      wanted: () => boolean;
      onFile: (blob: Blob) => void;
      /** Why the camera could not start: a message id (`composer.cameraRefused`…). */
      onError: (id: string) => void;
      /** The camera came on, after "Use camera" (`shutter`) or "Switch camera" (`switch`). */
      onStarted: (by: 'shutter' | 'switch') => void;
    },
  ) {
    host.addController(this);
  }

  /** The live stream, for the preview element. */
  get stream(): MediaStream | null {
    return this.#stream;
  }

  hostDisconnected(): void {
    this.stop();
  }

  #set(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    // Named, so the composer sees what changed (focus follows the controls that appear).
    this.host.requestUpdate('cameraOn', !on);
  }

  async start(by: 'shutter' | 'switch' = 'shutter'): Promise<void> {
    this.stop();
    const request = ++this.#request;
    const devices = navigator.mediaDevices;
    if (!devices?.getUserMedia) return this.options.onError('composer.noCameraAccess');
    try {
      // The microphone is optional: without it (refused or absent), videos are silent.
      const stream = await devices.getUserMedia({ video: { facingMode: this.facing }, audio: true }).catch(() => devices.getUserMedia({ video: { facingMode: this.facing } }));
      if (request !== this.#request || !this.options.wanted()) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      this.#stream = stream;
      // Front and back: the switch is offered only where there is more than one camera.
      this.cameras = (await devices.enumerateDevices().catch(() => [])).filter((d) => d.kind === 'videoinput').length;
      this.#set(true);
      this.options.onStarted(by);
    } catch (error) {
      if (request !== this.#request) return;
      const name = error instanceof DOMException ? error.name : '';
      this.options.onError(name === 'NotAllowedError' || name === 'SecurityError' ? 'composer.cameraRefused' : 'composer.noCamera');
    }
  }

  stop(): void {
    // An answer still on its way is now stale.
    this.#request++;
    if (this.#recorder?.state === 'recording') this.#recorder.stop();
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
    this.#set(false);
  }

  switch = (): void => {
    this.facing = this.facing === 'user' ? 'environment' : 'user';
    void this.start('switch');
  };

  /** A still from the live preview, as a JPEG. */
  takePhoto = async (): Promise<void> => {
    const video = this.options.video();
    if (!video || !video.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const ctx = canvas.getContext('2d')!;
    // The front camera's preview is a mirror; the photo is saved as it was seen.
    if (this.facing === 'user') ctx.setTransform(-1, 0, 0, 1, canvas.width, 0);
    ctx.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.92));
    if (blob) this.options.onFile(blob);
  };

  /** Starts recording, or stops a recording (then it becomes the story's video). */
  toggleRecording = (): void => {
    if (this.#recorder?.state === 'recording') return this.#recorder.stop();
    if (!this.#stream) return;
    const type = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'].find((t) => MediaRecorder.isTypeSupported(t));
    const source = this.#recordedStream(this.#stream);
    const recorder = new MediaRecorder(source.stream, type ? { mimeType: type } : undefined);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
    recorder.onstop = () => {
      source.stop();
      clearInterval(this.#timer);
      this.recording = null;
      this.host.requestUpdate();
      this.options.onFile(new Blob(chunks, { type: (recorder.mimeType || 'video/webm').split(';')[0] }));
    };
    const started = performance.now();
    this.recording = 0;
    this.host.requestUpdate();
    this.#timer = setInterval(() => {
      this.recording = (performance.now() - started) / 1000;
      this.host.requestUpdate();
      // The longest a story video may be.
      if (this.recording >= MEDIA_RULES.maxVideoSeconds) recorder.stop();
    }, 100);
    this.#recorder = recorder;
    recorder.start(1000);
  };

  /** What is recorded: the camera as previewed (the front camera mirrored, through a canvas), with its sound. */
  #recordedStream(stream: MediaStream): { stream: MediaStream; stop: () => void } {
    const video = this.options.video();
    if (this.facing !== 'user' || !video?.videoWidth) return { stream, stop: () => {} };
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(-1, 0, 0, 1, canvas.width, 0);
    let frame = 0;
    const draw = (): void => {
      ctx.drawImage(video, 0, 0);
      frame = video.requestVideoFrameCallback(draw);
    };
    draw();
    const mirrored = canvas.captureStream();
    for (const track of stream.getAudioTracks()) mirrored.addTrack(track);
    return {
      stream: mirrored,
      stop: () => {
        video.cancelVideoFrameCallback(frame);
        for (const track of mirrored.getVideoTracks()) track.stop();
      },
    };
  }
}

/** Where a story starts: the camera's preview and its buttons, or a file to upload, dropped or pasted. */
export function renderSource(camera: CameraController, words: Words, on: { drop: (event: DragEvent) => void; pick: (event: Event) => void; useCamera: () => void }): TemplateResult {
  const t = (id: string, values?: Values) => words.t(id, values);
  const recording = camera.recording !== null;
  const accept = [...MEDIA_RULES.imageTypes, ...MEDIA_RULES.videoTypes].join(',');
  // Dropping and pasting need a mouse and a keyboard: a touch screen is not offered them.
  const canDrop = !matchMedia('(pointer: coarse)').matches;
  return html`<div class="stage">
      <div class="frame source ${camera.on ? 'live' : ''}" part="frame" @dragover=${(e: DragEvent) => e.preventDefault()} @drop=${on.drop}>
        ${camera.on
          ? html`<video part="camera" class="camera ${camera.facing === 'user' ? 'mirrored' : ''}" autoplay muted playsinline aria-label=${t(camera.facing === 'user' ? 'composer.previewMirrored' : 'composer.preview')}></video>`
          : html`<p class="hint">${t(canDrop ? 'composer.dropHint' : 'composer.touchHint')}</p>`}
        ${recording ? html`<p class="timer" role="timer" aria-live="off">${clock(camera.recording!, words)} / ${clock(MEDIA_RULES.maxVideoSeconds, words)}</p>` : nothing}
      </div>
    </div>
    <div class="actions source-actions">
      ${camera.on
        ? html`<button type="button" class="shutter" @click=${camera.takePhoto} ?disabled=${recording}>${t('composer.takePhoto')}</button>
            <button type="button" class="record ${recording ? 'on' : ''}" aria-pressed=${recording ? 'true' : 'false'} @click=${camera.toggleRecording}>
              ${t(recording ? 'composer.stopRecording' : 'composer.record')}
            </button>
            ${camera.cameras > 1 ? html`<button type="button" class="switch" @click=${camera.switch} ?disabled=${recording}>${t('composer.switchCamera')}</button>` : nothing}`
        : html`<button type="button" @click=${on.useCamera}>${t('composer.useCamera')}</button>`}
      <label class="upload">${t('composer.upload')}<input type="file" accept=${accept} @change=${on.pick} /></label>
    </div>
    <p class="rules">
      ${camera.on && camera.facing === 'user' ? `${t('composer.mirrorNote')} ` : nothing}${t('composer.rules', {
        imageSize: mb(words, MEDIA_RULES.maxImageBytes),
        videoSize: mb(words, MEDIA_RULES.maxVideoBytes),
        videoLength: seconds(words, MEDIA_RULES.maxVideoSeconds),
      })}
    </p>`;
}

/** "1:05": minutes and seconds, in the digits of the words' language. */
function clock(s: number, words: Words): string {
  const whole = Math.floor(s);
  return `${Math.floor(whole / 60).toLocaleString(words.lang)}:${(whole % 60).toLocaleString(words.lang, { minimumIntegerDigits: 2 })}`;
}
