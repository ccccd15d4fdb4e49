import type { Plugin } from 'vite';
/** Shrinks the static text of css``/html``/svg`` templates in `source`. */
export function minifyTemplates(source: string, fileName?: string): string;
/** Vite plugin applying minifyTemplates to the library's sources. */
export function minifyTemplatesPlugin(): Plugin;
