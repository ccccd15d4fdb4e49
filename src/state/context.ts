import { ContextRoot, createContext } from '@lit/context';
import type { StoriesStore } from './store.js';

/**
 * The store a `<story-provider>` gives the elements inside it: `null` while the provider
 * loads it (its children wait, rather than fall back to the default store).
 */
export const storeContext = createContext<StoriesStore | null | undefined>(Symbol.for('stories-kit/store'));

// A provider defined after its consumers still serves them: the root holds their requests
// until a provider announces itself. One root per page, whichever module loads first.
const ROOT = Symbol.for('stories-kit/context-root');
const scope = globalThis as typeof globalThis & { [ROOT]?: ContextRoot };
if (typeof document !== 'undefined' && !scope[ROOT]) {
  scope[ROOT] = new ContextRoot();
  scope[ROOT].attach(document.documentElement);
}
