import { html } from 'lit';
import '../src/story-composer.js';
import type { CheckedMedia } from '../src/model/media-rules.js';
import type { Effect, Overlay } from '../src/model/types.js';

/** A fixture photo as the composer holds it after an upload. */
const photo = async (): Promise<{ media: CheckedMedia }> => {
  const blob = await (await fetch('/fixtures/media/photos/sunrise.jpg')).blob();
  return { media: { kind: 'image', blob, type: 'image/jpeg', width: 360, height: 640 } };
};

/** A 16:9 fixture photo: the preview shows it whole over a blurred copy, as the viewer will. */
const landscape = async (): Promise<{ media: CheckedMedia }> => {
  const blob = await (await fetch('/fixtures/media/photos/landscape.jpg')).blob();
  return { media: { kind: 'image', blob, type: 'image/jpeg', width: 1280, height: 720 } };
};

const overlays: Overlay[] = [
  { kind: 'text', text: 'Good morning!', x: 0.5, y: 0.22, style: 'background', color: '#ffd54f' },
  { kind: 'text', text: 'outline', x: 0.3, y: 0.42, rotation: -12, style: 'outline' },
  { kind: 'sticker', emoji: '☕', x: 0.72, y: 0.6, scale: 1.2 },
  { kind: 'link', url: 'https://example.com/menu', label: 'Our menu', x: 0.5, y: 0.8 },
];

/** A button that opens the composer, and the composer, open at once (Escape closes it). */
const composer = (loaded: Record<string, unknown>, extra: { overlays?: Overlay[]; effect?: Effect; panel?: string; contentWarning?: string; selected?: number; confirming?: boolean } = {}) =>
  html`<button type="button" @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as HTMLElement & { show(): void }).show()}>Create a story</button>
  <story-composer
    open
    .media=${(loaded.media as CheckedMedia | undefined) ?? null}
    .overlays=${extra.overlays ?? []}
    .effect=${extra.effect ?? 'none'}
    .panel=${extra.panel ?? null}
    .contentWarning=${extra.contentWarning ?? null}
    .selected=${extra.selected ?? null}
    .confirming=${extra.confirming ?? false}
    .stickers=${[{ src: '/fixtures/media/avatars/avatar-2.jpg', alt: 'Ben’s face' }]}
  ></story-composer>`;

export default {
  title: 'Elements/story-composer',
  component: 'story-composer',
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => composer(loaded),
};

/** The start: camera, upload, drop or paste, and the rules of what is accepted. */
export const Source = {};

/** A photo with text in two styles, a sticker and a link. */
export const Editing = {
  loaders: [photo],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => composer(loaded, { overlays }),
};

/** The effects, previewed live on the photo. */
export const Effects = {
  loaders: [photo],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => composer(loaded, { effect: 'warm', panel: 'effect' }),
};

/** The stickers: emoji and the site's own images. */
export const Stickers = {
  loaders: [photo],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => composer(loaded, { panel: 'sticker' }),
};

/** A landscape photo, framed as viewers will see it, marked sensitive with its warning. */
export const LandscapeMarkedSensitive = {
  loaders: [landscape],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => composer(loaded, { panel: 'sensitive', contentWarning: 'Flashing lights' }),
};

/** Editing a text: its colours are named in words (White, Yellow…) for screen readers. */
export const TextColours = {
  loaders: [photo],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => composer(loaded, { overlays, panel: 'text', selected: 0 }),
};

/** Discard asks first: "Discard this story?", with Keep editing focused. */
export const DiscardQuestion = {
  loaders: [photo],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => composer(loaded, { overlays, confirming: true }),
};

