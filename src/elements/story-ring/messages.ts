/** The ring's English words; the other languages are in src/i18n/locales. `{name}` is the account's name. */
export const ringMessages = {
  'ring.unseen': { one: '{name}, {n} new story', other: '{name}, {n} new stories' },
  'ring.unseenAny': '{name}, new stories',
  'ring.seen': '{name}, stories seen',
  'ring.loading': '{name}, opening stories',
};
