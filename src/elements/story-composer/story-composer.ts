import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { StoryPublishEvent } from '../../events/composer-events.js';
import { EFFECT_FILTERS } from '../../model/effects.js';
import { LIMITS } from '../../model/limits.js';
import { MEDIA_RULES, type CheckedMedia } from '../../model/media-rules.js';
import { EFFECTS, type Effect, type Overlay, type Sound, type Story, type StoryDraft } from '../../model/types.js';
import { checkUrl } from '../../model/validate.js';
import { discardDraft, loadDraft, saveDraft, type Draft } from '../../state/drafts.js';
import { StoreController } from '../../state/store-controller.js';
import type { StoriesStore } from '../../state/store.js';
import { FOCUSABLE, cycleFocus, deepActiveElement, tabStops } from '../shared/focus.js';
import { fitFor } from '../shared/fit.js';
import { keepInside } from '../shared/keep-inside.js';
import { cssVars } from '../shared/css-vars-directive.js';
import { renderOverlay } from '../shared/overlays.js';
import { CameraController } from './camera.js';
import { editable } from './overlay-editing.js';
import { OverlayGestures } from './overlay-gestures.js';
import { SoundsController } from './sounds.js';
import { checkMedia } from './media-check.js';
import { styles } from './story-composer.styles.js';

/** Emoji offered as stickers. */
const EMOJI = ['😀', '😍', '😂', '🔥', '❤️', '👏', '🎉', '☕', '🌅', '✨', '👀', '💯'];
/** Text colours offered, with the names a screen reader says (the viewer accepts any colour syntax). */
const COLORS: [value: string, name: string][] = [
  ['#ffffff', 'White'],
  ['#111111', 'Black'],
  ['#ffd54f', 'Yellow'],
  ['#ff6e6e', 'Red'],
  ['#7cd992', 'Green'],
  ['#6fb3ff', 'Blue'],
];
/** Where a new sticker may go, best first: the middle, then around it, clear of the header band. */
const STICKER_SPOTS: [number, number][] = [
  [0.5, 0.5],
  [0.5, 0.68],
  [0.5, 0.32],
  [0.27, 0.5],
  [0.73, 0.5],
  [0.27, 0.3],
  [0.73, 0.3],
  [0.27, 0.72],
  [0.73, 0.72],
  [0.5, 0.84],
  [0.27, 0.86],
  [0.73, 0.86],
];
const TEXT_STYLES = ['plain', 'background', 'outline'] as const;
type Panel = 'text' | 'sticker' | 'sound' | 'effect' | 'link' | 'mention' | 'sensitive' | 'captions';

/** A captions file attached to a video, before it is published. */
export interface ComposerTrack {
  blob: Blob;
  lang: string;
  label: string;
}

/** Largest captions file taken (WebVTT is text: this is hours of captions). */
const MAX_TRACK_BYTES = 512 * 1024;


/**
 * Makes a story: record on the spot (camera preview, tap for a photo, record a video up to
 * {@link MEDIA_RULES.maxVideoSeconds} s with a timer) or upload a photo or video (picker,
 * drag and drop, paste); personalise it with text (three styles, colours), emoji and image
 * stickers, a link or a mention, a sound from the adapter's `sounds()` with a start offset,
 * and an effect; see it exactly as viewers will; publish with progress and cancel. The draft
 * (media, overlays, sound, effect, whether comments are allowed) is saved in IndexedDB as you go, so a reload or a crash
 * loses nothing; Discard (once confirmed) deletes it. Overlays move by dragging, arrow keys (Shift: further),
 * scale with the wheel, a pinch or `+`/`-`, rotate with Shift+wheel, two fingers or `[`/`]`,
 * and go with Delete. An "Allow comments" switch in the footer (on by default) publishes the
 * story with its comments turned off when the author turns it off.
 *
 * @fires {StoryPublishEvent} story-publish - The story was published (`detail.story`); the author's ring shows it at once.
 * @fires {StoryErrorEvent} story-error - Publishing failed (the draft stays, with Retry), or the camera failed.
 * @csspart dialog - The modal dialog.
 * @csspart base - The same dialog (every element has a base part).
 * @csspart frame - The 9:16 story frame being composed.
 * @csspart media - The photo or video.
 * @csspart overlay - Each text, sticker, link or mention.
 * @csspart camera - The live camera preview.
 * @csspart toolbar - The personalisation tools.
 * @csspart panel - The open tool's panel.
 * @csspart error - A refusal or failure, in words.
 * @csspart progress - Publishing progress.
 * @csspart publish-button - Publishes.
 */
