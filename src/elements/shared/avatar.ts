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
// are pictographs drawn as emoji (by default or with U+FE0F), so © and ™ count as symbols.
const MEANINGFUL = /[\p{L}\p{N}]|(?=\p{Extended_Pictographic})\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

/** The first grapheme of a word that is a letter, a digit or an emoji ("(minimum)" gives "m"). */
function firstMeaningful(word: string): string {
  for (const { segment } of segmenter.segment(word)) if (MEANINGFUL.test(segment)) return segment;
  return '';
}

/**
 * Up to two initials of a display name: the first letter, digit or emoji of its first and
 * last words, skipping punctuation and symbols ("Video (minimum)" gives "VM"). Graphemes,
 * so accents, scripts without case and emoji stay whole.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).map(firstMeaningful).filter(Boolean);
  if (words.length === 0) return '';
  const last = words.length > 1 ? words[words.length - 1] : '';
  return (words[0] + last).toLocaleUpperCase();
}
