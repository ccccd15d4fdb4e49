// Vue 3's GlobalComponents from the generated `stories-kit/vue`, never run: checked by
// `npm run typecheck` (vue-tsc reads the same types for templates). Each @ts-expect-error
// line must fail to compile.
import type {} from 'stories-kit/vue';
import type { GlobalComponents } from 'vue';
import type { StoryOpenEvent } from 'stories-kit';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

// `@story-open` in a template is the prop `onStoryOpen` (Vue camelises listener names).
export const ring: PropsOf<'story-ring'> = { author: { id: 'ana', name: 'Ana Lima' }, state: 'unseen', 'seen-segments': 1, onStoryOpen: (e: StoryOpenEvent) => e.detail.authorId };
export const bar: PropsOf<'story-bar'> = { feed: '/stories.json', onStoryOpen: (e) => e.detail.authorId };
export const viewer: PropsOf<'story-viewer'> = { open: true, onStoryChange: (e) => e.detail.storyId };
// Global HTML attributes and DOM listeners too (strictTemplates rejects unknown props).
export const withAttributes: PropsOf<'story-ring'> = { id: 'ana', role: 'listitem', 'aria-describedby': 'help', onClick: (e: MouseEvent) => e.button };

// @ts-expect-error: `author` is an Author object, not a number.
export const wrongAuthor: PropsOf<'story-ring'> = { author: 42 };
// @ts-expect-error: not a ring state.
export const wrongState: PropsOf<'story-ring'> = { state: 'blue' };
// @ts-expect-error: a story-open detail has no `count`.
export const wrongDetail: PropsOf<'story-bar'> = { onStoryOpen: (e) => e.detail.count };
// @ts-expect-error: `open` is a boolean.
export const wrongOpen: PropsOf<'story-viewer'> = { open: 'yes' };
// @ts-expect-error: no such element.
export type Missing = GlobalComponents['story-rings'];
