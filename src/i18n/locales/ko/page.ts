/** Korean: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': '스토리를 불러올 수 없어요.',
  'list.retry': '다시 시도',
  'ring.unseen': { other: '{name}, 새 스토리 {n}개' },
  'ring.unseenAny': '{name}, 새 스토리 있음',
  'ring.seen': '{name}, 스토리 모두 봄',
  'ring.loading': '{name}, 스토리 여는 중',
  'bar.label': '스토리',
  'bar.own': '내 스토리',
  'bar.ownOpening': '내 스토리, 여는 중',
  'bar.ownUnseen': { other: '내 스토리, 새 스토리 {n}개' },
  'bar.loading': '스토리 불러오는 중',
  'bar.scrollBack': '이전으로 스크롤',
  'bar.scrollForward': '다음으로 스크롤',
  'sidebar.heading': '스토리',
  'sidebar.own': '내 스토리',
  'sidebar.rowUnseen': { other: '{name}, 새 스토리 {n}개, 최근 게시 {age}' },
  'sidebar.rowSeen': '{name}, 스토리 모두 봄, 최근 게시 {age}',
  'sidebar.rowOpening': '{name}, 여는 중, 최근 게시 {age}',
  'sidebar.empty': '지금은 팔로우하는 사람의 스토리가 없어요.',
  'sidebar.list': '스토리가 있는 계정',
  'sidebar.create': '만들기',
  'sidebar.close': '닫기',
} satisfies Catalogue<'page'>;
