/**
 * Puts together the words of a language the first time an element meets it: the shipped
 * catalogue of its nearest tag (`pt-PT` takes `pt`, which is Brazilian Portuguese), each its
 * own module so a page downloads only its own language, under what the page registered.
 */
import { catalogues, changed, type Messages } from './words.js';

type Catalogue = () => Promise<{ default: Messages }>;

/** The shipped languages by lower-case tag; a bare language names its most used variant. */
const SHIPPED: Record<string, Catalogue> = {
  'en-xa': () => import('./locales/en-xa.js'),
};

/** @internal Words the page registered (`registerLocale`), by lower-case tag. */
export const sites = new Map<string, Messages>();

/** Gives `lang` (lower case) its words: the nearest shipped catalogue, then the page's own, broad to narrow. */
export async function load(lang: string): Promise<void> {
  const tags = lang.split('-').map((_, i, all) => all.slice(0, i + 1).join('-'));
  const shipped = tags.findLast((tag) => SHIPPED[tag]);
  const words = shipped ? (await SHIPPED[shipped]()).default : {};
  catalogues.set(lang, Object.assign({}, words, ...tags.map((tag) => sites.get(tag))));
  changed();
}
