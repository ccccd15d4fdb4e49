import { EFFECT_FILTERS } from '../../model/effects.js';
import type { MediaFit, Reel, Story } from '../../model/types.js';
import { whenIdle } from '../../state/idle.js';
import type { StoriesStore } from '../../state/store.js';
import type { MediaFailure } from '../../state/media-extras.js';
import { attachVideo, loadImage, type HlsMode, type MediaLease, type VideoLease } from '../../state/media-source.js';
import { fitFor } from '../shared/fit.js';
import { loadExtras } from './extras-loader.js';

/** The media element of one story: shown when it is current, else loading ahead, hidden. */
export interface Slot {
  story: Story;
  /** A canvas holds a still image decoded from the media cache; an `<img>` any other. */
  el: HTMLImageElement | HTMLCanvasElement | HTMLVideoElement;
  /** The image is decoded, or the video has its first frame. */
  ready: boolean;
  /** Why the media failed, when it did (known once the failure was diagnosed). */
  failed: MediaFailure | null;
  /** The message id of that reason in words (`viewer.gone`, …). */
  failedId?: string;
  /** How the media fills the frame, once its shape is known. */
  fit: MediaFit;
  /** Behind the media: its placeholder while it loads, and its blurred copy around media shown whole. */
  backdrop: HTMLCanvasElement;
  lease?: VideoLease;
  /** An image's bytes from the media cache, as an object URL: revoked once decoded, or when the slot goes. */
  bytes?: MediaLease;
  /** Stops an image's download when the slot goes before it arrived. */
  cancel?: AbortController;
  /** Starts an image's download now, if it waits for an idle moment. */
  start?: () => void;
}

/** A story's place in what the stage holds: on screen, next, or further ahead. */
export type Role = 'current' | 'next' | 'ahead';

/**
 * The media elements of the viewer: the current story's, and those of the stories that
 * come next, loading ahead (the next story fully, within the preload budget; the next
 * account's first story up to its first frame). An element moves from "ahead" to "current"
 * as it is, so a preloaded story shows at once. Elements are created and torn down here,
 * imperatively: a video's download and its hls.js instance end exactly when its story
 * leaves the set.
 */
export class Stage {
  readonly slots = new Map<string, Slot>();

  readonly #container: () => HTMLElement | null;
  readonly #onChange: (slot: Slot) => void;
  readonly #hlsMode: () => HlsMode;
  readonly #fit: () => MediaFit | 'auto';

  constructor(container: () => HTMLElement | null, onChange: (slot: Slot) => void, hlsMode: () => HlsMode, fit: () => MediaFit | 'auto' = () => 'auto') {
    this.#container = container;
    this.#onChange = onChange;
    this.#hlsMode = hlsMode;
    this.#fit = fit;
  }

  /** Frames every slot again (the viewer's `fit` changed). */
  refit(): void {
    for (const slot of this.slots.values()) this.#frame(slot);
  }

