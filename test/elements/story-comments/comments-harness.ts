// What a person sees of <story-comments>, for the tests: the latest comments over the story,
// the count button, the field, and the open panel — its list of rows (a name, the text, the
// row's buttons by name, and for a comment in the outbox its status in words: "Sending…",
// "Not sent"). Found by part, role, accessible name and visible text, never by the
// element's class names.
import { accessibleName, allByRole, byRole } from '../../helpers/dom.js';

const root = (el: Element) => el.shadowRoot!;
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The button with the count that opens (and closes) the panel. */
export const openButton = (el: Element) => root(el).querySelector<HTMLButtonElement>('[part~=open-button]')!;

/** The field to write a comment in, where one may comment. */
export const field = (el: Element) => root(el).querySelector<HTMLTextAreaElement>('[part~=field]');

/** The chip saying whom the reply being written answers, while one is. */
export const replyChip = (el: Element) => root(el).querySelector<HTMLElement>('[part~=reply-chip]');

/** The chip's button that cancels the reply. */
export const cancelReplyButton = (el: Element) => byRole<HTMLButtonElement>(replyChip(el), 'button', /^Cancel reply to /);

/** The latest comments over the story, while they show. */
export const latest = (el: Element) => root(el).querySelector<HTMLElement>('[part~=latest]');

/** The latest comments, one item each. */
export const latestItems = (el: Element) => allByRole(latest(el), 'listitem');

/** What one of the latest comments says: the name, its status if it is in the outbox ("Sending…", "Not sent Retry"), the text. */
export function latestText(item: Element): string {
  const words = item.cloneNode(true) as Element;
  // The avatar's initials are a picture, not words.
  words.querySelectorAll('[part~=avatar]').forEach((a) => a.remove());
  return text(words);
}

/** What each of the latest comments says. */
export const latestTexts = (el: Element) => latestItems(el).map(latestText);

/** The Retry button of a refused comment among the latest. */
export const latestRetry = (el: Element) => byRole<HTMLButtonElement>(latest(el), 'button', 'Retry');

/** The full panel, while it is open. */
export const panel = (el: Element) => root(el).querySelector<HTMLElement>('[part~=panel]');

/** The panel's own close button. */
export const closeButton = (el: Element) => byRole<HTMLButtonElement>(panel(el), 'button', 'Close comments');

/** The panel's scrolling list of every comment. */
export const list = (el: Element) => root(el).querySelector<HTMLElement>('[part~=list]');

/** The comment rows in the panel's list (those near its viewport: the list is virtual). */
export const rows = (el: Element) => allByRole(list(el), 'listitem');

/** A row's comment text. */
export const rowText = (row: Element) => text(row.querySelector('[part~=text]'));

/** The texts of the rows in the panel. */
export const rowTexts = (el: Element) => rows(el).map(rowText);

/** A row's status in words ("Sending…", "Not sent: why Retry Edit Discard"), or '' once delivered. */
export const rowStatus = (row: Element) => text(row.querySelector('[part~=status]'));

/** The statuses of the rows in the panel that have one. */
export const statuses = (el: Element) => rows(el).map(rowStatus).filter(Boolean);

/** The rows of comments the backend refused: "Not sent", with Retry, Edit and Discard. */
export const refusedRows = (el: Element) => rows(el).filter((r) => rowStatus(r).startsWith('Not sent'));

/** A row's buttons: what it offers on a delivered comment (Reply, Delete, Report), or on a refused one (Retry, Edit, Discard). */
export const rowButtons = (row: Element) => allByRole<HTMLButtonElement>(row, 'button');

/** A row's button named `name`. */
export const rowButton = (row: Element, name: string) => byRole<HTMLButtonElement>(row, 'button', name)!;

/** The names of what a row offers on a delivered comment: Reply, Delete, Report. */
export const actions = (row: Element) => rowButtons(row).filter((b) => !b.closest('[part~=status]')).map(accessibleName);

/** Whether a row says its comment was reported: the word "Reported" where its Report button was. */
export const saysReported = (row: Element) =>
  !byRole(row, 'button', 'Report') && [...row.querySelectorAll('*')].some((n) => !n.children.length && !n.closest('[part~=text]') && text(n) === 'Reported');

/** The @mentions in the comments shown. */
export const mentions = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~=mention]')];

/** The characters-left counter, shown only near the limit. */
export const counter = (el: Element) => root(el).querySelector<HTMLElement>('[part~=counter]');
