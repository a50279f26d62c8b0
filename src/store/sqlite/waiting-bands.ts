// The LSH band keys of recently reconciled documents, waiting in a small table to be written into `sketch_bands` together.

/**
 * Band keys are random: each document's fifty land on fifty pages of a b-tree that grows with the store, and at
 * 100,000 documents nearly every key of a batch dirtied a page of its own, each written to the WAL and checkpointed
 * (the largest part of what a commit cost, and what grew most with the store). So a document's keys first wait in
 * `sketch_bands_waiting` (one row per document, appended in storage order) and, once `waitingLimit` documents wait,
 * go into `sketch_bands` together in key order, where many share a page. The waiting rows are what makes this safe:
 * a process that stops leaves them for the next one, and every connection reads them.
 *
 * This is the connection's copy of that table, for the near-duplicate lookup (see
 * ReconcileTables.findSketchCandidates): read when first needed, and read again after anything could have changed
 * the table behind it (another connection's commit, a rollback).
 */
export class WaitingBands {
  /** Documents waiting under each band key, in no order. */
  private readonly docsByKey = new Map<number, number[]>();
  private readonly keysByDoc = new Map<number, readonly number[]>();
  private loaded = false;

  /** Whether the copy is current; when not, `load` it from the table before use. */
  get current(): boolean {
    return this.loaded;
  }

  /** Documents waiting. */
  get size(): number {
    return this.keysByDoc.size;
  }

  /** Replaces the copy with the table's rows. */
  load(rows: Iterable<{ doc: number; keys: readonly number[] }>): void {
    this.clear();
    for (const { doc, keys } of rows) this.set(doc, keys);
    this.loaded = true;
  }

  /** The table may have changed behind the copy: it is read again when next needed. */
  unload(): void {
    this.clear();
    this.loaded = false;
  }

  /** `doc`'s waiting band keys are now `keys` (distinct), replacing any it had. */
  set(doc: number, keys: readonly number[]): void {
    this.remove(doc);
    if (keys.length === 0) return;
    this.keysByDoc.set(doc, keys);
    for (const key of keys) {
      const docs = this.docsByKey.get(key);
      if (docs) docs.push(doc);
      else this.docsByKey.set(key, [doc]);
    }
  }

  docsOf(key: number): readonly number[] | undefined {
    return this.docsByKey.get(key);
  }

  /** Every waiting (key, document) pair, in key order. */
  pairs(): [key: number, doc: number][] {
    const pairs: [number, number][] = [];
    for (const [key, docs] of this.docsByKey) for (const doc of docs) pairs.push([key, doc]);
    return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  private clear(): void {
    this.docsByKey.clear();
    this.keysByDoc.clear();
  }

  private remove(doc: number): void {
    for (const key of this.keysByDoc.get(doc) ?? []) {
      const docs = this.docsByKey.get(key);
      if (!docs) continue;
      const kept = docs.filter((other) => other !== doc);
      if (kept.length > 0) this.docsByKey.set(key, kept);
      else this.docsByKey.delete(key);
    }
    this.keysByDoc.delete(doc);
  }
}
