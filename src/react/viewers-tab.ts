import * as React from 'react';
import { createComponent } from '@lit/react';
import { ViewersTab as ViewersTabElement } from '../viewers-tab.js';
import { onError, onViewersCount } from './events.js';

/** `<viewers-tab>` for React: `onStoryViewersCount`, `onStoryError`. */
export const ViewersTab = createComponent({ react: React, tagName: 'viewers-tab', elementClass: ViewersTabElement, events: { ...onViewersCount, ...onError }, displayName: 'ViewersTab' });
