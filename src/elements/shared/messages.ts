/** The English words of the pieces the bar and the sidebar share; the other languages are in src/i18n/locales. */
export const sharedMessages = {
  'list.error': 'Stories could not be loaded.',
  'list.retry': 'Try again',
};
