// React 19 TSX against the generated JSX types (`stories-kit/jsx`), never run: checked by
// `npm run typecheck`. Each @ts-expect-error line must fail to compile; if one ever compiles,
// the types went loose and the typecheck fails.
import type {} from 'stories-kit/jsx';
import type { Author, StoryOpenEvent, StoryErrorEvent } from 'stories-kit';

const ana: Author = { id: 'ana', name: 'Ana Lima', avatar: '/ana.jpg' };
const opened: string[] = [];

export const Page = () => (
  <main>
    <story-bar label="Stories" feed="/stories.json" onstory-open={(e) => opened.push(e.detail.authorId)} />
    <story-ring author={{ id: 'bo', name: 'Bo' }} state="unseen" segments={3} size="large" />
    <story-ring author={ana} state="seen" seen-segments={2} author-id="ana" class="ring" />
    <story-ring author={ana} onstory-open={(e: StoryOpenEvent) => opened.push(e.detail.storyId ?? e.detail.authorId)} />
    <story-sidebar placement="end" docked onstory-create={(e) => e.preventDefault()} />
    <story-viewer open hls="hls.js" onstory-change={(e) => opened.push(e.detail.storyId)} onstory-error={(e: StoryErrorEvent) => opened.push(e.detail.code)} />
    <viewers-tab onstory-viewers-count={(e) => opened.push(e.detail.count.toFixed(0))} />
    <story-provider feed="/stories.json">
      <story-comments open />
      <story-composer open onstory-publish={(e) => opened.push(e.detail.story.id)} />
    </story-provider>
  </main>
);

export const Wrong = () => (
  <>
    {/* @ts-expect-error: `author` is an Author object, not a number. */}
    <story-ring author={42} />
    {/* @ts-expect-error: an Author needs a name. */}
    <story-ring author={{ id: 'x' }} />
    {/* @ts-expect-error: not a ring state. */}
    <story-ring state="blue" />
    {/* @ts-expect-error: `segments` is a number. */}
    <story-ring segments="three" />
    {/* @ts-expect-error: a story-open detail has no `count`. */}
    <story-ring onstory-open={(e) => opened.push(e.detail.count)} />
    {/* @ts-expect-error: the handler gets a StoryOpenEvent, not a StoryErrorEvent. */}
    <story-bar onstory-open={(e: StoryErrorEvent) => opened.push(e.detail.code)} />
    {/* @ts-expect-error: no such element. */}
    <story-rings />
  </>
);
