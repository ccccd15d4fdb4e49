/**
 * `stories-kit/react`: every element as a React component (@lit/react). Unlike a bare tag in
 * React 19 JSX, the wrappers set properties (`author`, `adapter`, `store`) and add the event
 * listeners (`onStoryOpen`, …) in an effect after mount, so both survive server rendering and
 * hydration (Next.js). Each wrapper defines its element; `stories-kit/react/story-ring.js`
 * imports one alone.
 */
export { StoryRing } from './story-ring.js';
export { StoryBar } from './story-bar.js';
export { StorySidebar } from './story-sidebar.js';
export { StoryViewer } from './story-viewer.js';
export { StoryComments } from './story-comments.js';
export { ViewersTab } from './viewers-tab.js';
export { StoryComposer } from './story-composer.js';
export { StoryProvider } from './story-provider.js';
