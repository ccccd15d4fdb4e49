// Preact TSX against the generated JSX types (`stories-kit/jsx/preact`), never run: checked by
// `npm run typecheck`. Each @ts-expect-error line must fail to compile.
import type {} from 'stories-kit/jsx/preact';
import type { Author, StoryErrorEvent, StoryOpenEvent } from 'stories-kit';

const ana: Author = { id: 'ana', name: 'Ana Lima', avatar: '/ana.jpg' };
const opened: string[] = [];

export const Page = () => (
  <main>
    <story-bar label="Stories" feed="/stories.json" onstory-open={(e) => opened.push(e.detail.authorId)} />
    <story-ring author={ana} state="unseen" segments={3} size="large" class="ring" />
    <story-viewer open hls="hls.js" fit="contain" onstory-change={(e) => opened.push(e.detail.storyId)} onstory-error={(e: StoryErrorEvent) => opened.push(e.detail.code)} />
    <story-provider feed="/stories.json">
      <story-composer open onstory-publish={(e) => opened.push(e.detail.story.id)} />
    </story-provider>
  </main>
);

export const Wrong = () => (
  <>
    {/* @ts-expect-error: `author` is an Author object, not a number. */}
    <story-ring author={42} />
    {/* @ts-expect-error: not a ring state. */}
    <story-ring state="blue" />
    {/* @ts-expect-error: the handler gets a StoryOpenEvent, not a StoryErrorEvent. */}
    <story-bar onstory-open={(e: StoryErrorEvent) => opened.push(e.detail.code)} />
    {/* @ts-expect-error: a story-open detail has no `count`. */}
    <story-ring onstory-open={(e: StoryOpenEvent) => opened.push(String(e.detail.count))} />
    {/* @ts-expect-error: no such element. */}
    <story-nope />
  </>
);
