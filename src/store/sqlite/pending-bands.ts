// The LSH band keys of documents reconciled in the running batch, held back and written in key order when it commits.

/**
 * Band keys are random: written one document at a time, each of its fifty lands on another page of a large
 * b-tree, and SQLite's small page cache writes those pages out (and reads them back) many times over in a
 * batch. Held here until the batch commits, they go in sorted, each page written once. While they wait, the
 * near-duplicate lookup reads them from here beside the table (see ReconcileTables.findSketchCandidates).
 */
export class PendingBands {
  /** Documents waiting under each band key, in no order. */
  private readonly docsByKey = new Map<number, number[]>();
  private readonly keysByDoc = new Map<number, readonly number[]>();
  private open = false;

  /** Whether a batch is running: outside one, band keys are written at once. */
  get active(): boolean {
    return this.open;
  }

  begin(): void {
    this.discard();
    this.open = true;
  }

  /** `doc`'s band keys are now `keys` (distinct), replacing any it had waiting. */
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

  /** Every waiting (key, document) pair in key order, and the batch's keys forgotten. */
  drain(): [key: number, doc: number][] {
    const pairs: [number, number][] = [];
    for (const [key, docs] of this.docsByKey) for (const doc of docs) pairs.push([key, doc]);
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.discard();
    return pairs;
  }

  /** The batch is over without its keys (rolled back, or written). */
  discard(): void {
    this.docsByKey.clear();
    this.keysByDoc.clear();
    this.open = false;
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
