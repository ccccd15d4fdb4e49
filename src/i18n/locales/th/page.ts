/** Thai: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'โหลดสตอรี่ไม่ได้',
  'list.retry': 'ลองอีกครั้ง',
  'ring.unseen': { other: '{name} สตอรี่ใหม่ {n} รายการ' },
  'ring.unseenAny': '{name} มีสตอรี่ใหม่',
  'ring.seen': '{name} ดูสตอรี่แล้ว',
  'ring.loading': '{name} กำลังเปิดสตอรี่',
  'bar.label': 'สตอรี่',
  'bar.own': 'สตอรี่ของคุณ',
  'bar.ownOpening': 'สตอรี่ของคุณ กำลังเปิด',
  'bar.ownUnseen': { other: 'สตอรี่ของคุณ ใหม่ {n} รายการ' },
  'bar.loading': 'กำลังโหลดสตอรี่',
  'bar.scrollBack': 'เลื่อนกลับ',
  'bar.scrollForward': 'เลื่อนต่อ',
  'sidebar.heading': 'สตอรี่',
  'sidebar.own': 'สตอรี่ของคุณ',
  'sidebar.rowUnseen': { other: '{name} สตอรี่ใหม่ {n} รายการ ล่าสุด {age}' },
  'sidebar.rowSeen': '{name} ดูสตอรี่แล้ว ล่าสุด {age}',
  'sidebar.rowOpening': '{name} กำลังเปิด ล่าสุด {age}',
  'sidebar.empty': 'ตอนนี้ยังไม่มีสตอรี่จากคนที่คุณติดตาม',
  'sidebar.list': 'บัญชีที่มีสตอรี่',
  'sidebar.create': 'สร้าง',
  'sidebar.close': 'ปิด',
} satisfies Catalogue<'page'>;
