import { html } from 'lit';
import '../src/viewers-tab.js';
import type { StoriesAdapter } from '../src/adapters/types.js';
import type { Author, Story, StoryView } from '../src/model/types.js';
import { StoriesStore } from '../src/state/store.js';

const MIN = 60_000;
const me: Author = { id: 'you', name: 'You', avatar: '/fixtures/media/avatars/avatar-4.jpg' };
const names = ['Ana Lima', 'Ben Okafor', 'نور حداد', 'Kai Müller', 'Dara Singh', 'Elif Şahin', 'Hana Sato', 'Ivan Petrov'];

function story(): Story {
  const createdAt = Date.now() - 90 * MIN;
  return { id: 'mine', author: me, createdAt, expiresAt: createdAt + 24 * 60 * MIN, media: { kind: 'image', src: '/fixtures/media/photos/sunrise.jpg' } };
}

/** A store over an in-memory source that answers the viewers list in pages of 50, as the built-in adapters do. */
function storeWith(views: StoryView[], signedIn: Author | null = me): StoriesStore {
  const adapter: StoriesAdapter = {
    key: 'storybook:viewers',
    me: async () => signedIn,
    feed: async () => ({ items: [] }),
    reel: async () => null,
    markViewed: async () => {},
    viewers: async (_id, opts = {}) => {
      const start = Number(opts.cursor ?? 0);
      const next = start + 50 < views.length ? String(start + 50) : undefined;
      return { items: views.slice(start, start + 50), total: views.length, ...(next ? { next } : {}) };
    },
    comments: async () => ({ items: [] }),
    postComment: () => Promise.reject(new Error('not in this story')),
    deleteComment: async () => {},
    publish: () => Promise.reject(new Error('not in this story')),
    deleteStory: async () => {},
  };
  return new StoriesStore(adapter, { seen: null, refreshInterval: 0 });
}

const viewers = (count: number): StoryView[] =>
  Array.from({ length: count }, (_, i) => ({
    viewer: { id: `v${i}`, name: names[i % names.length], handle: `viewer${i}`, ...(i % 3 ? {} : { avatar: `/fixtures/media/avatars/avatar-${(i % 12) + 1}.jpg` }) },
    viewedAt: Date.now() - (i + 1) * 4 * MIN,
  }));

/** The story's store, loaded first (a CSF loader), as a page's would be by the time the viewer shows. */
const withViewers = (count: number) => [
  async () => {
    const store = storeWith(viewers(count));
    await store.load();
    return { store };
  },
];

const tab = (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) =>
  html`<div style="width:380px"><viewers-tab .store=${loaded.store as StoriesStore} .story=${story()}></viewers-tab></div>`;

export default {
  title: 'Elements/viewers-tab',
  component: 'viewers-tab',
  loaders: withViewers(8),
  render: tab,
};

/** The author's view: how many, and who, newest first. (For anyone else nothing renders at all.) */
export const OwnStory = {};

/** 5,000 viewers: pages load as you scroll; only the rows near the viewport are in the DOM. */
export const Many = {
  loaders: withViewers(5000),
};

/** Nobody yet. */
export const NoViewers = {
  loaders: withViewers(0),
};
