// The SQLite backend of the Store.
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite-store.ts';
export { applyMigrations, latestSchemaVersion, migrations, schemaVersion, type Migration, type MigrationOptions } from './migrations.ts';
