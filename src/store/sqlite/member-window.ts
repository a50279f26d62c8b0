// The first few member reports of each merged fact, read through the members' order index so that a fact reported by thousands of documents costs only the reports asked for.
import type { DocumentRef } from '../../doc/types.ts';
import type { MemberOptions, MemberReport, MergedKind } from '../store.ts';
import { factTables, storedFactId } from './fact-tables.ts';
import type { StatementCache } from './statement-cache.ts';
import type { MemberDbRow } from './reconcile-tables.ts';

// Facts are listed in slices of this many, each slice in id order, as the full member listing does.
const factSlice = 500;

interface MemberKey {
  doc: number;
  ordinal: number;
}

type MemberDetailRow = Omit<MemberDbRow, 'merged' | 'ordinal'>;

/**
 * Up to `options.perFact` members of each fact in `ids`, in the order of MemberOptions: by publication
 * (earliest or, with `latestFirst`, latest first; undated last), then by when the document was stored,
 * then by the report's place in its document. The (merged, published, doc, ordinal) index gives that
 * order, so each fact reads its first reports and stops; undated reports are read only when the dated
 * ones fall short.
 */
export function listMemberWindow<K extends MergedKind>(
  sql: StatementCache,
  kind: K,
  ids: readonly string[],
  options: MemberOptions & { perFact: number },
): Map<string, MemberReport<K>[]> {
  const { table, read } = factTables[kind];
  const range = [...(options.from !== undefined ? ['AND published >= ?'] : []), ...(options.to !== undefined ? ['AND published <= ?'] : [])].join(' ');
  const rangeParams = [...(options.from !== undefined ? [options.from] : []), ...(options.to !== undefined ? [options.to] : [])];
  const order = options.latestFirst ? 'published DESC, doc DESC, ordinal' : 'published, doc, ordinal';
  const dated = sql.get(`SELECT doc, ordinal FROM merged_members
    WHERE merged = ? AND published IS NOT NULL AND +kind = ? ${range} ORDER BY ${order} LIMIT ?`);
  // A date bound leaves undated reports out, as `published >= ?` does for a null date.
  const undated = range
    ? null
    : sql.get(`SELECT doc, ordinal FROM merged_members WHERE merged = ? AND published IS NULL AND +kind = ?
        ORDER BY doc ${options.latestFirst ? 'DESC' : ''}, ordinal LIMIT ?`);
  const detail = sql.get(`SELECT f.*, d.id AS document_id, d.published, d.source, d.file, d.url, d.title, d.ingested_at,
      r.source_group, r.story AS doc_story
    FROM ${table} f JOIN documents d ON d.seq = f.doc JOIN doc_reconcile r ON r.doc = f.doc
    WHERE f.doc = ? AND f.ordinal = ?`);

  const byFact = new Map<string, MemberReport<K>[]>();
  if (options.perFact <= 0) return byFact;
  for (let start = 0; start < ids.length; start += factSlice) {
    const slice = [...new Set(ids.slice(start, start + factSlice))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const id of slice) {
      const keys = dated.all(id, kind, ...rangeParams, options.perFact) as MemberKey[];
      if (undated && keys.length < options.perFact) keys.push(...(undated.all(id, kind, options.perFact - keys.length) as MemberKey[]));
      const members: MemberReport<K>[] = [];
      for (const key of keys) {
        const row = detail.get(key.doc, key.ordinal) as (MemberDetailRow & Record<string, unknown>) | undefined;
        if (!row) continue;
        const document: DocumentRef = { id: row.document_id, file: row.file, url: row.url, source: row.source, title: row.title, published: row.published };
        members.push({
          id: storedFactId(row.document_id, kind, key.ordinal),
          kind,
          documentId: row.document_id,
          published: row.published,
          source: row.source,
          fact: read(row as never) as MemberReport<K>['fact'],
          ordinal: key.ordinal,
          ingestedAt: row.ingested_at,
          sourceGroup: row.source_group,
          story: row.doc_story,
          document,
        });
      }
      if (members.length > 0) byFact.set(id, members);
    }
  }
  return byFact;
}
