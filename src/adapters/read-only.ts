import { Forbidden, ReadOnly } from '../model/errors.js';
import type { Author, Comment, Page, Reel, Story, StoryView } from '../model/types.js';
import type { ListOptions, StoriesAdapter } from './types.js';

/**
 * What every read-only source shares (a static feed, reels given in JavaScript): no
 * signed-in user, views kept by the store in the browser only, no viewers list, no
 * comments, and every write rejected with `ReadOnly` — the elements hide those features.
 */
export abstract class ReadOnlyAdapter implements StoriesAdapter {
  readonly readOnly = true;

  /** Names the source in error messages ("This stories feed", "These stories"). */
  protected abstract readonly what: string;

  abstract feed(opts?: ListOptions & { limit?: number }): Promise<Page<Reel>>;
  abstract reel(authorId: string, opts?: { signal?: AbortSignal }): Promise<Reel | null>;

  async me(): Promise<Author | null> {
    return null;
  }

  /** Views are not sent anywhere: the store keeps seen state in the browser. */
  async markViewed(): Promise<void> {}

  async viewers(): Promise<Page<StoryView>> {
    throw new Forbidden(`${this.what} has no viewers list`);
  }

  async comments(): Promise<Page<Comment>> {
    return { items: [] };
  }

  async postComment(): Promise<Comment> {
    throw new ReadOnly(`${this.what} is read-only: comments are off`);
  }

  async deleteComment(): Promise<void> {
    throw new ReadOnly(`${this.what} is read-only`);
  }

  async publish(): Promise<Story> {
    throw new ReadOnly(`${this.what} is read-only: stories cannot be posted`);
  }

  async deleteStory(): Promise<void> {
    throw new ReadOnly(`${this.what} is read-only`);
  }
}