export class StoryComposer extends LitElement {
  static override styles = styles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    store: { attribute: false },
    stickers: { attribute: false },
    media: { state: true },
    overlays: { state: true },
    selected: { state: true },
    effect: { state: true },
    sound: { state: true },
    panel: { state: true },
    error: { state: true },
    progress: { state: true },
    publishError: { state: true },
    contentWarning: { state: true },
    tracks: { state: true },
    confirming: { state: true },
  };

  /** Whether the composer shows (a modal dialog). */
  open = false;
  /** A store to publish to, instead of the provider's. */
  store?: StoriesStore;
  /** Image stickers the site offers, next to the emoji (same-origin or https URLs, or small data: images). */
  stickers: { src: string; alt: string }[] = [];

  /** The photo or video being composed. */
  media: CheckedMedia | null = null;
  overlays: Overlay[] = [];
  /** The overlay being edited (its index), if any. */
  selected: number | null = null;
  effect: Effect = 'none';
  sound: Sound | null = null;
  panel: Panel | null = null;
  /** Why the last file or recording was refused, in words. */
  error = '';
  /** Bytes sent while publishing, else null. */
  progress: { sent: number; total: number } | null = null;
  publishError = '';
  /** The warning viewers see before the story, when the author marked it sensitive; else null. */
  contentWarning: string | null = null;
  /** Captions files attached to a video (WebVTT). */
  tracks: ComposerTrack[] = [];
  /** Whether "Discard this story?" is being asked. */
  confirming = false;

  #stores = new StoreController(this, { load: true, given: () => this.store });
  #mediaUrl = '';
  readonly #camera = new CameraController(this, {
    video: () => this.#q<HTMLVideoElement>('video.camera'),
    wanted: () => this.open && this.isConnected,
    onFile: (blob) => void this.useFile(blob),
    onError: (message) => (this.error = message),
    // "Use camera" became the shutter: focus follows it (or stays on Switch camera).
    onStarted: (by) => this.#focusSoon(() => this.#q(by === 'switch' && this.#camera.cameras > 1 ? '.switch' : '.shutter')),
  });
  #publishing: AbortController | null = null;
  #saveTimer?: ReturnType<typeof setTimeout>;
  #restoredFor = '';
  readonly #gestures = new OverlayGestures({
    overlays: () => this.overlays,
    update: (index, change) => this.#update(index, change),
    select: (index) => (this.selected = index),
    remove: (index) => this.#remove(index),
    edit: (index) => this.#edit(index),
  });
  readonly #sounds = new SoundsController(this, () => this.#store);
  /** The "Allow comments" switch: on unless the author turns it off; kept in the draft, published as `commentsEnabled: false`. */
  #allowComments = true;

  get #store(): StoriesStore | undefined {
    return this.#stores.store;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The draft's key: one per backend and signed-in user. */
  get #scope(): string | null {
    const store = this.#store;
    return store?.me ? `${store.key}|${store.me.id}` : null;
  }

  /** Opens the composer (restoring a saved draft). */
  show(): void {
    this.open = true;
  }

  /** Closes it; the draft stays saved. */
  close(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: its media gets an object URL again (the old one went with the disconnection).
    if (this.media && !this.#mediaUrl) {
      this.#setMediaUrl(this.media.blob);
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#camera.stop();
    this.#setMediaUrl(null);
    clearTimeout(this.#saveTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // One object URL for the media shown, replaced (and the old one revoked) when it changes.
    if (changed.has('media')) this.#setMediaUrl(this.media?.blob ?? null);
    const scope = this.#scope;
    if (this.open && scope && this.#restoredFor !== scope) {
      // Another user (or backend): what was on screen was someone else's draft.
      if (this.#restoredFor) this.#clear();
      this.#restoredFor = scope;
      void this.#restore(scope);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.#dialog;
    if (dialog && changed.has('open')) {
      if (this.open && !dialog.open) dialog.showModal();
      else if (!this.open && dialog.open) {
        dialog.close();
        this.#camera.stop();
        this.#sounds.stop();
      }
    }
    const frame = this.renderRoot.querySelector<HTMLElement>('.overlays');
    if (frame) {
      // Long text kept inside the frame, exactly as the viewer will show it.
      keepInside(frame, this.renderRoot.querySelector<HTMLElement>('.frame'));
    }
    const video = this.renderRoot.querySelector<HTMLVideoElement>('video.camera');
    const stream = this.#camera.stream;
    if (video && stream && video.srcObject !== stream) video.srcObject = stream;
    const confirm = this.#q<HTMLDialogElement>('dialog.confirm');
    if (confirm && !confirm.open) {
      confirm.showModal();
      // The safe answer first.
      this.#q('.keep')?.focus();
    }
    // Focus never drops to the page: when what held it went away, the next sensible control takes it.
    const active = deepActiveElement();
    const reshaped = ['media', 'panel', 'progress', 'cameraOn', 'confirming', 'sound', 'selected'].some((k) => changed.has(k as keyof StoryComposer & PropertyKey));
    if (reshaped && dialog?.open && (!active || active === document.body || active === this)) (this.#q('[data-tool]') ?? this.#q('.source-actions button'))?.focus();
    const kept = changed.has('media') || changed.has('overlays') || changed.has('effect') || changed.has('sound');
    if (kept || changed.has('contentWarning') || changed.has('tracks')) this.#autosave();
  }

  // ---- drafts

  /** IndexedDB refused: drafts live only in memory, and the author is told. */
  #onStorageFallback = (): void => {
    this.error = 'Drafts cannot be kept in this browser (storage is off or full): publish before leaving the page.';
  };

  async #restore(scope: string): Promise<void> {
    const draft = await loadDraft(scope, this.#onStorageFallback).catch(() => null);
    if (!draft || this.media) return;
    this.#setMedia(draft.media ? { ...draft.media } : null);
    this.overlays = draft.overlays;
    this.effect = draft.effect;
    this.sound = draft.sound ?? null;
    this.contentWarning = draft.contentWarning ?? null;
    this.tracks = draft.tracks ?? [];
    this.#allowComments = draft.commentsEnabled !== false;
  }

  #autosave(): void {
    clearTimeout(this.#saveTimer);
    const scope = this.#scope;
    if (!scope || this.#restoredFor !== scope) return;
    // A moment after the last change; a crash loses at most that moment.
    this.#saveTimer = setTimeout(() => void this.saveNow(), 250);
  }

  /** Saves the draft now (it is also saved by itself a moment after each change). */
  async saveNow(): Promise<void> {
    clearTimeout(this.#saveTimer);
    const scope = this.#scope;
    if (!scope) return;
    if (!this.media && !this.overlays.length) return discardDraft(scope).catch(() => {});
    const draft: Draft = {
      scope,
      media: this.media,
      overlays: this.overlays,
      effect: this.effect,
      commentsEnabled: this.#allowComments,
      updatedAt: Date.now(),
      ...(this.sound ? { sound: this.sound } : {}),
      ...(this.contentWarning !== null ? { contentWarning: this.contentWarning } : {}),
      ...(this.tracks.length ? { tracks: this.tracks } : {}),
    };
    await saveDraft(draft, this.#onStorageFallback).catch((error: unknown) => {
      this.error = `The draft could not be saved in this browser (${error instanceof Error ? error.message : String(error)}); finish and publish it before leaving.`;
    });
  }

  /** Throws the draft away at once (the Discard button asks "Discard this story?" first). */
  async discard(): Promise<void> {
    // Discarding while it uploads stops the upload: a discarded story is never published.
    this.#publishing?.abort();
    this.#clear();
    const scope = this.#scope;
    if (scope) await discardDraft(scope).catch(() => {});
  }

  /** Empties the composer (not the saved draft). */
  #clear(): void {
    this.#setMedia(null);
    this.overlays = [];
    this.effect = 'none';
    this.sound = null;
    this.contentWarning = null;
    this.tracks = [];
    this.#allowComments = true;
    this.selected = null;
    this.panel = null;
    this.confirming = false;
    this.error = '';
    this.publishError = '';
  }

  // ---- media in

  #setMedia(media: CheckedMedia | null): void {
    this.media = media;
  }

  #setMediaUrl(blob: Blob | null): void {
    if (this.#mediaUrl) URL.revokeObjectURL(this.#mediaUrl);
    this.#mediaUrl = blob ? URL.createObjectURL(blob) : '';
  }

  /** Takes a photo or video from a file (picker, drop, paste) or a recording; refusals say which rule. */
  async useFile(file: Blob & { name?: string }): Promise<void> {
    this.error = '';
    try {
      const media = await checkMedia(file);
      this.#camera.stop();
      this.#setMedia(media);
      // What took it (the shutter, the upload field) is gone: on to the tools.
      this.#focusSoon(() => this.#q('[data-tool]'));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  #onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.useFile(file);
  };

  #onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void this.useFile(file);
  };

  #onPaste = (event: ClipboardEvent): void => {
    const file = [...(event.clipboardData?.files ?? [])][0];
    if (!file || this.media) return;
    event.preventDefault();
    void this.useFile(file);
  };

  // ---- personalising

  /** Adds an overlay and gives it focus (arrows then move it). */
  #add(overlay: Overlay): void {
    this.overlays = [...this.overlays, overlay];
    this.selected = this.overlays.length - 1;
    this.panel = null;
    this.#focusOverlay(this.selected);
  }

  #focusOverlay(index: number): void {
    this.#focusSoon(() => this.#q(`.overlays .overlay[data-index="${index}"]`));
  }

  /**
   * Where a new sticker goes: the first of {@link STICKER_SPOTS} where it covers nothing
   * already on the story (text above all), else where it covers least.
   */
  #stickerSpot(): { x: number; y: number } {
    const frame = this.#q('.overlays')?.getBoundingClientRect();
    if (!frame?.width) return { x: 0.5, y: 0.5 };
    // A sticker's box at scale 1, as fractions of the frame (14cqi emoji, 24cqi images), with a margin.
    const half = { x: 0.13, y: 0.13 * (frame.width / frame.height) };
    const taken = [...this.renderRoot.querySelectorAll<HTMLElement>('.overlays .overlay')].map((el) => {
      const r = el.getBoundingClientRect();
      return { left: (r.left - frame.left) / frame.width, right: (r.right - frame.left) / frame.width, top: (r.top - frame.top) / frame.height, bottom: (r.bottom - frame.top) / frame.height, text: el.classList.contains('text') };
    });
    let best = STICKER_SPOTS[0];
    let least = Infinity;
    for (const spot of STICKER_SPOTS) {
      let covered = 0;
      for (const t of taken) {
        const w = Math.min(t.right, spot[0] + half.x) - Math.max(t.left, spot[0] - half.x);
        const h = Math.min(t.bottom, spot[1] + half.y) - Math.max(t.top, spot[1] - half.y);
        if (w > 0 && h > 0) covered += w * h * (t.text ? 4 : 1);
      }
      if (covered < least) [best, least] = [spot, covered];
      if (!covered) break;
    }
    return { x: best[0], y: best[1] };
  }

  #update(index: number, change: Partial<Overlay>): void {
    this.overlays = this.overlays.map((o, i) => (i === index ? ({ ...o, ...change } as Overlay) : o));
  }

  #remove(index: number): void {
    this.overlays = this.overlays.filter((_, i) => i !== index);
    this.selected = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=frame]')?.focus());
  }

  #edit(index: number): void {
    this.selected = index;
    this.panel = 'text';
    this.#focusSoon(() => this.#q('textarea[name=text]'));
  }

  // ---- publishing

  /** The draft as the adapter takes it: a photo's effect baked into its pixels, a video's kept as metadata. */
  async draft(): Promise<StoryDraft> {
    const media = this.media;
    if (!media) throw new Error('Add a photo or video first');
    let blob = media.blob;
    let type = media.type;
    let effect: Effect | undefined = this.effect;
    if (media.kind === 'image' && this.effect !== 'none') {
      const bitmap = await createImageBitmap(media.blob);
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d')!;
      ctx.filter = EFFECT_FILTERS[this.effect] ?? 'none';
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      blob = (await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.92))) ?? blob;
      type = blob.type;
      effect = undefined;
    }
    const tracks = media.kind === 'video' ? this.tracks.map((t) => ({ blob: t.blob, lang: t.lang, label: t.label, kind: 'captions' as const })) : [];
    const warning = this.contentWarning?.trim();
    return {
      media: { kind: media.kind, blob, type, width: media.width, height: media.height, ...(media.duration ? { duration: media.duration } : {}), ...(tracks.length ? { tracks } : {}) },
      ...(media.duration ? { duration: media.duration } : {}),
      ...(warning ? { contentWarning: warning } : {}),
      ...(this.#allowComments ? {} : { commentsEnabled: false }),
      ...(this.overlays.length ? { overlays: this.overlays } : {}),
      ...(this.sound ? { sound: this.sound } : {}),
      ...(effect && effect !== 'none' ? { effect } : {}),
    };
  }

  /** Publishes the draft; on failure it stays, with Retry. */
  async publish(): Promise<Story | null> {
    const store = this.#store;
    if (!store || !this.media || this.#publishing) return null;
    this.publishError = '';
    const controller = new AbortController();
    this.#publishing = controller;
    this.progress = { sent: 0, total: this.media.blob.size };
    // Publish gave way to the progress bar: Cancel is where the person is now.
    this.#focusSoon(() => this.#q('.cancel'));
    try {
      await this.saveNow();
      const story = await store.publish(await this.draft(), { signal: controller.signal, onProgress: (sent, total) => (this.progress = { sent, total }) });
      // Discarded while it went out, after the adapter could no longer stop it: it is the author's to delete.
      if (controller.signal.aborted && !this.media) return story;
      this.dispatchEvent(new StoryPublishEvent({ story, storyId: story.id, authorId: story.author.id }));
      await this.discard();
      this.close();
      return story;
    } catch (error) {
      this.publishError = controller.signal.aborted ? 'Publishing was cancelled. Your draft is kept.' : `Not published: ${error instanceof Error ? error.message : String(error)}. Your draft is kept.`;
      this.#focusSoon(() => this.#q('.publish'));
      return null;
    } finally {
      this.#publishing = null;
      this.progress = null;
    }
  }

  #cancelPublish = (): void => this.#publishing?.abort();

  #onAllowComments = (event: Event): void => {
    this.#allowComments = (event.target as HTMLInputElement).checked;
    this.requestUpdate();
    this.#autosave();
  };

  // ---- rendering

  #q<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  /** Focuses what `find` returns once the next render is on screen, so focus never drops to the page. */
  #focusSoon(find: () => HTMLElement | null | undefined): void {
    void this.updateComplete.then(() => find()?.focus());
  }

  /** Opens (or closes) a tool's sheet; opened, focus goes into it (Text: the caret in its field). */
  #toggleTool(p: Panel): void {
    if (this.panel === p) {
      this.panel = null;
      return;
    }
    if (p === 'text') this.selected = null;
    this.panel = p;
    if (p === 'sound') void this.#sounds.search();
    this.#focusSoon(() => this.#q('.panel [aria-pressed="true"]') ?? this.#q('.panel textarea, .panel input, .panel button'));
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    // While "Discard this story?" is asked, Tab stays in the question.
    const confirm = this.confirming ? this.#q('.confirm') : null;
    const stops = tabStops(confirm ?? (this.renderRoot as ShadowRoot), FOCUSABLE).filter((el) => el.getClientRects().length > 0 && (confirm || !el.closest('.confirm')));
    cycleFocus(event, stops);
  };

  /** The dialog closed (a button, Escape, or the browser itself): camera and sound stop. */
  #onClose = (event: Event): void => {
    // The question's own dialog closing is not the composer's; nor is a close event that
    // arrives (it is queued) after the composer was opened again.
    if (event.target !== event.currentTarget || (event.target as HTMLDialogElement).open) return;
    this.open = false;
    this.confirming = false;
    this.#camera.stop();
    this.#sounds.stop();
  };

  /** Escape: the open tool closes first (focus back on its button), then the composer. */
  #onCancel = (event: Event): void => {
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    const panel = this.panel;
    if (panel) {
      this.panel = null;
      this.#focusSoon(() => this.#q(`[data-tool="${panel}"]`));
    } else this.close();
  };

  #onConfirmCancel = (event: Event): void => {
    event.preventDefault();
    this.#answerDiscard(false);
  };

  #askDiscard = (): void => {
    this.confirming = true;
  };

  /** The answer to "Discard this story?": focus goes on to what is left (the start, or the Discard button). */
  #answerDiscard(discard: boolean): void {
    this.confirming = false;
    if (discard) {
      void this.discard();
      this.#focusSoon(() => this.#q('.source-actions button'));
    } else this.#focusSoon(() => this.#q('.discard'));
  }

  protected override render(): TemplateResult {
    return html`<dialog part="dialog base" class="composer" aria-label="New story" @cancel=${this.#onCancel} @keydown=${this.#onKeyDown} @paste=${this.#onPaste} @close=${this.#onClose}>
      ${this.open
        ? html`<div class="layout">
            <header class="top">
              <button type="button" class="icon" aria-label="Close the composer (the draft is kept)" @click=${() => this.close()}>✕</button>
              <h2 class="title">New story</h2>
              <span class="icon-space"></span>
            </header>
            ${this.media ? this.#editor() : this.#source()}
            ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}
          </div>
          ${this.confirming
            ? html`<dialog class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @cancel=${this.#onConfirmCancel}>
                <h3 id="confirm-title">Discard this story?</h3>
                <p id="confirm-text">The photo or video and everything added to it will be deleted.</p>
                <div class="confirm-actions">
                  <button type="button" class="keep" @click=${() => this.#answerDiscard(false)}>Keep editing</button>
                  <button type="button" class="danger" @click=${() => this.#answerDiscard(true)}>Discard</button>
                </div>
              </dialog>`
            : nothing}`
        : nothing}
    </dialog>`;
  }

  #useCamera = (): void => {
    this.error = '';
    void this.#camera.start();
  };

  #source(): TemplateResult {
    const camera = this.#camera;
    const accept = [...MEDIA_RULES.imageTypes, ...MEDIA_RULES.videoTypes].join(',');
    // Dropping and pasting need a mouse and a keyboard: a touch screen is not offered them.
    const canDrop = !matchMedia('(pointer: coarse)').matches;
    return html`<div class="stage">
        <div class="frame source ${camera.on ? 'live' : ''}" part="frame" @dragover=${(e: DragEvent) => e.preventDefault()} @drop=${this.#onDrop}>
          ${camera.on
            ? html`<video part="camera" class="camera ${camera.facing === 'user' ? 'mirrored' : ''}" autoplay muted playsinline aria-label=${camera.facing === 'user' ? 'Camera preview, mirrored' : 'Camera preview'}></video>`
            : html`<p class="hint">${canDrop ? 'Drop a photo or video here, paste one, or choose below.' : 'Use the camera, or choose a photo or video below.'}</p>`}
          ${camera.recording !== null ? html`<p class="timer" role="timer" aria-live="off">${formatSeconds(camera.recording)} / ${formatSeconds(MEDIA_RULES.maxVideoSeconds)}</p>` : nothing}
        </div>
      </div>
      <div class="actions source-actions">
        ${camera.on
          ? html`<button type="button" class="shutter" @click=${camera.takePhoto} ?disabled=${camera.recording !== null}>Take photo</button>
              <button type="button" class="record ${camera.recording !== null ? 'on' : ''}" aria-pressed=${camera.recording !== null ? 'true' : 'false'} @click=${camera.toggleRecording}>
                ${camera.recording !== null ? 'Stop recording' : 'Record video'}
              </button>
              ${camera.cameras > 1 ? html`<button type="button" class="switch" @click=${camera.switch} ?disabled=${camera.recording !== null}>Switch camera</button>` : nothing}`
          : html`<button type="button" @click=${this.#useCamera}>Use camera</button>`}
        <label class="upload">Upload photo or video<input type="file" accept=${accept} @change=${this.#onPick} /></label>
      </div>
      <p class="rules">
        ${camera.on && camera.facing === 'user' ? html`The front camera is shown as a mirror, and photos and videos are saved the same way, as you see them. ` : nothing}Photos: JPEG, PNG, WebP or GIF up to
        ${MEDIA_RULES.maxImageBytes / 1048576} MB. Videos: MP4, WebM or MOV up to ${MEDIA_RULES.maxVideoBytes / 1048576} MB and ${MEDIA_RULES.maxVideoSeconds} seconds.
      </p>`;
  }

  #editor(): TemplateResult {
    const media = this.media!;
    const filter = EFFECT_FILTERS[this.effect] ?? 'none';
    // The viewer's rule, so the author sees the framing viewers will see.
    const fit = fitFor(media.width, media.height);
    const tools: Panel[] = ['text', 'sticker', 'sound', 'effect', 'link', 'mention', ...(media.kind === 'video' ? (['captions'] as const) : [])];
    return html`<div class="stage">
        <div part="frame" class="frame" role="group" tabindex="-1" aria-label="Story preview">
          ${fit === 'contain' && media.kind === 'image' ? html`<img class="backdrop fill" src=${this.#mediaUrl} alt="" aria-hidden="true" />` : nothing}
          ${media.kind === 'image'
            ? html`<img part="media" class="media ${fit}" src=${this.#mediaUrl} alt="" ${cssVars({ '--_filter': filter })} />`
            : html`<video part="media" class="media ${fit}" src=${this.#mediaUrl} autoplay loop muted playsinline ${cssVars({ '--_filter': filter })}></video>`}
          ${this.contentWarning !== null ? html`<p class="sensitive-badge">Sensitive: ${this.contentWarning || 'no warning yet'}</p>` : nothing}
          <div
            class="overlays editing"
            @pointerdown=${this.#gestures.onDown}
            @pointermove=${this.#gestures.onMove}
            @pointerup=${this.#gestures.onUp}
            @pointercancel=${this.#gestures.onUp}
            @keydown=${this.#gestures.onKey}
            @wheel=${this.#gestures.onWheel}
            @dblclick=${(e: Event) => {
              const el = (e.composedPath()[0] as HTMLElement).closest<HTMLElement>('.overlay.text');
              if (el) this.#edit(Number(el.dataset.index));
            }}
          >
            ${this.overlays.map((o, i) => renderOverlay(o, undefined, editable(o, i, i === this.selected)))}
          </div>
        </div>
      </div>
      <div part="toolbar" class="toolbar" role="toolbar" aria-label="Personalise">
        ${tools.map(
          (p) => html`<button type="button" class="tool" data-tool=${p} data-icon=${TOOL_ICONS[p]} aria-pressed=${this.panel === p ? 'true' : 'false'} @click=${() => this.#toggleTool(p)}>${TOOL_NAMES[p]}</button>`,
        )}
      </div>
      ${this.panel ? html`<div part="panel" class="panel sheet" role="group" aria-label=${TOOL_NAMES[this.panel]}>${this.#panel(this.panel)}</div>` : nothing}
      <footer class="bottom">
        ${this.progress
          ? html`<progress part="progress" max=${this.progress.total || 1} value=${this.progress.sent} aria-label="Publishing"></progress>
              <button type="button" class="cancel" @click=${this.#cancelPublish}>Cancel</button>`
          : html`${this.publishError ? html`<p part="error" class="error" role="alert">${this.publishError}</p>` : nothing}
              <button type="button" class="discard" @click=${this.#askDiscard}>Discard</button>
              <button type="button" data-tool="sensitive" aria-pressed=${this.panel === 'sensitive' ? 'true' : 'false'} @click=${() => this.#toggleTool('sensitive')}>Sensitive</button>
              <label class="allow-comments"><input type="checkbox" role="switch" .checked=${this.#allowComments} @change=${this.#onAllowComments} />Allow comments</label>
              <button part="publish-button" class="publish" type="button" @click=${() => void this.publish()}>${this.publishError ? 'Retry' : 'Publish'}</button>`}
      </footer>`;
  }

  #panel(panel: Panel): TemplateResult {
    switch (panel) {
      case 'text': {
        const editing = this.selected !== null && this.overlays[this.selected]?.kind === 'text' ? (this.overlays[this.selected] as Extract<Overlay, { kind: 'text' }>) : null;
        return html`<form
          class="text-form"
          @submit=${(e: Event) => {
            e.preventDefault();
            const form = e.target as HTMLFormElement;
            const text = (form.elements.namedItem('text') as HTMLTextAreaElement).value.trim();
            if (!text) return;
            if (editing && this.selected !== null) {
              this.#update(this.selected, { text } as Partial<Overlay>);
              this.#focusOverlay(this.selected);
            } else this.#add({ kind: 'text', text, x: 0.5, y: 0.4, style: 'background', color: '#ffffff' });
            this.panel = null;
          }}
        >
          <label
            >Text
            <textarea
              name="text"
              rows="2"
              maxlength=${LIMITS.overlayText}
              .value=${editing?.text ?? ''}
              @input=${(e: Event) => {
                // Editing a text already on the story changes it there as you type.
                const text = (e.target as HTMLTextAreaElement).value;
                if (editing && this.selected !== null && text.trim()) this.#update(this.selected, { text } as Partial<Overlay>);
              }}
            ></textarea
          ></label>
          ${editing
            ? html`<fieldset class="swatches"><legend>Colour</legend>${COLORS.map(
                  ([c, name]) => html`<button type="button" class="swatch" ${cssVars({ '--_swatch': c })} aria-label=${name} title=${name} aria-pressed=${editing.color === c ? 'true' : 'false'} @click=${() => this.#update(this.selected!, { color: c } as Partial<Overlay>)}></button>`,
                )}</fieldset>
                <fieldset class="styles"><legend>Style</legend>${TEXT_STYLES.map(
                  (s) => html`<button type="button" aria-pressed=${(editing.style ?? 'plain') === s ? 'true' : 'false'} @click=${() => this.#update(this.selected!, { style: s } as Partial<Overlay>)}>${s}</button>`,
                )}</fieldset>
                <button type="button" @click=${() => this.#remove(this.selected!)}>Delete text</button>`
            : nothing}
          <button type="submit">${editing ? 'Done' : 'Add text'}</button>
        </form>`;
      }
      case 'sticker':
        return html`<div class="stickers" role="group" aria-label="Stickers">
          ${EMOJI.map((emoji) => html`<button type="button" class="emoji" aria-label=${`Sticker ${emoji}`} @click=${() => this.#add({ kind: 'sticker', emoji, ...this.#stickerSpot() })}>${emoji}</button>`)}
          ${this.stickers
            .filter((s) => 'url' in checkUrl(s.src, 'image'))
            .map((s) => html`<button type="button" class="image-sticker" @click=${() => this.#add({ kind: 'sticker', src: s.src, alt: s.alt, ...this.#stickerSpot() })}><img src=${s.src} alt=${s.alt} /></button>`)}
        </div>`;
      case 'effect':
        return html`<div class="effects" role="group" aria-label="Effects">
          ${EFFECTS.map((e) => html`<button type="button" aria-pressed=${this.effect === e ? 'true' : 'false'} @click=${() => (this.effect = e)}>${e}</button>`)}
        </div>`;
      case 'sound':
        return html`<div class="sounds">
          <label>Search sounds <input type="search" @input=${(e: Event) => void this.#sounds.search((e.target as HTMLInputElement).value)} /></label>
          <ul class="sound-list">
            ${this.#sounds.found.map(
              (s) => html`<li>
                <span class="sound-name">${s.title ?? 'Untitled'}${s.artist ? html` · ${s.artist}` : nothing}</span>
                <button type="button" @click=${() => this.#sounds.play(s)}>Preview</button>
                <button type="button" aria-pressed=${this.sound?.src === s.src ? 'true' : 'false'} @click=${() => (this.sound = { ...s, start: 0 })}>Use</button>
              </li>`,
            )}
          </ul>
          ${this.sound
            ? html`<label>Start at (seconds) <input type="number" min="0" max=${Math.floor((this.sound.duration ?? 600_000) / 1000)} step="1" .value=${String((this.sound.start ?? 0) / 1000)} @change=${(e: Event) => (this.sound = { ...this.sound!, start: Math.max(0, Number((e.target as HTMLInputElement).value) || 0) * 1000 })} /></label>
                <button type="button" @click=${() => ((this.sound = null), this.#sounds.stop())}>No sound</button>`
            : nothing}
        </div>`;
      case 'link':
        return html`<form
          class="link-form"
          @submit=${(e: Event) => {
            e.preventDefault();
            const form = e.target as HTMLFormElement;
            const url = (form.elements.namedItem('url') as HTMLInputElement).value.trim();
            const label = (form.elements.namedItem('label') as HTMLInputElement).value.trim() || url;
            const checked = checkUrl(url, 'link');
            if ('error' in checked) {
              this.error = `This link cannot be added: ${checked.error}.`;
              return;
            }
            this.error = '';
            this.#add({ kind: 'link', url: checked.url, label: label.slice(0, LIMITS.linkLabel), x: 0.5, y: 0.7 });
            this.panel = null;
          }}
        >
          <label>Link (https) <input name="url" type="url" required placeholder="https://" /></label>
          <label>Label <input name="label" maxlength=${LIMITS.linkLabel} /></label>
          <button type="submit">Add link</button>
        </form>`;
      case 'mention':
        return html`<form
          class="mention-form"
          @submit=${(e: Event) => {
            e.preventDefault();
            const handle = ((e.target as HTMLFormElement).elements.namedItem('handle') as HTMLInputElement).value.trim().replace(/^@/, '');
            if (!/^[\p{L}\p{N}_.]{1,30}$/u.test(handle)) {
              this.error = 'A mention is a handle of 1 to 30 letters, digits, dots or underscores.';
              return;
            }
            this.error = '';
            this.#add({ kind: 'mention', handle, x: 0.5, y: 0.6 });
            this.panel = null;
          }}
        >
          <label>Mention <input name="handle" placeholder="@handle" /></label>
          <button type="submit">Add mention</button>
        </form>`;
      case 'sensitive':
        return html`<div class="sensitive-form">
          <label class="check"
            ><input
              type="checkbox"
              .checked=${this.contentWarning !== null}
              @change=${(e: Event) => (this.contentWarning = (e.target as HTMLInputElement).checked ? (this.contentWarning ?? 'Sensitive content') : null)}
            />
            Mark as sensitive: viewers see a warning and choose to show it</label
          >
          ${this.contentWarning !== null
            ? html`<label
                >Warning
                <input maxlength=${LIMITS.contentWarning} .value=${this.contentWarning} @input=${(e: Event) => (this.contentWarning = (e.target as HTMLInputElement).value)} />
              </label>`
            : nothing}
        </div>`;
      case 'captions':
        return html`<div class="captions-form">
          <label
            >Captions file (WebVTT)
            <input type="file" accept=".vtt,text/vtt" @change=${this.#onTrackPick} />
          </label>
          <label>Language <input name="lang" maxlength=${LIMITS.lang} .value=${document.documentElement.lang || navigator.language || 'en'} /></label>
          <ul class="track-list">
            ${this.tracks.map(
              (t, i) => html`<li>
                <span>${t.label} (${t.lang})</span>
                <button type="button" @click=${() => (this.tracks = this.tracks.filter((_t, j) => j !== i))}>Remove</button>
              </li>`,
            )}
          </ul>
        </div>`;
    }
  }

  /** A captions file chosen: checked to be WebVTT and small, then attached with its language. */
  #onTrackPick = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const lang = (this.renderRoot.querySelector<HTMLInputElement>('.captions-form input[name=lang]')?.value.trim() || 'en').slice(0, LIMITS.lang);
    if (file.size > MAX_TRACK_BYTES) {
      this.error = `This captions file is larger than ${MAX_TRACK_BYTES / 1024} kB.`;
      return;
    }
    const head = await file.slice(0, 16).text();
    if (!/^(\uFEFF)?WEBVTT/.test(head)) {
      this.error = 'Captions must be a WebVTT file (it starts with “WEBVTT”).';
      return;
    }
    this.error = '';
    const label = lang;
    this.tracks = [...this.tracks.filter((t) => t.lang !== lang), { blob: new Blob([file], { type: 'text/vtt' }), lang, label }].slice(0, LIMITS.tracks);
  };
}

const TOOL_NAMES: Record<Panel, string> = { text: 'Text', sticker: 'Sticker', sound: 'Sound', effect: 'Effect', link: 'Link', mention: 'Mention', sensitive: 'Sensitive', captions: 'Captions' };
const TOOL_ICONS: Record<Panel, string> = { text: 'Aa', sticker: '☺', sound: '♪', effect: '◐', link: '↗', mention: '@', sensitive: '!', captions: 'CC' };

function formatSeconds(s: number): string {
  const whole = Math.floor(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
