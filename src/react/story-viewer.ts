import * as React from 'react';
import { createComponent } from '@lit/react';
import { StoryViewer as StoryViewerElement } from '../story-viewer.js';
import { onError, onOpen, onPlayback } from './events.js';

/** `<story-viewer>` for React: `onStoryOpen`, `onStoryChange`, `onStoryView`, `onStoryPause`, `onStoryResume`, `onStoryComplete`, `onStoryClose`, `onStoryError`. */
export const StoryViewer = createComponent({ react: React, tagName: 'story-viewer', elementClass: StoryViewerElement, events: { ...onOpen, ...onPlayback, ...onError }, displayName: 'StoryViewer' });
