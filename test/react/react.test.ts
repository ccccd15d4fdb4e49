import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import * as React from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { StoryBar, StoryProvider, StoryRing } from '../../src/react/index.js';
import { ReelsAdapter } from '../../src/adapters/reels-adapter.js';
import { StoryOpenEvent } from '../../src/events.js';
import type { StoryBar as StoryBarElement } from '../../src/story-bar.js';
import type { StoryRing as StoryRingElement } from '../../src/story-ring.js';
import type { Author, Reel } from '../../src/model/types.js';
import { centreOf, until } from '../helpers/dom.js';
import { HOUR, people, story } from '../helpers/world.js';

const h = React.createElement;
const ana: Author = { id: 'ana', name: 'Ana Lima' };

let root: Root | undefined;
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(async () => {
  await resetMouse();
  root?.unmount();
  root = undefined;
  container.remove();
  document.querySelectorAll('story-viewer').forEach((v) => v.remove());
});

/** The ring's button, once the element has rendered it. */
async function ringButton(ring: StoryRingElement): Promise<HTMLButtonElement> {
  await until(() => !!ring.shadowRoot?.querySelector('button'), 'the ring to render its button');
  return ring.shadowRoot!.querySelector('button')!;
}

describe('stories-kit/react (React 19)', () => {
  it('gives <StoryRing> its author as a property and calls onStoryOpen with a StoryOpenEvent on a click', async () => {
    const opened: StoryOpenEvent[] = [];
    root = createRoot(container);
    root.render(h(StoryRing, { author: ana, state: 'unseen', onStoryOpen: (e) => opened.push(e) }));
    await until(() => !!container.querySelector('story-ring'), 'React to render the ring');
    const ring = container.querySelector('story-ring') as StoryRingElement;
    // A property, the very object given: not an attribute, not a string.
    expect(ring.author).to.equal(ana);
    expect(ring.hasAttribute('author')).to.be.false;
    const button = await ringButton(ring);
    expect(button.getAttribute('aria-label')).to.contain('Ana Lima');

    await sendMouse({ type: 'click', position: centreOf(button) });
    await until(() => opened.length > 0, 'onStoryOpen');
    expect(opened[0]).to.be.instanceOf(StoryOpenEvent);
    expect(opened[0].detail.authorId).to.equal('ana');
  });

  it('renders the bar’s rings from a provider given its adapter as a property', async () => {
    const now = Date.now();
    const reels: Reel[] = [
      { author: people.alice, stories: [story('a1', 'alice', now - HOUR)] },
      { author: people.bob, stories: [story('b1', 'bob', now - 2 * HOUR)] },
    ];
    const opened: string[] = [];
    root = createRoot(container);
    root.render(h(StoryProvider, { adapter: new ReelsAdapter(reels) }, h(StoryBar, { onStoryOpen: (e) => opened.push(e.detail.authorId) })));
    await until(() => !!container.querySelector('story-bar'), 'React to render the bar');
    const bar = container.querySelector('story-bar') as StoryBarElement;
    const rings = () => [...(bar.shadowRoot?.querySelectorAll<StoryRingElement>('story-ring') ?? [])];
    await until(() => rings().length === 2, 'the bar’s two rings');
    expect(rings().map((r) => r.author?.name)).to.deep.equal(['Alice Adams', 'Bob Brown']);

    await sendMouse({ type: 'click', position: centreOf(await ringButton(rings()[1])) });
    await until(() => opened.length > 0, 'onStoryOpen from the bar');
    expect(opened).to.deep.equal(['bob']);
  });

  it('keeps the author and the handler through server rendering and hydration', async () => {
    const opened: string[] = [];
    const app = () => h('main', null, h(StoryRing, { author: ana, state: 'unseen', onStoryOpen: (e) => opened.push(e.detail.authorId) }));
    // What a server (Next.js) sends: React's HTML, before any script ran.
    container.innerHTML = renderToString(app());
    const served = container.querySelector('story-ring')!;
    root = hydrateRoot(container, app());
    await until(() => (served as StoryRingElement).author === ana, 'the author to arrive as a property after hydration');
    // Hydration kept the server's element rather than replacing it.
    expect(container.querySelector('story-ring')).to.equal(served);

    await sendMouse({ type: 'click', position: centreOf(await ringButton(served as StoryRingElement)) });
    await until(() => opened.length > 0, 'onStoryOpen after hydration');
    expect(opened).to.deep.equal(['ana']);
  });
});
