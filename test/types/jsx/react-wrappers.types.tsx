// The React wrappers (`stories-kit/react`) as an app's TSX sees them, never run: checked by
// `npm run typecheck`. Each @ts-expect-error line must fail to compile.
import { StoryBar, StoryComposer, StoryProvider, StoryRing, StoryViewer, ViewersTab } from 'stories-kit/react';
import { ReelsAdapter, StoryOpenEvent, type Author } from 'stories-kit';

const ana: Author = { id: 'ana', name: 'Ana Lima' };
const seen: string[] = [];

export const App = () => (
  <StoryProvider adapter={new ReelsAdapter([])} onStoryError={(e) => seen.push(e.detail.code)}>
    <StoryBar label="Stories" onStoryOpen={(e) => seen.push(e.detail.authorId)} />
    <StoryRing author={ana} state="unseen" segments={2} onStoryOpen={(e: StoryOpenEvent) => seen.push(e.detail.authorId)} />
    <StoryViewer open onStoryChange={(e) => seen.push(e.detail.storyId)} onStoryClose={(e) => seen.push(e.detail.authorId)} />
    <ViewersTab onStoryViewersCount={(e) => seen.push(e.detail.count.toFixed(0))} />
    <StoryComposer onStoryPublish={(e) => seen.push(e.detail.story.id)} />
  </StoryProvider>
);

export const Wrong = () => (
  <>
    {/* @ts-expect-error: `author` is an Author object. */}
    <StoryRing author="ana" />
    {/* @ts-expect-error: a story-open detail has no `count`. */}
    <StoryBar onStoryOpen={(e) => seen.push(e.detail.count)} />
    {/* @ts-expect-error: the ring fires no story-publish. */}
    <StoryRing onStoryPublish={() => undefined} />
  </>
);
