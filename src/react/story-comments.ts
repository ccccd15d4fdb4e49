import * as React from 'react';
import { createComponent } from '@lit/react';
import { StoryComments as StoryCommentsElement } from '../story-comments.js';
import { onComment, onError } from './events.js';

/** `<story-comments>` for React: `onStoryComment`, `onStoryHold`, `onStoryError`. */
export const StoryComments = createComponent({ react: React, tagName: 'story-comments', elementClass: StoryCommentsElement, events: { ...onComment, ...onError }, displayName: 'StoryComments' });
