/** What is on screen, in pixels, and a phone to touch it with (see scripts/wtr-screen.mjs). */
import { executeServerCommand } from '@web/test-runner-commands';

export interface Shot {
  width: number;
  height: number;
  /** The colour at (x, y) of the shot, as [r, g, b, a]. */
  at(x: number, y: number): [number, number, number, number];
}

/** The pixels Chromium painted in `rect` (viewport coordinates), taken after the next frame. */
export async function screenshot(rect: { x: number; y: number; width: number; height: number }): Promise<Shot> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const clip = { x: Math.floor(rect.x), y: Math.floor(rect.y), width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
  const base64 = await executeServerCommand<string, typeof clip>('screenshot', clip);
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  return {
    width: bitmap.width,
    height: bitmap.height,
    at(x, y) {
      const i = (Math.round(y) * bitmap.width + Math.round(x)) * 4;
      return [data[i], data[i + 1], data[i + 2], data[i + 3]];
    },
  };
}

/** A 390×844 touch-screen phone (touch events, `pointer: coarse`), or back to a desktop with `touch: false`. */
export async function phone(options: { width?: number; height?: number; touch?: boolean } = {}): Promise<void> {
  await executeServerCommand('phone', options);
}

/** A finger's tap at viewport point (x, y). */
export async function tap([x, y]: [number, number]): Promise<void> {
  await executeServerCommand('tap', { x, y });
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
