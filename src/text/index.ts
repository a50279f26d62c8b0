// The text stage: raw document → cleaned text with a source map, tokens and sentences, as a Doc ready for extraction.
export { buildDoc } from './build-doc.ts';
export { cleanText, type CleanResult } from './clean.ts';
export { docId } from './doc-id.ts';
export { splitSentences, type SplitOptions } from './sentences.ts';
export { toSourceOffset, toSourceRange } from './source-map.ts';
export { tokenize } from './tokens.ts';
