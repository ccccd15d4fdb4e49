/**
 * The age of a story in words, short for the eye ("5 min", "2 hr") and long for screen
 * readers ("5 minutes ago"). Its own module, so only the pieces that show ages load it.
 */

const minutes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
const hours = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "5 min", "2 hr": the age of a story, short. */
export function shortAge(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return m < 60 ? minutes.format(Math.max(1, m)) : hours.format(Math.floor(m / 60));
}

/** "5 minutes ago", "2 hours ago": the age of a story, for screen readers. */
export function longAge(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return m < 60 ? relative.format(-Math.max(1, m), 'minute') : relative.format(-Math.floor(m / 60), 'hour');
}
