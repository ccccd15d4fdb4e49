/** Italian: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'Impossibile caricare le storie.',
  'list.retry': 'Riprova',
  'ring.unseen': { one: '{name}, {n} nuova storia', many: '{name}, {n} di nuove storie', other: '{name}, {n} nuove storie' },
  'ring.unseenAny': '{name}, nuove storie',
  'ring.seen': '{name}, storie viste',
  'ring.loading': '{name}, apertura delle storie',
  'bar.label': 'Storie',
  'bar.own': 'La tua storia',
  'bar.ownOpening': 'La tua storia, in apertura',
  'bar.ownUnseen': { one: 'La tua storia, {n} nuova', many: 'La tua storia, {n} di nuove', other: 'La tua storia, {n} nuove' },
  'bar.loading': 'Caricamento delle storie',
  'bar.scrollBack': 'Scorri indietro',
  'bar.scrollForward': 'Scorri avanti',
  'sidebar.heading': 'Storie',
  'sidebar.own': 'La tua storia',
  'sidebar.rowUnseen': {
    one: '{name}, {n} nuova storia, l’ultima {age}',
    many: '{name}, {n} di nuove storie, l’ultima {age}',
    other: '{name}, {n} nuove storie, l’ultima {age}',
  },
  'sidebar.rowSeen': '{name}, storie viste, l’ultima {age}',
  'sidebar.rowOpening': '{name}, in apertura, l’ultima {age}',
  'sidebar.empty': 'Al momento non ci sono storie delle persone che segui.',
  'sidebar.list': 'Account con storie',
  'sidebar.create': 'Crea',
  'sidebar.close': 'Chiudi',
} satisfies Catalogue<'page'>;
