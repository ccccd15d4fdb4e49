/**
 * Every English message of every element, by id: the source the translations follow (each
 * catalogue in `./locales` must have every id: `Catalogue` says so to the type checker) and
 * the base of the pseudo-locale. The elements do not import this: each has its own words.
 */
import { barMessages } from '../elements/story-bar/messages.js';
import { commentsMessages } from '../elements/story-comments/messages.js';
import { composerMessages } from '../elements/story-composer/messages.js';
import { ringMessages } from '../elements/story-ring/messages.js';
import { sharedMessages } from '../elements/shared/messages.js';
import { sidebarMessages } from '../elements/story-sidebar/messages.js';
import { viewerMessages } from '../elements/story-viewer/messages.js';
import { viewerLazyMessages } from '../elements/story-viewer/lazy-messages.js';
import { viewersTabMessages } from '../elements/viewers-tab/messages.js';
import type { Message } from './words.js';

export const english = {
  ...sharedMessages,
  ...ringMessages,
  ...barMessages,
  ...sidebarMessages,
  ...viewerMessages,
  ...viewerLazyMessages,
  ...commentsMessages,
  ...viewersTabMessages,
  ...composerMessages,
};

/** A message id. */
export type MessageId = keyof typeof english;

/** A shipped language's words: every id, in the same shape (a plural message has at least `other`). */
export type Catalogue = { [K in MessageId]: (typeof english)[K] extends string ? string : Partial<Record<Intl.LDMLPluralRule, string>> & { other: string } };

export type { Message };
