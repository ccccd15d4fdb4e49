import { fixture, html } from '@open-wc/testing';
import '../../../src/story-provider.js';
import '../../../src/story-bar.js';
import '../../../src/story-viewer.js';
import type { StoryBar } from '../../../src/story-bar.js';
import type { StoryProvider } from '../../../src/story-provider.js';
import type { StoryViewer } from '../../../src/story-viewer.js';
import { LocalAdapter } from '../../../src/adapters/local-adapter.js';
import { until } from '../../helpers/dom.js';
import type { Reel, Story } from '../../../src/model/types.js';
import { HOUR, people, testWorld } from '../../helpers/world.js';

export const PHOTOS = ['/fixtures/media/photos/sunrise.jpg', '/fixtures/media/photos/forest.jpg', '/fixtures/media/photos/city.webp', '/fixtures/media/photos/coffee.webp'];
export const MP4 = '/fixtures/media/videos/pattern.mp4';
export const HLS = '/fixtures/media/hls/index.m3u8';

/** An image story of `author`, `hoursAgo` old, shown for `duration` ms. */
export function photo(id: string, author: string, duration = 400, extra: Partial<Story> = {}, hoursAgo = 1): Story {
  const createdAt = Date.now() - hoursAgo * HOUR;
  return { id, author: people[author], createdAt, expiresAt: createdAt + 24 * HOUR, duration, media: { kind: 'image', src: PHOTOS[id.length % PHOTOS.length], alt: `Photo ${id}` }, ...extra };
}

export function video(id: string, author: string, src = MP4, extra: Partial<Story> = {}): Story {
  const createdAt = Date.now() - HOUR;
  const type = src.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp4';
  return { id, author: people[author], createdAt, expiresAt: createdAt + 24 * HOUR, media: { kind: 'video', src, type, alt: `Video ${id}` }, ...extra };
}

export function reel(author: string, stories: Story[]): Reel {
  return { author: people[author], stories };
}

/** Every `story-*` event the viewer dispatched, as `name:storyId`. */
export function recordEvents(el: Element): string[] {
  const log: string[] = [];
  for (const name of ['open', 'change', 'view', 'pause', 'resume', 'complete', 'close', 'error']) {
    el.addEventListener(`story-${name}`, (e) => log.push(`${name}:${(e as CustomEvent).detail.storyId ?? (e as CustomEvent).detail.message}`));
  }
  return log;
}

/** A standalone viewer (the `reels` property, no provider), attached and not yet open. */
export async function mountViewer(reels: Reel[], attrs: { hls?: string; deepLink?: string } = {}): Promise<{ viewer: StoryViewer; events: string[] }> {
  const viewer = await fixture<StoryViewer>(html`<story-viewer .reels=${reels} hls=${attrs.hls ?? 'auto'} deep-link=${attrs.deepLink ?? 'off'}></story-viewer>`);
  const events = recordEvents(viewer);
  return { viewer, events };
}

export const q = <T extends Element = HTMLElement>(viewer: StoryViewer, selector: string) => viewer.shadowRoot!.querySelector<T>(selector);
export const qa = <T extends Element = HTMLElement>(viewer: StoryViewer, selector: string) => [...viewer.shadowRoot!.querySelectorAll<T>(selector)];

/** The story on screen: the id in the `story-change` log's last entry. */
export const lastChange = (events: string[]) => events.filter((e) => e.startsWith('change:')).at(-1)?.slice(7);

const databases: string[] = [];
after(() => databases.forEach((n) => indexedDB.deleteDatabase(n)));

/**
 * A page with a provider over a real LocalAdapter holding the test world (every story shown
 * for `duration` ms), a bar and the page's own viewer; the bar ready. Views the adapter
 * receives are listed in `viewed`.
 */
export async function storePage(options: { duration: number; deepLink?: string }) {
  const dbName = `viewer-${crypto.randomUUID()}`;
  databases.push(dbName);
  const adapter = new LocalAdapter({ dbName });
  const world = testWorld(Date.now());
  world.stories = world.stories.map((s) => ({ ...s, duration: options.duration }));
  await adapter.seed(world);
  const viewed: string[] = [];
  const markViewed = adapter.markViewed.bind(adapter);
  adapter.markViewed = (id: string) => (viewed.push(id), markViewed(id));
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <story-provider .adapter=${adapter} .storeOptions=${{ seen: null }}>
      <story-bar></story-bar>
      <story-viewer deep-link=${options.deepLink ?? 'off'}></story-viewer>
    </story-provider>
  </div>`);
  const bar = wrapper.querySelector('story-bar') as StoryBar;
  const viewer = wrapper.querySelector('story-viewer') as StoryViewer;
  const store = await (wrapper.querySelector('story-provider') as StoryProvider).ready;
  await until(() => bar.state === 'ready', 'the bar');
  await bar.updateComplete;
  return { bar, viewer, store, viewed, events: recordEvents(wrapper) };
}

/** The ring of account `id` in a bar. */
export { ring } from '../story-bar/bar-harness.js';
