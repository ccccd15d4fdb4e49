/**
 * The composer's drafts, autosaved in IndexedDB (`stories-kit-drafts`): the media Blob, the
 * overlays, the sound, the effect. A reload or a crash brings the draft back; discarding it
 * (or publishing it) deletes it. One draft per signed-in user and backend.
 */
import type { Effect, Overlay, Sound } from '../model/types.js';
import { openTables, type Tables } from '../storage/tables.js';

export interface Draft {
  /** The backend and user it belongs to. */
  scope: string;
  media: { kind: 'image' | 'video'; blob: Blob; type: string; width: number; height: number; duration?: number } | null;
  overlays: Overlay[];
  sound?: Sound;
  effect: Effect;
  commentsEnabled: boolean;
  /** Marked sensitive, with this warning. */
  contentWarning?: string;
  /** Captions files attached to a video. */
  tracks?: { blob: Blob; lang: string; label: string }[];
  updatedAt: number;
}

let tables: Promise<Tables> | undefined;
/** Why IndexedDB could not be used, once that is known (drafts then live in memory). */
let fallback: { reason: unknown } | undefined;
/** The callers told of it: each hears once, not only the one whose call happened to open the database. */
const told = new WeakSet<(reason: unknown) => void>();

async function db(onFallback: (reason: unknown) => void): Promise<Tables> {
  const opened = await (tables ??= openTables('stories-kit-drafts', 1, { drafts: { keyPath: 'scope' } }, (reason) => (fallback = { reason })));
  if (fallback && !told.has(onFallback)) {
    told.add(onFallback);
    onFallback(fallback.reason);
  }
  return opened;
}

/**
 * The saved draft of `scope`, if any. `onFallback` (here and in {@link saveDraft}) hears, once
 * per callback, that IndexedDB could not be used, whichever caller opened the database.
 */
export async function loadDraft(scope: string, onFallback: (reason: unknown) => void = () => {}): Promise<Draft | null> {
  return (await (await db(onFallback)).get<Draft>('drafts', scope)) ?? null;
}

/** Saves (replaces) the draft of its scope. */
export async function saveDraft(draft: Draft, onFallback: (reason: unknown) => void = () => {}): Promise<void> {
  await (await db(onFallback)).put('drafts', draft);
}

/** Deletes the draft of `scope`. */
export async function discardDraft(scope: string): Promise<void> {
  await (await db(() => {})).delete('drafts', scope);
}
