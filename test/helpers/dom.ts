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

/** The tags whose implicit ARIA role the tests look for (an explicit `role` wins). */
const IMPLICIT_ROLES: Record<string, (el: Element) => string | null> = {
  a: (el) => (el.hasAttribute('href') ? 'link' : null),
  button: () => 'button',
  dialog: () => 'dialog',
  fieldset: () => 'group',
  h1: () => 'heading',
  h2: () => 'heading',
  h3: () => 'heading',
  img: (el) => (el.getAttribute('alt') === '' ? 'presentation' : 'img'),
  input: (el) => ({ checkbox: 'checkbox', radio: 'radio', search: 'searchbox', number: 'spinbutton', button: 'button', submit: 'button', file: null })[(el as HTMLInputElement).type] ?? 'textbox',
  li: () => 'listitem',
  ol: () => 'list',
  progress: () => 'progressbar',
  section: (el) => (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null),
  textarea: () => 'textbox',
  ul: () => 'list',
};

/** The ARIA role of `el`: its `role` attribute's first token, else its tag's implicit role. */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  return explicit || IMPLICIT_ROLES[el.localName]?.(el) || null;
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The name a screen reader gives `el`: aria-labelledby, aria-label, its label or legend, alt, else its text. */
export function accessibleName(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  const root = el.getRootNode() as Document | ShadowRoot;
  if (ids) return collapse(ids.split(/\s+/).map((id) => root.getElementById?.(id)?.textContent ?? '').join(' '));
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return collapse(label);
  const labels = (el as HTMLInputElement).labels;
  if (labels?.length) return collapse([...labels].map((l) => l.textContent).join(' '));
  if (el.localName === 'fieldset') return collapse(el.querySelector('legend')?.textContent);
  if (el.localName === 'img') return collapse(el.getAttribute('alt'));
  return collapse(el.textContent) || collapse(el.getAttribute('title'));
}

const named = (el: Element, name?: string | RegExp) => name === undefined || (typeof name === 'string' ? accessibleName(el) === name : name.test(accessibleName(el)));

/** Every element under `root` with ARIA role `role` and, if given, an accessible name equal to (or matching) `name`. */
export const allByRole = <T extends Element = HTMLElement>(root: ParentNode | null | undefined, role: string, name?: string | RegExp): T[] =>
  [...(root?.querySelectorAll<T>('*') ?? [])].filter((el) => roleOf(el) === role && named(el, name));

/** The first of {@link allByRole}, or null. */
export const byRole = <T extends Element = HTMLElement>(root: ParentNode | null | undefined, role: string, name?: string | RegExp): T | null => allByRole<T>(root, role, name)[0] ?? null;

/** The form field (input, textarea, select) under `root` whose label is `name` (or matches it). */
export const fieldNamed = <T extends HTMLElement = HTMLInputElement>(root: ParentNode | null | undefined, name: string | RegExp): T | null =>
  [...(root?.querySelectorAll<T>('input, textarea, select') ?? [])].find((el) => named(el, name)) ?? null;

/** `el`'s computed style, from its own window (the element may live in a frame). */
export const styleOf = (el: Element): CSSStyleDeclaration => el.ownerDocument.defaultView!.getComputedStyle(el);

/** Whether a person can see `el`: rendered and not `visibility: hidden`. */
export const isShown = (el: Element): boolean => el.getClientRects().length > 0 && styleOf(el).visibility === 'visible';

/** How opaque `el` is drawn: its opacity times its ancestors' (up to its shadow root or document). */
export function drawnOpacity(el: Element): number {
  let opacity = 1;
  for (let at: Element | null = el; at; at = at.parentElement) opacity *= Number(styleOf(at).opacity);
  return opacity;
}
