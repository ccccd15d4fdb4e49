import { html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import type { Values, Words } from '../../i18n/words.js';
import { EFFECT_FILTERS } from '../../model/effects.js';
import type { CheckedMedia } from '../../model/media-rules.js';
import type { Effect, Overlay } from '../../model/types.js';
import { fitFor } from '../shared/fit.js';
import { renderOverlay } from '../shared/overlays.js';
import type { OverlayGestures } from './overlay-gestures.js';
import type { Panel } from './tool-panels.js';
import { cssVars, setCssVars } from '../shared/css-vars.js';
import { overlayVars } from '../shared/overlays.js';

/** An overlay in words, for its accessible name: what it is, and the keys that move it. */
function describe(o: Overlay, words: Words): string {
  // Its own fields fill the message (`{text}`, `{label}`, `{handle}`); a sticker's `{name}` is its alt text or emoji.
  const { alt, emoji } = o as { alt?: string; emoji?: string };
  return words.t('composer.overlayKeys', { overlay: words.t(`composer.${o.kind}Overlay`, { ...(o as object as Values), name: alt ?? emoji ?? '' }) });
}

class EditableDirective extends Directive {
  render(_o: Overlay, _index: number, _selected: boolean, _words: Words): unknown {
    return noChange;
  }

  override update(part: ElementPart, [o, index, selected, words]: [Overlay, number, boolean, Words]): unknown {
    const el = part.element as HTMLElement;
    setCssVars(el, overlayVars(o));
    el.tabIndex = 0;
    el.role = 'button';
    el.ariaLabel = describe(o, words);
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

/** The composer's state the editor changes. */
interface EditorHost {
  overlays: Overlay[];
  selected: number | null;
  panel: Panel | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
}

/**
 * Adding, changing, selecting and removing the composer's overlays, for its tools and its
 * gestures alike; focus follows (onto a new overlay, its text field, or the frame when one
 * goes) through `focusSoon`, after the next render.
 */
export class OverlayEditor {
  readonly #host: EditorHost;
  readonly #focusSoon: (find: () => HTMLElement | null | undefined) => void;

  constructor(host: EditorHost, focusSoon: (find: () => HTMLElement | null | undefined) => void) {
    this.#host = host;
    this.#focusSoon = focusSoon;
  }

  overlays(): readonly Overlay[] {
    return this.#host.overlays;
  }

  /** Adds an overlay and gives it focus (arrows then move it). */
  add(overlay: Overlay): void {
    const host = this.#host;
    host.overlays = [...host.overlays, overlay];
    host.selected = host.overlays.length - 1;
    host.panel = null;
    this.focus(host.selected);
  }

  focus(index: number): void {
    this.#focusSoon(() => this.#host.renderRoot.querySelector<HTMLElement>(`.overlays .overlay[data-index="${index}"]`));
  }

  update(index: number, change: Partial<Overlay>): void {
    this.#host.overlays = this.#host.overlays.map((o, i) => (i === index ? ({ ...o, ...change } as Overlay) : o));
  }

  select(index: number): void {
    this.#host.selected = index;
  }

  remove(index: number): void {
    const host = this.#host;
    host.overlays = host.overlays.filter((_, i) => i !== index);
    host.selected = null;
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('[part=frame]')?.focus());
  }

  /** Opens a text overlay's words in the Text tool. */
  edit(index: number): void {
    this.#host.selected = index;
    this.#host.panel = 'text';
    this.#focusSoon(() => this.#host.renderRoot.querySelector<HTMLElement>('textarea[name=text]'));
  }
}

/**
 * The story being composed, framed as viewers will see it (the viewer's fit rule, the
 * effect, the content warning's badge), its overlays editable in place.
 */
export function renderPreview(
  c: { readonly media: CheckedMedia | null; readonly effect: Effect; readonly contentWarning: string | null; readonly overlays: readonly Overlay[]; readonly selected: number | null },
  words: Words,
  mediaUrl: string,
  gestures?: OverlayGestures,
): TemplateResult {
  const media = c.media!;
  const filter = EFFECT_FILTERS[c.effect] ?? 'none';
  const fit = fitFor(media.width, media.height);
  return html`<div class="stage">
    <div part="frame" class="frame" role="group" tabindex="-1" aria-label=${words.t('composer.frame')}>
      ${fit === 'contain' && media.kind === 'image' ? html`<img class="backdrop fill" src=${mediaUrl} alt="" aria-hidden="true" />` : nothing}
      ${media.kind === 'image'
        ? html`<img part="media" class="media ${fit}" src=${mediaUrl} alt="" ${cssVars({ '--_filter': filter })} />`
        : html`<video part="media" class="media ${fit}" src=${mediaUrl} autoplay loop muted playsinline ${cssVars({ '--_filter': filter })}></video>`}
      ${c.contentWarning !== null ? html`<p class="sensitive-badge">${words.t(c.contentWarning ? 'composer.badge' : 'composer.badgeEmpty', { warning: c.contentWarning })}</p>` : nothing}
      <div
        class="overlays editing"
        @pointerdown=${gestures?.onDown}
        @pointermove=${gestures?.onMove}
        @pointerup=${gestures?.onUp}
        @pointercancel=${gestures?.onUp}
        @keydown=${gestures?.onKey}
        @wheel=${gestures?.onWheel}
        @dblclick=${gestures?.onDoubleClick}
      >
        ${c.overlays.map((o, i) => renderOverlay(o, undefined, editable(o, i, i === c.selected, words)))}
      </div>
    </div>
  </div>`;
}
