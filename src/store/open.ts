// Opens the store a location names: a file path for the embedded SQLite store (PostgreSQL URLs once that backend lands).
import { StoreError } from './errors.ts';
import type { Store } from './store.ts';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.ts';

export type OpenStoreOptions = SqliteStoreOptions;

/** The store at `location`: `postgres://…` URLs are refused until that backend exists; anything else is a SQLite file path. */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new StoreError('store:open', `cannot open ${location}: the PostgreSQL store is not available yet; use a database file path`);
  }
  return openSqliteStore(location, options);
}
