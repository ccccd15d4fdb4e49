import { css, html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { StoryViewersCountEvent } from '../../events/viewers-events.js';
import type { Worded, Words } from '../../i18n/words.js';
import type { Story } from '../../model/types.js';
import type { StoriesStore } from '../../state/store.js';
import { addLazyMessages } from './lazy-messages.js';

type Tab = 'comments' | 'viewers';

addLazyMessages();

/** Joins the viewer's styles when the tabs load (other people's stories never need them). */
export const tabStyles = css`
  .activity {
    display: flex;
    flex-direction: column;
  }
  .tabs {
    display: flex;
    gap: 6px;
    padding: 0 12px 10px;
    order: 1;
  }
  .tab {
    min-block-size: 32px;
    padding: 0 12px;
    border: 1px solid rgb(255 255 255 / 0.5);
    border-radius: 16px;
    background: rgb(0 0 0 / 0.45);
    color: #fff;
    font: inherit;
    font-size: 13px;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    background: #fff;
    color: #111;
  }
  .tab:focus-visible {
    outline: 2px solid #9ec1ff;
    outline-offset: 2px;
  }
  #panel-viewers {
    padding: 8px 12px 12px;
  }
`;

/**
 * The author's "Comments | Viewers (n)" tabs under their own story (WAI-ARIA tabs: arrow
 * keys mirrored right to left, Home and End, a roving tab stop, labelled panels). Loaded
 * with the viewers tab, on the first of the author's own stories; other people's stories
 * never load it. Showing the viewers list holds playback (`onSelect`).
 */
export class ActivityTabs {
  #selected: { storyId: string; tab: Tab } | null = null;
  #count: { storyId: string; count: number } | null = null;
  readonly #host: ReactiveControllerHost & Worded;
  readonly #options: { onSelect: (tab: Tab) => void; rtl: () => boolean; words: Words };

  /** `words` are the viewer's (the tabs' names); its `strings` go on to the viewers tab. */
  constructor(host: ReactiveControllerHost & Worded, options: { onSelect: (tab: Tab) => void; rtl: () => boolean; words: Words }) {
    this.#host = host;
    this.#options = options;
  }

  #tabOf(story: Story): Tab {
    return this.#selected?.storyId === story.id ? this.#selected.tab : 'comments';
  }

  /** Whether the viewers list is what shows under `story` (it covers the story). */
  showsViewers(story: Story): boolean {
    return this.#tabOf(story) === 'viewers';
  }

  render(store: StoriesStore, story: Story, comments: TemplateResult): TemplateResult {
    const selected = this.#tabOf(story);
    const count = this.#count?.storyId === story.id ? this.#count.count : null;
    const { words } = this.#options;
    const tab = (name: Tab, label: string) =>
      html`<button
        role="tab"
        part="tab"
        class="tab"
        id="tab-${name}"
        aria-controls="panel-${name}"
        aria-selected=${selected === name ? 'true' : 'false'}
        tabindex=${selected === name ? 0 : -1}
        type="button"
        @click=${() => this.select(story, name)}
      >
        ${label}
      </button>`;
    // The tabs come first for assistive technology, and sit at the bottom of the footer for the eye,
    // so selecting one never moves them (the panels above them differ in height).
    return html`<div class="activity">
      <div part="tabs" class="tabs" role="tablist" aria-label=${words.t('viewer.activity')} @keydown=${(e: KeyboardEvent) => this.#onKey(e, story)}>
        ${tab('comments', words.t('viewer.comments'))} ${tab('viewers', count === null ? words.t('viewer.viewersUnknown') : words.t('viewer.viewers', { n: count }))}
      </div>
      <div role="tabpanel" class="tab-panel" id="panel-comments" aria-labelledby="tab-comments" ?hidden=${selected !== 'comments'}>${comments}</div>
      <div role="tabpanel" class="tab-panel" id="panel-viewers" aria-labelledby="tab-viewers" ?hidden=${selected !== 'viewers'}>
        <viewers-tab .store=${store} .story=${story} .strings=${this.#host.strings} @story-viewers-count=${(e: StoryViewersCountEvent) => this.#onCount(story, e.detail.count)}></viewers-tab>
      </div>
    </div>`;
  }

  #onCount(story: Story, count: number): void {
    this.#count = { storyId: story.id, count };
    this.#host.requestUpdate();
  }

  /** Shows a tab (and focuses it, with `focus`). */
  select(story: Story, name: Tab, focus = false): void {
    this.#selected = { storyId: story.id, tab: name };
    this.#options.onSelect(name);
    this.#host.requestUpdate();
    if (focus) void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>(`#tab-${name}`)?.focus());
  }

  /** Arrow keys (mirrored right to left), Home and End move between the tabs, and select. */
  #onKey(event: KeyboardEvent, story: Story): void {
    const order = ['comments', 'viewers'] as const;
    const at = order.indexOf(this.#tabOf(story));
    const rtl = this.#options.rtl();
    let to: number | null = null;
    if (event.key === 'ArrowRight') to = at + (rtl ? -1 : 1);
    else if (event.key === 'ArrowLeft') to = at + (rtl ? 1 : -1);
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = order.length - 1;
    if (to === null) return;
    // The tabs' keys, not the viewer's shortcuts.
    event.preventDefault();
    event.stopPropagation();
    this.select(story, order[(to + order.length) % order.length], true);
  }
}
