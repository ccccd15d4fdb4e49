/** What a browser benchmark page reports back to scripts/bench.mjs. */
export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 'count' | 'kB';
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

export function report(figures: Figure[]): void {
  window.__benchResult = figures;
}
