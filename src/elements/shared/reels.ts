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

const minutes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
const hours = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "5 min", "2 hr": the age of a story, short. */
export function shortAge(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return m < 60 ? minutes.format(Math.max(1, m)) : hours.format(Math.floor(m / 60));
}

/** "5 minutes ago", "2 hours ago": the age of a story, for screen readers. */
export function longAge(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return m < 60 ? relative.format(-Math.max(1, m), 'minute') : relative.format(-Math.floor(m / 60), 'hour');
}
