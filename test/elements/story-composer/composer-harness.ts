// What a person sees of <story-composer> and what it would publish, for the tests: its parts
// and roles, its public `draft()`, and its tools used as a person uses them. The tests never
// read or set the composer's own state.
import type { StoryDraft } from '../../../src/model/types.js';
import type { StoryComposer } from '../../../src/story-composer.js';
import { until } from '../../helpers/dom.js';

const root = (el: StoryComposer) => el.shadowRoot!;

/** The photo or video shown in the frame, if any. */
export const shownMedia = (el: StoryComposer): HTMLImageElement | HTMLVideoElement | null => root(el).querySelector('[part~=frame] [part~=media]');

/** What publishing now would send (the composer's public `draft()`). */
export const drafted = (el: StoryComposer): Promise<StoryDraft> => el.draft();

/** The overlays as they would be published. */
export const draftedOverlays = async (el: StoryComposer) => (await el.draft()).overlays ?? [];

/** A tool's button (Text, Sticker, Effect…), by its name. */
export const toolButton = (el: StoryComposer, name: string): HTMLButtonElement =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part~=toolbar] button')].find((b) => b.textContent!.trim() === name)!;

/** Adds a text through the Text tool. */
export async function addText(el: StoryComposer, text: string): Promise<void> {
  const before = root(el).querySelectorAll('.overlay').length;
  toolButton(el, 'Text').click();
  await until(() => !!root(el).querySelector('textarea[name=text]'), 'the text field');
  const field = root(el).querySelector<HTMLTextAreaElement>('textarea[name=text]')!;
  field.value = text;
  field.form!.requestSubmit();
  await until(() => root(el).querySelectorAll('.overlay').length === before + 1, 'the text on the story');
}

/** Adds an emoji sticker through the Sticker tool. */
export async function addSticker(el: StoryComposer, emoji: string): Promise<void> {
  const before = root(el).querySelectorAll('.overlay').length;
  toolButton(el, 'Sticker').click();
  await until(() => !!root(el).querySelector('.emoji'), 'the stickers');
  [...root(el).querySelectorAll<HTMLButtonElement>('.emoji')].find((b) => b.textContent === emoji)!.click();
  await until(() => root(el).querySelectorAll('.overlay').length === before + 1, 'the sticker on the story');
}

/** Chooses an effect through the Effect tool; resolves once it is the pressed one. */
export async function chooseEffect(el: StoryComposer, effect: string): Promise<void> {
  if (!root(el).querySelector('.effects')) toolButton(el, 'Effect').click();
  await until(() => !!root(el).querySelector('.effects'), 'the effects');
  [...root(el).querySelectorAll<HTMLButtonElement>('.effects button')].find((b) => b.textContent === effect)!.click();
  await until(() => pressedEffect(el) === effect, `the ${effect} effect pressed`);
}

/** The effect whose button is pressed, when the Effect tool is open. */
export const pressedEffect = (el: StoryComposer): string | undefined => root(el).querySelector('.effects button[aria-pressed=true]')?.textContent ?? undefined;
