import * as React from 'react';
import { createComponent } from '@lit/react';
import { StorySidebar as StorySidebarElement } from '../story-sidebar.js';
import { onCreate, onOpen } from './events.js';

/** `<story-sidebar>` for React: `onStoryOpen`, `onStoryCreate`. */
export const StorySidebar = createComponent({ react: React, tagName: 'story-sidebar', elementClass: StorySidebarElement, events: { ...onOpen, ...onCreate }, displayName: 'StorySidebar' });
