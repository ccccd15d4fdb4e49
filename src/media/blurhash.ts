/**
 * Paints a BlurHash (https://blurha.sh) into a small canvas, through the `blurhash`
 * package's decoder: a feed's placeholder for media still loading. Loaded on first use,
 * with the first story that has one.
 */
import { decode } from 'blurhash';

/** A few pixels are enough: the canvas is stretched over the frame and looks blurred anyway. */
const WIDTH = 18;
const HEIGHT = 32;

/** Draws `hash` into `canvas`; returns false when the hash cannot be decoded. */
export function paintBlurhash(canvas: HTMLCanvasElement, hash: string): boolean {
  let pixels: Uint8ClampedArray;
  try {
    pixels = decode(hash, WIDTH, HEIGHT);
  } catch {
    return false;
  }
  const context = canvas.getContext('2d');
  if (!context) return false;
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  context.putImageData(new ImageData(new Uint8ClampedArray(pixels), WIDTH, HEIGHT), 0, 0);
  return true;
}
