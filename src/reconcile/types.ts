// What reconcile reads from a document: a Doc as built by the pipeline, or a stored document read back.
import type { Doc } from '../doc/types.ts';

export type ReconcileDoc = Pick<Doc, 'id' | 'meta' | 'text' | 'sentences' | 'entities' | 'stances' | 'events' | 'quantities' | 'quotes' | 'messages'>;
