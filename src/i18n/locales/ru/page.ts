/** Russian: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'Не удалось загрузить истории.',
  'list.retry': 'Повторить',
  'ring.unseen': {
    one: '{name}, {n} новая история',
    few: '{name}, {n} новые истории',
    many: '{name}, {n} новых историй',
    other: '{name}, {n} новой истории',
  },
  'ring.unseenAny': '{name}, новые истории',
  'ring.seen': '{name}, истории просмотрены',
  'ring.loading': '{name}, истории открываются',
  'bar.label': 'Истории',
  'bar.own': 'Ваша история',
  'bar.ownOpening': 'Ваша история, открывается',
  'bar.ownUnseen': { one: 'Ваша история, {n} новая', few: 'Ваша история, {n} новые', many: 'Ваша история, {n} новых', other: 'Ваша история, {n} новой' },
  'bar.loading': 'Загрузка историй',
  'bar.scrollBack': 'Прокрутить назад',
  'bar.scrollForward': 'Прокрутить вперёд',
  'sidebar.heading': 'Истории',
  'sidebar.own': 'Ваша история',
  'sidebar.rowUnseen': {
    one: '{name}, {n} новая история, последняя {age}',
    few: '{name}, {n} новые истории, последняя {age}',
    many: '{name}, {n} новых историй, последняя {age}',
    other: '{name}, {n} новой истории, последняя {age}',
  },
  'sidebar.rowSeen': '{name}, истории просмотрены, последняя {age}',
  'sidebar.rowOpening': '{name}, открывается, последняя {age}',
  'sidebar.empty': 'Сейчас нет историй от тех, на кого вы подписаны.',
  'sidebar.list': 'Аккаунты с историями',
  'sidebar.create': 'Создать',
  'sidebar.close': 'Закрыть',
} satisfies Catalogue<'page'>;
