import { Forbidden, Invalid, NotFound } from '../model/errors.js';
import { STORY_LIFETIME, isLive } from '../model/time.js';
import { COMMENT_MAX_LENGTH, LIMITS } from '../model/limits.js';
import type { Author, Comment, Page, Reel, Sound, Story, StoryDraft, StoryEvent, StoryView } from '../model/types.js';
import type { ListOptions, StoriesAdapter } from './types.js';
import { LocalWorld, type StoredStory, type StoredComment, type StoredView, randomId, pageOf, trackKey, PAGE_SIZE, type StoredReport } from './local-world.js';

export { COMMENT_MAX_LENGTH } from '../model/limits.js';
export type { LocalAdapterOptions, StoredReport } from './local-world.js';

/**
 * The whole stories world in the browser's IndexedDB: accounts, who follows whom, stories
 * (media as URLs or Blobs), views, comments and sounds. It enforces the rules a server
 * would — the feed holds only followed accounts with live stories, only a story's author
 * reads its viewers, comments are idempotent on `clientId`, expired stories and everything
 * attached to them are purged — so an app built on it behaves the same on a real backend.
 *
 * Several tabs share the database; live events cross tabs through a BroadcastChannel, and
 * so does `feed-change` (an Event it dispatches when stories are posted or deleted, which
 * makes stores refresh their feed). When
 * IndexedDB cannot be opened it keeps everything in memory and dispatches a `warning`
 * event whose `detail` is a `Quota` error saying so.
 */
export class LocalAdapter extends LocalWorld implements StoriesAdapter {
  readonly readOnly = false;

  // ---- StoriesAdapter

  async me(): Promise<Author | null> {
    const t = await this.tables;
    const id = await this.meId(t);
    return id ? this.account(t, id) : null;
  }

  async feed(opts: ListOptions & { limit?: number } = {}): Promise<Page<Reel>> {
    const t = await this.tables;
    // Reads side by side; the live stories' query leaves out the expired ones the purge deletes.
    const [me] = await Promise.all([this.meId(t), this.purgeExpired()]);
    if (!me) return { items: [], serverTime: this.now() };
    const [follows, byAuthor] = await Promise.all([
      // A follow's key is [follower, followee]: the keys say it all, no record is read.
      t.getAllKeysFromIndex('follows', 'follower', me),
      this.liveStoriesByAuthor(t),
    ]);
    const followees = new Set(follows.map((key) => (key as string[])[1]));
    const groups = [...byAuthor].filter(([authorId]) => followees.has(authorId) && authorId !== me);
    const latest = new Map(groups.map(([authorId, stories]) => [authorId, Math.max(...stories.map((s) => s.createdAt))]));
    groups.sort((a, b) => latest.get(b[0])! - latest.get(a[0])! || a[0].localeCompare(b[0]));
    const page = pageOf(groups, opts.cursor, Math.min(Math.max(1, opts.limit ?? 20), 100));
    // One round of reads for the whole page, not one per account in turn.
    const items: Reel[] = await Promise.all(
      page.items.map(async ([authorId, stories]) => {
        const author = await this.account(t, authorId);
        stories.sort((a, b) => a.createdAt - b.createdAt);
        return { author, stories: await Promise.all(stories.map((s) => this.toStory(t, s, author))) };
      }),
    );
    return { ...page, items, serverTime: this.now() };
  }

  async reel(authorId: string): Promise<Reel | null> {
    const t = await this.tables;
    // One account's stories through its index, not every live story of the world.
    const now = this.now();
    const stories = (await t.getAllFromIndex<StoredStory>('stories', 'authorId', authorId)).filter((s) => isLive(s, now));
    if (!stories.length) return null;
    const author = await this.account(t, authorId);
    stories.sort((a, b) => a.createdAt - b.createdAt);
    return { author, stories: await Promise.all(stories.map((s) => this.toStory(t, s, author))) };
  }

  async markViewed(storyId: string): Promise<void> {
    const t = await this.tables;
    const story = await this.liveStory(t, storyId);
    const me = await this.meId(t);
    // Anonymous views and the author's own are not counted.
    if (!me || me === story.authorId) return;
    const view: StoredView = { storyId, viewerId: me, viewedAt: this.now() };
    if (await t.add('views', view)) await this.deliver({ type: 'view', storyId, view: { viewer: await this.account(t, me), viewedAt: view.viewedAt } }, true);
  }

