/**
 * The English words of <story-viewer>; the other languages are in src/i18n/locales. Those
 * of its parts that load later (captions, a content warning's cover, failures, the author's
 * tabs) are in ./lazy-messages.ts and join these when one of those parts loads.
 */
export const viewerMessages = {
  /** The dialog's accessible name, unless the viewer's `label` gives one. */
  'viewer.label': 'Stories',
  /** The buttons' accessible names (pause and mute are toggle buttons: pressed when paused, muted). */
  'viewer.pause': 'Pause',
  'viewer.mute': 'Mute',
  'viewer.close': 'Close',
  'viewer.previous': 'Previous story',
  'viewer.next': 'Next story',
  /** A button over a story the browser started without sound. */
  'viewer.soundHint': 'Tap for sound',
  /** The spinner's accessible name, while the media loads. */
  'viewer.loading': 'Loading',
  'viewer.retry': 'Try again',
  /** Said to screen readers as a story shows: `{index}` of `{count}` stories of `{name}`, posted `{age}` ("2 hours ago"). */
  'viewer.story': 'Story {index} of {count} by {name}, {age}',
  /** `{story}` is the sentence above, when playback is paused. */
  'viewer.paused': 'Paused. {story}',
  /** `{story}` is the sentence above, for a story marked sensitive; `{warning}` is its author's warning. */
  'viewer.warned': '{story}. Content warning: {warning}',
};
