/**
 * stories-kit: every element defined, and every public type and helper exported.
 * Per-element entries (`stories-kit/story-ring.js`, …) define one element each.
 */
export * from './story-ring.js';
export * from './events.js';
export type * from './model/types.js';
