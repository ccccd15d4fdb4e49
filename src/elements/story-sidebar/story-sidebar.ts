import { LitElement, adoptStyles, css, html, type CSSResultOrNative, type PropertyValues, type TemplateResult } from 'lit';
import { Words, type Messages } from '../../i18n/words.js';
import { whenIdle } from '../../state/idle.js';
import { sharedMessages } from '../shared/messages.js';
import { ReelList } from '../shared/reel-list.js';
import { tokens } from '../shared/tokens.styles.js';
import { sidebarMessages } from './messages.js';
import type { SidebarPanel } from './panel.js';

/** Below this width the sidebar is modal (unless `modal` forces it everywhere). */
const NARROW = '(max-width: 640px)';

const english = { ...sharedMessages, ...sidebarMessages };

/**
 * The slide-over panel of followed accounts with live stories: ring, name, handle, the age
 * of the latest story and the count of unseen ones, unseen accounts first. It slides in
 * from the start edge (`placement="end"` for the other), opens with the `open` attribute,
 * `show()`, `hide()`, `toggle()` or a `trigger` slot, and can be `docked` in the page.
 *
 * On narrow screens (or with `modal`) it is a modal dialog: focus moves in and stays in,
 * Escape, the backdrop and a swipe towards its edge close it, and focus returns to where
 * it was. Only rows near the viewport are in the DOM; more pages load as it scrolls.
 * The panel's code is a separate module, fetched when the browser is idle or when the
 * sidebar first opens; `updateComplete` waits for it while the sidebar is open or docked.
 * Keyboard: arrow keys, Home and End move between accounts; Enter or Space opens one.
 *
 * @summary A slide-over sidebar of followed accounts' stories.
 *
 * @slot trigger - A button that toggles the sidebar (it gets `aria-expanded`).
 * @slot empty - Shown when no followed account has a live story.
 *
 * @fires {StoryOpenEvent} story-open - From a ring when it is activated; `detail.authorId`.
 * @fires {StoryCreateEvent} story-create - Create was pressed (signed in, writable backend); cancel it to open the page's own flow instead of `<story-composer>`.
 *
 * @csspart panel - The sliding panel (inside a dialog, or a region when docked).
 * @csspart base - The same panel (every element has a base part).
 * @csspart backdrop - The dimmed page behind the modal panel.
 * @csspart header - The title row.
 * @csspart title - The heading.
 * @csspart close-button - The close button.
 * @csspart list - The scrolling list of accounts.
 * @csspart item - One account row.
 * @csspart ring - The `<story-ring>` of a row.
 * @csspart name - The account's name.
 * @csspart handle - The account's handle.
 * @csspart time - The age of the latest story.
 * @csspart count - The number of unseen stories.
 * @csspart skeleton - A placeholder row while loading.
 * @csspart message - The empty or error message.
 * @csspart retry-button - The button that loads the feed again after an error.
 *
 * @cssproperty [--story-sidebar-width=360px] - Width of the panel.
 * @cssproperty [--story-sidebar-row-height=64px] - Height of a row.
 * @cssproperty [--story-sidebar-background=#fff] - Panel background (dark: #16161a).
 * @cssproperty [--story-sidebar-color=#111114] - Text colour (dark: #f2f2f5).
 * @cssproperty [--story-sidebar-muted-color=#5c5c66] - Handles and times (dark: #a6a6b0).
 * @cssproperty [--story-sidebar-backdrop=rgb(0 0 0 / 0.45)] - The backdrop when modal.
 * @cssproperty [--story-sidebar-z-index=1000] - Stacking of the panel.
 * @cssproperty [--story-sidebar-docked-height=100%] - Height when docked.
 */
export class StorySidebar extends LitElement {
  static override styles = [tokens, css`:host{display:contents}`];

  static override properties = {
    open: { type: Boolean, reflect: true },
    placement: { reflect: true },
    docked: { type: Boolean, reflect: true },
    modal: { type: Boolean },
    heading: {},
    strings: { attribute: false },
    theme: { reflect: true },
    feed: {},
  };

  /** Whether the panel is shown. */
  open = false;

  /** `start` (default, the left in left-to-right pages) or `end`. */
  placement: 'start' | 'end' = 'start';

  /** Shown in the page flow, always open, instead of sliding over it. */
  docked = false;

  /** Modal on every screen size (by default only on narrow screens). */
  modal = false;

  /** The panel's title ("Stories" in the reader's language by default). */
  heading = '';

  /** The site's own wording, by message id, for the sidebar and its rings; see the README's "Languages". */
  strings?: Messages;

  /** @internal The sidebar's words, in the reader's language. */
  readonly words = new Words(this, english);

  /** Forces the `light` or `dark` palette. */
  theme?: 'light' | 'dark';

  /** A static feed URL for this sidebar alone, without a provider. */
  feed?: string;

  /** @internal Whether the panel is a modal dialog now (set with `open` and `modal`). */
  isModal = false;

  /** @internal The rows, their store and their keyboard model. */
  readonly list: ReelList = new ReelList(this, true, 64);

  #panel?: SidebarPanel;
  #loading?: Promise<void>;

  /** Opens the panel. */
  show(): void {
    this.open = true;
  }

  /** Closes the panel. */
  hide(): void {
    this.open = false;
  }

  /** Opens or closes the panel. */
  toggle(): void {
    this.open = !this.open;
  }

  #load(): Promise<void> {
    return (this.#loading ??= import('./panel.js').then(({ SidebarPanel, styles }) => {
      const own = (this.constructor as typeof LitElement).elementStyles;
      adoptStyles(this.renderRoot as ShadowRoot, [...own, ...(styles as CSSResultOrNative[])]);
      this.#panel = new SidebarPanel(this);
      this.requestUpdate();
    }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    whenIdle(() => void this.#load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#panel?.disconnected();
  }

  /** Resolves after the next render, and, while open or docked, once the panel shows. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while ((this.open || this.docked) && !this.#panel) {
      await this.#load();
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Decided as it opens (kept while it closes): never on a server, which has no media queries.
    if (this.open && (changed.has('open') || changed.has('modal'))) this.isModal = !this.docked && (this.modal || matchMedia(NARROW).matches);
    if (this.open || this.docked) void this.#load();
    this.list.refresh(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#panel?.updated(changed);
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name=trigger]');
    for (const trigger of slot?.assignedElements() ?? []) trigger.setAttribute('aria-expanded', String(this.open || this.docked));
  }

  #onTriggerClick = () => this.toggle();

  protected override render(): TemplateResult {
    const trigger = html`<slot name="trigger" @click=${this.#onTriggerClick}></slot>`;
    return this.#panel ? this.#panel.render(trigger) : trigger;
  }
}
