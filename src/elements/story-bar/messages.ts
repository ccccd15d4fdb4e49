/** The English words of <story-bar>; the other languages are in src/i18n/locales. */
export const barMessages = {
  /** The list's accessible name, unless the bar's `label` gives one. */
  'bar.label': 'Stories',
  /** The signed-in user's own ring: its name under it, and its accessible name. */
  'bar.own': 'Your story',
  'bar.ownOpening': 'Your story, opening',
  'bar.ownUnseen': { one: 'Your story, {n} new', other: 'Your story, {n} new' },
  'bar.loading': 'Loading stories',
  'bar.scrollBack': 'Scroll back',
  'bar.scrollForward': 'Scroll forward',
};
