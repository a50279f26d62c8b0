// Reads a manifest (publication metadata keyed by file name, the format of corpus/seeds/manifest.json) and recognises one.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { InputError } from '../doc/errors.ts';
import { toIsoDate } from './iso-date.ts';
import { describeJsonError } from './json-error.ts';

export interface ManifestEntry {
  file: string;
  source: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  title: string | null;
  url: string | null;
  byline: string | null;
  language: string | null;
}

export interface Manifest {
  /** Where the manifest was read from, for messages. */
  origin: string;
  /** Entries keyed by file base name. */
  entries: ReadonlyMap<string, ManifestEntry>;
}

/** Fields that carry an article's text: an entry with one of them is an export record, not manifest metadata. */
const textFields = ['text', 'html', 'content', 'body', 'content_html', 'content_text'] as const;

const optionalText = z.string().nullish();

const manifestEntrySchema = z.looseObject({
  file: z.string().min(1),
  source: optionalText,
  published: optionalText,
  title: optionalText,
  url: optionalText,
  byline: optionalText,
  author: optionalText,
  language: optionalText,
});

const manifestSchema = z.looseObject({
  documents: z.array(manifestEntrySchema),
});

/** Reads the manifest at `path`; throws an InputError naming it when it is missing, not JSON or not a manifest. */
export function loadManifest(path: string): Manifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ingest:not-found' : 'ingest:unreadable';
    throw new InputError(code, path, `cannot read the manifest (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError('ingest:invalid-json', path, `the manifest is not valid JSON: ${describeJsonError(error, text)}`);
  }
  return parseManifest(value, path);
}

/** The manifest held in an already-parsed JSON `value` read from `origin`. */
export function parseManifest(value: unknown, origin: string): Manifest {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new InputError('ingest:manifest', origin, `not a manifest ({ "documents": [{ "file": … }] }): ${issue.message}${where}`);
  }
  const entries = new Map<string, ManifestEntry>();
  for (const document of parsed.data.documents) {
    const file = basename(document.file);
    const published = presentText(document.published);
    const isoPublished = published === null ? null : toIsoDate(published);
    if (published !== null && isoPublished === null) {
      throw new InputError('ingest:manifest', origin, `the published date "${published}" of ${file} is not a date`);
    }
    entries.set(file, {
      file,
      source: presentText(document.source),
      published: isoPublished,
      title: presentText(document.title),
      url: presentText(document.url),
      byline: presentText(document.byline) ?? presentText(document.author),
      language: presentText(document.language),
    });
  }
  return { origin, entries };
}

/** Whether `value` is a file-keyed sidecar (a manifest, or gold annotations): documents that name a file but carry no text. */
export function isManifestShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const documents = (value as { documents?: unknown }).documents;
  if (!Array.isArray(documents) || documents.length === 0) return false;
  return documents.every((document: unknown) => {
    if (typeof document !== 'object' || document === null) return false;
    const record = document as Record<string, unknown>;
    return typeof record.file === 'string' && textFields.every((field) => record[field] === undefined);
  });
}

function presentText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
