// Routes an input's bytes to the reader for what they hold, once decoded: text, Markdown, HTML, feed or JSON export.
import { decodeBytes } from './decode.ts';
import { readFeed } from './feed.ts';
import { readHtmlPage } from './html.ts';
import { readJsonExport } from './json-export.ts';
import { charsetFromMarkup, resolveFormat, type InputFormat } from './sniff.ts';
import { readTextDocument } from './text.ts';
import type { IngestResult, InputSource, ReaderOptions } from './types.ts';

export interface ContentHint {
  /** The format the name or content type promises, or null to sniff. */
  format: InputFormat | null;
  /** A charset declared by the transport (HTTP header). */
  charset?: string | null;
}

/** The documents (or per-item errors) in `bytes`; throws an InputError naming `source` when the whole input is unusable. */
export async function* readContent(bytes: Uint8Array, source: InputSource, hint: ContentHint, options: ReaderOptions): AsyncGenerator<IngestResult> {
  const decoded = decodeBytes(bytes, source.origin, { declaredCharset: hint.charset ?? charsetFromMarkup(bytes) });
  const format = resolveFormat(decoded.text, hint.format);
  switch (format) {
    case 'text':
    case 'markdown':
      yield { ok: true, doc: readTextDocument(decoded.text, source, format, decoded.messages) };
      return;
    case 'html':
      yield { ok: true, doc: await readHtmlPage(decoded.text, source, decoded.messages) };
      return;
    case 'feed':
      yield* readFeed(decoded.text, source, options, decoded.messages);
      return;
    case 'json':
    case 'jsonl':
      yield* readJsonExport(decoded.text, source, { lines: format === 'jsonl' }, decoded.messages);
      return;
  }
}
