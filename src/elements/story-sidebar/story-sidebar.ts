import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { StoryOpenEvent } from '../../events.js';
import { ReelList } from '../shared/reel-list.js';
import { longAge, ringStateOf, shortAge, type ReelEntry } from '../shared/reels.js';
import { styles } from './story-sidebar.styles.js';

/** Below this width the sidebar is modal (unless `modal` forces it everywhere). */
const NARROW = '(max-width: 640px)';
/** A horizontal swipe of this many pixels towards the panel's edge closes it. */
const SWIPE = 60;

/**
 * The slide-over panel of followed accounts with live stories: ring, name, handle, the age
 * of the latest story and the count of unseen ones, unseen accounts first. It slides in
 * from the start edge (`placement="end"` for the other), opens with the `open` attribute,
 * `show()`, `hide()`, `toggle()` or a `trigger` slot, and can be `docked` in the page.
 *
 * On narrow screens (or with `modal`) it is a modal dialog: focus moves in and stays in,
 * Escape, the backdrop and a swipe towards its edge close it, and focus returns to where
 * it was. Only rows near the viewport are in the DOM; more pages load as it scrolls.
 * Keyboard: arrow keys, Home and End move between accounts; Enter or Space opens one.
 *
 * @summary A slide-over sidebar of followed accounts' stories.
 *
 * @slot trigger - A button that toggles the sidebar (it gets `aria-expanded`).
 * @slot empty - Shown when no followed account has a live story.
 *
 * @fires {StoryOpenEvent} story-open - From a ring when it is activated; `detail.authorId`.
 *
 * @csspart panel - The sliding panel (inside a dialog, or a region when docked).
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
  static override styles = styles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    placement: { reflect: true },
    docked: { type: Boolean, reflect: true },
    modal: { type: Boolean },
    heading: {},
    theme: { reflect: true },
    feed: {},
    isModal: { state: true },
  };

  /** Whether the panel is shown. */
  open = false;

  /** `start` (default, the left in left-to-right pages) or `end`. */
  placement: 'start' | 'end' = 'start';

  /** Shown in the page flow, always open, instead of sliding over it. */
  docked = false;

  /** Modal on every screen size (by default only on narrow screens). */
  modal = false;

  /** The panel's title. */
  heading = 'Stories';

  /** Forces the `light` or `dark` palette. */
  theme?: 'light' | 'dark';

  /** A static feed URL for this sidebar alone, without a provider. */
  feed?: string;

  private isModal = false;
  private returnFocus: HTMLElement | null = null;
  private swipeStart: { x: number; y: number } | null = null;
  private clockTimer?: ReturnType<typeof setInterval>;
  private readonly list = new ReelList(this, true, 64);

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

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feed')) this.list.stores.useSource(this.feed ? { feed: this.feed } : null);
    if (changed.has('open') || changed.has('modal')) this.isModal = !this.docked && (this.modal || matchMedia(NARROW).matches);
    this.list.refresh();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (dialog && (changed.has('open') || (changed as Map<string, unknown>).has('isModal'))) this.syncDialog(dialog, changed.get('open') === true);
    for (const trigger of this.triggers()) trigger.setAttribute('aria-expanded', String(this.open || this.docked));
  }

  private syncDialog(dialog: HTMLDialogElement, wasOpen: boolean): void {
    if (this.open && !dialog.open) {
      this.returnFocus = deepActiveElement();
      if (this.isModal) dialog.showModal();
      else dialog.show();
      // The list had no size while the dialog was closed.
      this.list.virtual.measure();
      // Ages move on while the panel is open.
      this.clockTimer = setInterval(() => this.requestUpdate(), 60_000);
      void this.updateComplete.then(() => (this.list.ringAt(this.list.focusIndex) ?? this.renderRoot.querySelector<HTMLElement>('.close'))?.focus());
    } else if (!this.open && dialog.open) {
      dialog.close();
      clearInterval(this.clockTimer);
      if (wasOpen) this.returnFocus?.focus();
      this.returnFocus = null;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clockTimer);
  }

  private triggers(): HTMLElement[] {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name=trigger]');
    return (slot?.assignedElements() ?? []) as HTMLElement[];
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open && !this.docked) {
      event.preventDefault();
      this.hide();
      return;
    }
    if (event.key === 'Tab' && this.isModal && this.open) {
      this.trapTab(event);
      return;
    }
    if ((event.target as Element).closest?.('.list')) this.list.onKeyDown(event);
  }

  /**
   * Keeps Tab inside the modal panel, wrapping from its last stop to its first (the native
   * dialog would let focus leave for the browser's own controls).
   */
  private trapTab(event: KeyboardEvent): void {
    const stops = [this.renderRoot.querySelector<HTMLElement>('.close'), this.list.ringAt(this.list.focusIndex), this.renderRoot.querySelector<HTMLElement>('.retry')].filter(
      (el): el is HTMLElement => !!el,
    );
    if (!stops.length) return;
    const active = this.renderRoot instanceof ShadowRoot ? (this.renderRoot.activeElement as HTMLElement | null) : null;
    const at = active ? stops.indexOf(active) : -1;
    const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
    event.preventDefault();
    stops[next].focus();
  }

  /** The native dialog's Escape: close through `open`, so state and focus follow. */
  private onCancel(event: Event): void {
    event.preventDefault();
    this.hide();
  }

  private async onOpen(event: StoryOpenEvent): Promise<void> {
    await this.list.onOpen(event);
    // The viewer takes over the screen: a modal sidebar steps aside.
    if (this.isModal && !event.defaultPrevented) this.hide();
  }

  private onPointerDown(event: PointerEvent): void {
    this.swipeStart = { x: event.clientX, y: event.clientY };
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.swipeStart || this.docked) return;
    const dx = event.clientX - this.swipeStart.x;
    const dy = event.clientY - this.swipeStart.y;
    // Towards the edge the panel sits at: left for a start panel in left-to-right pages.
    const rtl = getComputedStyle(this).direction === 'rtl';
    const towardsEdge = (this.placement === 'end') !== rtl ? dx : -dx;
    if (towardsEdge > SWIPE && Math.abs(dy) < towardsEdge) {
      this.swipeStart = null;
      this.hide();
    }
  }

  private onTriggerClick(): void {
    this.toggle();
  }

  private renderRow = (entry: ReelEntry, index: number) => {
    const { reel, own, unseen } = entry;
    const store = this.list.store!;
    const latest = reel.stories[reel.stories.length - 1];
    const age = store.clock.now() - latest.createdAt;
    const name = own ? 'Your story' : reel.author.name;
    const state = ringStateOf(entry, this.list.opening);
    const status = state === 'loading' ? 'opening' : unseen ? `${unseen} new ${unseen === 1 ? 'story' : 'stories'}` : 'stories seen';
    return html`<div part="item" class="item" role="listitem" data-index=${index} aria-setsize=${this.list.entries.length} aria-posinset=${index + 1}>
      <story-ring
        part="ring"
        size="small"
        .author=${reel.author}
        state=${state}
        segments=${reel.stories.length}
        seen-segments=${reel.stories.length - unseen}
        label=${`${name}, ${status}, latest ${longAge(age)}`}
        tabindex=${index === this.list.focusIndex ? '0' : '-1'}
      ></story-ring>
      <span class="text" aria-hidden="true">
        <span part="name" class="name">${name}</span>
        ${reel.author.handle ? html`<span part="handle" class="handle">@${reel.author.handle}</span>` : nothing}
      </span>
      <span class="meta" aria-hidden="true">
        <span part="time" class="time">${shortAge(age)}</span>
        ${unseen ? html`<span part="count" class="count">${unseen}</span>` : nothing}
      </span>
    </div>`;
  };

  private renderBody() {
    const status = this.list.status;
    if (status === 'error') return this.list.error();
    if (status === 'empty') return html`<slot name="empty"><p part="message" class="message">No stories from people you follow right now.</p></slot>`;
    return html`<div
      part="list"
      class="list"
      role="list"
      aria-label="Accounts with stories"
      aria-busy=${status === 'loading' ? 'true' : 'false'}
      @focusin=${this.list.onFocusIn}
      @story-open=${this.onOpen}
      @click=${this.list.onClick}
    >
      <div class="spacer before" aria-hidden="true"></div>
      ${this.list.rows(this.renderRow, 6)}
      <div class="spacer after" aria-hidden="true"></div>
    </div>`;
  }

  protected override render() {
    const header = html`<header part="header">
      <h2 part="title">${this.heading}</h2>
      <button part="close-button" class="close" type="button" aria-label="Close" @click=${this.hide}>×</button>
    </header>`;
    if (this.docked) {
      return html`<section part="panel" class="panel" aria-label=${this.heading} @keydown=${this.onKeyDown}>${header}${this.renderBody()}</section>`;
    }
    return html`<slot name="trigger" @click=${this.onTriggerClick}></slot>
      <dialog class="layer ${this.isModal ? 'modal' : ''}" aria-label=${this.heading} @cancel=${this.onCancel} @keydown=${this.onKeyDown}>
        ${this.isModal ? html`<div part="backdrop" class="backdrop" @click=${this.hide}></div>` : nothing}
        <div
          part="panel"
          class="panel"
          @pointerdown=${this.onPointerDown}
          @pointermove=${this.onPointerMove}
          @pointerup=${() => (this.swipeStart = null)}
        >
          ${header}${this.renderBody()}
        </div>
      </dialog>`;
  }
}

/** The focused element, looking through open shadow roots (the trigger may be in one). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}
