// The app page: the sidebar of followed accounts, opened from a trigger.
import '../src/index.js';
import { setUpStories } from './setup.js';

await setUpStories(document.querySelector('.stories-root')!);
