/** Indonesian: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'Cerita tidak dapat dimuat.',
  'list.retry': 'Coba lagi',
  'ring.unseen': { other: '{name}, {n} cerita baru' },
  'ring.unseenAny': '{name}, cerita baru',
  'ring.seen': '{name}, cerita sudah dilihat',
  'ring.loading': '{name}, membuka cerita',
  'bar.label': 'Cerita',
  'bar.own': 'Cerita Anda',
  'bar.ownOpening': 'Cerita Anda, sedang dibuka',
  'bar.ownUnseen': { other: 'Cerita Anda, {n} baru' },
  'bar.loading': 'Memuat cerita',
  'bar.scrollBack': 'Gulir ke belakang',
  'bar.scrollForward': 'Gulir ke depan',
  'sidebar.heading': 'Cerita',
  'sidebar.own': 'Cerita Anda',
  'sidebar.rowUnseen': { other: '{name}, {n} cerita baru, terbaru {age}' },
  'sidebar.rowSeen': '{name}, cerita sudah dilihat, terbaru {age}',
  'sidebar.rowOpening': '{name}, sedang dibuka, terbaru {age}',
  'sidebar.empty': 'Saat ini tidak ada cerita dari orang yang Anda ikuti.',
  'sidebar.list': 'Akun dengan cerita',
  'sidebar.create': 'Buat',
  'sidebar.close': 'Tutup',
} satisfies Catalogue<'page'>;
