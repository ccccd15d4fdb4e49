/**
 * The words of the elements, in the reader's language. Each element keeps its English
 * messages beside it (English is built in, so a page in English loads nothing more) and asks
 * for them through a `Words` controller; every other language is a catalogue of its own,
 * loaded on first use (`./load.ts`) or given by the page with `registerLocale` (`./locale.ts`).
 *
 * The language is the element's nearest `lang` (itself, an ancestor, through shadow roots),
 * then the page-wide one set with `setLocale`, then `<html lang>`, then English. It is looked
 * up at every render, and every element re-renders when a `lang` on the page changes or a
 * catalogue arrives, so the words follow the page. This module is in every element, so it is
 * kept to the lookup; the rest waits in `./load.ts` and `./locale.ts`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One message: text with `{name}` placeholders, or one text per plural form of `{n}`. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
/** Messages by id, e.g. `{ 'ring.seen': '{name}, stories seen' }` (ids are `element.what`). */
export type Messages = Record<string, Message>;
/** An element that takes a site's own wording, by message id (it hands it on to the elements it renders). */
export type Worded = HTMLElement & { strings?: Messages };

/** @internal The words of each language met so far, by lower-case tag (`./load.ts` fills it). */
export const catalogues = new Map<string, Messages>();
/** @internal The page-wide language (`setLocale`), and whether the page registered words of its own. */
export const page = { locale: '', registered: false };
/** @internal The languages whose words were asked for. */
export const tried = new Set<string>();
let watching: MutationObserver | undefined;
/** @internal Tells every element on the page to render its words again. */
export const changed = () => dispatchEvent(new Event('stories-kit-locale'));

/** The language of `host`, lower case (`pt-br`): its nearest `lang`, through shadow roots. */
export function langOf(host: HTMLElement): string {
  let lang = '';
  for (let node: HTMLElement | null = host; node && !lang; node = (node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null) as HTMLElement | null) {
    // <html lang> comes after the page-wide language.
    lang = node.parentNode === globalThis.document ? page.locale || node.lang : node.lang;
  }
  return lang.toLowerCase() || 'en';
}

/**
 * Gives an element its words: `t(id, { name })` in the element's language, re-rendering it
 * when a catalogue arrives or a `lang` on the page changes.
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
    return langOf(this.#host);
  }

  /** The message `id` in the element's language, its placeholders filled from `values` (numbers formatted in that language). */
  t(id: string, values: Record<string, string | number> = {}): string {
    const lang = langOf(this.#host);
    let message = this.#host.strings?.[id] ?? catalogues.get(lang)?.[id];
    // English (but the pseudo-locale en-xa) is built in: any other language, or words the page
    // registered, are looked up once per language.
    if (!message && !tried.has(lang) && (page.registered || lang.split('-')[0] !== 'en' || lang === 'en-xa')) {
      tried.add(lang);
      import('./load.js').then((m) => m.load(lang), () => {});
    }
    message ??= this.#english[id];
    if (typeof message !== 'string') message = message[new Intl.PluralRules(lang).select(Number(values.n))] ?? message.other!;
    // Numbers in the same language as the words (a string's toLocaleString is itself).
    return message.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]?.toLocaleString(lang)));
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