  /** Crops or letterboxes the media by its shape (declared, else measured) and the overrides. */
  #frame(slot: Slot): void {
    const { el, story } = slot;
    const [width, height] = el instanceof HTMLVideoElement ? [el.videoWidth, el.videoHeight] : el instanceof HTMLImageElement ? [el.naturalWidth, el.naturalHeight] : [el.width, el.height];
    const forced = this.#fit();
    slot.fit = fitFor(width || story.media.width, height || story.media.height, forced !== 'auto' ? forced : story.media.fit);
    el.classList.toggle('contain', slot.fit === 'contain');
    if (slot.ready && slot.fit === 'contain') {
      void loadExtras().then((x) => x.paintBackdrop(slot.backdrop, el));
      slot.backdrop.dataset.show = 'fill';
    } else if (slot.ready) delete slot.backdrop.dataset.show;
  }

  /** Holds exactly `wanted` (in order: the current story first); releases the rest. */
  sync(wanted: { story: Story; role: Role }[]): void {
    const container = this.#container();
    if (!container) return;
    const byId = new Map(wanted.map((w) => [w.story.id, w.story]));
    // A refreshed feed brings new objects for the same stories: only other media is dropped.
    for (const [id, slot] of this.slots) if (byId.get(id)?.media.src !== slot.story.media.src) this.drop(id);
    for (const { story, role } of wanted) {
      let slot = this.slots.get(story.id);
      if (!slot) {
        slot = this.#create(story, role);
        this.slots.set(story.id, slot);
        container.append(slot.backdrop, slot.el);
      }
      slot.story = story;
      if (role !== 'current' && slot.el.classList.contains('current')) demote(slot.el);
      slot.el.classList.toggle('current', role === 'current');
      slot.backdrop.classList.toggle('current', role === 'current');
      if (role !== 'ahead') slot.start?.();
      if (role === 'current') {
        slot.lease?.promote();
        // Media on screen loads first; preloads stay low.
        if (slot.el instanceof HTMLImageElement) slot.el.fetchPriority = 'high';
      }
    }
  }

  /** Tears down a story's media, e.g. to retry it. */
  drop(id: string): void {
    const slot = this.slots.get(id);
    if (!slot) return;
    this.slots.delete(id);
    slot.lease?.release();
    if (slot.el instanceof HTMLImageElement) slot.el.removeAttribute('src');
    slot.bytes?.release();
    slot.cancel?.abort();
    slot.el.remove();
    slot.backdrop.remove();
  }

  /** Everything goes (the viewer closed). */
  clear(): void {
    for (const id of [...this.slots.keys()]) this.drop(id);
  }

  #create(story: Story, role: Role): Slot {
    const { media } = story;
    let failing = false;
    const fail = () => {
      if (failing || slot.failed || slot.ready || this.slots.get(story.id) !== slot) return;
      failing = true;
      // Said in words once it is known why (the status the element hides, the codec).
      void loadExtras().then(async (x) => {
        const reason = await x.diagnoseFailure(media, slot.el);
        if (this.slots.get(story.id) !== slot) return;
        slot.failed = reason;
        slot.failedId = x.failureId(reason, media.kind === 'video');
        slot.el.classList.add('failed');
        this.#onChange(slot);
      });
    };
    const ok = () => {
      if (slot.ready || slot.failed || failing || this.slots.get(story.id) !== slot) return;
      slot.ready = true;
      slot.el.classList.add('ready');
      this.#frame(slot);
      this.#onChange(slot);
    };
    const backdrop = document.createElement('canvas');
    backdrop.className = 'backdrop';
    backdrop.setAttribute('part', 'backdrop');
    backdrop.setAttribute('aria-hidden', 'true');
    // The feed's placeholder stands in until the media is ready.
    if (media.preview)
      void loadExtras()
        .then((x) => x.paintPreview(backdrop, media.preview))
        .then((painted) => {
          if (painted && !slot.ready && !slot.failed) backdrop.dataset.show = 'preview';
        });
    let slot: Slot;
    if (media.kind === 'image') {
      const img = new Image();
      img.decoding = 'async';
      img.fetchPriority = role === 'current' ? 'high' : 'low';
      img.alt = media.alt ?? '';
      img.draggable = false;
      const cancel = new AbortController();
      const image: Slot = (slot = { story, el: img, ready: false, failed: null, cancel, backdrop, fit: 'cover' });
      // Through the media cache: a story seen once opens from IndexedDB, also offline.
      let started = false;
      const load = () => {
        if (started || cancel.signal.aborted) return;
        started = true;
        void loadImage(img, media.src, { expiresAt: story.expiresAt, priority: img.fetchPriority as RequestPriority, signal: cancel.signal }).then((bytes) => {
          const mine = this.slots.get(story.id) === image;
          // Decoded already, in a canvas now in the <img>'s place.
          if (bytes instanceof HTMLCanvasElement) return mine && ((image.el = bytes), ok());
          if (!mine) return bytes.release();
          image.bytes = bytes;
          img.src = bytes.url;
          // Shown, and timed, only once decoded: no half-drawn image, no timer running ahead.
          // The decoded image keeps its bytes; the object URL is not needed after that.
          return img
            .decode()
            .then(ok, fail)
            .finally(() => bytes.release());
        });
      };
      // The next account's first photo waits for an idle moment; what comes next loads now.
      image.start = load;
      if (role === 'ahead') whenIdle(load);
      else load();
    } else {
      const video = document.createElement('video');
      video.playsInline = true;
      video.muted = true;
      video.disableRemotePlayback = true;
      if (media.poster) video.poster = media.poster;
      if (media.alt) video.setAttribute('aria-label', media.alt);
      slot = { story, el: video, ready: false, failed: null, backdrop, fit: 'cover' };
      video.addEventListener('loadeddata', ok);
      video.addEventListener('error', fail);
      for (const track of media.tracks ?? []) {
        const el = document.createElement('track');
        el.kind = track.kind ?? 'captions';
        el.src = track.src;
        if (track.lang) el.srclang = track.lang;
        el.label = track.label ?? track.lang ?? '';
        video.append(el);
      }
      slot.lease = attachVideo(video, media, { mode: this.#hlsMode(), role, expiresAt: story.expiresAt, onError: fail });
    }
    this.#frame(slot);
    slot.el.className = 'media';
    slot.el.setAttribute('part', 'media');
    if (story.effect && story.effect !== 'none') slot.el.style.filter = EFFECT_FILTERS[story.effect] ?? 'none';
    return slot;
  }
}

/** A video that leaves the screen but stays loaded (we went back from it): silent, rewound, unhooked. */
function demote(el: Slot['el']): void {
  if (!(el instanceof HTMLVideoElement)) return;
  el.onended = el.onwaiting = el.onplaying = null;
  el.pause();
  el.muted = true;
  el.currentTime = 0;
}

/** What the stage holds for a story on screen: it, the next one, and the next account's first unseen story. */
export function wantedMedia(store: StoriesStore, story: Story, reel: Reel, index: number): { story: Story; role: Role }[] {
  const list: { story: Story; role: Role }[] = [{ story, role: 'current' }];
  const next = reel.stories[index + 1];
  if (next) list.push({ story: next, role: 'next' });
  const pb = store.playback!;
  const nextAuthor = pb.playlist[pb.playlist.indexOf(pb.authorId) + 1];
  const mine = store.mine();
  const nextReel = nextAuthor ? [...store.reels, ...(mine ? [mine] : [])].find((r) => r.author.id === nextAuthor) : undefined;
  const first = nextReel?.stories.find((s) => !store.isSeen(s.id)) ?? nextReel?.stories[0];
  if (first) list.push({ story: first, role: next ? 'ahead' : 'next' });
  return list;
}
