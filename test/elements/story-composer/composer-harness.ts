// What a person sees of <story-composer> and what it would publish, for the tests: its parts
// and roles, its public `draft()`, and its tools used as a person uses them. The tests never
// read or set the composer's own state, nor its class names.
import type { StoryDraft } from '../../../src/model/types.js';
import type { StoryComposer } from '../../../src/story-composer.js';
import { accessibleName, allByRole, byRole, fieldNamed, until } from '../../helpers/dom.js';

const root = (el: StoryComposer) => el.shadowRoot!;
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The composer's heading ("New story"), once it has rendered. */
export const heading = (el: StoryComposer) => byRole(root(el), 'heading', 'New story');

/** The 9:16 frame: the story being composed, or the camera's preview and the upload hint. */
export const frame = (el: StoryComposer) => root(el).querySelector<HTMLElement>('[part~=frame]')!;

/** What the frame says in words before there is a photo or video (the hint, the timer). */
export const frameText = (el: StoryComposer) => text(frame(el));

/** Everything the composer says, in words (its rules under the buttons included). */
export const said = (el: StoryComposer) => text(root(el));

/** The photo or video shown in the frame, if any. */
export const shownMedia = (el: StoryComposer): HTMLImageElement | HTMLVideoElement | null => root(el).querySelector('[part~=frame] [part~=media]');

/** The photo shown in the frame, if a photo is. */
export const shownPhoto = (el: StoryComposer) => (shownMedia(el)?.localName === 'img' ? (shownMedia(el) as HTMLImageElement) : null);

/** The video shown in the frame, if a video is. */
export const shownVideo = (el: StoryComposer) => (shownMedia(el)?.localName === 'video' ? (shownMedia(el) as HTMLVideoElement) : null);

/** The blurred copy around a photo shown whole (an image screen readers skip), if there is one. */
export const backdrop = (el: StoryComposer) => root(el).querySelector<HTMLImageElement>('[part~=frame] img[aria-hidden=true]');

/** The live camera preview, while the camera is on. */
export const cameraPreview = (el: StoryComposer) => root(el).querySelector<HTMLVideoElement>('[part~=camera]');

/** The content warning shown on the preview ("Sensitive: …"), if the story is marked sensitive. */
export const sensitiveBadge = (el: StoryComposer) => [...frame(el).querySelectorAll('p')].find((p) => text(p).startsWith('Sensitive:')) ?? null;

/** The refusal or failure shown, in words ('' if none). */
export const errorText = (el: StoryComposer) => text(root(el).querySelector('[part~=error]'));

/** The overlays on the story being composed (texts, stickers, links, mentions), in order. */
export const shownOverlays = (el: StoryComposer) => [...root(el).querySelectorAll<HTMLElement>('[part~=frame] [part~=overlay]')];

/** Whether `node` is an overlay on the story; of the kind `kind` ("Text", "Sticker"…), by its name, if given. */
export const isOverlay = (node: Element | null | undefined, kind?: string) => !!node?.matches('[part~=overlay]') && (!kind || accessibleName(node).startsWith(`${kind} `));

/** The texts on the story. */
export const textOverlays = (el: StoryComposer) => shownOverlays(el).filter((o) => isOverlay(o, 'Text'));

/** What publishing now would send (the composer's public `draft()`). */
export const drafted = (el: StoryComposer): Promise<StoryDraft> => el.draft();

/** The overlays as they would be published. */
export const draftedOverlays = async (el: StoryComposer) => (await el.draft()).overlays ?? [];

/** A tool's toggle button (Text, Sticker, Effect… in the toolbar; Sensitive in the footer), by its name. */
export const toolButton = (el: StoryComposer, name: string): HTMLButtonElement => allByRole<HTMLButtonElement>(root(el), 'button', name).find((b) => b.hasAttribute('aria-pressed'))!;

/** The toolbar's tool buttons, in order. */
export const toolbarButtons = (el: StoryComposer) => allByRole<HTMLButtonElement>(root(el).querySelector('[part~=toolbar]'), 'button');

/** The open tool's panel, if one is open (named for its tool). */
export const toolPanel = (el: StoryComposer) => root(el).querySelector<HTMLElement>('[part~=panel]');

/** The emoji stickers offered by the Sticker tool. */
export const emojiButtons = (el: StoryComposer) => allByRole<HTMLButtonElement>(byRole(root(el), 'group', 'Stickers'), 'button', /^Sticker /);

