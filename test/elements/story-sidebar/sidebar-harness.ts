// What a person sees of <story-sidebar>, for the tests: its panel (a dialog, or a region when
// docked), the title row with Create and the close button, the backdrop behind a modal
// panel, and the list of accounts — a row each, with its ring, name, handle, age and unseen
// count. Found by part, role and accessible name, never by the element's class names.
import type { StoryRing } from '../../../src/story-ring.js';
import { byRole } from '../../helpers/dom.js';

const root = (el: Element) => el.shadowRoot!;

/** The sliding panel (inside the dialog, or the docked region). */
export const panel = (el: Element) => root(el).querySelector<HTMLElement>('[part~=panel]')!;

/** The heading of the panel. */
export const title = (el: Element) => root(el).querySelector<HTMLElement>('[part~=title]')!;

/** The close button (none is shown when docked). */
export const closeButton = (el: Element) => byRole<HTMLButtonElement>(root(el).querySelector('[part~=header]'), 'button', 'Close')!;

/** The Create button, for a signed-in person on a backend that takes stories. */
export const createButton = (el: Element) => byRole<HTMLButtonElement>(root(el).querySelector('[part~=header]'), 'button', 'Create');

/** The dimmed page behind the modal panel, if it is modal. */
export const backdrop = (el: Element) => root(el).querySelector<HTMLElement>('[part~=backdrop]');

/** The scrolling list of accounts. */
export const list = (el: Element) => root(el).querySelector<HTMLElement>('[part~=list]')!;

/** The account rows (those near the viewport: the list is virtual). */
export const rows = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~=item]')];

/** What a row shows in one of its parts: `name`, `handle`, `time` or `count` ('' if it has none). */
export const rowText = (row: Element, part: 'name' | 'handle' | 'time' | 'count') => row.querySelector(`[part~=${part}]`)?.textContent ?? '';

/** The names of the accounts listed. */
export const names = (el: Element) => rows(el).map((r) => rowText(r, 'name'));

/** A row's ring. */
export const ringIn = (row: Element) => row.querySelector('story-ring') as StoryRing;
