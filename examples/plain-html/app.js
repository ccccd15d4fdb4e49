// The page's own script: the standalone script's `library()` gives the adapters and helpers.
import { library } from './node_modules/stories-kit/dist/standalone/stories-kit.js';
import { exampleReels } from './reels.js';

const reels = exampleReels();
const { ReelsAdapter } = await library();
document.querySelector('#stories').adapter = new ReelsAdapter(reels);

// Every story-* event bubbles out of the shadow DOM: one listener serves the whole page.
const status = document.querySelector('#last-opened');
document.addEventListener('story-open', (e) => {
  const author = reels.find((r) => r.author.id === e.detail.authorId)?.author;
  status.textContent = `Opened: ${author?.name ?? e.detail.authorId}`;
});
