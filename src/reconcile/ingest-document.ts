// The whole path of one read document into the store — extract, put, reconcile — shared by `parley ingest` and `POST /api/ingest`.
import { InputError } from '../doc/errors.ts';
import type { RawDocument } from '../doc/types.ts';
import { defaultStages, processRawDocument } from '../extract/index.ts';
import type { Knowledge } from '../knowledge/index.ts';
import { StoreError } from '../store/errors.ts';
import type { PutStatus, Store } from '../store/store.ts';
import { reconcileDocument } from './index.ts';

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
