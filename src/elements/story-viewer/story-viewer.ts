import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { StoryOpenEvent } from '../../events.js';
import {
  StoryChangeEvent,
  StoryCloseEvent,
  StoryCompleteEvent,
  StoryPauseEvent,
  StoryResumeEvent,
  StoryViewEvent,
  type StoryIdsDetail,
} from '../../events/viewer-events.js';
import type { Reel, Story } from '../../model/types.js';
import { saveMuted } from '../../state/preferences.js';
import { StoreController } from '../../state/store-controller.js';
import type { StoriesStore } from '../../state/store.js';
import { longAge, shortAge } from '../shared/age.js';
import { ModalFocus } from '../shared/focus.js';
import { ViewerExtras } from './extras-loader.js';
import { Words } from '../../i18n/words.js';
import { viewerMessages } from './messages.js';
import { announcement, renderChrome, renderStage } from './view.js';
import { DeepLinks } from './deep-links.js';
import { Failures, reducedMotion } from './failures.js';
import { ViewerFooter } from './footer.js';
import { icon } from './icons.js';
import { Gestures, keyHandler, type Intent, type Move } from './intents.js';
import { Player } from './player.js';
import { Progress } from './progress.js';
import { Stage, wantedMedia, type Slot } from './stage.js';
import { openMediaCacheSoon } from '../../state/media-source.js';
import { Veils } from './veils.js';
import { styles } from './story-viewer.styles.js';
import { ViewerProperties } from './viewer-properties.js';

const DEFAULT_IMAGE_MS = 5000;

/** Standalone reels play in the order given; what was seen is remembered while the page lives. */
const STANDALONE = { seen: null, keepOrder: true, refreshInterval: 0 } as const;

/**
 * The full-screen story player. It plays the playback of its store (its
 * `<story-provider>`'s, a given `store`, or — standalone — the `reels` property): segmented
 * progress bars driven by the media's own clock, images (shown once decoded), mp4 and HLS
 * video (hls.js loaded only when an HLS story needs it), the story's sound track, overlays
 * and effect; it preloads what comes next and moves on by itself across accounts.
 *
 * Tap the right of the story (or anywhere but its left third) for the next story, its left
 * third for the previous; press and hold to pause; swipe sideways between accounts and down
 * to close. Keys: ← → stories, Shift+← → or PageUp/PageDown accounts, Space or K pause,
 * M mute, Escape close (mirrored in right-to-left pages). It is a modal dialog: focus moves
 * to its pause button, stays inside, and returns where it was when it closes.
 *
 * @summary The full-screen player of stories.
 */
export class StoryViewer extends ViewerProperties {
  static override styles = styles;

