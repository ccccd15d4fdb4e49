import { openTables, type Tables } from './tables.js';

interface SeenRecord {
  key: string;
  expiresAt: number;
}

/**
 * Which stories this browser has seen, kept in IndexedDB for every adapter (so rings stay
 * grey after a reload, even on a read-only feed) and shared with other tabs. Records go
 * when their story expires. Namespaced by source, so two feeds with the same story ids
 * do not mix.
 */
export class SeenStore {
  private readonly tables: Promise<Tables>;
  private readonly channel?: BroadcastChannel;
  private readonly listeners = new Set<(storyId: string) => void>();

  constructor(
    private readonly namespace: string,
    onFallback: (reason: unknown) => void = () => {},
  ) {
    this.tables = openTables('stories-kit-state', 1, { seen: { keyPath: 'key', indexes: { expiresAt: { keyPath: 'expiresAt' } } } }, onFallback);
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel('stories-kit:seen');
      this.channel.onmessage = (e: MessageEvent<{ namespace: string; storyId: string }>) => {
        if (e.data?.namespace === this.namespace) for (const listener of this.listeners) listener(e.data.storyId);
      };
    }
  }

  private key(storyId: string): string {
    return `${this.namespace}|${storyId}`;
  }

  /** The ids of seen stories that are still live at `now`; purges the rest. */
  async load(now: number): Promise<Set<string>> {
    const t = await this.tables;
    await t.deleteFromIndex('seen', 'expiresAt', IDBKeyRange.upperBound(now));
    const prefix = `${this.namespace}|`;
    const rows = await t.getAll<SeenRecord>('seen', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    return new Set(rows.map((r) => r.key.slice(prefix.length)));
  }

  /** Remembers a seen story until it expires, and tells the other tabs. */
  async add(storyId: string, expiresAt: number): Promise<void> {
    await (await this.tables).put('seen', { key: this.key(storyId), expiresAt } satisfies SeenRecord);
    this.channel?.postMessage({ namespace: this.namespace, storyId });
  }

  /** Calls `listener` when another tab marks a story of this namespace seen. */
  onRemoteSeen(listener: (storyId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    this.tables.then((t) => t.close());
  }
}
