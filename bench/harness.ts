/** What a browser benchmark page reports back to scripts/bench.mjs. */
export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 'count' | 'kB' | 'MB';
}

declare global {
  interface Window {
    __benchResult?: Figure[];
    __longestTask?: number;
  }
}

// The longest main-thread task while the page ran: the freeze a user would feel.
window.__longestTask = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask ?? 0, entry.duration);
}).observe({ type: 'longtask', buffered: true });

/** The longest main-thread task so far, in ms. */
export function longestTask(): number {
  return window.__longestTask ?? 0;
}

/** Median of `runs` timings of `work`, in ms (after one warm-up run). */
export async function median(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function report(figures: Figure[]): void {
  window.__benchResult = figures;
}
