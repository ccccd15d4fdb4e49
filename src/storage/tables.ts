/**
 * A few object stores behind one small interface, kept in IndexedDB (through idb) when the
 * browser allows it and in memory when it does not (private modes, a blocked or failed
 * upgrade, quota). Everything the library persists (the LocalAdapter's world, seen state)
 * goes through here, so the fallback is written once.
 */
import { openDB, type IDBPDatabase } from 'idb';

/** Key of a record: a string, a number, or an array of them for compound keys. */
export type Key = string | number | (string | number)[];

/** Object stores and their indexes, by name. */
export type Schema = Record<string, { keyPath: string | string[]; indexes?: Record<string, { keyPath: string | string[]; unique?: boolean }> }>;

/** An exact key, or a key range (matched with `IDBKeyRange.includes` in memory). */
export type Query = Key | IDBKeyRange;

export interface Tables {
  /** Where the data lives: 'indexeddb', or 'memory' after a fallback. */
  readonly kind: 'indexeddb' | 'memory';
  get<T>(store: string, key: Key): Promise<T | undefined>;
  getAll<T>(store: string, query?: Query): Promise<T[]>;
  getAllFromIndex<T>(store: string, index: string, query: Query): Promise<T[]>;
  /** The primary keys of the records whose `index` matches `query`: no record is read. */
  getAllKeysFromIndex(store: string, index: string, query: Query): Promise<Key[]>;
  put(store: string, value: object): Promise<void>;
  /** Puts many records in one transaction. */
  putAll(store: string, values: object[]): Promise<void>;
  /** Adds a record; resolves false instead of failing when a key or unique index already holds it. */
  add(store: string, value: object): Promise<boolean>;
  delete(store: string, key: Key): Promise<void>;
  /** Deletes every record of `store` whose `index` matches `query`; returns the deleted records. */
  deleteFromIndex<T>(store: string, index: string, query: Query): Promise<T[]>;
  clear(store: string): Promise<void>;
  close(): void;
}

/** How long an open may stay blocked by another tab before we fall back to memory. */
const BLOCKED_TIMEOUT = 3000;

function keyOf(record: Record<string, unknown>, keyPath: string | string[]): Key {
  return (Array.isArray(keyPath) ? keyPath.map((k) => record[k]) : record[keyPath]) as Key;
}

function matches(key: Key, query: Query): boolean {
  if (typeof IDBKeyRange !== 'undefined' && query instanceof IDBKeyRange) return query.includes(key);
  return JSON.stringify(key) === JSON.stringify(query);
}

/** The in-memory twin of IndexedDB tables: same answers, nothing survives a reload. */
export class MemoryTables implements Tables {
  readonly kind = 'memory' as const;
  private data = new Map<string, Map<string, Record<string, unknown>>>();

  constructor(private schema: Schema) {
    for (const name of Object.keys(schema)) this.data.set(name, new Map());
  }

  private table(store: string) {
    const table = this.data.get(store);
    if (!table) throw new Error(`No object store ${store}`);
    return table;
  }

  async get<T>(store: string, key: Key) {
    return structuredClone(this.table(store).get(JSON.stringify(key))) as T | undefined;
  }

  async getAll<T>(store: string, query?: Query) {
    const { keyPath } = this.schema[store];
    const rows = [...this.table(store).values()].filter((r) => query === undefined || matches(keyOf(r, keyPath), query));
    return structuredClone(rows) as T[];
  }

  /** The records of `store` whose `index` matches `query` (not copies). */
  private fromIndex(store: string, index: string, query: Query) {
    const { keyPath } = this.schema[store].indexes![index];
    return [...this.table(store).values()].filter((r) => matches(keyOf(r, keyPath), query));
  }

  async getAllFromIndex<T>(store: string, index: string, query: Query) {
    return structuredClone(this.fromIndex(store, index, query)) as T[];
  }

  async getAllKeysFromIndex(store: string, index: string, query: Query) {
    return this.fromIndex(store, index, query).map((r) => keyOf(r, this.schema[store].keyPath));
  }

  async put(store: string, value: object) {
    const record = structuredClone(value) as Record<string, unknown>;
    this.table(store).set(JSON.stringify(keyOf(record, this.schema[store].keyPath)), record);
  }

  async putAll(store: string, values: object[]) {
    for (const value of values) await this.put(store, value);
  }

