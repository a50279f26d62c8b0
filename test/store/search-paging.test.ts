// Search on a store full of ties: every filter and page gives what one SQL query ordering all matches (relevance, then latest published, then first stored) gives.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { SearchOptions } from '../../src/store/store.ts';
import { parseSearchQuery } from '../../src/store/search-query.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { toFtsMatch } from '../../src/store/sqlite/fts-query.ts';
import { plainDoc } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-search-paging-'));
const path = join(dir, 'search.db');

// Repeated word for word across documents, so that many hits tie on relevance and only the tie-breaks order them.
const boilerplate = 'Envoys met again in the lakeside hotel to discuss the grain corridor.';
const variants = [
  'The grain corridor stayed open while envoys argued about inspections.',
  'Inspectors counted grain barges at the river mouth before noon.',
  'Nobody at the lakeside hotel would say when the corridor talks end.',
  'A short statement on the corridor came late in the evening.',
];
const sources = ['north.example', 'south.example', 'east.example'];

/** Document `n`: the boilerplate, two of the variants, a dated or undated publication, one of three outlets. */
function docNumber(n: number, revision = 0) {
  const day = String(1 + (n % 9)).padStart(2, '0');
  return plainDoc([variants[n % variants.length], boilerplate, variants[(n + 1 + revision) % variants.length]], {
    url: `https://${sources[n % sources.length]}/story-${n}`,
    source: sources[n % sources.length],
    published: n % 7 === 3 ? null : `2025-12-${day}`,
    title: `Corridor report ${n}`,
  });
}

/** The search order written as one query over every match (each indexed text joined to the sentences that carry it): the reference. */
function reference(db: Database.Database, query: string, options: SearchOptions): string[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (!options.includeSuperseded) clauses.push('d.is_current = 1');
  for (const [clause, value] of [['d.source = ?', options.source], ['d.published >= ?', options.since], ['d.published <= ?', options.until]] as const) {
    if (value === undefined) continue;
    clauses.push(clause);
    params.push(value);
  }
  const rows = db
    .prepare(`SELECT d.id AS document_id, s.ordinal FROM sentence_fts JOIN sentences k ON k.id = sentence_fts.rowid
      JOIN sentences s ON s.text_key = k.text_key JOIN documents d ON d.seq = s.doc
      WHERE sentence_fts MATCH ? ${clauses.map((clause) => `AND ${clause}`).join(' ')}
      ORDER BY bm25(sentence_fts), d.published DESC, s.id LIMIT ? OFFSET ?`)
    .all(toFtsMatch(parseSearchQuery(query)), ...params, options.limit ?? 20, options.offset ?? 0) as { document_id: string; ordinal: number }[];
  return rows.map((row) => `${row.document_id}#${row.ordinal}`);
}

describe('search ordering and paging on a store with many tied hits', () => {
  let store: SqliteStore;
  let db: Database.Database;

  before(async () => {
    store = await openSqliteStore(path);
    await store.putDocuments(Array.from({ length: 120 }, (_, n) => docNumber(n)));
    // New versions of some articles: their first versions drop out of search unless superseded ones are asked for.
    await store.putDocuments([5, 17, 40, 77].map((n) => docNumber(n, 1)));
    db = new Database(path, { readonly: true });
  });

  after(async () => {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const queries = ['lakeside hotel', 'grain', 'corridor', '"grain corridor"', 'envoys', 'statement evening'];
  const filters: SearchOptions[] = [
    {},
    { includeSuperseded: true },
    { source: 'south.example' },
    { source: 'nowhere.example' },
    { since: '2025-12-05' },
    { until: '2025-12-02' },
    { since: '2025-12-04', until: '2025-12-04' },
    { source: 'east.example', since: '2025-12-03', includeSuperseded: true },
  ];
  const pages: SearchOptions[] = [{}, { limit: 0 }, { limit: 0, offset: 4 }, { limit: 1 }, { limit: 7, offset: 3 }, { limit: 25, offset: 40 }, { limit: 200 }, { limit: 5, offset: 500 }];

  it('gives the same hits in the same order as ordering every match at once', async () => {
    for (const query of queries) {
      for (const filter of filters) {
        for (const page of pages) {
          const options = { ...filter, ...page };
          const hits = await store.search(query, options);
          assert.deepEqual(
            hits.map((hit) => `${hit.documentId}#${hit.sentence.index}`),
            reference(db, query, options),
            `${query} ${JSON.stringify(options)}`,
          );
        }
      }
    }
  });

  it('orders ties by the latest publication (undated last), then by the sentence stored first', async () => {
    const hits = await store.search('lakeside hotel', { limit: 200 });
    assert.ok(hits.length > 100, 'the boilerplate sentence is in every current document');
    const tied = hits.filter((hit) => hit.sentence.text === boilerplate);
    assert.ok(tied.every((hit) => hit.score === tied[0].score));
    const dates = tied.map((hit) => hit.published);
    const dated = dates.filter((date): date is string => date !== null);
    assert.deepEqual(dated, [...dated].sort().reverse());
    assert.ok(dates.indexOf(null) > dates.lastIndexOf(dated.at(-1) ?? null), 'undated hits come after every dated one');
  });

  it('pages through the hits without gaps or repeats', async () => {
    for (const filter of filters) {
      const all = (await store.search('corridor', { ...filter, limit: 500 })).map((hit) => `${hit.documentId}#${hit.sentence.index}`);
      const paged: string[] = [];
      for (let offset = 0; offset < all.length + 10; offset += 9) {
        paged.push(...(await store.search('corridor', { ...filter, limit: 9, offset })).map((hit) => `${hit.documentId}#${hit.sentence.index}`));
      }
      assert.deepEqual(paged, all, JSON.stringify(filter));
    }
  });

  it('leaves out superseded versions unless asked, and honours every filter', async () => {
    const current = await store.search('grain', { limit: 500 });
    const everything = await store.search('grain', { limit: 500, includeSuperseded: true });
    assert.ok(everything.length > current.length);
    const ids = new Set((await store.listDocuments()).map((summary) => summary.id));
    assert.ok(current.every((hit) => ids.has(hit.documentId)));
    const filtered = await store.search('grain', { source: 'south.example', since: '2025-12-03', until: '2025-12-06', limit: 500 });
    assert.ok(filtered.length > 0);
    for (const hit of filtered) {
      assert.equal(hit.source, 'south.example');
      assert.ok(hit.published !== null && hit.published >= '2025-12-03' && hit.published <= '2025-12-06');
    }
  });
});