  async viewers(storyId: string, opts: ListOptions = {}): Promise<Page<StoryView>> {
    const t = await this.tables;
    const story = await this.liveStory(t, storyId);
    if ((await this.meId(t)) !== story.authorId) throw new Forbidden('Only the author sees who viewed a story');
    const views = await t.getAllFromIndex<StoredView>('views', 'storyId', storyId);
    views.sort((a, b) => b.viewedAt - a.viewedAt || a.viewerId.localeCompare(b.viewerId));
    const page = pageOf(views, opts.cursor);
    const items = await Promise.all(page.items.map(async (v) => ({ viewer: await this.account(t, v.viewerId), viewedAt: v.viewedAt })));
    return { ...page, items, total: views.length, serverTime: this.now() };
  }

  async comments(storyId: string, opts: ListOptions = {}): Promise<Page<Comment>> {
    const t = await this.tables;
    await this.liveStory(t, storyId);
    const all = await t.getAllFromIndex<StoredComment>('comments', 'storyId', storyId);
    all.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    // Newest page first; `next` walks back in time; each page reads oldest to newest.
    const end = opts.cursor === undefined ? all.length : Math.max(0, Math.min(all.length, Number(opts.cursor) || 0));
    const start = Math.max(0, end - PAGE_SIZE);
    const items = await Promise.all(all.slice(start, end).map((c) => this.toComment(t, c)));
    return start > 0 ? { items, next: String(start), serverTime: this.now() } : { items, serverTime: this.now() };
  }

  async postComment(storyId: string, input: { text: string; parentId?: string; clientId: string }): Promise<Comment> {
    const t = await this.tables;
    const me = await this.meId(t);
    if (!me) throw new Forbidden('Sign in to comment');
    const story = await this.liveStory(t, storyId);
    if (story.commentsEnabled === false) throw new Forbidden('Comments are turned off for this story');
    const text = typeof input.text === 'string' ? input.text.trim() : '';
    if (!text) throw new Invalid('A comment needs some text');
    if (text.length > COMMENT_MAX_LENGTH) throw new Invalid(`A comment has at most ${COMMENT_MAX_LENGTH} characters`);
    if (typeof input.clientId !== 'string' || !input.clientId || input.clientId.length > 256) throw new Invalid('clientId is required');
    const clientKey = `${me}|${input.clientId}`;
    const existing = (await t.getAllFromIndex<StoredComment>('comments', 'clientKey', clientKey))[0];
    if (existing) return this.toComment(t, existing);
    if (input.parentId !== undefined) {
      const parent = await t.get<StoredComment>('comments', input.parentId);
      if (!parent || parent.storyId !== storyId) throw new Invalid('The comment replied to does not exist');
      if (parent.parentId) throw new Invalid('Replies go one level deep');
    }
    const stored: StoredComment = { id: randomId('c'), storyId, authorId: me, text, createdAt: this.now(), clientId: input.clientId, clientKey };
    if (input.parentId !== undefined) stored.parentId = input.parentId;
    try {
      if (!(await t.add('comments', stored))) {
        // Another tab stored the same clientId between our check and our write.
        const winner = (await t.getAllFromIndex<StoredComment>('comments', 'clientKey', clientKey))[0];
        return this.toComment(t, winner);
      }
    } catch (error) {
      throw this.storageError(error);
    }
    const comment = await this.toComment(t, stored);
    void this.deliver({ type: 'comment', comment }, true);
    return comment;
  }

  async deleteComment(storyId: string, commentId: string): Promise<void> {
    const t = await this.tables;
    const comment = await t.get<StoredComment>('comments', commentId);
    if (!comment || comment.storyId !== storyId) throw new NotFound(`No comment ${commentId}`);
    const story = await this.liveStory(t, storyId);
    const me = await this.meId(t);
    if (!me || (me !== comment.authorId && me !== story.authorId)) throw new Forbidden('Only the comment\u2019s author or the story\u2019s author may delete it');
    await t.delete('comments', commentId);
    const replies = (await t.getAllFromIndex<StoredComment>('comments', 'storyId', storyId)).filter((c) => c.parentId === commentId);
    for (const reply of replies) await t.delete('comments', reply.id);
    void this.deliver({ type: 'comment-deleted', storyId, commentId }, true);
  }

