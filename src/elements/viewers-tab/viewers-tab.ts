import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { StoryErrorEvent } from '../../events.js';
import { StoryViewersCountEvent } from '../../events/viewers-events.js';
import type { Story, StoryView } from '../../model/types.js';
import { StoreController } from '../../state/store-controller.js';
import { Words, type Messages } from '../../i18n/words.js';
import { viewersTabMessages } from './messages.js';
import type { StoriesStore } from '../../state/store.js';
import { ViewerList } from '../../state/viewer-list.js';
import { whenIdle } from '../../state/idle.js';
import { longAge, warmAges } from '../shared/age.js';
import { plainAvatar } from '../shared/plain-avatar.js';
import { VirtualRows } from '../shared/virtual-rows.js';
import { styles } from './viewers-tab.styles.js';

const ROW = 56;
// Loaded behind the viewer's first frame: its ages' formats are made before its first render.
warmAges();

/**
 * Who viewed a story — for its author only. The number of viewers and the list (avatar,
 * name, handle, "5 minutes ago"), newest first, further pages as you scroll, only the rows
 * near the viewport in the DOM, and new views live while it is shown. For anyone else it
 * renders nothing at all and fires `story-error` (`forbidden`); the data layer refuses the
 * list too. Inside `<story-viewer>` it is the "Viewers" tab of the author's own stories.
 *
 * @fires {StoryErrorEvent} story-error - Not the author (`forbidden`), or the list could not be loaded.
 * @fires {StoryViewersCountEvent} story-viewers-count - `detail.count`: the number of viewers, whenever it changes.
 * @csspart base - The whole tab (its panel).
 * @csspart header - The title and count.
 * @csspart count - The number of viewers.
 * @csspart list - The scrolling list.
 * @csspart viewer - One row.
 * @csspart avatar - The viewer's avatar.
 * @csspart name - The viewer's name.
 * @csspart handle - The viewer's handle.
 * @csspart time - When they viewed.
 * @cssprop --viewers-tab-height - Height of the list area (default min(55vh, 440px)).
 * @cssprop --story-viewers-tab-color - Text colour (default white: it shows over the story).
 * @cssprop --story-viewers-tab-muted - Handles, times and the empty message (default #c7c7cc).
 * @cssprop --story-viewers-tab-divider - The line under the header.
 * @cssprop --story-viewers-tab-background - The panel (default the comments panel's, #1c1c1e).
 */
export class ViewersTab extends LitElement {
  static override styles = styles;

  static override properties = {
    story: { attribute: false },
    store: { attribute: false },
    strings: { attribute: false },
  };

  /** The story whose viewers these are. */
  story?: Story;
  /** A store to use instead of the provider's (the viewer gives its own). */
  store?: StoriesStore;
  /** The site's own wording, by message id (e.g. `{ 'viewersTab.empty': 'No views yet.' }`); see the README's "Languages". */
  strings?: Messages;

  #stores = new StoreController(this, { given: () => this.store });
  readonly #words = new Words(this, viewersTabMessages);
  #list: ViewerList | null = null;
  #key: unknown[] = [];
  /** Near the end: the next page, further back in time. */
  readonly #virtual = new VirtualRows(this, ROW, {
    onScroll: (list) => list.scrollTop + list.clientHeight > list.scrollHeight - 300 && this.#list?.hasMore && void this.#list.loadMore(),
  });
  /** The first paint holds only the visible rows; the ones around them follow when the browser is idle. */
  #warm = false;
  /** The rows the virtual list was last given. */
  #laidOut: readonly StoryView[] = [];
  #warming = false;
  #lastCount = -1;

  /** How many people viewed the story (0 until loaded, or for anyone but the author). */
  get count(): number {
    return this.#list && !this.#list.error ? this.#list.count : 0;
  }

  /** The views loaded, newest first. */
  get rows(): readonly StoryView[] {
    return this.#list && !this.#list.error ? this.#list.rows : [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#list?.stop();
    this.#list = null;
    this.#key = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const store = this.#stores.store;
    // Who is signed in is known once the store has loaded; until then there is nothing to decide.
    const known = store?.status === 'ready' || store?.status === 'error';
    const key = [store, this.story, store?.me?.id, known];
    if (this.isConnected && key.some((v, i) => v !== this.#key[i])) {
      this.#list?.stop();
      this.#list = null;
      this.#key = key;
      if (store && this.story && known) {
        const list = new ViewerList(store, this.story, () => this.requestUpdate());
        this.#list = list;
        list.start().catch((error: Error) => {
          if (this.#list === list) this.dispatchEvent(new StoryErrorEvent({ code: 'forbidden', message: error.message, storyId: this.story?.id, authorId: this.story?.author.id }));
        });
      }
    }
    // Keys laid out again only when the rows change, not on every scroll frame.
    const rows = this.rows;
    if (rows !== this.#laidOut) {
      this.#laidOut = rows;
      this.#virtual.setKeys(rows.map((v) => v.viewer.id));
    }
    if (this.#list?.loaded && !this.#list.error && this.count !== this.#lastCount) {
      this.#lastCount = this.count;
      this.dispatchEvent(new StoryViewersCountEvent({ count: this.count }));
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const list = this.#list;
    // Not the author (or not known yet): nothing at all, not even hidden.
    if (!list || (list.error as { code?: string } | null)?.code === 'forbidden') return nothing;
    const rows = list.rows;
    const count = list.count;
    if (!this.#warm && !this.#warming && rows.length) {
      this.#warming = true;
      this.#virtual.overscan = 0;
      // After the first frame is on screen, not in an idle moment before it.
      const warm = () => {
        this.#warm = true;
        this.#virtual.overscan = 400;
        this.requestUpdate();
      };
      requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(warm, 300)));
    }
    const [first, end] = this.#virtual.visible();
    const now = this.#stores.store?.clock.now() ?? Date.now();
    const words = this.#words;
    const lang = words.lang;
    // The number in the title is a part of its own, wherever the language puts it.
    const number = count.toLocaleString(lang);
    const [before, ...after] = words.t('viewersTab.count', { n: count }).split(number);
    return html`<section part="base" class="box" aria-label=${words.t('viewersTab.label')}>
      <h2 part="header" class="header">${after.length ? html`${before}<span part="count">${number}</span>${after.join(number)}` : before}</h2>
      ${list.error ? html`<p class="empty" role="alert">${words.t('viewersTab.error', { reason: list.error.message })}</p>` : nothing}
      ${list.loaded && !list.error && !rows.length ? html`<p class="empty">${words.t('viewersTab.empty')}</p>` : nothing}
      <div part="list" class="list" role="list" aria-label=${words.t('viewersTab.list')} tabindex="0" @scroll=${this.#virtual.onScroll}>
        <div class="spacer">
          ${repeat(
            rows.slice(first, end),
            (v) => v.viewer.id,
            (v, i) => html`<div role="listitem" part="viewer" class="row" data-key=${v.viewer.id} data-index=${first + i} aria-setsize=${count} aria-posinset=${first + i + 1}>
              ${plainAvatar(v.viewer, 40)}
              <span class="who"><bdi part="name" class="name">${v.viewer.name}</bdi>${v.viewer.handle ? html`<bdi part="handle" class="handle">@${v.viewer.handle}</bdi>` : nothing}</span>
              <span part="time" class="time">${longAge(Math.max(0, now - v.viewedAt), lang)}</span>
            </div>`,
          )}
        </div>
      </div>
    </section>`;
  }
}
