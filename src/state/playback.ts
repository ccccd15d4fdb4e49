/**
 * Where playback goes next, as pure functions of the playback position and the reels: no
 * store, no DOM, no timers. The store applies what these answer (see StoriesStore's
 * `next()`, `previous()`, `nextReel()`, `previousReel()`), so the rules are tested alone.
 */
import type { Reel } from '../model/types.js';

/** Which story is playing, when the viewer is open. */
export interface Playback {
  /** Author ids in the order playback moves through them (the order shown when opened). */
  playlist: string[];
  authorId: string;
  storyId: string;
  /** The open was asked for by a `story-open` event (a ring): the viewer does not announce it again. */
  announced?: boolean;
  /**
   * The playlist runs to the end of the feed: feed pages loaded later join it, and playing
   * near its end loads the next page ahead (an account opened from outside the feed plays alone).
   */
  followsFeed?: boolean;
}

/** A place to play: an account and one of its stories. */
export interface Spot {
  authorId: string;
  storyId: string;
}

/** What navigation reads: an account's live reel, and whether a story was seen. */
export interface PlaybackWorld {
  reelOf(authorId: string): Reel | undefined;
  isSeen(storyId: string): boolean;
}

/** Playing with this many accounts or fewer left in what is loaded fetches the next feed page. */
export const PAGE_AHEAD = 3;

/** The next account in the playlist with live stories, at its first unseen story; null after the last. */
export function nextReelSpot(pb: Playback, world: PlaybackWorld): Spot | null {
  for (const authorId of pb.playlist.slice(pb.playlist.indexOf(pb.authorId) + 1)) {
    const reel = world.reelOf(authorId);
    if (!reel?.stories.length) continue;
    const story = reel.stories.find((s) => !world.isSeen(s.id)) ?? reel.stories[0];
    return { authorId, storyId: story.id };
  }
  return null;
}

/** The previous account in the playlist, at its first story (or its last, `atEnd`); null at the first. */
export function previousReelSpot(pb: Playback, world: PlaybackWorld, atEnd = false): Spot | null {
  for (const authorId of pb.playlist.slice(0, pb.playlist.indexOf(pb.authorId)).reverse()) {
    const reel = world.reelOf(authorId);
    if (!reel?.stories.length) continue;
    return { authorId, storyId: (atEnd ? reel.stories[reel.stories.length - 1] : reel.stories[0]).id };
  }
  return null;
}

/** The next story of the same account; null at its last (then it is the next account's turn). */
export function nextStorySpot(pb: Playback, world: PlaybackWorld): Spot | null {
  const stories = world.reelOf(pb.authorId)?.stories ?? [];
  const at = stories.findIndex((s) => s.id === pb.storyId);
  return at >= 0 && at + 1 < stories.length ? { authorId: pb.authorId, storyId: stories[at + 1].id } : null;
}

/** The previous story of the same account; null at its first. */
export function previousStorySpot(pb: Playback, world: PlaybackWorld): Spot | null {
  const stories = world.reelOf(pb.authorId)?.stories ?? [];
  const at = stories.findIndex((s) => s.id === pb.storyId);
  return at > 0 ? { authorId: pb.authorId, storyId: stories[at - 1].id } : null;
}

/** Whether playback is near enough the end of what is loaded to fetch the next feed page. */
export function wantsNextPage(pb: Playback): boolean {
  return !!pb.followsFeed && pb.playlist.length - 1 - pb.playlist.indexOf(pb.authorId) <= PAGE_AHEAD;
}

/** The playlist with the accounts of a newly loaded feed page, when it follows the feed. */
export function withPage(pb: Playback, authorIds: string[]): Playback {
  if (!pb.followsFeed || !authorIds.length) return pb;
  const listed = new Set(pb.playlist);
  return { ...pb, playlist: [...pb.playlist, ...authorIds.filter((id) => !listed.has(id))] };
}
