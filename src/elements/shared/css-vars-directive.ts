import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { setCssVars, type CssVars } from './css-vars.js';

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
