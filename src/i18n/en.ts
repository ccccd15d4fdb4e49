/**
 * Every English message of every element, by id, in the parts a language is loaded in: the
 * source the translations follow (each shipped language has one module per part, and
 * `Catalogue` tells the type checker it has every id of it) and the base of the
 * pseudo-locale. The elements do not import this: each has its own words.
 */
import { barMessages } from '../elements/story-bar/messages.js';
import { commentsMessages } from '../elements/story-comments/messages.js';
import { composerMessages } from '../elements/story-composer/messages.js';
import { composerToolMessages } from '../elements/story-composer/tool-messages.js';
import { ringMessages } from '../elements/story-ring/messages.js';
import { sharedMessages } from '../elements/shared/messages.js';
import { sidebarMessages } from '../elements/story-sidebar/messages.js';
import { viewerMessages } from '../elements/story-viewer/messages.js';
import { viewerLazyMessages } from '../elements/story-viewer/lazy-messages.js';
import { viewersTabMessages } from '../elements/viewers-tab/messages.js';

/**
 * The parts of a language, each loaded with the elements that show it: `page` with the rings,
 * the bar and the sidebar, `viewer` with the viewer (and its viewers tab), `comments` with
 * the comments, `composer` and `tools` with the composer (its tools apart, to keep each
 * module small). A page downloads only the parts it shows, of its own language.
 */
export const englishParts = {
  page: { ...sharedMessages, ...ringMessages, ...barMessages, ...sidebarMessages },
  viewer: { ...viewerMessages, ...viewerLazyMessages, ...viewersTabMessages },
  comments: commentsMessages,
  composer: composerMessages,
  tools: composerToolMessages,
};

/** Every English message, by id. */
export const english = { ...englishParts.page, ...englishParts.viewer, ...englishParts.comments, ...englishParts.composer, ...englishParts.tools };

/** A part of a language's words. */
export type Part = keyof typeof englishParts;

/** A message id. */
export type MessageId = keyof typeof english;

/** One part of a shipped language: every id of that part, in the same shape (a plural message has at least `other`). */
export type Catalogue<P extends Part> = {
  [K in keyof (typeof englishParts)[P]]: (typeof englishParts)[P][K] extends string ? string : Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
};

/** A shipped language: a loader per part. */
export type Language = { [P in Part]: () => Promise<{ default: Catalogue<P> }> };
