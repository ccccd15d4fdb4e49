/**
 * Every language but the built-in English, loaded by `./words.ts` the first time an element
 * needs it: finds an element's language and puts together the words of each part of it on
 * first use — the shipped catalogue of its nearest tag (`pt-PT` takes `pt`, Brazilian
 * Portuguese), one module per part so a page downloads only the words it shows, of its own
 * language, under what the page registered — and picks plural forms by the language's rules.
 */
import type { Part } from './en.js';
import { changed, fill, page, type Messages, type Worded } from './words.js';

type Parts = Record<Part, () => Promise<{ default: Messages }>>;

/** The shipped languages by lower-case tag; a bare language names its most used variant. */
const SHIPPED: Record<string, () => Promise<{ default: Parts }>> = {
  ar: () => import('./locales/ar/index.js'),
  de: () => import('./locales/de/index.js'),
  es: () => import('./locales/es/index.js'),
  fr: () => import('./locales/fr/index.js'),
  hi: () => import('./locales/hi/index.js'),
  id: () => import('./locales/id/index.js'),
  it: () => import('./locales/it/index.js'),
  ja: () => import('./locales/ja/index.js'),
  ko: () => import('./locales/ko/index.js'),
  'pt-br': () => import('./locales/pt-br/index.js'),
  ru: () => import('./locales/ru/index.js'),
  th: () => import('./locales/th/index.js'),
  tr: () => import('./locales/tr/index.js'),
  vi: () => import('./locales/vi/index.js'),
  'zh-hans': () => import('./locales/zh-hans/index.js'),
  'en-xa': () => import('./locales/en-xa.js'),
  pt: () => import('./locales/pt-br/index.js'),
  zh: () => import('./locales/zh-hans/index.js'),
};

/** @internal Which part of a language holds an id, by the id's element (tested against en.ts's parts). */
export const PART_OF: Record<string, Part> = { list: 'page', ring: 'page', bar: 'page', sidebar: 'page', viewer: 'viewer', viewersTab: 'viewer', comments: 'comments', composer: 'composer', composerTools: 'tools' };

/** Parts wanted with another: the composer shows its tools as soon as it has a photo. */
const WITH: Partial<Record<Part, Part>> = { composer: 'tools' };

/** The words of each language and part met so far, by `lang part`. */
const catalogues = new Map<string, Messages>();

/** @internal Words the page registered (`registerLocale`), by lower-case tag. */
export const sites = new Map<string, Messages>();

/** @internal Forgets every language's words, to put them together again (after `registerLocale`). */
export function forget(): void {
  catalogues.clear();
}

/** Tags that are not BCP 47 (`en_US`, `??`) are read as English: `Intl` would throw on them. */
const valid = new Map<string, string>();

/** The language of `host`, lower case: its nearest `lang` (through shadow roots), then the page-wide one, then `<html lang>`. */
function langOf(host: Worded): string {
  let lang = '';
  for (let node: HTMLElement | null = host; node && !lang; node = (node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null) as HTMLElement | null) {
    // (On a server, which renders without a document or `lang`, this ends with '': English.)
    lang = (node.parentNode === globalThis.document ? page.locale || node.lang : node.lang) ?? '';
  }
  lang = lang.toLowerCase();
  let checked = valid.get(lang);
  if (checked === undefined) {
    try {
      checked = Intl.getCanonicalLocales(lang)[0]?.toLowerCase() ?? 'en';
    } catch {
      checked = 'en';
    }
    valid.set(lang, checked);
  }
  return checked;
}

/** Puts together `part` of `lang`: the nearest shipped catalogue's, then the page's own words, broad to narrow. */
async function load(lang: string, part: Part, key: string): Promise<void> {
  const tags = lang.split('-').map((_, i, all) => all.slice(0, i + 1).join('-'));
  const shipped = tags.findLast((tag) => SHIPPED[tag]);
  // A catalogue that cannot be fetched leaves English (and is asked for again next time).
  const words = shipped ? await SHIPPED[shipped]().then((m) => m.default[part]()).then((m) => m.default, () => null) : {};
  if (!words) return void catalogues.delete(key);
  catalogues.set(key, Object.assign({}, words, ...tags.map((tag) => sites.get(tag))));
  changed();
}

const rules = new Map<string, Intl.PluralRules>();

page.lang = langOf;
page.t = (host, english, id, values) => {
  const lang = langOf(host);
  const part = PART_OF[id.slice(0, id.indexOf('.'))];
  const key = `${lang} ${part}`;
  // Until its words arrive, the language shows English.
  for (const wanted of [part, WITH[part]]) {
    const at = `${lang} ${wanted}`;
    if (!wanted || catalogues.has(at)) continue;
    catalogues.set(at, {});
    void load(lang, wanted, at);
  }
  let plural = rules.get(lang);
  if (!plural) rules.set(lang, (plural = new Intl.PluralRules(lang)));
  const message = host.strings?.[id] ?? catalogues.get(key)![id] ?? english[id];
  return fill(message, values, plural.select(Number(values.n)), lang);
};
