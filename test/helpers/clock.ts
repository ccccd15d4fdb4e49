import type { Clock } from '../../src/model/time.js';

/** A clock the test moves by hand; its timers fire, in order, only when time passes them. */
export class ManualClock implements Clock {
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  constructor(public time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + Math.max(0, ms), callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const due = this.timers[0];
      if (!due || due.at > target) break;
      this.timers.shift();
      this.time = due.at;
      due.callback();
    }
    this.time = target;
  }

  /** Pending timers, for asserting that nothing is scheduled. */
  get pending(): number {
    return this.timers.length;
  }
}
