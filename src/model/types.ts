/**
 * The data model every element and adapter speaks. Times are epoch milliseconds and
 * durations milliseconds. Anything an adapter returns is untrusted until validated
 * (see `validate.ts`).
 */

/** An account that posts stories, comments or views them. */
export interface Author {
  /** Stable, unique id of the account. */
  id: string;
  /** Display name, shown as text (never as HTML). */
  name: string;
  /** Handle without the leading `@`. */
  handle?: string;
  /** Avatar image URL (https, same-origin, the library's `blob:` or a small `data:image/…`). */
  avatar?: string;
  /** Whether the platform verified the account. */
  verified?: boolean;
}

/** The ring states of an account, from "no live story" to "opening". */
export type RingState = 'none' | 'unseen' | 'seen' | 'loading';

/** What a story shows. */
export interface Media {
  kind: 'image' | 'video';
  /** https, same-origin or the library's own `blob:` URL. */
  src: string;
  /** MIME type; `application/vnd.apple.mpegurl` (or `application/x-mpegurl`) marks HLS. */
  type?: string;
  /** Image shown while a video loads. */
  poster?: string;
  width?: number;
  height?: number;
  /** Length of a video, in ms, when known ahead. */
  duration?: number;
  /** Text alternative, read by screen readers. */
  alt?: string;
  /**
   * How the media fills the 9:16 frame. By default `cover` when its aspect is within about
   * 10% of the frame's, else `contain` over a blurred fill; this overrides that rule.
   */
  fit?: MediaFit;
  /** Captions or subtitles of a video (WebVTT files). */
  tracks?: CaptionTrack[];
  /** A light stand-in shown while the media loads. */
  preview?: MediaPreview;
}

/** How media fills the frame: cropped to fill it, or shown whole (letterboxed). */
export type MediaFit = 'cover' | 'contain';

/** A WebVTT captions or subtitles file of a video. */
export interface CaptionTrack {
  /** https or same-origin URL of a WebVTT file (or the library's own `blob:`). */
  src: string;
  /** BCP 47 language of the text, e.g. `en` or `pt-BR`. */
  lang?: string;
  /** Name shown in a captions menu, e.g. "English". */
  label?: string;
  /** `captions` (the default: speech and sounds) or `subtitles` (speech, translated). */
  kind?: 'captions' | 'subtitles';
}

/** What can stand in for media while it loads. */
export interface MediaPreview {
  /** A BlurHash string (https://blurha.sh) of the media. */
  blurhash?: string;
  /** A CSS colour (hex, rgb(), hsl() or a named colour). */
  color?: string;
}

interface OverlayBase {
  /** Centre of the overlay, 0..1 of the media box's width. */
  x: number;
  /** Centre of the overlay, 0..1 of the media box's height. */
  y: number;
  /** Degrees, clockwise. */
  rotation?: number;
  /** 1 = natural size. */
  scale?: number;
}

/** Text drawn over the story. */
export interface TextOverlay extends OverlayBase {
  kind: 'text';
  text: string;
  style?: 'plain' | 'background' | 'outline';
  /** A CSS colour (hex, rgb(), hsl() or a named colour). */
  color?: string;
}

/** An emoji or an image sticker. */
export interface StickerOverlay extends OverlayBase {
  kind: 'sticker';
  emoji?: string;
  src?: string;
  alt?: string;
}

/** A tappable link; https only. */
export interface LinkOverlay extends OverlayBase {
  kind: 'link';
  url: string;
  label: string;
}

/** A mention of another account. */
export interface MentionOverlay extends OverlayBase {
  kind: 'mention';
  handle: string;
  authorId?: string;
}

export type Overlay = TextOverlay | StickerOverlay | LinkOverlay | MentionOverlay;

/** A sound track played with a story. */
export interface Sound {
  /** Present on sounds offered by an adapter's `sounds()`; optional on a story's track. */
  id?: string;
  src: string;
  title?: string;
  artist?: string;
  /** Offset into the track, in ms. */
  start?: number;
  /** Length of the track, in ms, when known. */
  duration?: number;
}

/** The named filters the viewer and composer apply (see README, "Effects"). */
export const EFFECTS = ['none', 'vivid', 'mono', 'warm', 'cool', 'fade'] as const;
export type Effect = (typeof EFFECTS)[number];

/** Counters the author sees. */
export interface StoryStats {
  views?: number;
  comments?: number;
}

/** One photo or video post, live for at most 24 hours. */
export interface Story {
  id: string;
  author: Author;
  createdAt: number;
  /** Defaults to `createdAt` + 24 h and is never later than that. */
  expiresAt: number;
  media: Media;
  /** How long the story shows, in ms; images default to 5000, videos to their length. */
  duration?: number;
  overlays?: Overlay[];
  sound?: Sound;
  effect?: Effect;
  stats?: StoryStats;
  /** `false` hides the comment field; defaults to `true`. */
  commentsEnabled?: boolean;
  /**
   * Marks the story sensitive: its media stays hidden behind this warning until the person
   * chooses to see it, and nothing is timed or counted as viewed before that.
   */
  contentWarning?: string;
  /** Ways to react to the story, kept from the feed for clients that offer them. */
  reactions?: StoryReactions;
}

/** Ways to react to a story. */
export interface StoryReactions {
  /** Open Heart endpoints (https) that take an emoji reaction by POST. */
  openHeartUrls?: string[];
}

/** One account's live stories, oldest first. */
export interface Reel {
  author: Author;
  stories: Story[];
}

/** A public comment on a story. */
export interface Comment {
  id: string;
  storyId: string;
  author: Author;
  text: string;
  createdAt: number;
  /** The comment this one replies to (one level of replies). */
  parentId?: string;
  /** The idempotency key the poster chose; lets an outbox match its own comment. */
  clientId?: string;
}

/** Someone who viewed a story, and when. */
export interface StoryView {
  viewer: Author;
  viewedAt: number;
}

/** A cursor-paginated list. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; absent on the last page. */
  next?: string;
  /** The server's clock when it answered, for correcting the client's clock. */
  serverTime?: number;
  /** How many items the whole list holds, when the source knows (the viewers count). */
  total?: number;
}

/** A story being composed, before it is published. */
export interface StoryDraft {
  media: {
    kind: 'image' | 'video';
    /** The media itself, for uploads and recordings. */
    blob?: Blob;
    /** Or a URL the adapter accepts as it is. */
    src?: string;
    type?: string;
    width?: number;
    height?: number;
    duration?: number;
    alt?: string;
    fit?: MediaFit;
    /** Caption files to publish with a video: a file (`blob`) or a URL the adapter accepts. */
    tracks?: DraftTrack[];
  };
  duration?: number;
  overlays?: Overlay[];
  sound?: Sound;
  effect?: Effect;
  commentsEnabled?: boolean;
  /** The author marked the story sensitive with this warning. */
  contentWarning?: string;
}

/** A caption file attached in the composer, before it is published. */
export interface DraftTrack {
  blob?: Blob;
  src?: string;
  lang?: string;
  label?: string;
  kind?: 'captions' | 'subtitles';
}

/** Something that happened to a story, pushed by an adapter's `subscribe()`. */
export type StoryEvent =
  | { type: 'comment'; comment: Comment }
  | { type: 'comment-deleted'; storyId: string; commentId: string }
  | { type: 'view'; storyId: string; view: StoryView };
