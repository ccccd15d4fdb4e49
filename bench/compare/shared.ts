// What the stories-kit and zuck.js comparison pages share: the generated data set, the phase
// a page runs, and the ways of measuring — the same for both libraries, so that only the
// library differs. Each page drives its library through its public API (and clicks, taps).
import type { Figure } from '../harness.js';

export interface DataStory {
  id: string;
  src: string;
  createdAt: number;
  /** How long the story shows, in ms. */
  duration: number;
}

export interface DataAccount {
  id: string;
  name: string;
  avatar: string;
  stories: DataStory[];
}

const PHOTOS = ['sunrise.jpg', 'forest.jpg', 'landscape.jpg', 'square.jpg'];

const params = new URLSearchParams(location.search);
/** Which part of the comparison this page load runs (one per fresh browser context). */
export const phase = params.get('phase') ?? '';
/** A progress line, printed by scripts/bench.mjs with BENCH_VERBOSE. */
export const log = (...args: unknown[]): void => console.log(...args);
/** The run's number: part of every image URL, so no run finds another's images in a cache. */
const run = params.get('run') ?? '0';

/** `count` accounts with 3 image stories each, every image at a URL of its own. */
export function accounts(count: number, duration: number, tag = phase): DataAccount[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, a) => ({
    id: `a${a}`,
    name: `Account ${a}`,
    avatar: `/fixtures/media/avatars/avatar-${(a % 12) + 1}.jpg`,
    stories: Array.from({ length: 3 }, (_, i) => ({
      id: `a${a}-s${i}`,
      src: `/fixtures/media/photos/${PHOTOS[(a * 3 + i) % PHOTOS.length]}?run=${run}&set=${tag}&a=${a}&s=${i}`,
      createdAt: now - 3_600_000 + a * 1000 + i,
      duration,
    })),
  }));
}

export const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** After the next frame has been painted. */
export const painted = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

/**
 * Resolves with the time of the animation frame that paints the media `find` returns, once
 * it is there, loaded and decoded. `find` is checked on every DOM change under `roots`, every
 * load event and every frame; `skip` is the media shown before (a new one is awaited).
 */
export function shown(roots: Node[], find: () => Element | null, skip: Element | null = null, timeout = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    const stop = () => {
      done = true;
      observer.disconnect();
      roots.forEach((r) => r.removeEventListener('load', check, true));
      clearTimeout(timer);
    };
    const check = () => {
      if (done) return;
      const el = find();
      if (!el || el === skip) return;
      if (el instanceof HTMLImageElement) {
        if (!el.complete || !el.naturalWidth) return;
        stop();
        el.decode().then(
          () => requestAnimationFrame(() => resolve(performance.now())),
          () => reject(new Error('image failed to decode')),
        );
      } else {
        // A canvas the library drew the decoded image into.
        stop();
        requestAnimationFrame(() => resolve(performance.now()));
      }
    };
    const observer = new MutationObserver(check);
    roots.forEach((r) => {
      observer.observe(r, { subtree: true, childList: true, attributes: true });
      r.addEventListener('load', check, true);
    });
    const timer = setTimeout(() => (stop(), reject(new Error(`${phase}: no image shown within ${timeout} ms`))), timeout);
    const poll = () => {
      if (done) return;
      check();
      requestAnimationFrame(poll);
    };
    poll();
  });
}

/** The innermost element at a point, through open shadow roots. */
function deepest(x: number, y: number): Element {
  let el = document.elementFromPoint(x, y)!;
  while (el.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

/** A mouse tap at (x, y) as a browser sends it: pointer and mouse events, then a click. */
export function tap(x: number, y: number): void {
  const target = deepest(x, y);
  const at = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true, button: 0, view: window };
  const pointer = { ...at, isPrimary: true, pointerId: 1, pointerType: 'mouse' };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, buttons: 1 }));
  target.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
  target.dispatchEvent(new PointerEvent('pointerup', pointer));
  target.dispatchEvent(new MouseEvent('mouseup', at));
  target.dispatchEvent(new MouseEvent('click', at));
}

/** A tap on the right part of the screen, where both libraries go to the next story. */
export function tapNext(): void {
  tap(innerWidth * 0.85, innerHeight * 0.5);
}

/** Long tasks (≥ 50 ms) from now until `stop()`. */
export function longTasks(): { stop: () => number[] } {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  return {
    stop: () => {
      tasks.push(...observer.takeRecords().map((e) => e.duration));
      observer.disconnect();
      return tasks;
    },
  };
}

/** Every node of the document, shadow roots included. */
export function domNodes(): number {
  let count = 0;
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      count++;
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  return count;
}

