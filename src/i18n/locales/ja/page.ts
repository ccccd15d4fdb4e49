/** Japanese: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'ストーリーズを読み込めませんでした。',
  'list.retry': 'もう一度試す',
  'ring.unseen': { other: '{name}、新しいストーリーズ{n}件' },
  'ring.unseenAny': '{name}、新しいストーリーズあり',
  'ring.seen': '{name}、ストーリーズ閲覧済み',
  'ring.loading': '{name}、ストーリーズを開いています',
  'bar.label': 'ストーリーズ',
  'bar.own': 'あなたのストーリーズ',
  'bar.ownOpening': 'あなたのストーリーズ、開いています',
  'bar.ownUnseen': { other: 'あなたのストーリーズ、新着{n}件' },
  'bar.loading': 'ストーリーズを読み込み中',
  'bar.scrollBack': '前へスクロール',
  'bar.scrollForward': '次へスクロール',
  'sidebar.heading': 'ストーリーズ',
  'sidebar.own': 'あなたのストーリーズ',
  'sidebar.rowUnseen': { other: '{name}、新しいストーリーズ{n}件、{age}に更新' },
  'sidebar.rowSeen': '{name}、ストーリーズ閲覧済み、{age}に更新',
  'sidebar.rowOpening': '{name}、開いています、{age}に更新',
  'sidebar.empty': '現在、フォロー中の人のストーリーズはありません。',
  'sidebar.list': 'ストーリーズがあるアカウント',
  'sidebar.create': '作成',
  'sidebar.close': '閉じる',
} satisfies Catalogue<'page'>;
