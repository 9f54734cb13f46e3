/** The IndexedDB database that keeps recent files and autosaved work in the browser build. */
export const DB_NAME = 'momentum';
const DB_VERSION = 1;

/** The object stores: recent files keyed by id, autosaved work keyed by document kind. */
export type StoreName = 'recent' | 'autosave';

/** Wrap an IDBRequest in a promise. */
function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** A small promise API over one IndexedDB database; opens lazily and once. */
export class KeyValueDb {
  private db: Promise<IDBDatabase> | null = null;

  /** Use the database `name` from `factory` (the page's indexedDB unless a test passes another). */
  constructor(
    private readonly factory: IDBFactory = indexedDB,
    private readonly name: string = DB_NAME,
  ) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = this.factory.open(this.name, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('recent')) db.createObjectStore('recent', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('autosave')) db.createObjectStore('autosave', { keyPath: 'kind' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of Momentum'));
    });
    return this.db;
  }

  private async run<T>(store: StoreName, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open();
    const tx = db.transaction(store, mode);
    const result = done(fn(tx.objectStore(store)));
    // Wait for the commit, not just the request, so a put is durable before we say so.
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  }

  /** Return the record under `key`, or undefined. */
  get<T>(store: StoreName, key: string): Promise<T | undefined> {
    return this.run(store, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>);
  }

  /** Return every record of a store. */
  all<T>(store: StoreName): Promise<T[]> {
    return this.run(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>);
  }

  /** Write a record (its key is inside it). */
  async put(store: StoreName, value: unknown): Promise<void> {
    await this.run(store, 'readwrite', (s) => s.put(value));
  }

  /** Delete the record under `key`. */
  async delete(store: StoreName, key: string): Promise<void> {
    await this.run(store, 'readwrite', (s) => s.delete(key));
  }

  /** Delete every record of a store. */
  async clear(store: StoreName): Promise<void> {
    await this.run(store, 'readwrite', (s) => s.clear());
  }
}
