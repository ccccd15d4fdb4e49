import { Forbidden, ReadOnly } from '../model/errors.js';
import type { Author, Comment, Page, Reel, Story, StoryView } from '../model/types.js';
import type { ListOptions, StoriesAdapter } from './types.js';

/**
 * A read-only adapter over reels given in JavaScript: what `<story-viewer>` uses when it
 * gets a `.reels` property instead of a provider (Storybook, custom pages). The reels are
 * still validated by the store like any adapter's answer; views are not recorded anywhere.
 */
export class ReelsAdapter implements StoriesAdapter {
  readonly readOnly = true;

  constructor(private readonly reels: readonly Reel[]) {}

  async me(): Promise<Author | null> {
    return null;
  }

  async feed(opts: ListOptions & { limit?: number } = {}): Promise<Page<Reel>> {
    // One page: the list is already in memory.
    void opts;
    return { items: [...this.reels] };
  }

  async reel(authorId: string): Promise<Reel | null> {
    return this.reels.find((r) => r?.author?.id === authorId) ?? null;
  }

  async markViewed(): Promise<void> {}

  async viewers(): Promise<Page<StoryView>> {
    throw new Forbidden('Reels given in JavaScript have no viewers list');
  }

  async comments(): Promise<Page<Comment>> {
    return { items: [] };
  }

  async postComment(): Promise<Comment> {
    throw new ReadOnly('These stories are read-only: comments are off');
  }

  async deleteComment(): Promise<void> {
    throw new ReadOnly('These stories are read-only');
  }

  async publish(): Promise<Story> {
    throw new ReadOnly('These stories are read-only');
  }

  async deleteStory(): Promise<void> {
    throw new ReadOnly('These stories are read-only');
  }
}
