/**
 * Every language but the built-in English, loaded by `./words.ts` the first time an element
 * needs it: finds an element's language, puts together the words of each language on first
 * use — the shipped catalogue of its nearest tag (`pt-PT` takes `pt`, Brazilian Portuguese),
 * each its own module so a page downloads only its own language, under what the page
 * registered — and picks plural forms by the language's rules.
 */
import { changed, fill, page, type Messages, type Worded } from './words.js';

type Catalogue = () => Promise<{ default: Messages }>;

/** The shipped languages by lower-case tag; a bare language names its most used variant. */
const SHIPPED: Record<string, Catalogue> = {
  'en-xa': () => import('./locales/en-xa.js'),
};

/** The words of each language met so far, by lower-case tag. */
const catalogues = new Map<string, Messages>();
/** @internal Words the page registered (`registerLocale`), by lower-case tag. */
export const sites = new Map<string, Messages>();

/** @internal Forgets every language's words, to put them together again (after `registerLocale`). */
export function forget(): void {
  catalogues.clear();
}

/** The language of `host`, lower case: its nearest `lang` (through shadow roots), then the page-wide one, then `<html lang>`. */
function langOf(host: Worded): string {
  let lang = '';
  for (let node: HTMLElement | null = host; node && !lang; node = (node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null) as HTMLElement | null) {
    lang = node.parentNode === document ? page.locale || node.lang : node.lang;
  }
  return lang.toLowerCase() || 'en';
}

/** Puts together the words of `lang`: the nearest shipped catalogue, then the page's own, broad to narrow. */
async function load(lang: string): Promise<void> {
  const tags = lang.split('-').map((_, i, all) => all.slice(0, i + 1).join('-'));
  const shipped = tags.findLast((tag) => SHIPPED[tag]);
  const words = shipped ? await SHIPPED[shipped]().then((m) => m.default, () => ({})) : {};
  catalogues.set(lang, Object.assign({}, words, ...tags.map((tag) => sites.get(tag))));
  changed();
}

const rules = new Map<string, Intl.PluralRules>();

page.lang = langOf;
page.t = (host, english, id, values) => {
  const lang = langOf(host);
  if (!catalogues.has(lang)) {
    // Until its words arrive, the language shows English.
    catalogues.set(lang, {});
    void load(lang);
  }
  let plural = rules.get(lang);
  if (!plural) rules.set(lang, (plural = new Intl.PluralRules(lang)));
  const message = host.strings?.[id] ?? catalogues.get(lang)![id] ?? english[id];
  return fill(message, values, plural.select(Number(values.n)));
};
