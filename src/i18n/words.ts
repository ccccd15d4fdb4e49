/**
 * The words of the elements, in the reader's language. Each element keeps its English
 * messages beside it and asks for them through a `Words` controller. This module is in every
 * element, so it holds only English, which is built in: the first time anything else is
 * asked for — a page or element in another language, a page-wide language (`setLocale`),
 * words a page registered (`registerLocale`) or an element's own `strings` — the rest loads
 * (`./translate.ts`), and with it each language's catalogue on first use.
 *
 * The language is the element's nearest `lang` (itself, an ancestor, through shadow roots),
 * then the page-wide one, then `<html lang>`, then English. It is looked up at every render,
 * and every element renders again when a `lang` on the page changes or a catalogue arrives.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One message: text with `{name}` placeholders, or one text per plural form of `{n}`. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
/** Messages by id, e.g. `{ 'ring.seen': '{name}, stories seen' }` (ids are `element.what`). */
export type Messages = Record<string, Message>;
/** Placeholder values of a message; `n` also picks its plural form. */
export type Values = Record<string, string | number>;
/** An element that takes a site's own wording, by message id (it hands it on to the elements it renders). */
export type Worded = HTMLElement & { strings?: Messages };

/** @internal The page-wide language (`setLocale`), whether the page registered words, and what `./translate.ts` adds. */
export const page: {
  locale: string;
  registered: boolean;
  t?: (host: Worded, english: Messages, id: string, values: Values) => string;
  lang?: (host: Worded) => string;
} = { locale: '', registered: false };

let loading: Promise<void> | undefined;
let watching: MutationObserver | undefined;
/** @internal Tells every element on the page to render its words again. */
export const changed = () => globalThis.dispatchEvent?.(new Event('stories-kit-locale'));

/**
 * @internal `message` with its placeholders filled, in the plural form `form` when it has
 * forms; numbers are written in `lang` (a string's `toLocaleString` is itself).
 */
export const fill = (message: Message, values: Values, form: Intl.LDMLPluralRule, lang?: string): string =>
  (typeof message === 'string' ? message : (message[form] ?? message.other!)).replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]?.toLocaleString(lang)));

/**
 * Gives an element its words: `t(id, { name })` in the element's language, rendering it
 * again when a catalogue arrives or a `lang` on the page changes.
 */
export class Words implements ReactiveController {
  readonly #host: ReactiveControllerHost & Worded;
  readonly #english: Messages;
  readonly #update = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & Worded, english: Messages) {
    (this.#host = host).addController(this);
    this.#english = english;
  }

  /** The element's language, lower case (`pt-br`), for `Intl` formats in the same language as the words. */
  get lang(): string {
    return page.lang?.(this.#host) ?? 'en';
  }

  /** The message `id` in the element's language, its placeholders filled from `values`. */
  t(id: string, values: Values = {}): string {
    const host = this.#host;
    // `:lang()` follows `lang` through shadow roots; en-XA is the pseudo-locale, not English.
    if (!page.t && host.isConnected && (host.strings || page.locale || page.registered || !host.matches(':lang(en):not(:lang(en-xa))'))) {
      loading ??= import('./translate.js').then(() => void changed(), () => {});
    }
    return page.t ? page.t(host, this.#english, id, values) : fill(this.#english[id], values, values.n === 1 ? 'one' : 'other', 'en');
  }

  hostConnected(): void {
    addEventListener('stories-kit-locale', this.#update);
    // One observer for the whole page (observing again replaces, never duplicates).
    (watching ??= new MutationObserver(changed)).observe(document, { subtree: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    removeEventListener('stories-kit-locale', this.#update);
  }
}
