/**
 * The page's say over the elements' language: `registerLocale` adds a language or rewords
 * one, `setLocale` sets the page-wide one. (An element's `strings` property rewords it alone.)
 */
import { forget, sites } from './translate.js';
import { changed, page, type Messages } from './words.js';

export type { Message, Messages } from './words.js';

/**
 * Adds words for a language, or rewords some of a shipped one (e.g.
 * `registerLocale('fr', { 'bar.label': 'Nos stories' })`): they win over the shipped words
 * of that language and of its regions (`fr-CA` takes `fr`'s), and ids they lack keep the
 * shipped words, else English. Every element renders again.
 */
export function registerLocale(code: string, messages: Messages): void {
  code = code.toLowerCase();
  sites.set(code, { ...sites.get(code), ...messages });
  page.registered = true;
  forget();
  changed();
}

/**
 * The page-wide language (a BCP 47 tag such as `pt-BR`), used where neither the element nor
 * an ancestor below `<html>` has a `lang`; '' goes back to `<html lang>`.
 */
export function setLocale(code: string): void {
  page.locale = code;
  changed();
}
