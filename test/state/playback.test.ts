// Playback navigation as pure functions: no store, no DOM, no clock.
import { expect } from '@open-wc/testing';
import type { Reel } from '../../src/model/types.js';
import { nextReelSpot, nextStorySpot, previousReelSpot, previousStorySpot, wantsNextPage, withPage, type Playback, type PlaybackWorld } from '../../src/state/playback.js';
import { story } from '../helpers/world.js';

const t = Date.now();
const reels: Reel[] = [
  { author: { id: 'alice', name: 'Alice' }, stories: [story('a1', 'alice', t - 3), story('a2', 'alice', t - 2)] },
  { author: { id: 'bob', name: 'Bob' }, stories: [story('b1', 'bob', t - 5), story('b2', 'bob', t - 4)] },
  { author: { id: 'carol', name: 'Carol' }, stories: [story('c1', 'carol', t - 1)] },
];
const world = (seen: string[] = [], without: string[] = []): PlaybackWorld => ({
  reelOf: (id) => (without.includes(id) ? undefined : reels.find((r) => r.author.id === id)),
  isSeen: (id) => seen.includes(id),
});
const at = (authorId: string, storyId: string, extra: Partial<Playback> = {}): Playback => ({ playlist: ['alice', 'bob', 'carol'], authorId, storyId, ...extra });

describe('playback navigation', () => {
  it('moves story by story within an account, and stops at its ends', () => {
    expect(nextStorySpot(at('alice', 'a1'), world())).to.deep.equal({ authorId: 'alice', storyId: 'a2' });
    expect(nextStorySpot(at('alice', 'a2'), world())).to.equal(null);
    expect(previousStorySpot(at('alice', 'a2'), world())).to.deep.equal({ authorId: 'alice', storyId: 'a1' });
    expect(previousStorySpot(at('alice', 'a1'), world())).to.equal(null);
  });

  it('goes to the next account’s first unseen story, skipping accounts with nothing live', () => {
    expect(nextReelSpot(at('alice', 'a2'), world())).to.deep.equal({ authorId: 'bob', storyId: 'b1' });
    expect(nextReelSpot(at('alice', 'a2'), world(['b1']))).to.deep.equal({ authorId: 'bob', storyId: 'b2' });
    // All seen: its first story.
    expect(nextReelSpot(at('alice', 'a2'), world(['b1', 'b2']))).to.deep.equal({ authorId: 'bob', storyId: 'b1' });
    expect(nextReelSpot(at('alice', 'a2'), world([], ['bob']))).to.deep.equal({ authorId: 'carol', storyId: 'c1' });
    expect(nextReelSpot(at('carol', 'c1'), world())).to.equal(null);
  });

  it('goes back to the previous account at its first story, or its last', () => {
    expect(previousReelSpot(at('carol', 'c1'), world())).to.deep.equal({ authorId: 'bob', storyId: 'b1' });
    expect(previousReelSpot(at('carol', 'c1'), world(), true)).to.deep.equal({ authorId: 'bob', storyId: 'b2' });
    expect(previousReelSpot(at('alice', 'a1'), world())).to.equal(null);
  });

  it('asks for the next page with three accounts or fewer left, only when following the feed', () => {
    const long = (authorId: string, followsFeed: boolean): Playback => ({ playlist: ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'], authorId, storyId: 'x', followsFeed });
    expect(wantsNextPage(long('p1', true))).to.equal(false);
    expect(wantsNextPage(long('p2', true))).to.equal(true);
    expect(wantsNextPage(long('p5', false))).to.equal(false);
  });

  it('adds a new page’s accounts to a playlist that follows the feed, once each', () => {
    const pb = at('bob', 'b1', { followsFeed: true });
    expect(withPage(pb, ['carol', 'dave', 'erin']).playlist).to.deep.equal(['alice', 'bob', 'carol', 'dave', 'erin']);
    const alone = { ...pb, followsFeed: false };
    expect(withPage(alone, ['dave']), 'an account opened from outside the feed plays alone').to.equal(alone);
  });
});
