// Solid TSX against the generated JSX types (`stories-kit/jsx/solid`), never run: checked by
// `npm run typecheck`. Objects go in as properties (`prop:`), listeners as `on:` with the
// event's class. Each @ts-expect-error line must fail to compile.
import type {} from 'stories-kit/jsx/solid';
import type { Author, StoryErrorEvent } from 'stories-kit';

const ana: Author = { id: 'ana', name: 'Ana Lima', avatar: '/ana.jpg' };
const opened: string[] = [];

export const Page = () => (
  <main>
    <story-bar label="Stories" feed="/stories.json" on:story-open={(e) => opened.push(e.detail.authorId)} />
    <story-ring prop:author={ana} state="unseen" segments={3} size="large" />
    <story-viewer open hls="hls.js" fit="contain" on:story-change={(e) => opened.push(e.detail.storyId)} on:story-error={(e) => opened.push(e.detail.code)} />
    <story-provider feed="/stories.json">
      <story-composer open on:story-publish={(e) => opened.push(e.detail.story.id)} />
    </story-provider>
  </main>
);

export const Wrong = () => (
  <>
    {/* @ts-expect-error: `author` is an Author object, not a number. */}
    <story-ring prop:author={42} />
    {/* @ts-expect-error: not a ring state. */}
    <story-ring state="blue" />
    {/* @ts-expect-error: the handler gets a StoryOpenEvent, not a StoryErrorEvent. */}
    <story-bar on:story-open={(e: StoryErrorEvent) => opened.push(e.detail.code)} />
    {/* @ts-expect-error: no such element. */}
    <story-nope />
  </>
);
