/** Arabic (right to left): one module per part, each loaded with the elements that show it. */
import type { Language } from '../../en.js';

export default { page: () => import('./page.js'), viewer: () => import('./viewer.js'), comments: () => import('./comments.js'), composer: () => import('./composer.js'), tools: () => import('./tools.js') } satisfies Language;