  readonly #words = new Words(this, viewerMessages);
  #stores = new StoreController(this, { onStore: (store) => this.#register(store), given: () => this.store });
  #stage = new Stage(
    () => this.renderRoot.querySelector<HTMLElement>('.media-box'),
    (slot) => this.#slotChanged(slot),
    () => this.hls,
    () => this.fit,
  );
  #progress = new Progress(() => this.#ended());
  #player = new Player(this, {
    progress: this.#progress,
    video: () => this.#video(),
    shown: () => this.#shown,
    open: () => this.#isOpen,
    changed: (paused, reason) => {
      this.#emit(paused ? StoryPauseEvent : StoryResumeEvent);
      if (paused && reason !== 'hidden') this.#say();
      // A failed story resumes by moving on.
      if (!paused && this.#slot()?.failed) this.#failed();
    },
    refused: () => (this.soundHint = true),
  });
  /** The comments under the story, and the author's tabs. */
  #footer = new ViewerFooter(this, {
    hold: (reason, on) => (on ? this.#player.pause(reason) : this.#player.resume(reason)),
    adopt: (styles) => this.#adopt(styles),
    rtl: () => this.#rtl(),
    words: this.#words,
  });
  /** The extras chunk (captions, text fitting, failure reasons), once loaded. */
  #extras = new ViewerExtras(this, (styles) => this.#adopt(styles), () => this.#words.lang);
  #veils = new Veils(this, () => this.#current);
  #failures = new Failures(this, () => !this.paused && this.#slot()?.failed && this.#ended());
  #unregister = () => {};
  #current: Story | null = null;
  #shown = false;
  #viewed = new Set<string>();
  #modal = new ModalFocus(() => this.renderRoot.querySelector('dialog'));
  #links = new DeepLinks(this, () => this.#isOpen && this.close());
  // Tab stays inside (the native dialog would let it reach the browser's controls).
  #keys = keyHandler((event) => this.#modal.trap(event, this.renderRoot), () => this.#rtl(), (intent) => this.#do(intent, true));
  #gestures = new Gestures(
    (intent) => (this.soundHint && intent !== 'hold' && intent !== 'release' ? this.#toggleMute() : this.#do(intent)),
    () => this.#rtl(),
  );
  #wanted: { authorId?: string; storyId?: string } | null = null;
  #announce = false;
  #isOpen = false;

  get #store(): StoriesStore | undefined {
    return this.#stores.store;
  }

  /** Opens at an account (its first unseen story, or `storyId`); without one, at the first account. */
  show(authorId?: string, storyId?: string): void {
    this.#wanted = { authorId, storyId };
    this.requestUpdate();
  }

  /** Closes the viewer. */
  close(): void {
    this.#wanted = null;
    this.#store?.close();
    if (this.#isOpen) this.#closeDialog();
    this.open = false;
  }

  /** Pauses playback. */
  pause(): void {
    this.#player.pause('user');
  }

  /** Resumes playback. */
  play(): void {
    this.#player.resume('user');
  }

  #register(store: StoriesStore | undefined): void {
    this.#unregister();
    this.#unregister = store && this.isConnected ? store.attachViewer() : () => {};
    // A viewer waiting in the page: the first story it opens need not wait for the cache's
    // database, opened once the feed is in (load() is the store's one first load, shared).
    if (store && this.isConnected) openMediaCacheSoon(store.load());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#store) this.#register(this.#store);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unregister();
    // Removed while open: the dialog and playback end.
    if (this.#isOpen) {
      this.#modal.close(false);
      this.#store?.close();
    }
    this.#isOpen = false;
    this.#teardown();
  }

  // ---- opening and closing

  #emit(Kind: new (detail: StoryIdsDetail) => Event, story: Story | null = this.#current): void {
    if (story) this.dispatchEvent(new Kind({ authorId: story.author.id, storyId: story.id }));
  }

  #openDialog(): void {
    if (!this.#modal.open()) return;
    // What some stories need (captions, long text, failures in words) loads behind the first frame.
    void this.#extras.with(() => {});
    this.#isOpen = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.pause')?.focus());
  }

  #closeDialog(): void {
    const last = this.#current;
    this.#teardown();
    this.#modal.close(false);
    this.#isOpen = false;
    // Unless asked to open again meanwhile.
    if (!this.#wanted) this.open = false;
    this.#links.clear();
    this.#emit(StoryCloseEvent, last);
    this.#modal.giveBack();
  }

  #teardown(): void {
    this.#failures.stop();
    this.#gestures.stop();
    this.#progress.stop();
    this.#stage.clear();
    this.#extras.captions?.stop();
    this.#player.stop();
    this.#current = null;
    this.chromeHidden = false;
  }

  // ---- following the store

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('fit') && this.hasUpdated) this.#stage.refit();
    if (changed.has('reels') && !this.store) this.#stores.useSource(this.reels ? { reels: this.reels, storeOptions: STANDALONE } : null);
    const store = this.#store;
    if (changed.has('open')) {
      // Set from outside: open at the first account, or close.
      if (this.open && !this.#isOpen && !store?.playback && !this.#wanted) this.#wanted = {};
      if (!this.open && this.#isOpen && store?.playback) store.close();
    }
    if (store && this.#wanted && store.status !== 'loading' && store.status !== 'idle') {
      const { authorId, storyId } = this.#wanted;
      this.#wanted = null;
      const first = authorId ?? store.mine()?.author.id ?? store.reels[0]?.author.id;
      if (first) store.open(first, storyId).catch(() => {});
    }
    // Follow the store's playback here, before rendering, so the render shows it at once.
    const now = store?.playback ? store.current() : null;
    if (now && !this.#isOpen) {
      this.open = true;
      if (!store!.playback!.announced) this.dispatchEvent(new StoryOpenEvent({ authorId: now.reel.author.id, storyId: now.story.id }));
    }
    if (!now && this.#isOpen && !this.#wanted) this.open = false;
    if (now && now.story.id !== this.#current?.id && this.hasUpdated) this.#enter(now.story, now.reel, now.index);
    // The same story in a refreshed feed: keep playing it, with its new data.
    else if (now && now.story !== this.#current && now.story.id === this.#current?.id) this.#current = now.story;
  }

  protected override updated(): void {
    const store = this.#store;
    const now = store?.playback ? store.current() : null;
    if (now && !this.#isOpen) this.#openDialog();
    if (!now && this.#isOpen) return this.#closeDialog();
    if (!now) return;
    // Before the first render there was no stage to put media in.
    if (now.story.id !== this.#current?.id) this.#enter(now.story, now.reel, now.index);
    // Focus lost (its button went away: Retry, "Tap for sound", an overlay): back to pause.
    const root = this.renderRoot as ShadowRoot;
    if (!root.activeElement && (document.activeElement === document.body || !document.activeElement)) root.querySelector<HTMLElement>('.pause')?.focus();
    // The segment of the story is rendered now: its clock can start (a preloaded story at once).
    this.#start();
    this.#place();
  }

  /** A new story comes on screen. */
  #enter(story: Story, reel: Reel, index: number): void {
    const sameId = this.#current?.id === story.id;
    this.#current = story;
    this.#shown = false;
    this.#failures.stop();
    this.#progress.stop();
    this.#player.stopSound();
    this.#extras.captions?.stop();
    this.#stage.sync(wantedMedia(this.#store!, story, reel, index));
    // Loaded ahead and failed already: it moves on like any failure.
    if (this.#slot()?.failed) this.#failed();
    if (!sameId) {
      // What held playback belonged to the story that left (its comments, its viewers list).
      this.#player.resume('comments');
      this.#player.resume('viewers');
      this.#emit(StoryChangeEvent);
    }
    this.#links.write(story);
    if (this.#announce) {
      this.#announce = false;
      this.#say();
    }
  }

  #slot(): Slot | undefined {
    return this.#current ? this.#stage.slots.get(this.#current.id) : undefined;
  }

  #slotChanged(slot: Slot): void {
    if (slot.story !== this.#current) return;
    if (slot.failed) this.#failed();
    else this.#start();
    this.requestUpdate();
  }

  /** Starts the current story's clock once its media is ready and its segment is rendered. */
  #start(): void {
    const slot = this.#slot();
    const fill = this.renderRoot.querySelector('.segment.current .fill');
    // A story marked sensitive is neither timed nor counted as viewed before it is revealed.
    if (!slot || !slot.ready || slot.failed || !fill || this.#shown || this.#veils.veiled(slot.story)) return;
    this.#shown = true;
    const story = slot.story;
    // In the stage (audio without controls is not rendered), so the sound goes with the viewer.
    this.#player.begin(story, slot.el, fill, (story.duration ?? DEFAULT_IMAGE_MS) * Math.max(1, this.durationScale || 1), this.renderRoot.querySelector('.media-box'), () => this.#ended());
    const video = this.#video();
    if (video?.textTracks.length) void this.#extras.with(() => this.#extras.captions?.follow(video, this.muted));
    this.#markViewed(story);
    this.#player.apply();
  }

  #markViewed(story: Story): void {
    void this.#store?.markViewed(story);
    if (this.#viewed.has(story.id)) return;
    this.#viewed.add(story.id);
    this.#emit(StoryViewEvent, story);
  }

  #ended(): void {
    const store = this.#store;
    if (!store || !this.#current) return;
    if (reducedMotion()) {
      // No auto-advance: the story stays finished until the user moves on.
      this.#progress.finish();
      return;
    }
    const last = this.#current;
    if (!store.next()) this.#emit(StoryCompleteEvent, last);
  }

  /** Styles of a part loaded later join the viewer's (constructed style sheets: fine under a strict CSP). */
  #adopt({ styleSheet }: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    if (styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
  }

  /** The video on screen, once it plays. */
  #video(): HTMLVideoElement | null {
    const el = this.#slot()?.el;
    return el instanceof HTMLVideoElement && this.#shown ? el : null;
  }

  #toggleCaptions = (): void => this.#extras.captions?.toggle(this.#video(), this.muted);

  #failed(): void {
    this.#failures.failed(this.#slot());
    this.#progress.stop();
  }

  #retry = (): void => {
    const story = this.#current;
    const now = this.#store?.current();
    if (!story || !now) return;
    this.#stage.drop(story.id);
    this.#current = null;
    this.#enter(now.story, now.reel, now.index);
  };

  // ---- pausing

  #toggleMute = (): void => {
    this.muted = !this.muted;
    this.soundHint = false;
    saveMuted(this.muted);
    this.#player.apply();
    this.#extras.captions?.soundChanged(this.#video(), this.muted);
  };

  /** "Story 3 of 7 by Ana Lima, 2 hours ago", politely, for screen readers. */
  #say(): void {
    const now = this.#store?.current();
    if (now) this.announcement = announcement(now, longAge(this.#store!.clock.now() - now.story.createdAt, this.#words.lang), this.paused, this.#veils.veiled(now.story), this.#words);
  }

  // ---- moving

  /** What a tap, a hold, a swipe or a key asked for; `byKeyboard` moves announce the new story. */
  #do(intent: Intent | null, byKeyboard = false): void {
    if (intent === 'pause') this.#player.toggle();
    else if (intent === 'mute') this.#toggleMute();
    else if (intent === 'close') this.close();
    else if (intent === 'hold' || intent === 'release') {
      this.chromeHidden = intent === 'hold';
      if (intent === 'hold') this.#player.pause('hold');
      else this.#player.resume('hold');
    } else if (intent) this.#go(intent, byKeyboard);
  }

  #go(move: Move, byKeyboard = false): void {
    const store = this.#store;
    if (!store) return;
    this.#announce = byKeyboard;
    const last = this.#current;
    const moved = move === 'next' ? store.next() : move === 'previous' ? store.previous() : move === 'nextReel' ? store.nextReel() : store.previousReel();
    if (!moved && (move === 'next' || move === 'nextReel') && last) this.#emit(StoryCompleteEvent, last);
    // At the very first story, "previous" restarts it.
    if (!moved && (move === 'previous' || move === 'previousReel') && this.#current) this.#retry();
  }

  #rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  #onCancel = (event: Event): void => {
    event.preventDefault();
    // Escape closes what covers the story first (the viewers list), then the viewer.
    const story = this.#current;
    if (!story || !this.#footer.dismiss(story)) this.close();
  };

  // ---- rendering

  #openMention = (authorId: string): void => void this.#store?.open(authorId).catch(() => {});

  /** Long text is kept inside the frame (its overlays placed themselves as they rendered). */
  #place(): void {
    if (this.#current?.overlays?.some((o) => o.kind === 'text')) void this.#extras.with((x) => x.keepInside(this.renderRoot, this.renderRoot.querySelector<HTMLElement>('.frame'), this.renderRoot.querySelector<HTMLElement>('.footer')));
  }

  protected override render(): TemplateResult {
    const store = this.#store;
    const now = this.#isOpen || store?.playback ? store?.current() : null;
    const slot = now ? this.#stage.slots.get(now.story.id) : undefined;
    // By name, not `instanceof`: a server has no HTMLVideoElement.
    const video = slot?.el.localName === 'video' ? (slot.el as HTMLVideoElement) : null;
    const story = now?.story;
    const veiled = !!story && this.#veils.veiled(story);
    const loading = !!now && !veiled && !slot?.failed && (!slot?.ready || (!!video && !this.paused && video.readyState < 3 && !video.ended));
    const hasCaptions = !!story?.media.tracks?.length && story.media.kind === 'video';
    const covered = this.#footer.covers(story);
    const words = this.#words;
    return html`<dialog part="dialog" aria-label=${this.label || words.t('viewer.label')} @cancel=${this.#onCancel} @keydown=${this.#keys}>
      <div part="base" class="frame ${this.chromeHidden ? 'bare' : ''} ${this.#player.reasons.has('comments') ? 'holding' : ''} ${covered ? 'covered' : ''}">
        ${renderStage(
          {
            veiled,
            covered,
            loading,
            failure: slot?.failed ? { reason: slot.failed, id: slot.failedId } : null,
            overlays: story?.overlays ?? [],
            captions: veiled ? nothing : this.#extras.captions?.view(),
            veil: veiled ? this.#extras.extras?.veil(story!.contentWarning!, this.#veils.reveal, words) : nothing,
          },
          { gestures: this.#gestures, mention: this.#openMention, retry: this.#retry },
          words,
        )}
        ${renderChrome(
          {
            now,
            age: now ? shortAge(store!.clock.now() - now.story.createdAt, this.#words.lang) : '',
            paused: this.paused,
            muted: this.muted,
            soundHint: this.soundHint,
            captions: hasCaptions ? this.#extras.captions?.button(this.muted, this.#toggleCaptions, words) : nothing,
          },
          { pause: this.#player.toggle, mute: this.#toggleMute, close: () => this.close() },
          words,
        )}
        <button part="previous-button" class="step previous" type="button" aria-label=${words.t('viewer.previous')} ?inert=${covered} @click=${() => this.#go('previous')}>${icon('previous')}</button>
        <button part="next-button" class="step next" type="button" aria-label=${words.t('viewer.next')} ?inert=${covered} @click=${() => this.#go('next')}>${icon('next')}</button>
        <div part="footer" class="footer" @story-hold=${this.#footer.onHold}><slot name="footer">${story && store ? this.#footer.render(store, story) : nothing}</slot></div>
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </dialog>`;
  }
}
