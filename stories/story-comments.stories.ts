import { html } from 'lit';
import '../src/story-comments.js';
import type { Comment } from '../src/model/types.js';

const MIN = 60_000;
const people = {
  ana: { id: 'ana', name: 'Ana Lima', avatar: '/fixtures/media/avatars/avatar-1.jpg' },
  ben: { id: 'ben', name: 'Ben Okafor', avatar: '/fixtures/media/avatars/avatar-2.jpg' },
  noor: { id: 'noor', name: 'نور حداد', avatar: '/fixtures/media/avatars/avatar-3.jpg' },
  kai: { id: 'kai', name: 'Kai Müller' },
};

function comment(id: string, who: keyof typeof people, minutesAgo: number, text: string, parentId?: string): Comment {
  return { id, storyId: 's1', author: people[who], text, createdAt: Date.now() - minutesAgo * MIN, ...(parentId ? { parentId } : {}) };
}

const thread: Comment[] = [
  comment('c1', 'ana', 50, 'Is the oat flat white sweet?'),
  comment('c2', 'ben', 45, 'Not at all, no syrup unless you ask 🙂', 'c1'),
  comment('c3', 'noor', 30, 'صباح الخير! يبدو رائعًا'),
  comment('c4', 'kai', 12, 'Menu here: https://example.com/menu — ask for @ben'),
  comment('c5', 'ana', 2, 'Going there tomorrow.'),
];

/** On a photo, as in the viewer: the latest comments over the story, the count and the field. */
const onStory = (comments: Comment[], open = false) =>
  html`<div style="position:relative;width:380px;height:640px;background:#222 url(/fixtures/media/photos/sunrise.jpg) center/cover;border-radius:12px;overflow:hidden">
    <story-comments .comments=${comments} ?open=${open} style="position:absolute;inset-inline:0;bottom:0"></story-comments>
  </div>`;

export default {
  title: 'Elements/story-comments',
  component: 'story-comments',
  render: () => onStory(thread),
};

/** The latest three comments over the story; the button with the count opens the panel. */
export const Latest = {};

/** The panel: every comment, newest last, replies under their comment, links and @mentions. */
export const Panel = {
  render: () => onStory(thread, true),
};

/** 10,000 comments: only the rows near the viewport are in the DOM. */
export const LongThread = {
  render: () =>
    onStory(
      Array.from({ length: 10_000 }, (_, i) => comment(`l${i}`, (['ana', 'ben', 'noor', 'kai'] as const)[i % 4], 10_000 - i, i % 6 ? `Comment ${i + 1}` : `A longer comment ${i + 1}, which wraps over two or three lines in the panel.`)),
      true,
    ),
};

/** No comments yet. */
export const Empty = {
  render: () => onStory([], true),
};
