/**
 * Side-effect entry: defines `<story-provider>`. Its store and adapters load on first use.
 */
import { StoryProvider } from './elements/story-provider/story-provider.js';

export { StoryProvider };

if (!customElements.get('story-provider')) customElements.define('story-provider', StoryProvider);

declare global {
  interface HTMLElementTagNameMap {
    'story-provider': StoryProvider;
  }
}
