/** Vietnamese: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'Không thể tải tin.',
  'list.retry': 'Thử lại',
  'ring.unseen': { other: '{name}, {n} tin mới' },
  'ring.unseenAny': '{name}, có tin mới',
  'ring.seen': '{name}, đã xem tin',
  'ring.loading': '{name}, đang mở tin',
  'bar.label': 'Tin',
  'bar.own': 'Tin của bạn',
  'bar.ownOpening': 'Tin của bạn, đang mở',
  'bar.ownUnseen': { other: 'Tin của bạn, {n} tin mới' },
  'bar.loading': 'Đang tải tin',
  'bar.scrollBack': 'Cuộn lại',
  'bar.scrollForward': 'Cuộn tiếp',
  'sidebar.heading': 'Tin',
  'sidebar.own': 'Tin của bạn',
  'sidebar.rowUnseen': { other: '{name}, {n} tin mới, tin gần nhất {age}' },
  'sidebar.rowSeen': '{name}, đã xem tin, tin gần nhất {age}',
  'sidebar.rowOpening': '{name}, đang mở, tin gần nhất {age}',
  'sidebar.empty': 'Hiện chưa có tin nào từ những người bạn theo dõi.',
  'sidebar.list': 'Tài khoản có tin',
  'sidebar.create': 'Tạo',
  'sidebar.close': 'Đóng',
} satisfies Catalogue<'page'>;
