/** The English words of <story-comments>; the other languages are in src/i18n/locales. */
export const commentsMessages = {};
