import type { Page, Reel } from '../model/types.js';
import { ReadOnlyAdapter } from './read-only.js';

/**
 * A read-only adapter over reels given in JavaScript: what `<story-viewer>` uses when it
 * gets a `.reels` property instead of a provider (Storybook, custom pages). The reels are
 * still validated by the store like any adapter's answer; views are not recorded anywhere.
 */
export class ReelsAdapter extends ReadOnlyAdapter {
  protected readonly what = 'These stories';
  /** Reels given in JavaScript have no backend: one name for all of them. */
  readonly key = 'reels';

  constructor(private readonly reels: readonly Reel[]) {
    super();
  }

  /** One page: the list is already in memory. */
  async feed(): Promise<Page<Reel>> {
    return { items: [...this.reels] };
  }

  async reel(authorId: string): Promise<Reel | null> {
    return this.reels.find((r) => r?.author?.id === authorId) ?? null;
  }
}
