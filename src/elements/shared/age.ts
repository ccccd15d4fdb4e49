/**
 * The age of a story in words, short for the eye ("5 min", "2 hr") and long for screen
 * readers ("5 minutes ago"), in the language of the element's words (`Words.lang`): the
 * browser's own language would mix with the element's. Its own module, so only the pieces
 * that show ages load it.
 */

import { whenIdle } from '../../state/idle.js';

const formats = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat>();

/** One `Intl` format per language and kind, made once. */
function format<T extends Intl.NumberFormat | Intl.RelativeTimeFormat>(lang: string, kind: string, make: () => T): T {
  const key = `${lang} ${kind}`;
  let found = formats.get(key) as T | undefined;
  if (!found) formats.set(key, (found = make()));
  return found;
}

/** "5 min", "2 hr": the age of a story, short. */
export function shortAge(ms: number, lang: string): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  const unit = m < 60 ? 'minute' : 'hour';
  return format(lang, unit, () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' })).format(m < 60 ? Math.max(1, m) : Math.floor(m / 60));
}

/** "5 minutes ago", "2 hours ago": the age of a story, for screen readers. */
export function longAge(ms: number, lang: string): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  const relative = format(lang, 'relative', () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  return m < 60 ? relative.format(-Math.max(1, m), 'minute') : relative.format(-Math.floor(m / 60), 'hour');
}

/**
 * Makes a relative-time format when the page is idle. A browser's first one costs 20–40 ms,
 * whatever its language (the data behind them is set up once), so the modules that load
 * behind the viewer's first frame (the comments, the viewers tab) have it made before their
 * first render needs it, not during it. The first number written in words is set up with it.
 */
export function warmAges(): void {
  whenIdle(() => void (longAge(0, 'en') + (0).toLocaleString('en')));
}
