/** German: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'Storys konnten nicht geladen werden.',
  'list.retry': 'Erneut versuchen',
  'ring.unseen': { one: '{name}, {n} neue Story', other: '{name}, {n} neue Storys' },
  'ring.unseenAny': '{name}, neue Storys',
  'ring.seen': '{name}, Storys gesehen',
  'ring.loading': '{name}, Storys werden geöffnet',
  'bar.label': 'Storys',
  'bar.own': 'Deine Story',
  'bar.ownOpening': 'Deine Story wird geöffnet',
  'bar.ownUnseen': { one: 'Deine Story, {n} neu', other: 'Deine Story, {n} neu' },
  'bar.loading': 'Storys werden geladen',
  'bar.scrollBack': 'Zurückscrollen',
  'bar.scrollForward': 'Weiterscrollen',
  'sidebar.heading': 'Storys',
  'sidebar.own': 'Deine Story',
  'sidebar.rowUnseen': { one: '{name}, {n} neue Story, zuletzt {age}', other: '{name}, {n} neue Storys, zuletzt {age}' },
  'sidebar.rowSeen': '{name}, Storys gesehen, zuletzt {age}',
  'sidebar.rowOpening': '{name}, wird geöffnet, zuletzt {age}',
  'sidebar.empty': 'Gerade gibt es keine Storys von Personen, denen du folgst.',
  'sidebar.list': 'Konten mit Storys',
  'sidebar.create': 'Erstellen',
  'sidebar.close': 'Schließen',
} satisfies Catalogue<'page'>;
