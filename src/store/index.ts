// The store: the interface, its shared helpers and the backends.
export * from './store.ts';
export * from './errors.ts';
export { openStore, type OpenStoreOptions } from './open.ts';
export { documentIdentity, normaliseUrl, textHash } from './identity.ts';
export { normaliseSpelling } from './spelling.ts';
export { parseSearchQuery, type SearchTerm } from './search-query.ts';
export { validateDoc } from './validate.ts';
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite/index.ts';
