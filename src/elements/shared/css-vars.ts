import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS custom properties on an element through the CSSOM only.
 *
 * Lit's `styleMap` writes a `style="…"` attribute on first render, which a strict
 * `style-src 'self'` policy blocks; `style.setProperty` is not subject to that policy, so
 * the elements stay usable on pages without `'unsafe-inline'`.
 */
class CssVarsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssVars() must be used on an element, as <el ${cssVars(…)}>');
  }

  render(_vars: Record<string, string | undefined>) {
    return noChange;
  }

  override update(part: ElementPart, [vars]: [Record<string, string | undefined>]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous) {
      if (vars[name] == null) {
        style.removeProperty(name);
        this.previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(vars)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.previous.add(name);
    }
    return noChange;
  }
}

/** `<span ${cssVars({ '--_size': '40px' })}>`: custom properties set without a style attribute. */
export const cssVars = directive(CssVarsDirective);
