import { css, html, type LitElement, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';
import type { StoryOpenEvent } from '../../events.js';
import { StoreController } from '../../state/store-controller.js';
import type { StoriesStore } from '../../state/store.js';
import type { StoryRing } from '../story-ring/story-ring.js';
import { cssVars } from './css-vars.js';
import { reelEntries, type ReelEntry } from './reels.js';
import type { VirtualList, rovingIndex } from './virtual-list.js';


/**
 * What the bar and the sidebar share: the store, the rows in display order, which rows are
 * in the DOM (virtualised), the roving tab stop and arrow keys, opening an account, and the
 * loading, empty and error states. Each element keeps only its own layout.
 */
export class ReelList implements ReactiveController {
  entries: ReelEntry[] = [];
  /** The row holding the single tab stop. */
  focusIndex = 0;
  /** The account whose stories are opening (its ring shows `loading`). */
  opening: string | null = null;
  readonly stores: StoreController;
  /**
   * The virtualiser, once its module has loaded: it is fetched on connection, beside the
   * data layer the rows wait for anyway. Until then (and on a server) the first 40 rows
   * render as they are.
   */
  virtual?: VirtualList;
  #roving?: typeof rovingIndex;
  /** The row a key asked focus for, until it is rendered and focused. */
  #focusing: number | null = null;
  #loading?: Promise<void>;

  constructor(
    private readonly host: LitElement,
    private readonly vertical: boolean,
    estimate: number,
  ) {
    // A page opened with a deep link plays it at once: under the key of the page's own viewer
    // (`deep-link`, read before its code has loaded: loading it is what this does), else `story`.
    // Only on a page: a server (which renders without a render root) has no location.
    this.stores = new StoreController(host, {
      onStore: (store) => store && host.renderRoot && new URLSearchParams(location.hash.slice(1)).has(document.querySelector('story-viewer')?.getAttribute('deep-link') ?? 'story') && playIn(store),
      // The host's own `store` property, where it has one (the bar).
      given: () => (host as { store?: StoriesStore }).store,
    });
    this.#options = { vertical, estimate, count: () => this.entries.length, onNearEnd: () => void this.store?.loadMore() };
    host.addController(this);
  }

  readonly #options: ConstructorParameters<typeof VirtualList>[1];

  hostConnected(): void {
    if (this.#loading) return;
    this.#loading = import('./virtual-list.js').then(({ VirtualList, rovingIndex }) => {
      this.virtual = new VirtualList(this.host, this.#options);
      this.#roving = rovingIndex;
      this.virtual.measure();
      this.host.requestUpdate();
    });
  }

  get store(): StoriesStore | undefined {
    return this.stores.store;
  }

  /** `loading`, `ready`, `empty` or `error`. */
  get status(): 'loading' | 'ready' | 'empty' | 'error' {
    const status = this.stores.failure ? 'error' : (this.store?.status ?? 'loading');
    if (status === 'error') return 'error';
    if (status !== 'ready') return 'loading';
    return this.entries.length ? 'ready' : 'empty';
  }

  /**
   * Recomputes the rows from the store; the host calls it in `willUpdate`. A changed `feed`
   * gives the host a store of its own — not on a server (it renders without a render root):
   * nothing there would ever dispose of the store.
   */
  refresh(changed: PropertyValues): void {
    const { feed } = this.host as LitElement & { feed?: string };
    if (changed.has('feed') && this.host.renderRoot) this.stores.useSource(feed ? { feed } : null);
    this.entries = reelEntries(this.store);
    this.focusIndex = Math.min(this.focusIndex, Math.max(0, this.entries.length - 1));
    this.virtual?.measure(true);
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    // Rows are reused by position: when the rendered range moves (a page arrived), the
    // focused row may now show another account. Focus stays on the account it was on.
    const ring = this.ringAt(this.focusIndex);
    const active = (root as ShadowRoot).activeElement;
    // A key moved focus to a row not rendered yet (its page or its range was on its way), or
    // the focused ring left the DOM (see onFocusOut): focus lands on the row's ring once it is
    // there, whatever took the render.
    if (ring && (this.#focusing === this.focusIndex || (active?.localName === 'story-ring' && active !== ring))) {
      this.#focusing = null;
      // A ring new to the DOM has no button to take focus until it has rendered.
      void ring.updateComplete.then(() => ring.focus());
    }
    this.virtual?.observe(root.querySelector<HTMLElement>('.list'));
  }

  ringAt(index: number): StoryRing | null {
    return this.host.renderRoot.querySelector<StoryRing>(`[data-index="${index}"] story-ring`);
  }

  /** Focuses row `index`, scrolling it in (and into the DOM) first: at the first render that has it. */
  moveFocus(index: number): void {
    this.focusIndex = index;
    this.#focusing = index;
    this.virtual?.reveal(index);
    this.host.requestUpdate();
  }

  /** Arrow keys, Home and End; returns whether the key was handled. */
  readonly onKeyDown = (event: KeyboardEvent): boolean => {
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const next = this.#roving?.(event.key, this.focusIndex, this.entries.length, this.vertical, rtl);
    if (next == null) return false;
    event.preventDefault();
    this.moveFocus(next);
    return true;
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    const item = (event.target as Element).closest?.('[data-index]');
    if (item) this.focusIndex = Number(item.getAttribute('data-index'));
  };

  /**
   * A focused ring that leaves the DOM (its row went out of the range as it moved) takes focus
   * with it: focus goes back to the row's ring once it is rendered again. Focus a person moved
   * elsewhere stays there (the ring is still in the DOM then).
   */
  readonly onFocusOut = (event: FocusEvent): void => {
    const left = event.target as Element;
    queueMicrotask(() => {
      if (left.isConnected) return;
      this.#focusing = this.focusIndex;
      this.host.requestUpdate();
    });
  };

  /** A ring was activated: playback starts there (the event itself goes on to the page). */
  readonly onOpen = async (event: StoryOpenEvent): Promise<void> => {
    // After the event has reached every listener (the page's too), so a page can cancel it.
    await null;
    const store = this.store;
    if (!store || event.defaultPrevented) return;
    const { authorId } = event.detail;
    this.opening = authorId;
    this.host.requestUpdate();
    try {
      if (await store.open(authorId, undefined, { announced: true })) playIn(store);
    } finally {
      if (this.opening === authorId) this.opening = null;
      this.host.requestUpdate();
    }
  };

  /** A click anywhere on a row (its name too) activates its ring. */
  readonly onClick = (event: MouseEvent): void => {
    const target = event.target as Element;
    if (target.localName === 'story-ring') return;
    const index = target.closest('[data-index]')?.getAttribute('data-index');
    if (index != null) this.ringAt(Number(index))?.shadowRoot?.querySelector('button')?.click();
  };

  /** The rows in the DOM: skeletons while loading, else the virtualised range. */
  rows(renderRow: (entry: ReelEntry, index: number) => TemplateResult, skeletons: number): TemplateResult {
    const { start, end, before, after } = this.virtual ?? { start: 0, end: 40, before: 0, after: 0 };
    const size = this.vertical ? 'block-size' : 'inline-size';
    // The rows not rendered are the spacers' size, so the scrollbar is the whole list's.
    return html`<div class="spacer before" aria-hidden="true" ${cssVars({ [size]: `${before}px` })}></div>
      ${this.status === 'loading'
        ? Array.from({ length: skeletons }, () => html`<div part="item skeleton" class="item skeleton" aria-hidden="true"><span class="circle"></span><span class="line"></span></div>`)
        : this.entries.slice(start, end).map((entry, i) => renderRow(entry, start + i))}
      <div class="spacer after" aria-hidden="true" ${cssVars({ [size]: `${after}px` })}></div>`;
  }

  /** The polite error state with its retry, in the host's words (`t`). */
  error(t: (id: string) => string): TemplateResult {
    // Without a store its code did not load, and a browser keeps that failure until a reload.
    return html`<p part="message" class="message" role="status">
      ${t('list.error')}
      <button part="retry-button" class="retry" type="button" @click=${() => (this.store ? this.store.reload() : location.reload())}>${t('list.retry')}</button>
    </p>`;
  }
}

const creating = new WeakSet<StoriesStore>();

/**
 * Makes sure a `<story-viewer>` plays `store`'s playback: the page's own when it has one,
 * else one created on first use (its code loads only then) and kept for the next time.
 */
function playIn(store: StoriesStore): void {
  if (store.hasViewer || creating.has(store)) return;
  creating.add(store);
  import('../../story-viewer.js').then(
    async () => {
      // A viewer of the page's may have registered meanwhile, or is in the page and upgraded now.
      if (!store.hasViewer && !document.querySelector('story-viewer')) {
        const viewer = document.createElement('story-viewer');
        viewer.store = store;
        document.body.append(viewer);
        await viewer.updateComplete;
      }
      creating.delete(store);
    },
    () => creating.delete(store),
  );
}

/** Styles of the pieces {@link ReelList} renders. */
export const reelListStyles = css`
  .spacer {
    flex: none;
  }
  .skeleton .circle {
    border-radius: 50%;
    background: var(--_skeleton);
  }
  .skeleton .line {
    inline-size: 60%;
    block-size: 0.8em;
    border-radius: 0.4em;
    background: var(--_skeleton);
  }
  .retry {
    margin-inline-start: 0.5em;
    font: inherit;
    padding: 0.3em 0.9em;
    border-radius: 999px;
    border: 1px solid currentColor;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  :host {
    --_skeleton: var(--story-color-skeleton, rgb(128 128 128 / 0.18));
  }
`;
