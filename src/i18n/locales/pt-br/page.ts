/** Brazilian Portuguese: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'Não foi possível carregar os stories.',
  'list.retry': 'Tentar novamente',
  'ring.unseen': { one: '{name}, {n} story novo', many: '{name}, {n} de stories novos', other: '{name}, {n} stories novos' },
  'ring.unseenAny': '{name}, stories novos',
  'ring.seen': '{name}, stories vistos',
  'ring.loading': '{name}, abrindo stories',
  'bar.label': 'Stories',
  'bar.own': 'Seu story',
  'bar.ownOpening': 'Seu story, abrindo',
  'bar.ownUnseen': { one: 'Seu story, {n} novo', many: 'Seu story, {n} de novos', other: 'Seu story, {n} novos' },
  'bar.loading': 'Carregando stories',
  'bar.scrollBack': 'Rolar para trás',
  'bar.scrollForward': 'Rolar para frente',
  'sidebar.heading': 'Stories',
  'sidebar.own': 'Seu story',
  'sidebar.rowUnseen': {
    one: '{name}, {n} story novo, o último {age}',
    many: '{name}, {n} de stories novos, o último {age}',
    other: '{name}, {n} stories novos, o último {age}',
  },
  'sidebar.rowSeen': '{name}, stories vistos, o último {age}',
  'sidebar.rowOpening': '{name}, abrindo, o último {age}',
  'sidebar.empty': 'Nenhum story das pessoas que você segue no momento.',
  'sidebar.list': 'Contas com stories',
  'sidebar.create': 'Criar',
  'sidebar.close': 'Fechar',
} satisfies Catalogue<'page'>;
