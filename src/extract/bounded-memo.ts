// Remembers the results of a pure function of a string across documents, up to a bound a long ingest cannot outgrow.

/**
 * `compute` wrapped so that each distinct key is computed once while the table holds fewer than `limit`
 * keys; a full table is emptied and refilled, which keeps memory flat without bookkeeping per key.
 */
export function boundedMemo<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
