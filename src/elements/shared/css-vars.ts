import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/** Custom properties by name; `undefined` removes one. */
export type CssVars = Record<string, string | undefined>;

/**
 * Sets (or, for `undefined`, removes) CSS custom properties on an element through the
 * CSSOM only.
 *
 * Lit's `styleMap` writes a `style="…"` attribute on first render, which a strict
 * `style-src 'self'` policy blocks; `style.setProperty` is not subject to that policy, so
 * the elements stay usable on pages without `'unsafe-inline'`. Custom properties inherit,
 * so an element sets them once on its base and its parts read them.
 */
export function setCssVars(el: HTMLElement | null | undefined, vars: CssVars): void {
  if (!el) return;
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) el.style.removeProperty(name);
    else el.style.setProperty(name, value);
  }
}


class CssVarsDirective extends Directive {
  render(_vars: CssVars): unknown {
    return noChange;
  }

  override update(part: ElementPart, [vars]: [CssVars]): unknown {
    setCssVars(part.element as HTMLElement, vars);
    return noChange;
  }
}

/**
 * {@link setCssVars} as an element binding, so a template says the paint of what it
 * renders — `<span ${cssVars({ '--_bg': colour })}>` — and no pass after rendering looks
 * the elements up again. Set at every render (a value dropped from `vars` stays: pass it
 * as `undefined`); a server render, which has no CSSOM, leaves them to hydration.
 */
export const cssVars = directive(CssVarsDirective);
