import { LitElement, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { StoryErrorEvent, StoryOpenEvent } from '../../events.js';
import {
  StoryChangeEvent,
  StoryCloseEvent,
  StoryCompleteEvent,
  StoryPauseEvent,
  StoryResumeEvent,
  StoryViewEvent,
  type StoryIdsDetail,
} from '../../events/viewer-events.js';
import type { MediaFit, Reel, Story } from '../../model/types.js';
import type { HlsMode } from '../../state/media-source.js';
import { savedMuted, saveMuted } from '../../state/preferences.js';
import { StoreController } from '../../state/store-controller.js';
import type { StoriesStore } from '../../state/store.js';
import { longAge, shortAge } from '../shared/age.js';
import { ModalFocus } from '../shared/focus.js';
import { renderOverlay } from '../shared/overlays.js';
import { plainAvatar } from '../shared/plain-avatar.js';
import type { Captions } from './captions.js';
import { loadExtras, type Extras } from './extras-loader.js';
import { DeepLinks } from './deep-links.js';
import { ViewerFooter } from './footer.js';
import { icon } from './icons.js';
import { Gestures, keyIntent, type Intent, type Move } from './intents.js';
import { Player } from './player.js';
import { Progress } from './progress.js';
import { Stage, type Role, type Slot } from './stage.js';
import { styles } from './story-viewer.styles.js';

/** How long a failed story stays before playback moves on (ms). */
const FAILED_PAUSE = 3000;
const DEFAULT_IMAGE_MS = 5000;

/** Standalone reels play in the order given; what was seen is remembered while the page lives. */
const STANDALONE = { seen: null, keepOrder: true, refreshInterval: 0 } as const;

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;


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
 *
 * @slot menu - Extra controls in the header (e.g. a "…" menu button).
 * @slot footer - Below the story: where comments and the viewers tab go.
 *
 * @fires {StoryOpenEvent} story-open - When the viewer opens, unless a ring's `story-open` asked for it.
 * @fires {StoryChangeEvent} story-change - When another story shows; `detail.authorId`, `detail.storyId`.
 * @fires {StoryViewEvent} story-view - When a story has been shown and was marked viewed (once per story).
 * @fires {StoryPauseEvent} story-pause - When playback pauses.
 * @fires {StoryResumeEvent} story-resume - When playback resumes.
 * @fires {StoryCompleteEvent} story-complete - When the last story of the last account ends.
 * @fires {StoryCloseEvent} story-close - When the viewer closes.
 * @fires {StoryErrorEvent} story-error - Once per story whose media fails (`code` `media`, with `storyId`, `authorId` and `reason`).
 *
 * @csspart dialog - The full-screen dialog.
 * @csspart base - The story frame (9:16, centred).
 * @csspart stage - The area that takes taps, holds and swipes.
 * @csspart media - The image or video on screen.
 * @csspart progress - The row of segments.
 * @csspart segment - One story's bar.
 * @csspart header - Avatar, name, age and the controls.
 * @csspart avatar - The author's avatar.
 * @csspart name - The author's name.
 * @csspart time - The story's age.
 * @csspart pause-button - Pause and play.
 * @csspart mute-button - Sound on and off.
 * @csspart close-button - Close.
 * @csspart previous-button - Previous story.
 * @csspart next-button - Next story.
 * @csspart overlay - A text, sticker, link or mention over the story.
 * @csspart link - A link sticker.
 * @csspart spinner - Shown while the media loads or stalls.
 * @csspart error - The message of a story that failed (in words: gone, a format this browser cannot play, damaged, offline), with its retry button.
 * @csspart backdrop - Behind the media: its placeholder (BlurHash or colour) while it loads, its blurred copy around media shown whole.
 * @csspart content-warning - The cover of a story marked sensitive: its warning and the Show button.
 * @csspart reveal-button - Shows a story marked sensitive.
 * @csspart captions - The captions of the video on screen.
 * @csspart captions-button - Captions on and off (videos with captions only).
 * @csspart scrim - The gradients behind the header and the footer that keep white text legible.
 * @csspart sound-hint - "Tap for sound", when the browser started the story muted.
 * @csspart footer - The area below the story.
 *
 * @cssproperty [--story-viewer-background=#0c0c0e] - Behind the story frame (opaque: the page does not show through).
 * @cssproperty [--story-viewer-z-index=2000] - Stacking of the dialog.
 * @cssproperty [--story-viewer-progress-color=#fff] - Filled part of the bars.
 * @cssproperty [--story-viewer-radius=12px] - Corners of the frame on wide screens.
 */
export class StoryViewer extends LitElement {
  static override styles = styles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    reels: { attribute: false },
    store: { attribute: false },
    hls: {},
    fit: {},
    deepLink: { attribute: 'deep-link' },
    durationScale: { type: Number, attribute: 'duration-scale' },
    label: {},
    comments: {},
    paused: { type: Boolean, reflect: true },
    muted: { type: Boolean, reflect: true },
    announcement: { state: true },
    chromeHidden: { state: true },
    soundHint: { state: true },
  };

  /** Whether the viewer shows. Setting it opens the first account (or the deep-linked story); clearing it closes. */
  open = false;

  /** Standalone: the reels to play, without a provider (validated like any adapter's answer). */
  reels?: Reel[];

  /** A store to play, instead of the provider's (the bar and sidebar give theirs to the viewer they open). */
  store?: StoriesStore;

  /** How HLS plays: `auto` (hls.js where Media Source Extensions exist, else natively), `native` or `hls.js`. */
  hls: HlsMode = 'auto';

  /**
   * How media fills the frame: `auto` (the default) crops media shaped about like the 9:16
   * frame (within 10%) and shows other shapes whole over a blurred copy of themselves, or
   * as the story's `media.fit` says; `cover` or `contain` applies to every story.
   */
  fit: MediaFit | 'auto' = 'auto';

  /** The URL-hash key of deep links (`#story=<author>/<story>`); `off` turns deep links off. */
  deepLink = 'story';

  /** Multiplies image durations (e.g. 10 for people who need more time; WCAG 2.2.1). */
  durationScale = 1;

  /** The dialog's accessible name. */
  label = 'Stories';

  /**
   * `auto`: each story shows its public comments (`<story-comments>`, loaded on first use)
   * in the footer when the store's source can take comments and the page put nothing in the
   * `footer` slot; `off`: never.
   */
  comments: 'auto' | 'off' = 'auto';

  /** Whether playback is paused (reflected). */
  paused = false;

  /** Whether sound is off (reflected; remembered across visits). */
  muted = savedMuted() ?? false;

  private announcement = '';
  private chromeHidden = false;
  private soundHint = false;

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
  });
  /** The extras chunk (captions, text fitting, failure reasons), once loaded. */
  #extras: Extras | null = null;
  #captionsOf: Captions | null = null;
  get #captions(): Captions | null {
    if (!this.#captionsOf && this.#extras) {
      this.#captionsOf = new this.#extras.Captions(this, () => this.closest('[lang]')?.getAttribute('lang') || navigator.language);
    }
    return this.#captionsOf;
  }
  /** Stories marked sensitive that the person chose to see. */
  #revealed = new Set<string>();
  /** Failed slots already reported, so each failure fires one story-error. */
  #reported = new WeakSet<Slot>();
  #unregister = () => {};
  #current: Story | null = null;
  #shown = false;
  #viewed = new Set<string>();
  #modal = new ModalFocus(() => this.renderRoot.querySelector('dialog'));
  #links = new DeepLinks(this, () => this.#isOpen && this.close());
  #gestures = new Gestures(
    (intent) => (this.soundHint && intent !== 'hold' && intent !== 'release' ? this.#toggleMute() : this.#do(intent)),
    () => this.#rtl(),
  );
  #wanted: { authorId?: string; storyId?: string } | null = null;
  #announce = false;
  #failTimer?: ReturnType<typeof setTimeout>;
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
    void this.#withExtras(() => {});
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
    clearTimeout(this.#failTimer);
    this.#gestures.stop();
    this.#progress.stop();
    this.#stage.clear();
    this.#captions?.stop();
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
    clearTimeout(this.#failTimer);
    this.#progress.stop();
    this.#player.stopSound();
    this.#captions?.stop();
    this.#stage.sync(this.#wantedMedia(story, reel, index));
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

  /** The current story, the next one, and the next account's first unseen story. */
  #wantedMedia(story: Story, reel: Reel, index: number): { story: Story; role: Role }[] {
    const list: { story: Story; role: Role }[] = [{ story, role: 'current' }];
    const next = reel.stories[index + 1];
    if (next) list.push({ story: next, role: 'next' });
    const store = this.#store!;
    const pb = store.playback!;
    const nextAuthor = pb.playlist[pb.playlist.indexOf(pb.authorId) + 1];
    const nextReel = nextAuthor ? [...store.reels, ...(store.mine() ? [store.mine()!] : [])].find((r) => r.author.id === nextAuthor) : undefined;
    const first = nextReel?.stories.find((s) => !store.isSeen(s.id)) ?? nextReel?.stories[0];
    if (first) list.push({ story: first, role: next ? 'ahead' : 'next' });
    return list;
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
    if (!slot || !slot.ready || slot.failed || !fill || this.#shown || this.#veiled(slot.story)) return;
    this.#shown = true;
    const story = slot.story;
    if (slot.el instanceof HTMLVideoElement) {
      const video = slot.el;
      video.muted = this.muted;
      if (video.ended) video.currentTime = 0;
      video.onended = () => this.#ended();
      video.onwaiting = () => this.requestUpdate();
      video.onplaying = () => this.requestUpdate();
      this.#progress.followVideo(fill, video);
      if (video.textTracks.length) void this.#withExtras(() => this.#captions?.follow(video, this.muted));
    } else {
      const ms = (story.duration ?? DEFAULT_IMAGE_MS) * Math.max(1, this.durationScale || 1);
      this.#progress.startTimer(fill, ms);
    }
    // In the stage (audio without controls is not rendered), so it goes with the viewer.
    this.#player.startSound(story, this.renderRoot.querySelector('.media-box'));
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

  /** Runs `work` once the extras are loaded (at once when they are). */
  async #withExtras(work: () => void): Promise<void> {
    if (!this.#extras) {
      const extras = await loadExtras();
      if (!this.#extras) this.#adopt(extras.extraStyles);
      this.#extras = extras;
      this.requestUpdate();
    }
    work();
  }

  /** Styles of a part loaded later join the viewer's (constructed style sheets: fine under a strict CSP). */
  #adopt({ styleSheet }: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    if (styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
  }

  #veiled(story: Story): boolean {
    return !!story.contentWarning && !this.#revealed.has(story.id);
  }

  #reveal = (): void => {
    const story = this.#current;
    if (!story) return;
    this.#revealed.add(story.id);
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.pause')?.focus());
  };

  /** The video on screen, once it plays. */
  #video(): HTMLVideoElement | null {
    const el = this.#slot()?.el;
    return el instanceof HTMLVideoElement && this.#shown ? el : null;
  }

  #toggleCaptions = (): void => this.#captions?.toggle(this.#video(), this.muted);

  #failed(): void {
    const slot = this.#slot();
    if (slot?.failed && !this.#reported.has(slot)) {
      this.#reported.add(slot);
      const { story } = slot;
      this.dispatchEvent(
        new StoryErrorEvent({
          code: 'media',
          reason: slot.failed,
          message: `${slot.failedText ?? 'The media failed'} (${story.media.src})`,
          storyId: story.id,
          authorId: story.author.id,
        }),
      );
    }
    this.#progress.stop();
    clearTimeout(this.#failTimer);
    if (reducedMotion()) return;
    this.#failTimer = setTimeout(() => {
      if (!this.paused && this.#slot()?.failed) this.#ended();
    }, FAILED_PAUSE);
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
    this.#captions?.soundChanged(this.#video(), this.muted);
  };

  /** "Story 3 of 7 by Ana Lima, 2 hours ago", politely, for screen readers. */
  #say(): void {
    const now = this.#store?.current();
    if (!now) return;
    const age = longAge(this.#store!.clock.now() - now.story.createdAt);
    const warning = this.#veiled(now.story) ? `. Content warning: ${now.story.contentWarning}` : '';
    this.announcement = `${this.paused ? 'Paused. ' : ''}Story ${now.index + 1} of ${now.reel.stories.length} by ${now.reel.author.name}, ${age}${warning}`;
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

  #onKeyDown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement;
    // Tab stays inside (the native dialog would let it reach the browser's controls).
    if (event.key === 'Tab') return this.#modal.trap(event, this.renderRoot);
    // Typing in a field of a slot (a comment) is typing, not a shortcut.
    if (target.isContentEditable || /^(input|textarea|select)$/.test(target.localName)) return;
    const intent = keyIntent(event, this.#rtl());
    if (!intent) return;
    event.preventDefault();
    this.#do(intent, true);
  };

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
    if (this.#current?.overlays?.some((o) => o.kind === 'text')) void this.#withExtras(() => this.#extras!.keepInside(this.renderRoot, this.renderRoot.querySelector<HTMLElement>('.frame'), this.renderRoot.querySelector<HTMLElement>('.footer')));
  }

  protected override render(): TemplateResult {
    const store = this.#store;
    const now = this.#isOpen || store?.playback ? store?.current() : null;
    const slot = now ? this.#stage.slots.get(now.story.id) : undefined;
    // By name, not `instanceof`: a server has no HTMLVideoElement.
    const video = slot?.el.localName === 'video' ? (slot.el as HTMLVideoElement) : null;
    const story = now?.story;
    const veiled = !!story && this.#veiled(story);
    const loading = !!now && !veiled && !slot?.failed && (!slot?.ready || (!!video && !this.paused && video.readyState < 3 && !video.ended));
    const author = now?.reel.author;
    const failure = slot?.failed;
    const hasCaptions = !!story?.media.tracks?.length && story.media.kind === 'video';
    const covered = this.#footer.covers(story);
    return html`<dialog part="dialog" aria-label=${this.label} @cancel=${this.#onCancel} @keydown=${this.#onKeyDown}>
      <div part="base" class="frame ${this.chromeHidden ? 'bare' : ''} ${this.#player.reasons.has('comments') ? 'holding' : ''} ${covered ? 'covered' : ''}">
        <div
          part="stage"
          class="stage"
          @pointerdown=${this.#gestures.down}
          @pointermove=${this.#gestures.move}
          @pointerup=${this.#gestures.up}
          @pointercancel=${this.#gestures.cancel}
        >
          <div class="media-box ${veiled ? 'veiled' : ''}"></div>
          <div part="scrim" class="scrim top"></div>
          <div part="scrim" class="scrim bottom"></div>
          ${veiled || failure ? nothing : html`<div class="overlays" ?inert=${covered}>${(story?.overlays ?? []).map((o) => renderOverlay(o, this.#openMention))}</div>`}
          ${veiled ? nothing : this.#captions?.view()}
          ${loading ? html`<div part="spinner" class="spinner" role="progressbar" aria-label="Loading"></div>` : nothing}
          ${veiled ? this.#extras?.veil(story!.contentWarning!, this.#reveal) : nothing}
          ${failure
            ? html`<div part="error" class="error" role="alert">
                <p>${slot!.failedText}</p>
                ${failure === 'gone' || failure === 'unsupported' ? nothing : html`<button type="button" class="retry" @click=${this.#retry}>Try again</button>`}
              </div>`
            : nothing}
        </div>
        <div class="chrome">
          <div part="progress" class="progress" aria-hidden="true">
            ${(now?.reel.stories ?? []).map(
              (_s, i) => html`<div part="segment" class="segment ${i < now!.index ? 'done' : i === now!.index ? 'current' : ''}"><div class="fill"></div></div>`,
            )}
          </div>
          <div part="header" class="header">
            ${author
              ? html`${plainAvatar(author, 32)}
                  <span class="who">
                    <span part="name" class="name">${author.name}</span>
                    <span part="time" class="time">${shortAge(store!.clock.now() - story!.createdAt)}</span>
                  </span>`
              : nothing}
            <span class="controls">
              <button part="pause-button" class="pause" type="button" aria-pressed=${this.paused ? 'true' : 'false'} aria-label="Pause" @click=${this.#player.toggle}>
                ${icon(this.paused ? 'play' : 'pause')}
              </button>
              <button part="mute-button" class="mute" type="button" aria-pressed=${this.muted ? 'true' : 'false'} aria-label="Mute" @click=${this.#toggleMute}>
                ${icon(this.muted ? 'muted' : 'sound')}
              </button>
              ${hasCaptions ? this.#captions?.button(this.muted, this.#toggleCaptions) : nothing}
              <slot name="menu"></slot>
              <button part="close-button" class="close" type="button" aria-label="Close" @click=${() => this.close()}>${icon('close')}</button>
            </span>
          </div>
          ${this.soundHint ? html`<button part="sound-hint" class="hint" type="button" @click=${this.#toggleMute}>Tap for sound</button>` : nothing}
        </div>
        <button part="previous-button" class="step previous" type="button" aria-label="Previous story" ?inert=${covered} @click=${() => this.#go('previous')}>${icon('previous')}</button>
        <button part="next-button" class="step next" type="button" aria-label="Next story" ?inert=${covered} @click=${() => this.#go('next')}>${icon('next')}</button>
        <div part="footer" class="footer" @story-hold=${this.#footer.onHold}><slot name="footer">${story && store ? this.#footer.render(store, story) : nothing}</slot></div>
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </dialog>`;
  }
}
