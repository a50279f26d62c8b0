// Reads JSON and JSON Lines exports (arrays of records, { items|articles|documents }, one record, JSON Feed) into raw documents.
import { basename } from 'node:path';
import { z } from 'zod';
import { InputError } from '../doc/errors.ts';
import type { DocMeta, Message, RawDocument } from '../doc/types.ts';
import { extractArticle, extractorWarning, hasReadableText } from './html.ts';
import { toIsoDate } from './iso-date.ts';
import { describeJsonError } from './json-error.ts';
import { isManifestShape } from './manifest.ts';
import { emptyMeta, fillMetaGaps } from './metadata.ts';
import { looksLikeHtml, looksLikeHtmlPage, looksLikeMarkdown } from './sniff.ts';
import type { IngestResult, InputSource } from './types.ts';

export interface ReadJsonExportOptions {
  /** The input is JSON Lines (one record per line) by its name or content type. */
  lines?: boolean;
}

const optionalText = z.string().nullish();
const optionalDate = z.union([z.string(), z.number()]).nullish();
const person = z.union([z.string(), z.looseObject({ name: z.string().nullish() })]);
const outlet = z.union([z.string(), z.looseObject({ name: z.string().nullish() })]).nullish();

const recordSchema = z.looseObject({
  title: optionalText,
  headline: optionalText,
  text: optionalText,
  content_text: optionalText,
  html: optionalText,
  content_html: optionalText,
  content: optionalText,
  body: optionalText,
  url: optionalText,
  link: optionalText,
  external_url: optionalText,
  published: optionalDate,
  publishedAt: optionalDate,
  published_at: optionalDate,
  date_published: optionalDate,
  pubDate: optionalDate,
  date: optionalDate,
  source: outlet,
  outlet: outlet,
  site: outlet,
  publisher: outlet,
  byline: optionalText,
  author: z.union([person, z.array(person)]).nullish(),
  authors: z.array(person).nullish(),
  language: optionalText,
  lang: optionalText,
  file: optionalText,
});

type ExportRecord = z.infer<typeof recordSchema>;

/** Container-level defaults a record falls back on (an export's outlet, a JSON Feed's title). */
interface ExportDefaults {
  source: string | null;
  language: string | null;
}

interface RecordInput {
  value: unknown;
  source: InputSource;
  /** Why the record could not even be parsed (a broken line of JSON Lines). */
  error?: InputError;
}

/**
 * One result per record of the export in `text`. A file that is not JSON throws `ingest:invalid-json`; a bad record
 * yields an error for that record only (`origin#N`) and the others go on.
 */
export async function* readJsonExport(text: string, source: InputSource, options: ReadJsonExportOptions = {}, messages: Message[] = []): AsyncGenerator<IngestResult> {
  const { records, defaults } = options.lines ? { records: splitJsonLines(text, source), defaults: noDefaults() } : parseExport(text, source);
  if (records.length === 0) throw new InputError('ingest:empty', source.origin, 'the export holds no records');
  for (const record of records) {
    try {
      yield { ok: true, doc: await readRecord(record, defaults, messages) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield { ok: false, error };
    }
  }
}

function parseExport(text: string, source: InputSource): { records: RecordInput[]; defaults: ExportDefaults } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // A .json file holding one object per line is read as JSON Lines rather than refused.
    if (isJsonLines(text)) return { records: splitJsonLines(text, source), defaults: noDefaults() };
    throw new InputError('ingest:invalid-json', source.origin, `invalid JSON: ${describeJsonError(error, text)}`);
  }
  if (isManifestShape(value)) {
    throw new InputError('ingest:not-an-export', source.origin, 'documents that name a "file" but hold no text: a manifest or annotations, not an export of articles (pass a manifest with --manifest)');
  }
  if (Array.isArray(value)) return { records: numbered(value, source), defaults: noDefaults() };
  if (typeof value !== 'object' || value === null) {
    throw new InputError('ingest:invalid-record', source.origin, 'expected an array of records, { "items": [...] } or one record');
  }
  const container = value as Record<string, unknown>;
  const list = [container.items, container.articles, container.documents].find(Array.isArray);
  if (list === undefined) return { records: [{ value, source }], defaults: noDefaults() };
  const isJsonFeed = typeof container.version === 'string' && container.version.includes('jsonfeed');
  return {
    records: numbered(list, source),
    defaults: {
      source: outletName(container.source) ?? outletName(container.outlet) ?? outletName(container.site) ?? (isJsonFeed ? outletName(container.title) : null),
      language: typeof container.language === 'string' ? container.language : null,
    },
  };
}

function numbered(values: unknown[], source: InputSource): RecordInput[] {
  return values.map((value, index) => ({ value, source: recordSource(source, index + 1) }));
}

