import { LitElement } from 'lit';
import type { MediaFit, Reel } from '../../model/types.js';
import type { HlsMode } from '../../state/media-source.js';
import { savedMuted } from '../../state/preferences.js';
import type { StoriesStore } from '../../state/store.js';
import type { Messages } from '../../i18n/words.js';

/**
 * The public face of `<story-viewer>` (the element, its behaviour, is story-viewer.ts): the
 * properties a page sets and reads, with their attributes and defaults, and the slots,
 * events, parts and custom properties it offers.
 *
 * @slot menu - Extra controls in the header (e.g. a "…" menu button).
 * @slot footer - Below the story: where comments and the viewers tab go.
 * @fires {StoryOpenEvent} story-open - When the viewer opens, unless a ring's `story-open` asked for it.
 * @fires {StoryChangeEvent} story-change - When another story shows; `detail.authorId`, `detail.storyId`.
 * @fires {StoryViewEvent} story-view - When a story has been shown and was marked viewed (once per story).
 * @fires {StoryPauseEvent} story-pause - When playback pauses.
 * @fires {StoryResumeEvent} story-resume - When playback resumes.
 * @fires {StoryCompleteEvent} story-complete - When the last story of the last account ends.
 * @fires {StoryCloseEvent} story-close - When the viewer closes.
 * @fires {StoryErrorEvent} story-error - Once per story whose media fails (`code` `media`, with `storyId`, `authorId` and `reason`).
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
 * @cssproperty [--story-viewer-background=#0c0c0e] - Behind the story frame (opaque: the page does not show through).
 * @cssproperty [--story-viewer-z-index=2000] - Stacking of the dialog.
 * @cssproperty [--story-viewer-progress-color=#fff] - Filled part of the bars.
 * @cssproperty [--story-viewer-radius=12px] - Corners of the frame on wide screens.
 */
export class ViewerProperties extends LitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    reels: { attribute: false },
    store: { attribute: false },
    hls: {},
    fit: {},
    deepLink: { attribute: 'deep-link' },
    durationScale: { type: Number, attribute: 'duration-scale' },
    label: {},
    strings: { attribute: false },
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

  /** The dialog's accessible name; by default "Stories", in the reader's language. */
  label = '';

  /**
   * The site's own wording, by message id (e.g. `{ 'viewer.soundHint': 'Tap to hear it' }`),
   * handed on to the comments and the viewers tab it shows; see the README's "Languages".
   */
  strings?: Messages;

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

  /** @internal What the live region says. */
  protected announcement = '';
  /** @internal A hold hides the chrome. */
  protected chromeHidden = false;
  /** @internal "Tap for sound" shows. */
  protected soundHint = false;
}
