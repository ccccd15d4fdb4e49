// Vue 3's GlobalComponents from the generated `stories-kit/vue`, never run: checked by
// `npm run typecheck` (vue-tsc reads the same types for templates). Each @ts-expect-error
// line must fail to compile.
import type {} from 'stories-kit/vue';
import type { GlobalComponents } from 'vue';
import type { StoryOpenEvent } from 'stories-kit';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const ring: PropsOf<'story-ring'> = { author: { id: 'ana', name: 'Ana Lima' }, state: 'unseen', 'seen-segments': 1, 'onstory-open': (e: StoryOpenEvent) => e.detail.authorId };
export const bar: PropsOf<'story-bar'> = { feed: '/stories.json', 'onstory-open': (e) => e.detail.authorId };
export const viewer: PropsOf<'story-viewer'> = { open: true, 'onstory-change': (e) => e.detail.storyId };

// @ts-expect-error: `author` is an Author object, not a number.
export const wrongAuthor: PropsOf<'story-ring'> = { author: 42 };
// @ts-expect-error: not a ring state.
export const wrongState: PropsOf<'story-ring'> = { state: 'blue' };
// @ts-expect-error: a story-open detail has no `count`.
export const wrongDetail: PropsOf<'story-bar'> = { 'onstory-open': (e) => e.detail.count };
// @ts-expect-error: no such element.
export type Missing = GlobalComponents['story-rings'];
