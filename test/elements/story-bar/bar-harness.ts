// What a person sees of <story-bar>, for the tests: the row of accounts — a ring each, with
// the name under it — the placeholders while it loads, and the message with its Try again
// button when the feed failed. Found by part, role and accessible name, never by the
// element's class names. Plain DOM only: pages loaded in frames use it too.
import type { StoryRing } from '../../../src/story-ring.js';
import { byRole } from '../../helpers/dom.js';

const root = (bar: Element) => bar.shadowRoot!;

/** The scrolling row of accounts. */
export const list = (bar: Element) => root(bar).querySelector<HTMLElement>('[part~=list]');

/** The rings, in the order shown. */
export const rings = (bar: Element) => [...root(bar).querySelectorAll<StoryRing>('[part~=ring]')];

/** The ring of account `id`. */
export const ring = (bar: Element, id: string) => rings(bar).find((r) => r.author?.id === id)!;

/** The button a ring is (named for the account and its new stories). */
export const ringButton = (ring: Element) => byRole<HTMLButtonElement>(ring.shadowRoot, 'button')!;

/** The names under the rings, as shown. */
export const nameLabels = (bar: Element) => [...root(bar).querySelectorAll<HTMLElement>('[part~=name]')];

/** The names under the rings, in words. */
export const names = (bar: Element) => nameLabels(bar).map((n) => n.textContent);

/** The placeholders shown while the feed loads. */
export const skeletons = (bar: Element) => [...root(bar).querySelectorAll('[part~=skeleton]')];

/** The error message, when the feed failed. */
export const message = (bar: Element) => root(bar).querySelector<HTMLElement>('[part~=message]');

/** The message's Try again button. */
export const retryButton = (bar: Element) => root(bar).querySelector<HTMLButtonElement>('[part~=retry-button]')!;
