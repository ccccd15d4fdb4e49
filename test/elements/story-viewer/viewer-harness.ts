// What a person sees of <story-viewer>, for the tests: the story frame and its stage, the
// photo or video on screen (never those loading ahead, which are hidden), the backdrop
// behind it, the overlays over it, the bar being drawn, the header's controls and the step
// buttons. Found by part, role, accessible name and what is drawn, never by the viewer's
// class names. Plain DOM only: pages loaded in frames use it too.
import { byRole, drawnOpacity, isShown, styleOf, until } from '../../helpers/dom.js';

type Media = HTMLImageElement | HTMLCanvasElement | HTMLVideoElement;
type Still = HTMLImageElement | HTMLCanvasElement;

const part = <T extends Element = HTMLElement>(viewer: Element, name: string) => viewer.shadowRoot!.querySelector<T>(`[part~=${name}]`);
const parts = <T extends Element = HTMLElement>(viewer: Element, name: string) => [...viewer.shadowRoot!.querySelectorAll<T>(`[part~=${name}]`)];

/** The story frame (9:16, centred; the whole screen on a phone). */
export const frame = (viewer: Element) => part(viewer, 'base')!;

/** The area that takes taps, holds and swipes. */
export const stage = (viewer: Element) => part(viewer, 'stage')!;

/** The header over the story: avatar, name, age and the controls. */
export const header = (viewer: Element) => part(viewer, 'header')!;

/** The pause (and play) button. */
export const pauseButton = (viewer: Element) => part<HTMLButtonElement>(viewer, 'pause-button')!;

/** The sound on/off button. */
export const muteButton = (viewer: Element) => part<HTMLButtonElement>(viewer, 'mute-button')!;

/** The Previous story and Next story buttons. */
export const stepButtons = (viewer: Element) => [part<HTMLButtonElement>(viewer, 'previous-button')!, part<HTMLButtonElement>(viewer, 'next-button')!];

/** The Next story button. */
export const nextButton = (viewer: Element) => part<HTMLButtonElement>(viewer, 'next-button')!;

/** Whether `el` is one of the step buttons. */
export const isStepButton = (viewer: Element, el: Element | null | undefined) => !!el && stepButtons(viewer).includes(el as HTMLButtonElement);

/** Whether the chrome has stepped aside (press and hold): the progress bars, the header and the footer drawn fully transparent. */
export const chromeHidden = (viewer: Element) => [part(viewer, 'progress')!, header(viewer), part(viewer, 'footer')!].every((el) => drawnOpacity(el) === 0);

/** Every media element in the stage: the one on screen and those loading ahead, hidden. */
export const allMedia = (viewer: Element) => parts<Media>(viewer, 'media');

/** The photo or video on screen, if one shows (a photo shows once decoded; media that failed never shows). */
export const shownMedia = (viewer: Element): Media | null => allMedia(viewer).find(isShown) ?? null;

/** The photos in the stage: a canvas once decoded from the media cache, else an `<img>`. */
export const stills = (viewer: Element) => allMedia(viewer).filter((m): m is Still => m.localName !== 'video');

/** What a person's screen reader calls a photo: the `<img>`'s alt, the canvas's label. */
export const mediaName = (el: Element | null) => (el?.localName === 'img' ? (el as HTMLImageElement).alt : (el?.getAttribute('aria-label') ?? ''));

/** The photo a screen reader calls `name`, on screen or loading ahead. */
export const still = (viewer: Element, name: string) => stills(viewer).find((m) => mediaName(m) === name) ?? null;

/** The pixel size of a photo: its decoded canvas's, or its `<img>`'s natural size. */
export const pixelSize = (el: Still) => (el.localName === 'img' ? { width: (el as HTMLImageElement).naturalWidth, height: (el as HTMLImageElement).naturalHeight } : { width: el.width, height: el.height });

/**
 * Resolves once the photo called `name` is in the stage and decoded, as the stage waits for
 * before it shows a photo (one decoded from the media cache is a canvas: decoded already).
 */
export async function decoded(viewer: Element, name: string, timeout?: number): Promise<void> {
  const loaded = () => {
    const photo = still(viewer, name);
    return !!photo && (photo.localName === 'canvas' || ((photo as HTMLImageElement).complete && (photo as HTMLImageElement).naturalWidth > 0));
  };
  await until(loaded, `${name} loaded`, timeout);
  const photo = still(viewer, name)!;
  if (photo.localName === 'img') await (photo as HTMLImageElement).decode();
}

/** The filters the photo or video on screen is drawn through, its own and its containers' up to the stage ('none' if none). */
export function drawnFilter(viewer: Element): string {
  const filters: string[] = [];
  for (let at: Element | null = shownMedia(viewer); at && at !== stage(viewer); at = at.parentElement) {
    const filter = styleOf(at).filter;
    if (filter !== 'none') filters.push(filter);
  }
  return filters.join(' ') || 'none';
}

/** The backdrop a person sees behind the media: the placeholder while it loads, the blurred copy around media shown whole. */
export const shownBackdrop = (viewer: Element) => parts<HTMLCanvasElement>(viewer, 'backdrop').find(isShown) ?? null;

/** The gradient behind the header (`top`) or the footer (`bottom`). */
export function scrim(viewer: Element, where: 'top' | 'bottom'): HTMLElement {
  const [top, bottom] = parts(viewer, 'scrim').sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  return where === 'top' ? top : bottom;
}

/** The overlays over the story on screen (texts, stickers, links, mentions), in order. */
export const overlays = (viewer: Element) => parts(viewer, 'overlay');

/** The link sticker over the story, if it has one. */
export const linkSticker = (viewer: Element) => part<HTMLAnchorElement>(viewer, 'link');

/** The failure in words, if the story on screen failed. */
export const failure = (viewer: Element) => part(viewer, 'error');

/** The failure's Try again button, where trying again can help. */
export const retryButton = (viewer: Element) => byRole<HTMLButtonElement>(failure(viewer), 'button', 'Try again');

/** Whether `el` is the spinner shown while the media loads or stalls. */
export const isSpinner = (el: Node) => el instanceof Element && el.matches('[part~=spinner]');

/** One bar per story of the account on screen. */
export const segments = (viewer: Element) => parts(viewer, 'segment');

/** The fill of the bar being drawn: the story on screen's (the one fill animating), once its timer has started. */
export const drawingFill = (viewer: Element) => segments(viewer).map((s) => s.firstElementChild).find((fill) => !!fill?.getAnimations().length) ?? null;

/** How full the story on screen's bar is drawn, 0..1 (0 before its timer starts): its computed transform. */
export function drawnProgress(viewer: Element): number {
  const fill = drawingFill(viewer);
  if (!fill) return 0;
  const transform = styleOf(fill).transform;
  return new DOMMatrixReadOnly(transform === 'none' ? undefined : transform).a;
}
