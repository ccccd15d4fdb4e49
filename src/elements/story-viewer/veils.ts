import type { ReactiveElement } from 'lit';
import type { Story } from '../../model/types.js';

/**
 * Stories marked sensitive (`contentWarning`) stay behind their warning until the person
 * chooses to see them; the choice holds for as long as the viewer lives. Showing one moves
 * focus to the pause button, the first control of the story now on screen.
 */
export class Veils {
  readonly #revealed = new Set<string>();
  readonly #host: ReactiveElement;
  readonly #current: () => Story | null;

  constructor(host: ReactiveElement, current: () => Story | null) {
    this.#host = host;
    this.#current = current;
  }

  /** Whether `story` is behind its warning. */
  veiled(story: Story): boolean {
    return !!story.contentWarning && !this.#revealed.has(story.id);
  }

  /** Shows the story on screen (its warning's button). */
  reveal = (): void => {
    const story = this.#current();
    if (!story) return;
    this.#revealed.add(story.id);
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('[part~=pause-button]')?.focus());
  };
}
