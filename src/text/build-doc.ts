// Builds the Doc for one raw document: clean the content, tokenize it, split it into sentences.
import type { Doc, DocMeta, RawDocument } from '../doc/types.ts';
import { cleanText } from './clean.ts';
import { docId } from './doc-id.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';

/** Metadata from the input wins where it is set; what cleaning found fills the gaps. */
function mergeMeta(given: DocMeta, found: Partial<DocMeta>): DocMeta {
  const merged: DocMeta = { ...given };
  for (const key of Object.keys(found) as (keyof DocMeta)[]) {
    const value = found[key];
    if (merged[key] === null && value !== undefined && value !== null) merged[key] = value;
  }
  return merged;
}

/** Builds the Doc for one raw document: clean, tokenize, split sentences; extraction lists start empty. */
export function buildDoc(raw: RawDocument): Doc {
  const cleaned = cleanText(raw);
  const tokens = tokenize(cleaned.text);
  const sentences = splitSentences(cleaned.text, tokens, { keepWhole: cleaned.headings });
  const messages = [...raw.messages, ...cleaned.messages];
  if (cleaned.text.length === 0) {
    messages.push({ rule: 'text:empty', reason: 'no article text is left after cleaning', severity: 'error' });
  }
  const meta = mergeMeta(raw.meta, cleaned.meta);
  return {
    id: docId(cleaned.text, meta),
    raw,
    meta,
    text: cleaned.text,
    sourceMap: cleaned.sourceMap,
    removed: cleaned.removed,
    headings: cleaned.headings,
    sentences,
    tokens,
    messages,
    entities: [],
    dates: [],
    quotes: [],
    quantities: [],
    stances: [],
    events: [],
  };
}