  async add(store: string, value: object) {
    const record = value as Record<string, unknown>;
    const { keyPath, indexes = {} } = this.schema[store];
    const table = this.table(store);
    if (table.has(JSON.stringify(keyOf(record, keyPath)))) return false;
    for (const index of Object.values(indexes)) {
      if (!index.unique) continue;
      const key = JSON.stringify(keyOf(record, index.keyPath));
      for (const other of table.values()) if (JSON.stringify(keyOf(other, index.keyPath)) === key) return false;
    }
    await this.put(store, value);
    return true;
  }

  async delete(store: string, key: Key) {
    this.table(store).delete(JSON.stringify(key));
  }

  async deleteFromIndex<T>(store: string, index: string, query: Query) {
    const rows = await this.getAllFromIndex<Record<string, unknown>>(store, index, query);
    for (const row of rows) await this.delete(store, keyOf(row, this.schema[store].keyPath));
    return rows as T[];
  }

  async clear(store: string) {
    this.table(store).clear();
  }

  close() {}
}

class IdbTables implements Tables {
  readonly kind = 'indexeddb' as const;
  constructor(private db: IDBPDatabase) {}

  get<T>(store: string, key: Key) {
    return this.db.get(store, key) as Promise<T | undefined>;
  }
  getAll<T>(store: string, query?: Query) {
    return this.db.getAll(store, query) as Promise<T[]>;
  }
  getAllFromIndex<T>(store: string, index: string, query: Query) {
    return this.db.getAllFromIndex(store, index, query) as Promise<T[]>;
  }
  getAllKeysFromIndex(store: string, index: string, query: Query) {
    return this.db.getAllKeysFromIndex(store, index, query) as Promise<Key[]>;
  }
  async put(store: string, value: object) {
    await this.db.put(store, value);
  }
  async putAll(store: string, values: object[]) {
    const tx = this.db.transaction(store, 'readwrite');
    for (const value of values) void tx.store.put(value);
    await tx.done;
  }
  async add(store: string, value: object) {
    try {
      await this.db.add(store, value);
      return true;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'ConstraintError') return false;
      throw error;
    }
  }
  async delete(store: string, key: Key) {
    await this.db.delete(store, key);
  }
  async deleteFromIndex<T>(store: string, index: string, query: Query) {
    const tx = this.db.transaction(store, 'readwrite');
    const deleted: T[] = [];
    for (let cursor = await tx.store.index(index).openCursor(query); cursor; cursor = await cursor.continue()) {
      deleted.push(cursor.value as T);
      await cursor.delete();
    }
    await tx.done;
    return deleted;
  }
  async clear(store: string) {
    await this.db.clear(store);
  }
  close() {
    this.db.close();
  }
}

/**
 * Opens (creating or upgrading) database `name` with `schema`. Never rejects: when
 * IndexedDB cannot be used it resolves memory tables and calls `onFallback` with the reason.
 */
export async function openTables(name: string, version: number, schema: Schema, onFallback: (reason: unknown) => void): Promise<Tables> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    const blocked = new Promise<never>((_, reject) => {
      blockedTimer = setTimeout(() => reject(new Error(`Opening ${name} stayed blocked by another tab`)), BLOCKED_TIMEOUT);
    });
    let db: IDBPDatabase | undefined;
    const opening = openDB(name, version, {
      upgrade(database, _old, _new, tx) {
        for (const [storeName, def] of Object.entries(schema)) {
          const store = database.objectStoreNames.contains(storeName) ? tx.objectStore(storeName) : database.createObjectStore(storeName, { keyPath: def.keyPath });
          for (const [indexName, index] of Object.entries(def.indexes ?? {})) {
            if (!store.indexNames.contains(indexName)) store.createIndex(indexName, index.keyPath, { unique: index.unique ?? false });
          }
        }
      },
      // Another tab wants a newer schema: step aside so its upgrade completes.
      blocking() {
        db?.close();
      },
    }).then((opened) => (db = opened));
    try {
      return new IdbTables(await Promise.race([opening, blocked]));
    } catch (reason) {
      // If the open completes after we gave up on it, close it so it blocks nobody.
      opening.then((late) => late.close(), () => {});
      throw reason;
    } finally {
      clearTimeout(blockedTimer);
    }
  } catch (reason) {
    onFallback(reason);
    return new MemoryTables(schema);
  }
}
