// The brand page: a product page with a stories bar on top.
import '../src/index.js';
import { setUpStories } from './setup.js';

const { reset, store } = await setUpStories(document.querySelector('.stories-root')!);
document.querySelector('#reset')!.addEventListener('click', reset);
// The composer is its own entry, fetched on the first click.
document.querySelector('#create')!.addEventListener('click', async () => {
  await import('../src/story-composer.js');
  let composer = document.querySelector('story-composer');
  if (!composer) composer = document.body.appendChild(document.createElement('story-composer'));
  composer.store = store;
  composer.show();
});
