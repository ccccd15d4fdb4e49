import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { StoryOpenEvent } from '../../events.js';
import { StoryCreateEvent } from '../../events/create-event.js';
import { Words } from '../../i18n/words.js';
import { longAge, shortAge } from '../shared/age.js';
import { setCssVars } from '../shared/css-vars.js';
import { ModalFocus, reachable } from '../shared/focus.js';
import { sharedMessages } from '../shared/messages.js';
import { ringStateOf, type ReelEntry } from '../shared/reels.js';
import { sidebarMessages } from './messages.js';
import type { StorySidebar } from './story-sidebar.js';

const english = { ...sharedMessages, ...sidebarMessages };

export { styles } from './story-sidebar.styles.js';

/** A horizontal swipe of this many pixels towards the panel's edge closes it. */
const SWIPE = 60;

/**
 * Everything `<story-sidebar>` shows once it opens (or is docked): the dialog or docked
 * section, the rows, focus management of the modal panel, Escape, the backdrop and the swipe.
 * It is its own lazily loaded module, so a page pays for the sidebar's panel only when the
 * sidebar is about to show it (the element prefetches it when the browser is idle).
 */
export class SidebarPanel {
  readonly #modal = new ModalFocus(() => this.#root.querySelector('dialog'));
  #swipeStart: { x: number; y: number } | null = null;
  #clockTimer?: ReturnType<typeof setInterval>;
  /** The dialog is synced on the panel's first update too: `open` may have changed before it loaded. */
  #first = true;
  /** The account a modal sidebar stepped aside for: when its viewer closes, the sidebar comes back there. */
  #resumeAt: string | null = null;
  /** Closed by a click elsewhere on the page: focus stays where the person clicked. */
  #clickedAway = false;
  /** When the non-modal panel opened: the click that opened it is not a click outside it. */
  #shownAt = 0;

  /** The sidebar's words, in the reader's language: they load with the panel, which shows them all. */
  readonly #words: Words;

  constructor(private readonly host: StorySidebar) {
    this.#words = new Words(host, english);
  }

