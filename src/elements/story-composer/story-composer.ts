import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { StoryPublishEvent } from '../../events/composer-events.js';
import { Words, type Messages } from '../../i18n/words.js';
import { messageOf } from '../../model/errors.js';
import type { CheckedMedia } from '../../model/media-rules.js';
import type { Effect, Overlay, Sound, Story, StoryDraft } from '../../model/types.js';
import { discardDraft, loadDraft, saveDraft } from '../../state/drafts.js';
import { StoreController } from '../../state/store-controller.js';
import type { StoriesStore } from '../../state/store.js';
import { ModalFocus, deepActiveElement } from '../shared/focus.js';
import { keepInside } from '../shared/keep-inside.js';
import { CameraController, renderSource } from './camera.js';
import { OverlayEditor, renderPreview } from './overlay-editing.js';
import { ToolsLoader } from './tools-loader.js';
import { emptyComposer, restoreDraft, savedDraft, storyDraft } from './drafting.js';
import { SoundsController } from './sounds.js';
import { discardQuestion, renderConfirm, renderFooter } from './footer-view.js';
import type { Panel, ToolActions } from './tool-panels.js';
import { checkMedia, fileOf } from './media-check.js';
import { composerMessages } from './messages.js';
import { styles } from './story-composer.styles.js';

/** The composer's English, its tools' words joining it when they load. */
const english: Messages = { ...composerMessages };

