import { viewerMessages } from './messages.js';

/**
 * The English words of the parts of <story-viewer> that load later (extras.ts, activity-tabs.ts),
 * kept out of the viewer's entry like their code; the other languages are in src/i18n/locales.
 */
export const viewerLazyMessages = {
  /** The cover of a story marked sensitive: its accessible name, and the button that shows the story. */
  'viewer.warning': 'Content warning',
  'viewer.reveal': 'Show story',
  /** The captions button: its accessible name, and the short mark on it. */
  'viewer.captions': 'Captions',
  'viewer.captionsMark': 'CC',
  /** Shown in place of a story whose media failed, by why. */
  'viewer.gone': 'This story is no longer available.',
  'viewer.network': 'This story couldn’t be loaded. Check your connection and try again.',
  'viewer.unsupportedVideo': 'This video format can’t be played in this browser.',
  'viewer.unsupportedPhoto': 'This photo format can’t be shown in this browser.',
  'viewer.damagedVideo': 'This video is damaged and can’t be played.',
  'viewer.damagedPhoto': 'This photo is damaged and can’t be shown.',
  /** The tabs under the author's own story: their group's name, and the two tabs. */
  'viewer.activity': 'Story activity',
  'viewer.comments': 'Comments',
  /** `{n}`: how many people viewed the story. */
  'viewer.viewers': { one: 'Viewers ({n})', other: 'Viewers ({n})' },
  /** The Viewers tab before the number is known. */
  'viewer.viewersUnknown': 'Viewers (…)',
};

/** Gives the viewer the English words of its parts that load later (each of them calls it as it loads). */
export const addLazyMessages = (): void => void Object.assign(viewerMessages, viewerLazyMessages);
