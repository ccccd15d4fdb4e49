import { createContext } from '@lit/context';
import type { Failure } from './store-controller.js';
import type { StoriesStore } from './store.js';

/**
 * The store a `<story-provider>` gives the elements inside it: `null` while the provider
 * loads it (its children wait, rather than fall back to the default store), a `Failure`
 * when it could not (its children show their error state, and their "Try again" asks it again).
 */
export const storeContext = createContext<StoriesStore | null | undefined | Failure>(Symbol.for('stories-kit/store'));
