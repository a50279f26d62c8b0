// Reads plain-text and Markdown inputs as they are: cleaning (bylines, footers) is the text stage's job.
import { InputError } from '../doc/errors.ts';
import type { Message, RawDocument } from '../doc/types.ts';
import { readFrontMatter } from './front-matter.ts';
import { emptyMeta, fillMetaGaps } from './metadata.ts';
import type { InputSource } from './types.ts';

/** A raw document holding `text` as read; Markdown front matter becomes metadata and leaves the content. */
export function readTextDocument(text: string, source: InputSource, format: 'text' | 'markdown', messages: Message[] = []): RawDocument {
  const meta = { ...emptyMeta(), file: source.file, url: source.url };
  const frontMatter = format === 'markdown' ? readFrontMatter(text) : null;
  if (frontMatter) {
    if (frontMatter.body.trim() === '') throw new InputError('ingest:empty', source.origin, 'holds front matter but no text');
    return {
      origin: source.origin,
      kind: source.kind,
      format,
      content: frontMatter.body,
      original: text,
      meta: fillMetaGaps(meta, frontMatter.meta),
      messages,
    };
  }
  return { origin: source.origin, kind: source.kind, format, content: text, original: null, meta, messages };
}
