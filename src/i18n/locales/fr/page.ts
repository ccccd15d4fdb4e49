/** French: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'Impossible de charger les stories.',
  'list.retry': 'Réessayer',
  'ring.unseen': { one: '{name}, {n} nouvelle story', many: '{name}, {n} de nouvelles stories', other: '{name}, {n} nouvelles stories' },
  'ring.unseenAny': '{name}, nouvelles stories',
  'ring.seen': '{name}, stories vues',
  'ring.loading': '{name}, ouverture des stories',
  'bar.label': 'Stories',
  'bar.own': 'Votre story',
  'bar.ownOpening': 'Votre story, en cours d’ouverture',
  'bar.ownUnseen': { one: 'Votre story, {n} nouvelle', many: 'Votre story, {n} de nouvelles', other: 'Votre story, {n} nouvelles' },
  'bar.loading': 'Chargement des stories',
  'bar.scrollBack': 'Défiler vers l’arrière',
  'bar.scrollForward': 'Défiler vers l’avant',
  'sidebar.heading': 'Stories',
  'sidebar.own': 'Votre story',
  'sidebar.rowUnseen': {
    one: '{name}, {n} nouvelle story, la dernière {age}',
    many: '{name}, {n} de nouvelles stories, la dernière {age}',
    other: '{name}, {n} nouvelles stories, la dernière {age}',
  },
  'sidebar.rowSeen': '{name}, stories vues, la dernière {age}',
  'sidebar.rowOpening': '{name}, en cours d’ouverture, la dernière {age}',
  'sidebar.empty': 'Aucune story des personnes que vous suivez pour le moment.',
  'sidebar.list': 'Comptes avec des stories',
  'sidebar.create': 'Créer',
  'sidebar.close': 'Fermer',
} satisfies Catalogue<'page'>;