/** The JS heap after a full garbage collection, in MB. */
export async function heapAfterGc(): Promise<number> {
  await sleep(100);
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(100);
  (globalThis as { gc?: () => void }).gc?.();
  return ((performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / (1024 * 1024);
}

/**
 * What a library page implements: each step resolves once the viewer shows the media it
 * leads to (through `shown`), and returns when that frame was painted.
 */
export interface Driver {
  /** Mounts a bar over `data`; resolves once its rings are in the DOM. */
  mountBar(data: DataAccount[]): Promise<void>;
  /** Clicks an account's ring; resolves with the time its first image was painted. */
  open(accountId: string): Promise<number>;
  /** Taps the right of the viewer; resolves with the time the next story's image was painted. */
  next(): Promise<number>;
  /** Closes the viewer; resolves once it is gone. */
  close(): Promise<void>;
  /** The media element shown now, whether it is shown decoded (false: a stall), and whose story it is. */
  current(): { el: Element | null; ready: boolean; account: string | null };
  /** Removes everything mounted. */
  unmount(): Promise<void>;
}

/** Runs this page's phase with `driver`, and reports its figures. */
export async function runPhase(driver: Driver): Promise<Figure[]> {
  switch (phase) {
    case 'bar200':
    case 'bar1000': {
      const count = phase === 'bar200' ? 200 : 1000;
      const data = accounts(count, 10_000);
      await painted();
      const tasks = longTasks();
      const start = performance.now();
      await driver.mountBar(data);
      await painted();
      const time = performance.now() - start;
      // Work the bar leaves for after its first paint counts too.
      await sleep(300);
      return [
        { name: `bar of ${count.toLocaleString('en')}: mount → painted`, value: time, unit: 'ms' },
        { name: `bar of ${count.toLocaleString('en')}: long tasks`, value: tasks.stop().length, unit: 'count' },
      ];
    }
    case 'open': {
      // Stories long enough never to advance by themselves; each tap after a user-like pause.
      const data = accounts(12, 60_000);
      await driver.mountBar(data);
      await painted();
      await sleep(200);
      const start = performance.now();
      const cold = (await driver.open('a0')) - start;
      log('cold', cold);
      const warm: number[] = [];
      const within: number[] = [];
      const across: number[] = [];
      const timed = async (list: number[], step: () => Promise<number>) => {
        await sleep(500);
        const t0 = performance.now();
        list.push((await step()) - t0);
      };
      for (const a of [0, 6]) {
        if (a > 0) await timed([], () => driver.open(`a${a}`));
        await sleep(500);
        await driver.close();
        await sleep(300);
        await timed(warm, () => driver.open(`a${a}`));
        log('warm', a, warm.at(-1));
        // Taps until the viewer moves to the next account: each counted where it went.
        for (let taps = 0; taps < 4; taps++) {
          const from = driver.current().account;
          const into: number[] = [];
          await timed(into, () => driver.next());
          const moved = driver.current().account !== from;
          (moved ? across : within).push(...into);
          log(moved ? 'across' : 'within', into[0], driver.current().account);
          if (moved) break;
        }
        await sleep(300);
        await driver.close();
      }
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
      return [
        { name: 'click → first image, cold (first open)', value: cold, unit: 'ms' },
        { name: 'click → first image, warm (re-open after closing)', value: median(warm), unit: 'ms' },
        { name: 'next story within an account', value: median(within), unit: 'ms' },
        { name: 'next story into the next account', value: median(across), unit: 'ms' },
      ];
    }
    case 'play': {
      // 20 stories of 500 ms play by themselves: a frame without the current story's image
      // decoded is a stall (counted once per story), and so is a story that does not move on
      // by itself (then tapped on, as a person would); a gap over 50 ms between frames is a
      // long frame.
      const data = accounts(8, 500);
      await driver.mountBar(data);
      await painted();
      await sleep(300);
      await driver.open('a0');
      const tasks = longTasks();
      let last = performance.now();
      let longFrames = 0;
      let stalls = 0;
      let stalled: Element | null = null;
      let previous = driver.current().el;
      let stories = 1;
      let stops = 0;
      let changed = performance.now();
      while (stories <= 20) {
        const now = await frame();
        if (now - last > 50) longFrames++;
        last = now;
        const { el, ready } = driver.current();
        if (el !== previous) {
          previous = el;
          changed = now;
          stories++;
          log('story', stories, driver.current().account);
        } else if (now - changed > 500 + 700) {
          // The story did not move on by itself: a stall a person ends by tapping.
          stops++;
          stalls++;
          changed = now;
          log('stopped at story', stories, driver.current().account);
          tapNext();
        }
        if (!ready && stalled !== el) {
          stalled = el;
          stalls++;
        }
      }
      return [
        { name: 'play-through of 20 stories: stalls', value: stalls, unit: 'count' },
        { name: 'play-through of 20 stories: frames over 50 ms', value: longFrames, unit: 'count' },
        { name: 'play-through of 20 stories: stopped, tapped on (counted in stalls)', value: stops, unit: 'count' },
        { name: 'play-through of 20 stories: long tasks', value: tasks.stop().length, unit: 'count' },
      ];
    }
    case 'memory': {
      // A bar of 200 accounts; 200 stories watched one after another, each tapped once shown.
      const data = accounts(200, 60_000);
      await driver.mountBar(data);
      await painted();
      await driver.open('a0');
      // Past the opening animation (zuck.js grows its viewer out of the ring for 250 ms).
      await sleep(400);
      for (let i = 1; i < 200; i++) {
        await driver.next();
        log('memory', i, driver.current().account);
      }
      await painted();
      return [
        { name: 'JS heap after 200 stories (after GC)', value: await heapAfterGc(), unit: 'MB' },
        { name: 'DOM nodes after 200 stories', value: domNodes(), unit: 'count' },
      ];
    }
    default:
      throw new Error(`unknown phase ${phase}`);
  }
}
