// An adapter over reels held in memory, for benchmarks: no storage or network cost, so
// what is timed is the elements and the store.
import type { StoriesAdapter } from '../src/adapters/types.js';
import type { Reel } from '../src/model/types.js';

export function reelsOf(count: number, now = Date.now()): Reel[] {
  return Array.from({ length: count }, (_, i) => ({
    author: { id: `a${i}`, name: `Account ${i}`, avatar: `/fixtures/media/avatars/avatar-${(i % 12) + 1}.jpg` },
    stories: [{ id: `s${i}`, author: { id: `a${i}`, name: `Account ${i}` }, createdAt: now - 1000 - i, expiresAt: now - 1000 - i + 86_400_000, media: { kind: 'image', src: '/fixtures/media/photos/city.webp' } }],
  }));
}

export function memoryAdapter(reels: Reel[], gate?: Promise<void>): StoriesAdapter {
  const never = () => new Promise<never>(() => {});
  return {
    key: 'bench:memory',
    me: async () => null,
    feed: async () => {
      await gate;
      return { items: reels };
    },
    reel: async (id) => reels.find((r) => r.author.id === id) ?? null,
    markViewed: async () => {},
    viewers: async () => ({ items: [] }),
    comments: async () => ({ items: [] }),
    postComment: never,
    deleteComment: async () => {},
    publish: never,
    deleteStory: async () => {},
  };
}