  get #root(): ShadowRoot {
    return this.host.renderRoot as ShadowRoot;
  }

  updated(changed: PropertyValues<StorySidebar>): void {
    const dialog = this.#root.querySelector('dialog');
    if (dialog && (this.#first || changed.has('open') || changed.has('modal'))) this.#syncDialog(dialog, changed.get('open') === true);
    this.#first = false;
    if (this.#resumeAt !== null && !this.host.list.store?.playback) this.#resume();
  }

  /** The viewer opened from the modal sidebar closed: the sidebar opens again, on the ring it came from. */
  #resume(): void {
    const { host } = this;
    const id = this.#resumeAt;
    this.#resumeAt = null;
    if (host.open) return;
    const index = host.list.entries.findIndex((e) => e.reel.author.id === id);
    host.list.focusIndex = Math.max(0, index);
    host.list.virtual?.reveal(host.list.focusIndex);
    // After this update, not inside it.
    void Promise.resolve().then(() => host.show());
  }

  #syncDialog(dialog: HTMLDialogElement, wasOpen: boolean): void {
    const { host } = this;
    if (host.open && !dialog.open) {
      this.#clickedAway = false;
      this.#modal.open(host.isModal);
      if (!host.isModal) {
        this.#shownAt = performance.now();
        document.addEventListener('click', this.#onDocumentClick);
      }
      this.#clearOfTrigger(dialog);
      // The list had no size while the dialog was closed.
      host.list.virtual?.measure();
      // Ages move on while the panel is open.
      this.#clockTimer = setInterval(() => host.requestUpdate(), 60_000);
      void host.updateComplete.then(() => (host.list.ringAt(host.list.focusIndex) ?? this.#root.querySelector<HTMLElement>('.close'))?.focus());
    } else if (!host.open && dialog.open) {
      clearInterval(this.#clockTimer);
      document.removeEventListener('click', this.#onDocumentClick);
      this.#modal.close(wasOpen && !this.#clickedAway);
    }
  }

  disconnected(): void {
    clearInterval(this.#clockTimer);
    document.removeEventListener('click', this.#onDocumentClick);
  }

  /**
   * The panel slides over the page without covering its own trigger: a trigger beside the
   * panel's edge keeps its place, and the panel starts below it (or ends above it).
   */
  #clearOfTrigger(dialog: HTMLDialogElement): void {
    setCssVars(dialog, { '--_top': undefined, '--_bottom': undefined });
    const trigger = this.#root.querySelector<HTMLSlotElement>('slot[name=trigger]')?.assignedElements()[0];
    if (this.host.isModal || !trigger || !dialog.open) return;
    // The layer is where the panel comes to rest (the panel itself may still be sliding in).
    const t = trigger.getBoundingClientRect();
    const d = dialog.getBoundingClientRect();
    if (!t.width || t.left >= d.right || t.right <= d.left || t.top >= d.bottom || t.bottom <= d.top) return;
    if (t.top + t.height / 2 < innerHeight / 2) setCssVars(dialog, { '--_top': `${Math.ceil(t.bottom) + 8}px` });
    else setCssVars(dialog, { '--_bottom': `${Math.ceil(innerHeight - t.top) + 8}px` });
  }

  /** A click outside the non-modal panel (and its trigger) closes it, as Escape does; not one inside another modal (the viewer it opened). */
  #onDocumentClick = (event: MouseEvent): void => {
    const { host } = this;
    // After the page's own handlers: a button of the page that toggles the sidebar has closed it already.
    if (!host.open || host.docked || host.isModal || event.timeStamp < this.#shownAt) return;
    const path = event.composedPath();
    if (path.includes(host)) return;
    if (path.some((n) => n instanceof HTMLDialogElement && n.matches(':modal'))) return;
    this.#clickedAway = true;
    host.hide();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const { host } = this;
    if (event.key === 'Escape' && host.open && !host.docked) {
      event.preventDefault();
      host.hide();
    } else if (event.key === 'Tab' && host.isModal && host.open) {
      this.#trapTab(event);
    } else if ((event.target as Element).closest?.('.list')) {
      host.list.onKeyDown(event);
    }
  };

  /**
   * Keeps Tab inside the modal panel, wrapping from its last stop to its first (the native
   * dialog would let focus leave for the browser's own controls). Every stop the panel shows,
   * in order: a button added to the header (Create) or the body (Retry) needs no listing here.
   */
  #trapTab(event: KeyboardEvent): void {
    // The dialog, not the whole root (the modal's default): the trigger beside it is the page's, behind the modal.
    const dialog = this.#root.querySelector('dialog');
    this.#modal.trap(event, dialog, (el) => reachable(el, dialog!));
  }

  /** The native dialog's Escape: close through `open`, so state and focus follow. */
  #onCancel = (event: Event): void => {
    event.preventDefault();
    this.host.hide();
  };

  #onOpen = async (event: StoryOpenEvent): Promise<void> => {
    await this.host.list.onOpen(event);
    // The viewer takes over the screen: a modal sidebar steps aside, and comes back when it closes.
    if (this.host.isModal && !event.defaultPrevented) {
      if (this.host.list.store?.playback) this.#resumeAt = event.detail.authorId;
      this.host.hide();
    }
  };

  #onPointerDown = (event: PointerEvent): void => {
    this.#swipeStart = { x: event.clientX, y: event.clientY };
  };

  #onPointerMove = (event: PointerEvent): void => {
    const { host } = this;
    if (!this.#swipeStart || host.docked) return;
    const dx = event.clientX - this.#swipeStart.x;
    const dy = event.clientY - this.#swipeStart.y;
    // Towards the edge the panel sits at: left for a start panel in left-to-right pages.
    const rtl = getComputedStyle(host).direction === 'rtl';
    const towardsEdge = (host.placement === 'end') !== rtl ? dx : -dx;
    if (towardsEdge > SWIPE && Math.abs(dy) < towardsEdge) {
      this.#swipeStart = null;
      host.hide();
    }
  };

  #hide = () => this.host.hide();

  #renderRow = (entry: ReelEntry, index: number) => {
    const { list } = this.host;
    const { reel, own, unseen } = entry;
    const latest = reel.stories[reel.stories.length - 1];
    const age = list.store!.clock.now() - latest.createdAt;
    const words = this.#words;
    const name = own ? words.t('sidebar.own') : reel.author.name;
    const state = ringStateOf(entry, list.opening);
    const label = words.t(state === 'loading' ? 'sidebar.rowOpening' : unseen ? 'sidebar.rowUnseen' : 'sidebar.rowSeen', { name, n: unseen, age: longAge(age, words.lang) });
    return html`<div part="item" class="item" role="listitem" data-index=${index} aria-setsize=${list.entries.length} aria-posinset=${index + 1}>
      <story-ring
        part="ring"
        size="small"
        .author=${reel.author}
        state=${state}
        segments=${reel.stories.length}
        seen-segments=${reel.stories.length - unseen}
        label=${label}
        .strings=${this.host.strings}
        tabindex=${index === list.focusIndex ? '0' : '-1'}
      ></story-ring>
      <span class="text" aria-hidden="true">
        <span part="name" class="name">${name}</span>
        ${reel.author.handle ? html`<span part="handle" class="handle">@${reel.author.handle}</span>` : nothing}
      </span>
      <span class="meta" aria-hidden="true">
        <span part="time" class="time">${shortAge(age, words.lang)}</span>
        ${unseen ? html`<span part="count" class="count">${unseen}</span>` : nothing}
      </span>
    </div>`;
  };

  #renderBody(): TemplateResult {
    const { list } = this.host;
    const t = (id: string) => this.#words.t(id);
    const status = list.status;
    if (status === 'error') return list.error(t);
    if (status === 'empty') return html`<slot name="empty"><p part="message" class="message">${t('sidebar.empty')}</p></slot>`;
    return html`<div
      part="list"
      class="list"
      role="list"
      aria-label=${t('sidebar.list')}
      aria-busy=${String(status === 'loading')}
      @focusin=${list.onFocusIn}
      @focusout=${list.onFocusOut}
      @story-open=${this.#onOpen}
      @click=${list.onClick}
    >
      ${list.rows(this.#renderRow, 6)}
    </div>`;
  }

  /**
   * "Create": a `story-create` event the page may cancel (to open its own flow); otherwise the
   * composer loads now and opens, publishing to this sidebar's store.
   */
  #create = (): void => {
    const { host } = this;
    const store = host.list.store;
    if (!store || !host.dispatchEvent(new StoryCreateEvent())) return;
    void import('../../story-composer.js').then(() => {
      let composer = document.querySelector('story-composer');
      if (!composer) composer = document.body.appendChild(document.createElement('story-composer'));
      composer.store = store;
      composer.show();
    });
  };

  render(trigger: TemplateResult): TemplateResult {
    const { host } = this;
    const store = host.list.store;
    const t = (id: string) => this.#words.t(id);
    const heading = host.heading || t('sidebar.heading');
    const header = html`<header part="header">
      <h2 part="title">${heading}</h2>
      ${store?.me && !store.adapter.readOnly ? html`<button part="create-button" class="create" type="button" @click=${this.#create}>${t('sidebar.create')}</button>` : nothing}
      <button part="close-button" class="close" type="button" aria-label=${t('sidebar.close')} @click=${this.#hide}>×</button>
    </header>`;
    if (host.docked) {
      return html`<section part="panel base" class="panel" aria-label=${heading} @keydown=${this.#onKeyDown}>${header}${this.#renderBody()}</section>`;
    }
    return html`${trigger}
      <dialog class="layer ${host.isModal ? 'modal' : ''}" aria-label=${heading} @cancel=${this.#onCancel} @keydown=${this.#onKeyDown}>
        ${host.isModal ? html`<div part="backdrop" class="backdrop" @click=${this.#hide}></div>` : nothing}
        <div part="panel base" class="panel" @pointerdown=${this.#onPointerDown} @pointermove=${this.#onPointerMove} @pointerup=${() => (this.#swipeStart = null)}>
          ${header}${this.#renderBody()}
        </div>
      </dialog>`;
  }
}
