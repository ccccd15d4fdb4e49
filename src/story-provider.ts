/**
 * Side-effect entry: defines `<story-provider>` with the three built-in adapters, and makes
 * LocalAdapter the page-wide default for elements outside any provider.
 */
import { FeedAdapter } from './adapters/feed-adapter.js';
import { LocalAdapter } from './adapters/local-adapter.js';
import { RestAdapter } from './adapters/rest-adapter.js';
import { StoryProvider, registerAdapterFactories } from './elements/story-provider/story-provider.js';
import { setDefaultAdapterFactory } from './state/default-store.js';

export { StoryProvider };

registerAdapterFactories({
  feed: (url) => new FeedAdapter(url),
  rest: (endpoint, token) => new RestAdapter({ endpoint, token }),
  local: (dbName) => new LocalAdapter({ dbName }),
});
setDefaultAdapterFactory(() => new LocalAdapter());

if (!customElements.get('story-provider')) customElements.define('story-provider', StoryProvider);

declare global {
  interface HTMLElementTagNameMap {
    'story-provider': StoryProvider;
  }
}
