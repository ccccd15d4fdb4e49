/**
 * The viewer's remembered choices (the mute toggle), kept in localStorage under the
 * library's prefix. Storage may be unavailable (private modes, sandboxed frames): then the
 * choice lasts as long as the page.
 */
const KEY = 'stories-kit:muted';
let memory: boolean | null = null;

/** The last mute choice, or null when the user never chose. */
export function savedMuted(): boolean | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === null ? memory : value === 'true';
  } catch {
    return memory;
  }
}

export function saveMuted(muted: boolean): void {
  memory = muted;
  try {
    localStorage.setItem(KEY, String(muted));
  } catch {
    // Kept in memory only.
  }
}

const CAPTIONS_KEY = 'stories-kit:captions';
let captionsMemory: boolean | null = null;

/** The last captions choice (the viewer's CC button), or null when the user never chose. */
export function savedCaptions(): boolean | null {
  try {
    const value = localStorage.getItem(CAPTIONS_KEY);
    return value === null ? captionsMemory : value === 'true';
  } catch {
    return captionsMemory;
  }
}

export function saveCaptions(on: boolean): void {
  captionsMemory = on;
  try {
    localStorage.setItem(CAPTIONS_KEY, String(on));
  } catch {
    // Kept in memory only.
  }
}
