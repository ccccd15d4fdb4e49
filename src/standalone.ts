/**
 * The standalone script (`dist/standalone/stories-kit.js`): for pages without a build
 * step. It defines each element the page uses, loading its code on first sight of its tag
 * (now, and whenever one is added later), so a page with a bar downloads the bar and not
 * the viewer, the comments or the composer — those load when first needed, as with the npm
 * entries. Chunks are imported relative to this script, so the folder can live at any path.
 */
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'story-provider': () => import('./story-provider.js'),
  'story-ring': () => import('./story-ring.js'),
  'story-bar': () => import('./story-bar.js'),
  'story-sidebar': () => import('./story-sidebar.js'),
  'story-viewer': () => import('./story-viewer.js'),
  'story-comments': () => import('./story-comments.js'),
  'viewers-tab': () => import('./viewers-tab.js'),
  'story-composer': () => import('./story-composer.js'),
};

const started = new Set<string>();
const selector = Object.keys(ELEMENTS).join(',');

/** Loads the element `tag` (once); resolves when it is defined. */
export function define(tag: keyof typeof ELEMENTS): Promise<CustomElementConstructor> {
  if (!started.has(tag)) {
    started.add(tag);
    void ELEMENTS[tag]().catch((error: unknown) => {
      started.delete(tag);
      console.error(`stories-kit could not load <${tag}>`, error);
    });
  }
  return customElements.whenDefined(tag);
}

/** Every element of stories-kit found in `root`, loaded. */
function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(selector)) void define(root.localName);
  for (const el of root.querySelectorAll(selector)) void define(el.localName);
}

/**
 * The whole library (adapters, the store, event classes, types' runtime parts), for pages
 * that script it: `const { LocalAdapter } = await library();`.
 */
export function library(): Promise<typeof import('./index.js')> {
  return import('./index.js');
}

if (typeof document !== 'undefined') {
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
