// The document id: a hash of the cleaned text and where it was published, so the same article read twice gets the same id
// while a verbatim copy at another outlet or URL stays a document of its own (rewrite detection groups them later).
import { createHash } from 'node:crypto';
import type { DocMeta } from '../doc/types.ts';

/** First 32 hex characters of the SHA-256 of the cleaned text plus the url (or file name) and source. */
export function docId(cleanedText: string, meta: Pick<DocMeta, 'url' | 'file' | 'source'>): string {
  return createHash('sha256')
    .update(cleanedText, 'utf8')
    .update(`\u0000${meta.url ?? meta.file ?? ''}\u0000${meta.source ?? ''}`, 'utf8')
    .digest('hex')
    .slice(0, 32);
}
