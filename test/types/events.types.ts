// Checked by `npm run typecheck` (never run): every event of the library is typed wherever a
// page listens — an element, the document, the window — with its own class and detail.
// A line marked @ts-expect-error fails the typecheck if it ever compiles, i.e. if the
// typing went loose.
import { StoryEvents, type StoryPublishEvent } from '../../src/index.js';
import type { Story } from '../../src/model/types.js';

const keep = (...values: unknown[]) => values;

window.addEventListener('story-publish', (e) => keep(e.detail.story.id, e.detail.authorId));
window.addEventListener('story-open', (e) => keep(e.detail.authorId, e.detail.storyId));
window.addEventListener('story-viewers-count', (e) => keep(e.detail.count.toFixed(0)));
document.addEventListener('story-hold', (e) => keep(e.detail.hold, e.detail.panel));
document.addEventListener('story-comment', (e) => keep(e.detail.action, e.detail.clientId));
document.body.addEventListener('story-create', (e) => e.preventDefault());
document.body.addEventListener('story-error', (e) => keep(e.detail.code, e.detail.message));
document.body.onclick = null;
const published = (e: StoryPublishEvent): Story => e.detail.story;
keep(published, StoryEvents.viewersCount satisfies 'story-viewers-count', StoryEvents.create satisfies 'story-create');

// @ts-expect-error: the viewers count is a number.
window.addEventListener('story-viewers-count', (e) => keep(e.detail.count.toUpperCase()));
// @ts-expect-error: a publish carries the story, not a comment.
window.addEventListener('story-publish', (e) => keep(e.detail.comment));
