// Publication metadata: an empty record to fill, and the precedence of flags over manifest over the document itself.
import type { DocMeta, RawDocument } from '../doc/types.ts';
import type { Manifest } from './manifest.ts';

export function emptyMeta(): DocMeta {
  return { title: null, byline: null, source: null, url: null, published: null, file: null, language: null };
}

export interface MetadataOverrides {
  manifest?: Manifest;
  /** ISO date from a flag. */
  published?: string | null;
  /** Outlet from a flag. */
  source?: string | null;
}

/**
 * `doc` with the manifest entry for its file and the flags applied. Flags win over everything; a manifest's
 * non-null `published`/`source` win over the document's own, its other fields only fill gaps.
 */
export function applyMetadataOverrides(doc: RawDocument, overrides: MetadataOverrides): RawDocument {
  const meta = { ...doc.meta };
  const entry = meta.file === null ? undefined : overrides.manifest?.entries.get(meta.file);
  if (entry) {
    meta.published = entry.published ?? meta.published;
    meta.source = entry.source ?? meta.source;
    meta.title = meta.title ?? entry.title;
    meta.url = meta.url ?? entry.url;
    meta.byline = meta.byline ?? entry.byline;
    meta.language = meta.language ?? entry.language;
  }
  if (overrides.published) meta.published = overrides.published;
  if (overrides.source) meta.source = overrides.source;
  return { ...doc, meta };
}

/** `base` with every non-null field of `extra` filling a gap (null fields in `base`). */
export function fillMetaGaps(base: DocMeta, extra: Partial<DocMeta>): DocMeta {
  const meta = { ...base };
  for (const key of Object.keys(meta) as (keyof DocMeta)[]) {
    meta[key] = meta[key] ?? extra[key] ?? null;
  }
  return meta;
}
