import * as React from 'react';
import { createComponent } from '@lit/react';
import { StoryProvider as StoryProviderElement } from '../story-provider.js';
import { onError } from './events.js';

/** `<story-provider>` for React: give it an `adapter` (a property) or `feed`, `endpoint`, `local`; `onStoryError`. */
export const StoryProvider = createComponent({ react: React, tagName: 'story-provider', elementClass: StoryProviderElement, events: onError, displayName: 'StoryProvider' });
