// Shared by the demo pages: one <story-provider> around the page's stories area, on the
// built-in LocalAdapter (seeded with the demo world and the bundled media) by default;
// `?endpoint=/api` uses the stories server (`npm run server`, dev mode) as the demo user, or
// as another account with `?as=ana` (its named test token); `?feed=…` a static feed.
import { LocalAdapter, type StoriesStore, type StoryProvider } from '../src/index.js';
import { seedDemo } from '../src/demo.js';

export async function setUpStories(root: Element): Promise<{ provider: StoryProvider; store: StoriesStore; reset: () => Promise<void> }> {
  const params = new URLSearchParams(location.search);
  const provider = document.createElement('story-provider');
  let local: LocalAdapter | undefined;
  if (params.get('endpoint')) {
    // Dev mode's named test tokens: `token-<accountId>`.
    const as = /^[\w.-]{1,100}$/.test(params.get('as') ?? '') ? params.get('as') : 'you';
    provider.token = () => `token-${as}`;
    provider.endpoint = params.get('endpoint')!;
  } else if (params.get('feed')) {
    provider.feed = params.get('feed')!;
  } else {
    local = new LocalAdapter();
    await seedDemo(local);
    provider.adapter = local;
  }
  // Keep the source when moving between the demo pages.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-source]')) link.search = location.search;
  const source = params.get('endpoint') ? 'rest' : params.get('feed') ? 'feed' : 'local';
  document.querySelector(`[data-source="${source}"]`)?.setAttribute('aria-current', 'true');
  root.before(provider);
  provider.append(root);
  const store = await provider.ready;
  const reset = async () => {
    if (local) await seedDemo(local, { force: true });
    await store.refresh();
  };
  // What a brand's analytics would receive.
  const log = document.querySelector('#events');
  const record = (event: Event) => {
    if (!log) return;
    const entry = document.createElement('li');
    entry.textContent = `${event.type} ${JSON.stringify((event as CustomEvent).detail, (k, v) => (k === 'error' ? undefined : v))}`;
    log.prepend(entry);
  };
  for (const name of ['open', 'change', 'view', 'pause', 'resume', 'complete', 'close', 'comment', 'publish', 'create', 'error']) document.addEventListener(`story-${name}`, record);
  return { provider, store, reset };
}
