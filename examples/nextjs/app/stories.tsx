'use client';
// The wrappers live on this side of the 'use client' boundary: they are rendered on the server
// for the first load (with their shadow DOM, by @lit-labs/nextjs) and hydrated in the browser.
import { use, useState } from 'react';
import { createStore, type Reel, type StoriesStore, type StoryOpenEvent } from 'stories-kit';
import { StoryBar, StoryRing } from 'stories-kit/react';
import { ana, nameOf } from './reels';

/**
 * A loaded store for these reels: the server renders synchronously, so the bar gets its data
 * before rendering. One per reels array (the same object through React's retries), on the
 * server for the request and in the browser for the page.
 */
const stores = new WeakMap<readonly Reel[], Promise<StoriesStore>>();
function storeFor(reels: readonly Reel[]): Promise<StoriesStore> {
  let store = stores.get(reels);
  if (!store) {
    const server = typeof window === 'undefined';
    // Seen state lives in the visitor's browser: none on the server, and nothing to refresh there.
    store = createStore({ reels, storeOptions: server ? { seen: null, refreshInterval: 0 } : {} }).then(async (s) => {
      await s.load();
      return s;
    });
    stores.set(reels, store);
  }
  return store;
}

export function Stories({ reels }: { reels: Reel[] }) {
  const store = use(storeFor(reels));
  const [opened, setOpened] = useState<string | null>(null);
  const onOpen = (e: StoryOpenEvent) => setOpened(nameOf(reels, e.detail.authorId));

  return (
    <>
      {/* `store` and `author` are properties, set again after hydration by the wrappers. */}
      <StoryBar store={store} onStoryOpen={onOpen} />
      <p>
        <StoryRing id="ana" author={ana} state="unseen" segments={2} onStoryOpen={onOpen} />
      </p>
      <p id="last-opened" role="status">
        {opened ? `Opened: ${opened}` : 'No story opened yet.'}
      </p>
    </>
  );
}
