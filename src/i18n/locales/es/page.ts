/** Spanish: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'No se pudieron cargar las historias.',
  'list.retry': 'Volver a intentarlo',
  'ring.unseen': { one: '{name}, {n} historia nueva', many: '{name}, {n} de historias nuevas', other: '{name}, {n} historias nuevas' },
  'ring.unseenAny': '{name}, historias nuevas',
  'ring.seen': '{name}, historias vistas',
  'ring.loading': '{name}, abriendo historias',
  'bar.label': 'Historias',
  'bar.own': 'Tu historia',
  'bar.ownOpening': 'Tu historia, abriendo',
  'bar.ownUnseen': { one: 'Tu historia, {n} nueva', many: 'Tu historia, {n} de nuevas', other: 'Tu historia, {n} nuevas' },
  'bar.loading': 'Cargando historias',
  'bar.scrollBack': 'Desplazar hacia atrás',
  'bar.scrollForward': 'Desplazar hacia adelante',
  'sidebar.heading': 'Historias',
  'sidebar.own': 'Tu historia',
  'sidebar.rowUnseen': {
    one: '{name}, {n} historia nueva, la última {age}',
    many: '{name}, {n} de historias nuevas, la última {age}',
    other: '{name}, {n} historias nuevas, la última {age}',
  },
  'sidebar.rowSeen': '{name}, historias vistas, la última {age}',
  'sidebar.rowOpening': '{name}, abriendo, la última {age}',
  'sidebar.empty': 'En este momento no hay historias de las personas que sigues.',
  'sidebar.list': 'Cuentas con historias',
  'sidebar.create': 'Crear',
  'sidebar.close': 'Cerrar',
} satisfies Catalogue<'page'>;