  async reportComment(storyId: string, commentId: string, input: { reason?: string } = {}): Promise<void> {
    const t = await this.tables;
    const me = await this.meId(t);
    if (!me) throw new Forbidden('Sign in to report a comment');
    const comment = await t.get<StoredComment>('comments', commentId);
    if (!comment || comment.storyId !== storyId) throw new NotFound(`No comment ${commentId}`);
    const report: StoredReport = { storyId, commentId, reporterId: me, reportedAt: this.now() };
    if (typeof input.reason === 'string' && input.reason) report.reason = input.reason.slice(0, LIMITS.reportReason);
    // Reporting twice is one report.
    await t.put('reports', report).catch((error: unknown) => {
      throw this.storageError(error);
    });
  }

  /** Reports of comments on a story (for moderation tools; the elements never show them). */
  async reports(storyId: string): Promise<StoredReport[]> {
    return (await this.tables).getAllFromIndex<StoredReport>('reports', 'storyId', storyId);
  }

  async publish(draft: StoryDraft, opts: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {}): Promise<Story> {
    const t = await this.tables;
    const me = await this.meId(t);
    if (!me) throw new Forbidden('Sign in to post a story');
    opts.signal?.throwIfAborted();
    const { blob, tracks, ...media } = draft.media ?? ({} as StoryDraft['media']);
    if (media.kind !== 'image' && media.kind !== 'video') throw new Invalid('A story is a photo or a video');
    if (!blob && !media.src) throw new Invalid('A story needs its photo or video');
    const total = blob?.size ?? 1;
    opts.onProgress?.(0, total);
    const now = this.now();
    const stored: StoredStory = {
      id: randomId('s'),
      authorId: me,
      createdAt: now,
      expiresAt: now + STORY_LIFETIME,
      media: { ...media, src: media.src ?? '' },
    };
    // Caption files first (kept as blobs beside the media), then caption URLs, at most 8.
    const files = (tracks ?? []).filter((track) => track.blob).slice(0, LIMITS.tracks);
    const urls = (tracks ?? []).filter((track) => !track.blob && track.src);
    const described = [...files, ...urls].slice(0, LIMITS.tracks).map(({ blob: _file, src, ...rest }) => ({ ...rest, src: src ?? '' }));
    if (described.length) stored.media.tracks = described;
    if (files.length) stored.trackBlobs = files.length;
    if (draft.contentWarning?.trim()) stored.contentWarning = draft.contentWarning.trim();
    if (draft.duration !== undefined) stored.duration = draft.duration;
    if (draft.overlays?.length) stored.overlays = draft.overlays;
    if (draft.sound) stored.sound = draft.sound;
    if (draft.effect && draft.effect !== 'none') stored.effect = draft.effect;
    if (draft.commentsEnabled === false) stored.commentsEnabled = false;
    try {
      if (blob) {
        stored.hasBlob = true;
        await t.put('media', { storyId: stored.id, blob });
      }
      for (const [i, track] of files.entries()) await t.put('media', { storyId: trackKey(stored.id, i), blob: track.blob });
      opts.signal?.throwIfAborted();
      await t.put('stories', stored);
    } catch (error) {
      await t.delete('media', stored.id).catch(() => {});
      throw this.storageError(error);
    }
    opts.onProgress?.(total, total);
    this.feedChanged();
    return this.toStory(t, stored);
  }

  async deleteStory(storyId: string): Promise<void> {
    const t = await this.tables;
    const story = await t.get<StoredStory>('stories', storyId);
    if (!story) throw new NotFound(`No story ${storyId}`);
    if ((await this.meId(t)) !== story.authorId) throw new Forbidden('Only the author may delete a story');
    await t.delete('stories', storyId);
    await this.deleteAttachments(t, story);
    this.feedChanged();
  }

  async sounds(query = '', opts: ListOptions = {}): Promise<Page<Sound>> {
    const t = await this.tables;
    // A search overtaken by the next one: its answer would be thrown away.
    opts.signal?.throwIfAborted();
    const q = query.trim().toLocaleLowerCase();
    const all = (await t.getAll<Sound>('sounds')).filter((s) => !q || `${s.title ?? ''} ${s.artist ?? ''}`.toLocaleLowerCase().includes(q));
    all.sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
    return { items: all };
  }

  subscribe(storyId: string, onEvent: (e: StoryEvent) => void): () => void {
    let set = this.listeners.get(storyId);
    if (!set) this.listeners.set(storyId, (set = new Set()));
    set.add(onEvent);
    return () => {
      set.delete(onEvent);
      if (!set.size) this.listeners.delete(storyId);
    };
  }
}