/** A captions file attached to a video, before it is published. */
export interface ComposerTrack {
  blob: Blob;
  lang: string;
  label: string;
}


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
    strings: { attribute: false },
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
  /** The site's own wording, by message id (e.g. `{ 'composer.publish': 'Share' }`); see the README's "Languages". */
  strings?: Messages;

  /** @internal The photo or video being composed. */
  media: CheckedMedia | null = null;
  /** @internal The texts, stickers, links and mentions on it. */
  overlays: Overlay[] = [];
  /** @internal The overlay being edited (its index), if any. */
  selected: number | null = null;
  /** @internal Its effect. */
  effect: Effect = 'none';
  /** @internal Its sound, with the offset it starts at. */
  sound: Sound | null = null;
  /** @internal The tool whose panel is open. */
  panel: Panel | null = null;
  /** @internal Why the last file or recording was refused, in words. */
  error = '';
  /** @internal Bytes sent while publishing, else null. */
  progress: { sent: number; total: number } | null = null;
  /** @internal Why publishing failed, in words. */
  publishError = '';
  /** @internal The warning viewers see before the story, when the author marked it sensitive; else null. */
  contentWarning: string | null = null;
  /** @internal Captions files attached to a video (WebVTT). */
  tracks: ComposerTrack[] = [];
  /** @internal Whether "Discard this story?" is being asked. */
  confirming = false;

  #stores = new StoreController(this, { load: true, given: () => this.store });
  readonly #words = new Words(this, english);
  #mediaUrl = '';
  readonly #camera = new CameraController(this, {
    video: () => this.#q<HTMLVideoElement>('video.camera'),
    wanted: () => this.open && this.isConnected,
    onFile: (blob) => void this.useFile(blob),
    onError: (id) => (this.error = this.#words.t(id)),
    // "Use camera" became the shutter: focus follows it (or stays on Switch camera).
    onStarted: (by) => this.#focusSoon(() => this.#q(by === 'switch' && this.#camera.cameras > 1 ? '.switch' : '.shutter')),
  });
  #publishing: AbortController | null = null;
  #saveTimer?: ReturnType<typeof setTimeout>;
  #restoredFor = '';
  readonly #modal = new ModalFocus(() => this.#q<HTMLDialogElement>('dialog'));
  readonly #overlayEditor = new OverlayEditor(this, (find) => this.#focusSoon(find));
  readonly #toolsLoader = new ToolsLoader(this, english, this.#overlayEditor);
  /** Whether the last render had the tools (their arrival reshapes the editor, as a new panel does). */
  #hadTools = false;
  readonly #question = discardQuestion(this, (selector) => this.#focusSoon(() => this.#q(selector)));
  readonly #sounds = new SoundsController(this, () => this.#store);
  readonly #tools: ToolActions = { editor: this.#overlayEditor, sounds: this.#sounds, words: this.#words };
  /** The "Allow comments" switch: on unless the author turns it off; kept in the draft, published as `commentsEnabled: false`. */
  #allowComments = true;

  get #store(): StoriesStore | undefined {
    return this.#stores.store;
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
    if (this.open) this.#toolsLoader.load();
    const scope = this.#scope;
    if (this.open && scope && this.#restoredFor !== scope) {
      // Another user (or backend): what was on screen was someone else's draft.
      if (this.#restoredFor) this.#clear();
      this.#restoredFor = scope;
      void this.#restore(scope);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.#q<HTMLDialogElement>('dialog');
    if (dialog && changed.has('open')) {
      if (this.open) this.#modal.open();
      else if (dialog.open) {
        this.#modal.close();
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
    // A photo already there (a restored draft) that waited for its tools counts too.
    const toolsCame = !this.#hadTools && !!this.#toolsLoader.gestures;
    this.#hadTools = !!this.#toolsLoader.gestures;
    const reshaped = toolsCame || ['media', 'panel', 'progress', 'cameraOn', 'confirming', 'sound', 'selected'].some((k) => changed.has(k as keyof StoryComposer & PropertyKey));
    if (reshaped && dialog?.open && (!active || active === document.body || active === this)) (this.#q('[data-tool]') ?? this.#q('.source-actions button'))?.focus();
    const kept = changed.has('media') || changed.has('overlays') || changed.has('effect') || changed.has('sound');
    if (kept || changed.has('contentWarning') || changed.has('tracks')) this.#autosave();
  }

  /** Rendered, and the tools loaded once the composer has opened. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.#toolsLoader.ready) return done;
    await this.#toolsLoader.ready;
    return super.getUpdateComplete();
  }

  // ---- drafts

  /** IndexedDB refused: drafts live only in memory, and the author is told. */
  #onStorageFallback = (): void => {
    this.error = this.#words.t('composer.storageOff');
  };

  async #restore(scope: string): Promise<void> {
    const draft = await loadDraft(scope, this.#onStorageFallback).catch(() => null);
    if (!draft || this.media) return;
    restoreDraft(this, draft);
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
    await saveDraft(savedDraft(this, scope, this.#allowComments), this.#onStorageFallback).catch((error: unknown) => {
      this.error = this.#words.t('composer.saveFailed', { error: messageOf(error) });
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
    emptyComposer(this);
    this.#allowComments = true;
  }

  // ---- media in

  #setMediaUrl(blob: Blob | null): void {
    if (this.#mediaUrl) URL.revokeObjectURL(this.#mediaUrl);
    this.#mediaUrl = blob ? URL.createObjectURL(blob) : '';
  }

  /** Takes a photo or video from a file (picker, drop, paste) or a recording; refusals say which rule. */
  async useFile(file: Blob & { name?: string }): Promise<void> {
    this.error = '';
    try {
      const media = await checkMedia(file, this.#words);
      this.#camera.stop();
      this.media = media;
      // What took it (the shutter, the upload field) is gone: on to the tools.
      this.#focusSoon(() => this.#q('[data-tool]'));
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** A file chosen, dropped or pasted (a paste only while there is no media yet). */
  #onFile = (event: Event): void => {
    const file = fileOf(event);
    const taken = !!file && !(event.type === 'paste' && this.media);
    // A drop is ours even without a file: the browser would open what was dropped.
    if (taken || event.type === 'drop') event.preventDefault();
    if (taken) void this.useFile(file);
  };

  // ---- publishing

  /** The draft as the adapter takes it: a photo's effect baked into its pixels, a video's kept as metadata. */
  async draft(): Promise<StoryDraft> {
    return storyDraft(this, this.#allowComments);
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
      this.publishError = this.#words.t(controller.signal.aborted ? 'composer.cancelled' : 'composer.notPublished', { error: messageOf(error) });
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

  #q = <T extends HTMLElement = HTMLElement>(selector: string): T | null => this.renderRoot.querySelector<T>(selector);

  /** Focuses what `find` returns once the next render is on screen, so focus never drops to the page. */
  #focusSoon = (find: () => HTMLElement | null | undefined): void => void this.updateComplete.then(() => find()?.focus());

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
    this.#modal.trap(event, confirm ?? this.renderRoot, (el) => el.getClientRects().length > 0 && (!!confirm || !el.closest('.confirm')));
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

  protected override render(): TemplateResult {
    const words = this.#words;
    const title = words.t('composer.title');
    return html`<dialog part="dialog base" class="composer" aria-label=${title} @cancel=${this.#onCancel} @keydown=${this.#onKeyDown} @paste=${this.#onFile} @close=${this.#onClose}>
      ${this.open
        ? html`<div class="layout">
            <header class="top">
              <button type="button" class="icon" aria-label=${words.t('composer.close')} @click=${() => this.close()}>✕</button>
              <h2 class="title">${title}</h2>
              <span class="icon-space"></span>
            </header>
            ${this.media ? this.#editor() : renderSource(this.#camera, words, { drop: this.#onFile, pick: this.#onFile, useCamera: this.#useCamera })}
            ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}
          </div>
          ${this.confirming
            ? renderConfirm(words, this.#question.onCancel, this.#question.answer)
            : nothing}`
        : nothing}
    </dialog>`;
  }

  #useCamera = (): void => {
    this.error = '';
    void this.#camera.start();
  };

  #editor(): TemplateResult {
    const media = this.media!;
    const panels: Panel[] = ['text', 'sticker', 'sound', 'effect', 'link', 'mention', ...(media.kind === 'video' ? (['captions'] as const) : [])];
    // Until the tools arrive (a moment, and only for a draft restored at once), the story shows alone.
    return html`${renderPreview(this, this.#words, this.#mediaUrl, this.#toolsLoader.gestures)}
      ${this.#toolsLoader.render(
        this.#words,
        (tools) => html`${tools.renderToolbar(this, this.#tools, panels, (p) => this.#toggleTool(p))}
          ${renderFooter(this, this.#words, this.#allowComments, {
            cancel: this.#cancelPublish,
            discard: this.#question.ask,
            sensitive: () => this.#toggleTool('sensitive'),
            allowComments: this.#onAllowComments,
            publish: () => void this.publish(),
          })}`,
      )}`;
  }
}
