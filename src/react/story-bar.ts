import * as React from 'react';
import { createComponent } from '@lit/react';
import { StoryBar as StoryBarElement } from '../story-bar.js';
import { onError, onOpen } from './events.js';

/** `<story-bar>` for React: `onStoryOpen`, `onStoryError`. */
export const StoryBar = createComponent({ react: React, tagName: 'story-bar', elementClass: StoryBarElement, events: { ...onOpen, ...onError }, displayName: 'StoryBar' });
