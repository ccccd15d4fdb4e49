/** The English words of <viewers-tab>; the other languages are in src/i18n/locales. */
export const viewersTabMessages = {
  /** The tab's accessible name. */
  'viewersTab.label': 'Viewers',
  /** Its title: `{n}` is how many people viewed the story (the number is styled on its own). */
  'viewersTab.count': { one: '{n} viewer', other: '{n} viewers' },
  /** `{reason}` is what went wrong, as the data layer tells it. */
  'viewersTab.error': 'Viewers could not be loaded: {reason}',
  'viewersTab.empty': 'No one has viewed this story yet.',
  /** The list's accessible name. */
  'viewersTab.list': 'Who viewed this story',
};
