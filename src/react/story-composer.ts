import * as React from 'react';
import { createComponent } from '@lit/react';
import { StoryComposer as StoryComposerElement } from '../story-composer.js';
import { onError, onPublish } from './events.js';

/** `<story-composer>` for React: `onStoryPublish`, `onStoryError`; `store` and `stickers` as properties. */
export const StoryComposer = createComponent({ react: React, tagName: 'story-composer', elementClass: StoryComposerElement, events: { ...onPublish, ...onError }, displayName: 'StoryComposer' });
