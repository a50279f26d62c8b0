// The whole path of one read document into the store — extract, put, reconcile — shared by `parley ingest` and `POST /api/ingest`.
import { InputError } from '../doc/errors.ts';
import type { RawDocument } from '../doc/types.ts';
import { defaultStages, processRawDocument } from '../extract/index.ts';
import type { Knowledge } from '../knowledge/index.ts';
import { StoreError } from '../store/errors.ts';
import type { PutStatus, Store } from '../store/store.ts';
import { reconcileDocument } from './index.ts';

/**
 * How much of a bulk ingest one commit covers. A commit rewrites every page the batch touched, and
 * consecutive documents share most of them (index interiors, recent merged facts), so committing per
 * document cost more than the writes. A batch still ends after a second, so other readers see
 * progress and an interrupted ingest loses at most that much (to be read again on the next run).
 */
export const ingestBatchLimits = { documents: 200, milliseconds: 1000 };

/**
 * An input not read within this time ends the batch before it is waited for: a batch holds the store's
 * write lock, and a slow read (a URL, a pipe) should not keep other writers out or hide finished work.
 */
const slowReadMs = 50;
const slowRead = Symbol('slow read');

function readWithin<V>(read: Promise<V>, ms: number): Promise<V | typeof slowRead> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof slowRead>((resolve) => {
    timer = setTimeout(() => resolve(slowRead), ms);
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Hands every item of `source` to `handle`, committing to `store` in batches of at most
 * `limits.documents` items or `limits.milliseconds` (whichever comes first). Items are read inside a
 * batch only while they come quickly; a slow one is waited for after committing what came before.
 */
export async function ingestInBatches<T>(store: Store, source: AsyncIterable<T>, handle: (item: T) => Promise<void>, limits = ingestBatchLimits): Promise<void> {
  const items = source[Symbol.asyncIterator]();
  let finished = false;
  let waiting: Promise<IteratorResult<T>> | null = null;
  try {
    for (;;) {
      const first = await (waiting ?? items.next());
      waiting = null;
      if (first.done) {
        finished = true;
        return;
      }
      await store.inBatch(async () => {
        const started = performance.now();
        await handle(first.value);
        for (let count = 1; count < limits.documents && performance.now() - started < limits.milliseconds; count += 1) {
          const read = items.next();
          const next = await readWithin(read, slowReadMs);
          if (next === slowRead) {
            waiting = read;
            return;
          }
          if (next.done) {
            finished = true;
            return;
          }
          await handle(next.value);
        }
      });
      if (finished) return;
    }
  } finally {
    if (!finished) await items.return?.();
  }
}

/**
 * Extracts, stores and reconciles one document. A document the extraction or the store refuses
 * is that input's failure (the store rolled it back); a store that cannot be written at all throws.
 */
export async function ingestDocument(store: Store, raw: RawDocument, kb: Knowledge): Promise<{ id: string; status: PutStatus } | InputError> {
  try {
    const doc = processRawDocument(raw, defaultStages, { kb });
    const result = await store.putDocument(doc);
    await reconcileDocument(store, doc);
    return { id: result.id, status: result.status };
  } catch (error) {
    if (error instanceof StoreError && error.code !== 'store:invalid-doc' && error.code !== 'store:constraint') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return new InputError(error instanceof StoreError ? error.code : 'extract:failed', raw.origin, reason);
  }
}
