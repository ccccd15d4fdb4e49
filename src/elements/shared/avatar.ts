/**
 * Avatar fallbacks shared by every element that shows an account: initials on a colour
 * derived from the account id, so the same person always gets the same colour and a
 * missing picture never shows a broken-image icon.
 */

/**
 * Background colours for initials. Each keeps white text above WCAG AA contrast (5.1:1 or
 * more), which axe checks on the rendered initials.
 */
const PALETTE = [
  '#b3261e', '#c2185b', '#8e24aa', '#5e35b1', '#3949ab', '#1565c0',
  '#00695c', '#2e7d32', '#9e4a00', '#6d4c41', '#455a64', '#ad1457',
] as const;

/** A stable colour for an id (FNV-1a hash, so similar ids still spread over the palette). */
export function avatarColor(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

// Intl.Segmenter is in every browser that runs this library (Chrome 87, Safari 14.1, Firefox 125).
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// What can stand for a name: letters, digits and emoji, not punctuation or symbols. Emoji
// are what is drawn as emoji by default (EPres, Emoji_Presentation: pictographs and flags)
// or asks to be (U+FE0F), so © and ™ count as symbols. Kept this small for the ring's budget.
const MEANINGFUL = /[\p{L}\p{N}\p{EPres}]|\uFE0F/u;

/**
 * Up to two initials of a display name: the first letter, digit or emoji of its first and
 * last words, skipping punctuation and symbols ("Video (minimum)" gives "VM"). Graphemes,
 * so accents, scripts without case and emoji stay whole.
 */
export function initials(name: string): string {
  const firsts = name
    .split(/\s+/)
    .map((word) => [...segmenter.segment(word)].find(({ segment }) => MEANINGFUL.test(segment))?.segment)
    .filter(Boolean);
  return [firsts[0], firsts[1] && firsts.at(-1)].join('').toLocaleUpperCase();
}
