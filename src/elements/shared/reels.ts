import type { Reel, RingState } from '../../model/types.js';
import type { StoriesStore } from '../../state/store.js';

/** One row of the bar or the sidebar. */
export interface ReelEntry {
  reel: Reel;
  /** The signed-in user's own stories ("Your story"). */
  own: boolean;
  /** Stories not seen yet. */
  unseen: number;
}

/** The rows to show, in order: the signed-in user's own stories first, then the feed. */
export function reelEntries(store: StoriesStore | undefined): ReelEntry[] {
  if (!store) return [];
  const mine = store.mine();
  const entries = store.reels.map((reel) => ({ reel, own: false, unseen: store.unseenCount(reel) }));
  return mine ? [{ reel: mine, own: true, unseen: store.unseenCount(mine) }, ...entries] : entries;
}

/** The ring state of a row. */
export function ringStateOf(entry: ReelEntry, opening: string | null): RingState {
  if (opening === entry.reel.author.id) return 'loading';
  return entry.unseen > 0 ? 'unseen' : 'seen';
}
