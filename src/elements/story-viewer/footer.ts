import { html, nothing, type CSSResult, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { StoryHoldEvent } from '../../events/comment-events.js';
import type { Worded, Words } from '../../i18n/words.js';
import type { Story } from '../../model/types.js';
import type { StoriesStore } from '../../state/store.js';
import type { ActivityTabs } from './activity-tabs.js';

type Host = ReactiveControllerHost & Worded & { /** `off`: no comments in the footer. */ comments: 'auto' | 'off' };

/** What the footer asks of the viewer. */
export interface FooterOptions {
  /** Holds playback for a reason (`comments`: someone writes or reads; `viewers`: the author's list shows), or lets go. */
  hold(reason: 'comments' | 'viewers', on: boolean): void;
  /** Joins styles of a part loaded later to the viewer's. */
  adopt(styles: CSSResult): void;
  rtl(): boolean;
  /** The viewer's words (the tabs' names). */
  words: Words;
}

/**
 * What shows below the story: its public comments (`<story-comments>`) and, on the
 * signed-in user's own story, the tabs "Comments | Viewers (n)" (activity-tabs.ts, WAI-ARIA
 * tabs). Other people's stories have no viewers UI at all. The code of each loads with the
 * first story that needs it; until then the footer is empty.
 */
export class ViewerFooter {
  #commentsLoaded = false;
  #tabs: ActivityTabs | null = null;
  #tabsLoading = false;
  /** The comments panel is open: it covers the story, so nothing under it can be reached. */
  #panel = false;
  readonly #host: Host;
  readonly #options: FooterOptions;

  constructor(host: Host, options: FooterOptions) {
    this.#host = host;
    this.#options = options;
  }

  render(store: StoriesStore, story: Story): unknown {
    if (this.#host.comments === 'off' || store.adapter.readOnly) return nothing;
    const own = store.isAuthor(story);
    if (!this.#commentsLoaded) this.#loadComments();
    if (own && !this.#tabs) this.#loadTabs();
    if (!this.#commentsLoaded || (own && !this.#tabs)) return nothing;
    const comments = html`<story-comments .store=${store} .story=${story} .strings=${this.#host.strings}></story-comments>`;
    return keyed(story.id, own ? this.#tabs!.render(store, story, comments) : comments);
  }

  /** A panel (the comments, or the author's viewers list) covers the story. */
  covers(story: Story | undefined): boolean {
    return this.#panel || (!!story && !!this.#tabs?.showsViewers(story));
  }

  /** Escape: the viewers list gives way to the comments; returns whether it was showing. */
  dismiss(story: Story): boolean {
    if (!this.#tabs?.showsViewers(story)) return false;
    this.#tabs.select(story, 'comments', true);
    return true;
  }

  /** The comments ask to hold playback while someone writes or reads, and release it on an explicit action. */
  onHold = (event: Event): void => {
    const { hold, panel } = (event as StoryHoldEvent).detail;
    this.#panel = !!panel;
    this.#options.hold('comments', hold);
  };

  #loadComments(): void {
    void import('../../story-comments.js').then(() => {
      this.#commentsLoaded = true;
      this.#host.requestUpdate();
    });
  }

  #loadTabs(): void {
    if (this.#tabsLoading) return;
    this.#tabsLoading = true;
    void Promise.all([import('./activity-tabs.js'), import('../../viewers-tab.js')]).then(([{ ActivityTabs, tabStyles }]) => {
      this.#options.adopt(tabStyles);
      this.#tabs = new ActivityTabs(this.#host, {
        onSelect: (name) => this.#options.hold('viewers', name === 'viewers'),
        rtl: this.#options.rtl,
        words: this.#options.words,
      });
      this.#host.requestUpdate();
    });
  }
}
