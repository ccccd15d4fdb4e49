/** Simplified Chinese: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': '无法加载快拍。',
  'list.retry': '重试',
  'ring.unseen': { other: '{name}，{n} 条新快拍' },
  'ring.unseenAny': '{name}，有新快拍',
  'ring.seen': '{name}，快拍已看过',
  'ring.loading': '{name}，正在打开快拍',
  'bar.label': '快拍',
  'bar.own': '你的快拍',
  'bar.ownOpening': '你的快拍，正在打开',
  'bar.ownUnseen': { other: '你的快拍，{n} 条新内容' },
  'bar.loading': '正在加载快拍',
  'bar.scrollBack': '往回滚动',
  'bar.scrollForward': '继续滚动',
  'sidebar.heading': '快拍',
  'sidebar.own': '你的快拍',
  'sidebar.rowUnseen': { other: '{name}，{n} 条新快拍，最新发布于{age}' },
  'sidebar.rowSeen': '{name}，快拍已看过，最新发布于{age}',
  'sidebar.rowOpening': '{name}，正在打开，最新发布于{age}',
  'sidebar.empty': '你关注的人目前没有快拍。',
  'sidebar.list': '有快拍的账户',
  'sidebar.create': '创建',
  'sidebar.close': '关闭',
} satisfies Catalogue<'page'>;
