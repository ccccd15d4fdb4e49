import type { CSSResult, ReactiveControllerHost } from 'lit';
import type { Captions } from './captions.js';

/** The viewer's extras (see extras.ts): captions, text kept inside the frame, a content warning's veil, failures in words. */
export type Extras = typeof import('./extras.js');

let loading: Promise<Extras> | undefined;

/** Loads the extras once, on first need. */
export function loadExtras(): Promise<Extras> {
  return (loading ??= import('./extras.js'));
}

/**
 * The extras as one viewer uses them: loaded behind its first frame, their styles joined to
 * its own, its captions made once they are there. Until then `extras` and `captions` are null.
 */
export class ViewerExtras {
  extras: Extras | null = null;
  #captions: Captions | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #adopt: (styles: CSSResult) => void;
  readonly #lang: () => string;

  /** `lang` is the language of the viewer's words. */
  constructor(host: ReactiveControllerHost & HTMLElement, adopt: (styles: CSSResult) => void, lang: () => string) {
    this.#host = host;
    this.#adopt = adopt;
    this.#lang = lang;
  }

  /** Captions of the video on screen, in the language of the viewer's words when the video has them. */
  get captions(): Captions | null {
    if (!this.#captions && this.extras) this.#captions = new this.extras.Captions(this.#host, this.#lang);
    return this.#captions;
  }

  /** Runs `work` once the extras are loaded (at once when they are). */
  async with(work: (extras: Extras) => void): Promise<void> {
    if (!this.extras) {
      const extras = await loadExtras();
      if (!this.extras) this.#adopt(extras.extraStyles);
      this.extras = extras;
      this.#host.requestUpdate();
    }
    work(this.extras);
  }
}
