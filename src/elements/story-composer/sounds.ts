import type { LitElement, ReactiveController } from 'lit';
import type { Sound } from '../../model/types.js';
import type { StoriesStore } from '../../state/store.js';

/**
 * The composer's sounds: the search through the store (each query cancels the one before,
 * whose late answer is never shown) and the preview of one, stopped when another starts,
 * when the composer closes or leaves the page.
 */
export class SoundsController implements ReactiveController {
  /** What the last search found. */
  found: Sound[] = [];
  #search: AbortController | null = null;
  #preview: HTMLAudioElement | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly store: () => StoriesStore | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#search?.abort();
    this.stop();
  }

  async search(query = ''): Promise<void> {
    const store = this.store();
    if (!store) return;
    this.#search?.abort();
    const search = (this.#search = new AbortController());
    let found: Sound[] = [];
    try {
      found = (await store.sounds(query, { signal: search.signal })).items;
    } catch {
      // No sounds to offer (the failure itself is reported by the store).
    }
    // Checked here too: an adapter may ignore the signal and answer anyway.
    if (search.signal.aborted) return;
    this.found = found;
    this.host.requestUpdate();
  }

  play(sound: Sound): void {
    this.stop();
    const audio = new Audio(sound.src);
    audio.currentTime = (sound.start ?? 0) / 1000;
    void audio.play().catch(() => {});
    this.#preview = audio;
  }

  stop(): void {
    this.#preview?.pause();
    this.#preview = null;
  }
}
