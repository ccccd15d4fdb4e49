import { createContext } from '@lit/context';
import type { StoriesStore } from './store.js';

/**
 * The store a `<story-provider>` gives the elements inside it: `null` while the provider
 * loads it (its children wait, rather than fall back to the default store).
 */
export const storeContext = createContext<StoriesStore | null | undefined>(Symbol.for('stories-kit/store'));
