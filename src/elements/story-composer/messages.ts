/** The English words of <story-composer>; the other languages are in src/i18n/locales. */
export const composerMessages = {};
