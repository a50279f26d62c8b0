// Test helper for extraction stages: turns a written sentence or article into a Doc through the real text stage.
import type { Doc, DocMeta } from '../../src/doc/types.ts';
import { buildDoc } from '../../src/text/index.ts';

const EMPTY_META: DocMeta = {
  title: null,
  byline: null,
  source: null,
  url: null,
  published: null,
  file: null,
  language: null,
};

/** A Doc built from plain `text` (format 'text'), with optional metadata such as `published`. */
export function makeDoc(text: string, meta?: Partial<DocMeta>): Doc {
  return buildDoc({
    origin: 'test',
    kind: 'stdin',
    format: 'text',
    content: text,
    original: null,
    meta: { ...EMPTY_META, ...meta },
    messages: [],
  });
}
