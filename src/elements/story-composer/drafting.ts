import { EFFECT_FILTERS } from '../../model/effects.js';
import type { CheckedMedia } from '../../model/media-rules.js';
import type { Effect, Overlay, Sound, StoryDraft } from '../../model/types.js';
import type { Draft } from '../../state/drafts.js';
import type { ComposerTrack } from './story-composer.js';
import type { Panel } from './tool-panels.js';

/** What is being composed: the composer's state that drafts keep and publishing sends. */
export interface ComposerState {
  readonly media: CheckedMedia | null;
  readonly overlays: Overlay[];
  readonly effect: Effect;
  readonly sound: Sound | null;
  readonly contentWarning: string | null;
  readonly tracks: ComposerTrack[];
}

/** The state as a draft kept in this browser under `scope` (drafts.ts), to come back to after a reload. */
export function savedDraft(c: ComposerState, scope: string, commentsEnabled: boolean): Draft {
  return {
    scope,
    media: c.media,
    overlays: c.overlays,
    effect: c.effect,
    commentsEnabled,
    updatedAt: Date.now(),
    ...(c.sound ? { sound: c.sound } : {}),
    ...(c.contentWarning !== null ? { contentWarning: c.contentWarning } : {}),
    ...(c.tracks.length ? { tracks: c.tracks } : {}),
  };
}

/** The draft as the adapter takes it: a photo's effect baked into its pixels, a video's kept as metadata. */
export async function storyDraft(c: ComposerState, commentsEnabled: boolean): Promise<StoryDraft> {
  const media = c.media;
  if (!media) throw new Error('Add a photo or video first');
  let blob = media.blob;
  let type = media.type;
  let effect: Effect | undefined = c.effect;
  if (media.kind === 'image' && c.effect !== 'none') {
    const bitmap = await createImageBitmap(media.blob);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d')!;
    ctx.filter = EFFECT_FILTERS[c.effect] ?? 'none';
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    blob = (await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.92))) ?? blob;
    type = blob.type;
    effect = undefined;
  }
  const tracks = media.kind === 'video' ? c.tracks.map((t) => ({ blob: t.blob, lang: t.lang, label: t.label, kind: 'captions' as const })) : [];
  const warning = c.contentWarning?.trim();
  return {
    media: { kind: media.kind, blob, type, width: media.width, height: media.height, ...(media.duration ? { duration: media.duration } : {}), ...(tracks.length ? { tracks } : {}) },
    ...(media.duration ? { duration: media.duration } : {}),
    ...(warning ? { contentWarning: warning } : {}),
    ...(commentsEnabled ? {} : { commentsEnabled: false }),
    ...(c.overlays.length ? { overlays: c.overlays } : {}),
    ...(c.sound ? { sound: c.sound } : {}),
    ...(effect && effect !== 'none' ? { effect } : {}),
  };
}

/** Puts a saved draft's state back in the composer (`null`: an empty composer). */
export function restoreDraft(c: { -readonly [K in keyof ComposerState]: ComposerState[K] }, draft: Draft | null): void {
  c.media = draft?.media ? { ...draft.media } : null;
  c.overlays = draft?.overlays ?? [];
  c.effect = draft?.effect ?? 'none';
  c.sound = draft?.sound ?? null;
  c.contentWarning = draft?.contentWarning ?? null;
  c.tracks = draft?.tracks ?? [];
}

/** Empties the composer (not the saved draft): nothing composed, no tool open, no question asked, no error. */
export function emptyComposer(c: Parameters<typeof restoreDraft>[0] & { selected: number | null; panel: Panel | null; confirming: boolean; error: string; publishError: string }): void {
  restoreDraft(c, null);
  Object.assign(c, { selected: null, panel: null, confirming: false, error: '', publishError: '' });
}
