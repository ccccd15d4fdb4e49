import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import type { Overlay } from '../../model/types.js';
import { setCssVars } from '../shared/css-vars.js';
import { overlayVars } from '../shared/overlays.js';

/** An overlay in words, for its accessible name. */
export function describe(o: Overlay | undefined): string {
  if (!o) return '';
  switch (o.kind) {
    case 'text':
      return `Text “${o.text}”`;
    case 'sticker':
      return `Sticker ${o.alt ?? o.emoji ?? ''}`;
    case 'link':
      return `Link ${o.label}`;
    case 'mention':
      return `Mention @${o.handle}`;
  }
}

class EditableDirective extends Directive {
  render(_o: Overlay, _index: number, _selected: boolean): unknown {
    return noChange;
  }

  override update(part: ElementPart, [o, index, selected]: [Overlay, number, boolean]): unknown {
    const el = part.element as HTMLElement;
    setCssVars(el, overlayVars(o));
    el.tabIndex = 0;
    el.role = 'button';
    el.ariaLabel = `${describe(o)}. Drag or use the arrow keys to move, plus and minus to resize, brackets to rotate, Delete to remove.`;
    el.dataset.index = String(index);
    el.classList.toggle('selected', selected);
    return noChange;
  }
}

/**
 * The composer's overlays, bound on each overlay's element by the shared renderer (its
 * `place`): where it sits, and what makes it a control — a tab stop, a button named in
 * words with the keys that move it, its index for the gestures, and whether it is selected.
 */
export const editable = directive(EditableDirective);
