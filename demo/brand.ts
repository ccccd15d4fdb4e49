// The brand page: a product page with a stories bar on top.
import '../src/index.js';
import { setUpStories } from './setup.js';

const { reset } = await setUpStories(document.querySelector('.stories-root')!);
document.querySelector('#reset')!.addEventListener('click', reset);
