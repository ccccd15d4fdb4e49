import type { Effect } from './types.js';

/**
 * The named effects as CSS filters. The viewer applies them to images and videos; the
 * composer previews them the same way and bakes them into photos with a canvas, whose
 * `filter` takes the same strings — so a story looks the same everywhere.
 */
export const EFFECT_FILTERS: Readonly<Record<Effect, string>> = {
  none: 'none',
  vivid: 'saturate(1.6) contrast(1.1)',
  mono: 'grayscale(1) contrast(1.1)',
  warm: 'sepia(0.3) saturate(1.3) hue-rotate(-8deg)',
  cool: 'saturate(1.1) hue-rotate(12deg) brightness(1.04)',
  fade: 'contrast(0.8) brightness(1.1) saturate(0.7)',
};
