import { css } from 'lit';
import type { MediaFit } from '../../model/types.js';

/** The story frame's shape, width over height: stories are made for 9:16. */
export const FRAME_ASPECT = 9 / 16;

/**
 * How media of `width` × `height` fills the 9:16 frame: cropped to fill it (`cover`) when
 * its shape is within about 10% of the frame's, else shown whole (`contain`) over a blurred
 * copy of itself. A 16:9 photo is shown whole instead of losing two thirds of its width.
 * `override` (a story's `media.fit`, or the viewer's `fit`) wins; unknown sizes cover.
 */
export function fitFor(width: number | undefined, height: number | undefined, override?: MediaFit | 'auto' | null): MediaFit {
  if (override === 'cover' || override === 'contain') return override;
  if (!width || !height) return 'cover';
  const ratio = width / height / FRAME_ASPECT;
  return ratio >= 1 / 1.1 && ratio <= 1.1 ? 'cover' : 'contain';
}

/**
 * The framing both the viewer and the composer's preview draw: `.media.contain` shows media
 * whole, `.backdrop.fill` is the blurred, darkened copy around it.
 */
export const framingStyles = css`
  .media,
  .backdrop {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .media.contain {
    object-fit: contain;
  }
  .backdrop.fill,
  .backdrop[data-show='fill'] {
    filter: blur(24px) brightness(0.55);
    transform: scale(1.2);
  }
`;
