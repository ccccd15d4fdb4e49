import { useState } from 'react';
import { ReelsAdapter, type StoryOpenEvent } from 'stories-kit';
import { StoryBar, StoryProvider, StoryRing } from 'stories-kit/react';
// The bare tags' JSX types (React.JSX.IntrinsicElements), for the <story-ring> at the end.
import type {} from 'stories-kit/jsx';
import { ana, exampleReels, nameOf } from './reels';

const reels = exampleReels();
// Made once: a new adapter would give the provider a new store.
const adapter = new ReelsAdapter(reels);

export function App() {
  const [opened, setOpened] = useState<string | null>(null);
  // A StoryOpenEvent: `detail` is typed, as every on… prop of the wrappers.
  const onOpen = (e: StoryOpenEvent) => setOpened(nameOf(reels, e.detail.authorId));

  return (
    <main>
      <h1>stories-kit in React</h1>

      {/* The wrappers set `adapter` and `author` as properties and add the listeners. */}
      <StoryProvider adapter={adapter}>
        <StoryBar onStoryOpen={onOpen} />
      </StoryProvider>

      <p>
        <StoryRing id="ana" author={ana} state="unseen" segments={2} onStoryOpen={onOpen} />
      </p>

      <p id="last-opened" role="status">
        {opened ? `Opened: ${opened}` : 'No story opened yet.'}
      </p>

      {/* A bare tag works too, typed by stories-kit/jsx: attributes only, nothing to hydrate. */}
      <p>
        Seen earlier: <story-ring author-id="bruno" name="Bruno Costa" avatar="/media/avatar-2.jpg" state="seen" segments={1} />
      </p>
    </main>
  );
}
