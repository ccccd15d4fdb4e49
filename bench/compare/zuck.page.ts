// The comparison page for zuck.js 2.1.1: its own minified script and styles are loaded by
// the page's <head> (classic script and stylesheets, as its README shows), and it is driven
// through its public API (`Zuck(element, { stories })`) and by clicks and taps, like a user.
import { report } from '../harness.js';
import { painted, runPhase, shown, tapNext, type DataAccount, type Driver } from './shared.js';

interface ZuckItem {
  id: string;
  type: string;
  length: number;
  src: string;
  preview: string;
  link: string;
  linkText: string;
  time: number;
  seen: boolean;
}
interface ZuckTimelineItem {
  id: string;
  photo: string;
  name: string;
  link: string;
  lastUpdated: number;
  items: ZuckItem[];
}
declare global {
  interface Window {
    Zuck: (timeline: HTMLElement, options: { stories: ZuckTimelineItem[] }) => unknown;
  }
}

// zuck.js takes times in seconds and story lengths in seconds.
function timeline(data: DataAccount[]): ZuckTimelineItem[] {
  return data.map((a) => ({
    id: a.id,
    photo: a.avatar,
    name: a.name,
    link: '',
    lastUpdated: Math.round(a.stories.at(-1)!.createdAt / 1000),
    items: a.stories.map((s) => ({
      id: s.id,
      type: 'photo',
      length: s.duration / 1000,
      src: s.src,
      // The bar's thumbnail of each story: the account's avatar (the data set has no other).
      preview: a.avatar,
      link: '',
      linkText: '',
      time: Math.round(s.createdAt / 1000),
      seen: false,
    })),
  }));
}

let bar: HTMLElement;
const modal = () => document.querySelector<HTMLElement>('#zuck-modal');
const viewing = () => document.querySelector<HTMLElement>('#zuck-modal .story-viewer.viewing');
const media = () => viewing()?.querySelector('.slides .item.active img.media') ?? null;

const driver: Driver = {
  async mountBar(data) {
    bar = document.createElement('div');
    bar.id = 'stories';
    bar.className = 'storiesWrapper';
    document.body.append(bar);
    window.Zuck(bar, { stories: timeline(data) });
  },
  open(accountId) {
    const done = shown([document.body], media);
    bar.querySelector<HTMLElement>(`.story[data-id="${accountId}"] .item-link`)!.click();
    return done;
  },
  next() {
    const done = shown([document.body], media, media());
    tapNext();
    return done;
  },
  async close() {
    viewing()!.querySelector<HTMLElement>('.close')!.click();
    // Its closing animation ends with the modal hidden.
    while (modal()!.style.display !== 'none') await painted();
    await painted();
  },
  current() {
    const el = media() as HTMLImageElement | null;
    return { el, ready: !!el?.complete && el.naturalWidth > 0, account: viewing()?.dataset.storyId ?? null };
  },
  async unmount() {
    bar.remove();
  },
};

report(await runPhase(driver));
