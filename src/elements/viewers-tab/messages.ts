/** The English words of <viewers-tab>; the other languages are in src/i18n/locales. */
export const viewersTabMessages = {};
