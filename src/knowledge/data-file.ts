// Reads a JSON knowledge file from src/knowledge/data once and caches it: lexicons are data, not code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');
const cache = new Map<string, unknown>();

/** The parsed contents of `src/knowledge/data/<name>` (a JSON file). */
export function readDataFile<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    value = JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
    cache.set(name, value);
  }
  return value as T;
}