function splitJsonLines(text: string, source: InputSource): RecordInput[] {
  const records: RecordInput[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const itemSource = recordSource(source, records.length + 1);
    try {
      records.push({ value: JSON.parse(line), source: itemSource });
    } catch (error) {
      const reason = `invalid JSON: ${describeJsonError(error, line, { firstLine: index + 1 })}`;
      records.push({ value: null, source: itemSource, error: new InputError('ingest:invalid-json', itemSource.origin, reason) });
    }
  }
  return records;
}

function isJsonLines(text: string): boolean {
  const first = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  if (!first.startsWith('{') || first === text.trim()) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

function recordSource(source: InputSource, n: number): InputSource {
  return { origin: `${source.origin}#${n}`, kind: 'json-record', file: null, url: null };
}

async function readRecord(input: RecordInput, defaults: ExportDefaults, messages: Message[]): Promise<RawDocument> {
  const { source } = input;
  if (input.error) throw input.error;
  if (typeof input.value !== 'object' || input.value === null || Array.isArray(input.value)) {
    throw new InputError('ingest:invalid-record', source.origin, 'the record is not an object');
  }
  const parsed = recordSchema.safeParse(input.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError('ingest:invalid-record', source.origin, `the record's ${issue.path.join('.') || 'value'} is invalid: ${issue.message}`);
  }
  const record = parsed.data;
  const url = record.url ?? record.link ?? record.external_url ?? null;
  const meta: DocMeta = {
    ...emptyMeta(),
    title: present(record.title) ?? present(record.headline),
    byline: present(record.byline) ?? personNames(record.author) ?? personNames(record.authors),
    source: outletName(record.source) ?? outletName(record.outlet) ?? outletName(record.site) ?? outletName(record.publisher) ?? defaults.source,
    url: present(url),
    published: toIsoDate(record.published ?? record.publishedAt ?? record.published_at ?? record.date_published ?? record.pubDate ?? record.date),
    file: present(record.file) === null ? source.file : basename(record.file as string),
    language: present(record.language) ?? present(record.lang) ?? defaults.language,
  };
  const body = recordBody(record, source.origin);
  if (body.kind === 'text') {
    return { origin: source.origin, kind: source.kind, format: looksLikeMarkdown(body.value) ? 'markdown' : 'text', content: body.value, original: null, meta, messages: [...messages] };
  }
  const article = await extractArticle(body.value, { url: meta.url, fragment: !looksLikeHtmlPage(body.value) });
  if (!hasReadableText(article.markdown)) {
    throw new InputError('ingest:no-article-text', source.origin, `the record's ${body.field} holds no article text`);
  }
  return {
    origin: source.origin,
    kind: source.kind,
    format: 'markdown',
    content: article.markdown,
    original: body.value,
    meta: fillMetaGaps(meta, { title: article.title, byline: article.byline, published: article.published, source: article.site, language: article.language }),
    messages: [...messages, ...article.warnings.map(extractorWarning)],
  };
}

/** The record's article: plain-text fields first, then HTML ones; `content`/`body` are HTML when they carry markup. */
function recordBody(record: ExportRecord, origin: string): { kind: 'text' | 'html'; field: string; value: string } {
  const candidates: [string, string | null | undefined, 'text' | 'html' | 'either'][] = [
    ['text', record.text, 'text'],
    ['content_text', record.content_text, 'text'],
    ['html', record.html, 'html'],
    ['content_html', record.content_html, 'html'],
    ['content', record.content, 'either'],
    ['body', record.body, 'either'],
  ];
  const given = candidates.filter(([, value]) => typeof value === 'string');
  const [field, value, kind] = given.find(([, candidate]) => (candidate as string).trim() !== '') ?? [];
  if (field === undefined || typeof value !== 'string') {
    if (given.length > 0) throw new InputError('ingest:empty', origin, `the record's ${given[0][0]} is empty`);
    throw new InputError('ingest:no-text', origin, 'the record has no text (expected one of text, html, content or body)');
  }
  const resolved = kind === 'either' ? (looksLikeHtml(value) ? 'html' : 'text') : (kind as 'text' | 'html');
  return { kind: resolved, field, value: resolved === 'text' ? value.trim() : value };
}

function personNames(value: ExportRecord['author']): string | null {
  if (value === null || value === undefined) return null;
  const people = Array.isArray(value) ? value : [value];
  const names = people.map((entry) => (typeof entry === 'string' ? entry : entry.name ?? '').trim()).filter((name) => name !== '');
  return names.length > 0 ? names.join(', ') : null;
}

function outletName(value: unknown): string | null {
  if (typeof value === 'string') return present(value);
  if (typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string') return present((value as { name: string }).name);
  return null;
}

function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function noDefaults(): ExportDefaults {
  return { source: null, language: null };
}
