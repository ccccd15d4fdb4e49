/** The English words of <story-viewer>; the other languages are in src/i18n/locales. */
export const viewerMessages = {};
