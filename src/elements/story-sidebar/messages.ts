/**
 * The English words of <story-sidebar>; the other languages are in src/i18n/locales. A row's
 * accessible name says the account, its state and the age of its latest story (`{age}`, e.g.
 * "2 hours ago", from `Intl.RelativeTimeFormat` in the same language).
 */
export const sidebarMessages = {
  /** The panel's title, unless the sidebar's `heading` gives one. */
  'sidebar.heading': 'Stories',
  'sidebar.own': 'Your story',
  'sidebar.rowUnseen': { one: '{name}, {n} new story, latest {age}', other: '{name}, {n} new stories, latest {age}' },
  'sidebar.rowSeen': '{name}, stories seen, latest {age}',
  'sidebar.rowOpening': '{name}, opening, latest {age}',
  'sidebar.empty': 'No stories from people you follow right now.',
  'sidebar.list': 'Accounts with stories',
  'sidebar.create': 'Create',
  'sidebar.close': 'Close',
};
