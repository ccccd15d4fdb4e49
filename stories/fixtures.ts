// Data for stories: feeds built from the demo world, as data: URLs (no server needed).
import { demoWorld } from '../src/adapters/demo-world.js';
import type { StoriesAdapter } from '../src/adapters/types.js';

/** The demo world's followed accounts as a stories-kit feed, `count` accounts long (repeating). */
export function demoFeedUrl(count = 11): string {
  const world = demoWorld();
  const followed = world.follows.filter(([a]) => a === world.me).map(([, b]) => b);
  const reels = Array.from({ length: count }, (_, i) => {
    const id = followed[i % followed.length];
    const author = world.accounts.find((a) => a.id === id)!;
    const suffix = i < followed.length ? '' : `-${i}`;
    return {
      author: { ...author, id: author.id + suffix, name: suffix ? `${author.name} ${i}` : author.name },
      stories: world.stories.filter((s) => s.author.id === id).map(({ author: _a, ...s }) => ({ ...s, id: s.id + suffix })),
    };
  });
  return `data:application/json,${encodeURIComponent(JSON.stringify({ reels }))}`;
}

/** An adapter whose feed never arrives: the loading state, frozen. */
export const pendingAdapter: StoriesAdapter = {
  key: 'storybook:pending',
  me: () => new Promise(() => {}),
  feed: () => new Promise(() => {}),
  reel: async () => null,
  markViewed: async () => {},
  viewers: async () => ({ items: [] }),
  comments: async () => ({ items: [] }),
  postComment: () => new Promise(() => {}),
  deleteComment: async () => {},
  publish: () => new Promise(() => {}),
  deleteStory: async () => {},
};
