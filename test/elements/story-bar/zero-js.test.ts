// The embed a brand copies: the standalone bundle plus <story-bar feed="…">, in a page
// served with the strict Content-Security-Policy and Trusted Types.
import { expect } from '@open-wc/testing';
import type { StoryBar } from '../../../src/story-bar.js';
import { until } from '../../helpers/dom.js';
import { HOUR, testApi } from '../../helpers/world.js';
import { names as nameList, ringButton, rings } from './bar-harness.js';
import { shownMedia } from '../story-viewer/viewer-harness.js';
import { names as sidebarNames, rows } from '../story-sidebar/sidebar-harness.js';

describe('zero-JavaScript embed', () => {
  it('a static page with one module script and <story-bar feed> shows a working bar and sidebar, with no CSP violation', async function () {
    // A long scenario (hundreds of frames): more room than the default 10 s on a busy machine.
    this.timeout(60_000);
    await testApi('reset');
    const t = Date.now() - HOUR;
    // A photo, an mp4 and an HLS stream (hls.js, from the standalone bundle's lazy chunk).
    const media = [
      { kind: 'image', src: '/fixtures/media/photos/city.webp' },
      { kind: 'video', src: '/fixtures/media/videos/pattern.mp4', type: 'video/mp4' },
      { kind: 'video', src: '/fixtures/media/hls/index.m3u8', type: 'application/vnd.apple.mpegurl' },
    ];
    const reels = ['Ana', 'Bo', 'Cy'].map((name, i) => ({
      author: { id: name.toLowerCase(), name, avatar: `/fixtures/media/avatars/avatar-${i + 1}.jpg` },
      stories: [{ id: `${name}-1`, createdAt: t + i, media: media[i] }],
    }));
    await testApi('files/zero-js.json', { reels }, 'PUT');
    const frame = document.createElement('iframe');
    frame.style.inlineSize = '800px';
    frame.src = '/test/pages/zero-js.html';
    document.body.append(frame);
    const win = () => frame.contentWindow as (Window & { __violations?: string[] }) | null;
    await until(() => {
      const bar = win()?.document.querySelector<StoryBar>('story-bar');
      return bar?.state === 'ready';
    }, 'the embedded bar to show its feed', 15000);
    // The page really is under the policy: Trusted Types refuses a plain string.
    expect(() => {
      win()!.document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(/TrustedHTML/);
    await until(() => win()!.__violations!.length === 1, 'the canary’s own report');
    win()!.__violations!.length = 0;
    const bar = win()!.document.querySelector<StoryBar>('story-bar')!;
    const names = () => nameList(bar);
    // `ready` is set as the first rows render; the row size is measured right after.
    await until(() => names().length === 3, 'every ring once the row size is measured');
    expect(names()).to.deep.equal(['Cy', 'Bo', 'Ana']);
    const opened: string[] = [];
    win()!.document.addEventListener('story-open', (e) => opened.push((e as CustomEvent).detail.authorId));
    ringButton(rings(bar)[0]).click();
    expect(opened).to.deep.equal(['cy']);
    // The bar loads the viewer and plays Cy's HLS story, then Bo's mp4, under the policy.
    const viewed: string[] = [];
    win()!.document.addEventListener('story-view', (e) => viewed.push((e as CustomEvent).detail.storyId));
    await until(() => viewed.includes('Cy-1'), 'the HLS story to play in the viewer', 15000);
    const viewer = win()!.document.querySelector('story-viewer') as HTMLElement & { close(): void; open: boolean };
    const hlsVideo = shownMedia(viewer) as HTMLVideoElement;
    expect(hlsVideo.localName).to.equal('video');
    await until(() => hlsVideo.currentTime > 0.3, 'HLS playback under the policy', 8000);
    expect(hlsVideo.src).to.match(/^blob:/);
    viewer.close();
    // The sidebar too: opened as a modal panel, its rows rendered, closed again.
    const sidebar = win()!.document.querySelector('story-sidebar') as HTMLElement & { show(): void; hide(): void; open: boolean };
    (win()!.document.querySelector('[slot=trigger]') as HTMLButtonElement).click();
    await until(() => sidebar.open && rows(sidebar).length === 3, 'the sidebar rows');
    expect(sidebarNames(sidebar)).to.deep.equal(['Cy', 'Bo', 'Ana']);
    sidebar.hide();
    // Let the avatars load and the ring open: any violation would be reported by now.
    await until(() => rings(bar).every((r) => r.shadowRoot!.querySelector('img')?.complete), 'the avatars');
    expect(win()!.__violations).to.deep.equal([]);
    frame.remove();
  });

  it('the standalone script loads only the elements the page shows, and each one added later on first sight', async function () {
    this.timeout(30_000);
    const t = Date.now() - HOUR;
    const reels = [{ author: { id: 'ana', name: 'Ana' }, stories: [{ id: 'ana-1', createdAt: t, media: { kind: 'image', src: '/fixtures/media/photos/city.webp' } }] }];
    await testApi('files/standalone-lazy.json', { reels }, 'PUT');
    const frame = document.createElement('iframe');
    frame.src = '/test/pages/standalone-lazy.html';
    document.body.append(frame);
    const win = () => frame.contentWindow as (Window & { __violations?: string[] }) | null;
    await until(() => win()?.document.querySelector<StoryBar>('story-bar')?.state === 'ready', 'the bar', 15000);
    const scripts = () =>
      win()!
        .performance.getEntriesByType('resource')
        .map((e) => e.name.split('/').pop()!)
        .filter((n) => n.endsWith('.js'));
    // A page with a bar: its code, not the viewer's, the comments' or the composer's.
    expect(scripts().some((n) => n.startsWith('story-bar-'))).to.equal(true);
    for (const lazy of ['story-viewer-', 'story-comments-', 'story-composer-', 'viewers-tab-', 'story-sidebar-']) {
      expect(scripts().filter((n) => n.startsWith(lazy)), `${lazy} not loaded with the bar`).to.deep.equal([]);
    }
    // An element the page adds later is defined on first sight.
    const doc = win()!.document;
    const sidebar = doc.createElement('story-sidebar');
    doc.body.append(sidebar);
    await until(() => !!win()!.customElements.get('story-sidebar'), 'the sidebar defined once it appeared', 10000);
    expect(scripts().some((n) => n.startsWith('story-sidebar-'))).to.equal(true);
    expect(win()!.__violations, 'no CSP or Trusted Types violation').to.deep.equal([]);
    frame.remove();
  });
});
