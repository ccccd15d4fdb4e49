/** Small helpers the tests share: reading what a person would perceive in shadow DOM. */

/** The element matching `selector` in `host`'s shadow root; fails loudly when absent. */
export function shadowQuery<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in the shadow root of <${host.localName}>`);
  return found;
}

/** The centre of an element in viewport pixels, for real mouse events. */
export function centreOf(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** Resolves once `predicate` holds, polling each animation frame; rejects after `timeout`. */
export async function until(predicate: () => boolean, what: string, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Parses `rgb(r, g, b)` / `rgba(…)` into numbers. */
export function rgb(color: string): number[] {
  return (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
}
