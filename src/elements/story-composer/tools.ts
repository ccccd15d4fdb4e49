/**
 * What the composer loads once it opens, behind its first screen: the tools' toolbar and
 * panels with their English words, and the gestures that move overlays. A page that never
 * gets past choosing a photo or video (or never opens the composer) does not download them.
 */
export { renderToolbar } from './tool-panels.js';
export { OverlayGestures } from './overlay-gestures.js';
export { composerToolMessages } from './tool-messages.js';
