// The ingest stage: sources (files, folders, URLs, feeds, exports, stdin) → raw documents with metadata.
export { readInputs } from './read-inputs.ts';
export { listInputFiles, walkFolder } from './folder.ts';
export { loadManifest, parseManifest, isManifestShape, type Manifest, type ManifestEntry } from './manifest.ts';
export { decodeBytes, type DecodedText, type DecodeOptions } from './decode.ts';
export { extractArticle, type Article, type ExtractArticleOptions } from './html.ts';
export { toIsoDate } from './iso-date.ts';
export type { IngestOptions, IngestResult } from './types.ts';
