/** Turkish: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'Hikayeler yüklenemedi.',
  'list.retry': 'Tekrar dene',
  'ring.unseen': { one: '{name}, {n} yeni hikaye', other: '{name}, {n} yeni hikaye' },
  'ring.unseenAny': '{name}, yeni hikayeler',
  'ring.seen': '{name}, hikayeler görüldü',
  'ring.loading': '{name}, hikayeler açılıyor',
  'bar.label': 'Hikayeler',
  'bar.own': 'Hikayen',
  'bar.ownOpening': 'Hikayen açılıyor',
  'bar.ownUnseen': { one: 'Hikayen, {n} yeni', other: 'Hikayen, {n} yeni' },
  'bar.loading': 'Hikayeler yükleniyor',
  'bar.scrollBack': 'Geri kaydır',
  'bar.scrollForward': 'İleri kaydır',
  'sidebar.heading': 'Hikayeler',
  'sidebar.own': 'Hikayen',
  'sidebar.rowUnseen': { one: '{name}, {n} yeni hikaye, sonuncusu {age}', other: '{name}, {n} yeni hikaye, sonuncusu {age}' },
  'sidebar.rowSeen': '{name}, hikayeler görüldü, sonuncusu {age}',
  'sidebar.rowOpening': '{name}, açılıyor, sonuncusu {age}',
  'sidebar.empty': 'Takip ettiğin kişilerin şu anda hikayesi yok.',
  'sidebar.list': 'Hikayesi olan hesaplar',
  'sidebar.create': 'Oluştur',
  'sidebar.close': 'Kapat',
} satisfies Catalogue<'page'>;