/** The effects offered by the Effect tool. */
export const effectButtons = (el: StoryComposer) => allByRole<HTMLButtonElement>(byRole(root(el), 'group', 'Effects'), 'button');

/** The colours offered for a text being edited. */
export const colourButtons = (el: StoryComposer) => allByRole<HTMLButtonElement>(byRole(root(el), 'group', 'Colour'), 'button');

/** The styles offered for a text being edited (plain, background, outline). */
export const styleButtons = (el: StoryComposer) => allByRole<HTMLButtonElement>(byRole(root(el), 'group', 'Style'), 'button');

/** The sounds listed by the Sound tool, one item each. */
export const soundItems = (el: StoryComposer) => allByRole(toolPanel(el), 'listitem');

/** A listed sound's name, as shown beside its Preview and Use buttons. */
export function soundName(item: Element): string {
  const words = item.cloneNode(true) as Element;
  words.querySelectorAll('button').forEach((b) => b.remove());
  return text(words);
}

/** The captions files attached in the Captions tool, one item each. */
export const trackItems = (el: StoryComposer) => allByRole(toolPanel(el), 'listitem');

/** A field of the open tool's panel (or anywhere in the composer), by its label. */
export const field = <T extends HTMLElement = HTMLInputElement>(el: StoryComposer, label: string | RegExp) => fieldNamed<T>(toolPanel(el) ?? root(el), label);

/** The "Allow comments" switch. */
export const allowSwitch = (el: StoryComposer) => byRole<HTMLInputElement>(root(el), 'switch', 'Allow comments');

/** The "Discard this story?" question, while it is asked. */
export const question = (el: StoryComposer) => byRole(root(el), 'alertdialog');

/** The question's answer that discards the story. */
export const confirmDiscard = (el: StoryComposer) => byRole<HTMLButtonElement>(question(el), 'button', 'Discard');

/** Picks a file through the real file input, as a person would (in any language: the field that takes photos and videos). */
export function upload(el: StoryComposer, file: File): void {
  const input = root(el).querySelector<HTMLInputElement>('input[type=file][accept*="image/"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Adds a text through the Text tool. */
export async function addText(el: StoryComposer, words: string): Promise<void> {
  const before = shownOverlays(el).length;
  toolButton(el, 'Text').click();
  await until(() => !!field(el, 'Text'), 'the text field');
  const input = field<HTMLTextAreaElement>(el, 'Text')!;
  input.value = words;
  input.form!.requestSubmit();
  await until(() => shownOverlays(el).length === before + 1, 'the text on the story');
}

/** Opens a text on the story for editing, with a double click; resolves once its colours show. */
export async function editText(el: StoryComposer, overlay: Element): Promise<void> {
  overlay.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
  await until(() => colourButtons(el).length > 0, 'the colours');
}

/** Presses `key` (with Shift, if asked) on `target`, the focused control. */
export function press(target: Element, key: string, shiftKey = false): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true, cancelable: true }));
}

/** Adds an emoji sticker through the Sticker tool. */
export async function addSticker(el: StoryComposer, emoji: string): Promise<void> {
  const before = shownOverlays(el).length;
  toolButton(el, 'Sticker').click();
  await until(() => emojiButtons(el).length > 0, 'the stickers');
  emojiButtons(el).find((b) => accessibleName(b) === `Sticker ${emoji}`)!.click();
  await until(() => shownOverlays(el).length === before + 1, 'the sticker on the story');
}

/** Chooses an effect through the Effect tool; resolves once it is the pressed one. */
export async function chooseEffect(el: StoryComposer, effect: string): Promise<void> {
  if (!effectButtons(el).length) toolButton(el, 'Effect').click();
  await until(() => effectButtons(el).length > 0, 'the effects');
  effectButtons(el).find((b) => b.textContent === effect)!.click();
  await until(() => pressedEffect(el) === effect, `the ${effect} effect pressed`);
}

/** The effect whose button is pressed, when the Effect tool is open. */
export const pressedEffect = (el: StoryComposer): string | undefined => effectButtons(el).find((b) => b.getAttribute('aria-pressed') === 'true')?.textContent ?? undefined;

/** The effect a person finds pressed on opening the Effect tool. */
export async function shownEffect(el: StoryComposer): Promise<string | undefined> {
  if (!effectButtons(el).length) toolButton(el, 'Effect').click();
  await until(() => effectButtons(el).length > 0, 'the effects');
  return pressedEffect(el);
}
