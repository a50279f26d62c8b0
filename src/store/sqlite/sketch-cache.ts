// The sketches of the documents reconciled last, kept in memory for the near-duplicate lookup.
import { LRUCache } from 'lru-cache';
import type { SketchCandidate } from '../store.ts';

/** What a near-duplicate candidate needs of a stored document, apart from how many bands it shares. */
export type CachedSketch = Omit<SketchCandidate, 'sharedBands'>;

/**
 * Each new document compares its sketch with a few dozen stored ones that share an LSH band, and reading
 * those scattered rows was most of the lookup's cost. Nearly all candidates are recent: each band lists its
 * most recently stored documents first (on 40,000 generated articles, 97% of candidates were among the last
 * 10,000 stored, 99% among the last 20,000). So the sketches written or read last are kept here, the least
 * recently used dropped first.
 *
 * The cache is only right while this connection is the only writer: the store empties it when another
 * connection has committed (`PRAGMA data_version`) or a transaction of its own was rolled back, and tells it
 * about every sketch, source group and story its own reconcile writes.
 */
export class SketchCache {
  private readonly entries: LRUCache<number, CachedSketch>;

  constructor(capacity: number) {
    this.entries = new LRUCache({ max: capacity });
  }

  get(doc: number): CachedSketch | undefined {
    return this.entries.get(doc);
  }

  set(doc: number, sketch: CachedSketch): void {
    this.entries.set(doc, sketch);
  }

  /** The document was taken out of its story (its sketch and source group stay). */
  storyCleared(doc: number): void {
    const sketch = this.entries.peek(doc);
    if (sketch) this.entries.set(doc, { ...sketch, story: null });
  }

  delete(doc: number): void {
    this.entries.delete(doc);
  }

  clear(): void {
    this.entries.clear();
  }
}
