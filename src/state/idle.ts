/**
 * Runs `work` when the browser is idle (at the latest after `timeout` ms), so what the page
 * itself does comes first; where there is no `requestIdleCallback`, a little later.
 */
export function whenIdle(work: () => void, timeout = 500): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout });
  else setTimeout(work, 50);
}
