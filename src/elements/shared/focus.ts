/** Focus helpers of the modal pieces (the sidebar's panel, the viewer, the composer). */

/** What Tab can reach, before visibility and tabindex are checked. */
export const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"]),[contenteditable="true"]';

/** The focused element, looking through open shadow roots (the trigger may be in one). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * Moves Tab (or Shift+Tab) to the next of `stops`, wrapping at the ends: a modal keeps focus
 * inside itself, where the native dialog would let it leave for the browser's own controls.
 */
export function cycleFocus(event: KeyboardEvent, stops: HTMLElement[]): void {
  if (!stops.length) return;
  // The stop holding focus: the focused element or one of its hosts (a ring's inner button).
  let node: Element | null = deepActiveElement();
  while (node && !stops.includes(node as HTMLElement)) node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  const at = node ? stops.indexOf(node as HTMLElement) : -1;
  const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
  event.preventDefault();
  stops[next].focus();
}

/**
 * The elements matching `selector` under `root`, in the order Tab visits them: through open
 * shadow roots and slots (assigned elements, or a slot's fallback content), so a modal can
 * keep Tab inside even when its content is other custom elements (the comments). As the
 * browser does, a host with a negative tabindex takes its shadow tree out of the order, and
 * a host that delegates focus is reached through what it holds (a ring's button), not twice.
 */
export function tabStops(root: ParentNode, selector: string): HTMLElement[] {
  const stops: HTMLElement[] = [];
  const visit = (el: Element): void => {
    if (el instanceof HTMLSlotElement) return el.assignedElements({ flatten: true }).forEach(visit);
    if (el.matches(selector)) stops.push(el as HTMLElement);
    for (const child of (el.shadowRoot ?? el).children) visit(child);
  };
  for (const child of root.children) visit(child);
  return stops;
}

/**
 * Whether Tab reaches `stop`, one of the {@link tabStops} under `root`, as the browser decides:
 * it is shown and not out of the order (tabindex -1), nor is a shadow host between it and
 * `root` (a ring out of a roving tab order takes its button with it); and it is not a host
 * that delegates focus (what it holds, a ring's button, is the stop). Not in the viewer's
 * trap, which holds no such hosts and has no bytes to spare.
 */
export function reachable(stop: HTMLElement, root: Node): boolean {
  if (!stop.getClientRects().length || stop.tabIndex < 0 || stop.shadowRoot?.delegatesFocus) return false;
  const top = root.getRootNode();
  for (let node = stop.getRootNode(); node !== top && node instanceof ShadowRoot; node = node.host.getRootNode()) {
    if (node.host.matches('[tabindex^="-"]')) return false;
  }
  return true;
}

const shown = (el: HTMLElement): boolean => el.getClientRects().length > 0 && el.tabIndex >= 0;

/**
 * One modal dialog's focus, shared by the viewer, the composer and the sidebar's panel:
 * where focus was when it opened (given back when it closes, if that is still in the page),
 * and Tab kept inside it, wrapping at the ends (the native dialog would let focus leave for
 * the browser's own controls).
 */
export class ModalFocus {
  #back: HTMLElement | null = null;
  readonly #dialog: () => HTMLDialogElement | null | undefined;

  constructor(dialog: () => HTMLDialogElement | null | undefined) {
    this.#dialog = dialog;
  }

  /** Opens the dialog (as a modal, or beside the page); false when there is none or it is open. */
  open(modal = true): boolean {
    const dialog = this.#dialog();
    if (!dialog || dialog.open) return false;
    this.#back = deepActiveElement();
    if (modal) dialog.showModal();
    else dialog.show();
    return true;
  }

  /** Closes the dialog; focus goes back where it was when `give` (later, with {@link giveBack}, otherwise). */
  close(give = true): void {
    this.#dialog()?.close();
    if (give) this.giveBack();
  }

  giveBack(give = true): void {
    const back = this.#back;
    this.#back = null;
    if (give && back?.isConnected) back.focus();
  }

  /** Tab (or Shift+Tab) to the next of the stops under `root` (the dialog by default) that `keep` lets through. */
  trap(event: KeyboardEvent, root: ParentNode | null | undefined = this.#dialog(), keep: (el: HTMLElement) => boolean = shown): void {
    if (root) cycleFocus(event, tabStops(root, FOCUSABLE).filter(keep));
  }
}
