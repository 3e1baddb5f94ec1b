import type { Store } from './port.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/**
 * Opens a store from a URL-like spec and applies its migrations:
 * `sqlite:PATH` (a file; `?synchronous=normal` to relax durability), `sqlite::memory:`,
 * or `mongodb://…` / `mongodb+srv://…` (a replica set; the database is the URL's path, default `onething`).
 * @example const store = await openStore('sqlite:.onething/data.sqlite')
 */
export async function openStore(spec: string): Promise<Store> {
  let store: Store;
  if (spec.startsWith('sqlite:')) {
    const [path = '', query = ''] = spec.slice('sqlite:'.length).split('?');
    if (!path) throw new Error('sqlite store needs a path: sqlite:PATH or sqlite::memory:');
    const synchronous = new URLSearchParams(query).get('synchronous');
    if (synchronous !== null && synchronous !== 'full' && synchronous !== 'normal') throw new Error('synchronous must be full or normal');
    store = new SqliteStore({ path, ...(synchronous ? { synchronous } : {}) });
  } else if (spec.startsWith('mongodb://') || spec.startsWith('mongodb+srv://')) {
    const { MongoStore } = await import('./mongodb/mongo-store.js');
    store = await MongoStore.connect(spec);
  } else {
    throw new Error(`unknown store "${spec}": use sqlite:PATH or mongodb://…`);
  }
  await store.migrate();
  return store;
}
