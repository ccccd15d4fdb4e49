import * as React from 'react';
import { createComponent } from '@lit/react';
import { StoryRing as StoryRingElement } from '../story-ring.js';
import { onOpen } from './events.js';

/** `<story-ring>` for React: props such as `author` are set as properties after mount; `onStoryOpen` listens to `story-open`. */
export const StoryRing = createComponent({ react: React, tagName: 'story-ring', elementClass: StoryRingElement, events: onOpen, displayName: 'StoryRing' });
