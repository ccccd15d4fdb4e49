/** Focus helpers of the modal pieces (the sidebar's panel, the viewer). */

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
 * keep Tab inside even when its content is other custom elements (the comments).
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
