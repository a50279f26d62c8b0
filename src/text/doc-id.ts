// The document id: a hash of the cleaned text and where it was published, so the same article read twice gets the same id
// while a verbatim copy at another outlet or URL stays a document of its own (rewrite detection groups them later).
import { hash } from 'node:crypto';
import type { DocMeta } from '../doc/types.ts';

/** First 32 hex characters of the SHA-256 of the cleaned text plus the url (or file name) and source. */
export function docId(cleanedText: string, meta: Pick<DocMeta, 'url' | 'file' | 'source'>): string {
  // The one-shot hash skips the Hash object a streaming digest needs; the bytes hashed are the same.
  return hash('sha256', `${cleanedText}\u0000${meta.url ?? meta.file ?? ''}\u0000${meta.source ?? ''}`, 'hex').slice(0, 32);
}
