// The event lookup walks the term index from rows kept in memory: the walks must find what SQLite's walks of `merged_fact_terms` find, and the rows must follow every write.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { TermIndexCache, type TermChange, type TermRow, type TermWalk } from '../../src/store/sqlite/term-index-cache.ts';
import type { MergedFactQuery, MergedFactRow, Store } from '../../src/store/store.ts';
import { negotiationDoc, readFresh, reconcileUpdate as update } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-term-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const days = ['', '2025-10-30', '2025-11-01', '2025-11-02', '2025-11-10', '2025-11-24', '2025-11-25', '2025-12-01'];

/** The term index's table as the store declares it, in memory. */
function termTable(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE merged_fact_terms (term TEXT NOT NULL, window_start TEXT NOT NULL, window_end TEXT NOT NULL, fact TEXT NOT NULL,
    PRIMARY KEY (term, window_start, fact)) WITHOUT ROWID`);
  return db;
}

/** Rows as the table holds them (the cache keeps its day numbers beside them). */
function plain(rows: readonly TermRow[]): TermRow[] {
  return rows.map(({ windowStart, windowEnd, fact }) => ({ windowStart, windowEnd, fact }));
}

function tableRows(db: Database.Database, term: string): TermRow[] {
  return db.prepare('SELECT window_start AS windowStart, window_end AS windowEnd, fact FROM merged_fact_terms WHERE term = ? ORDER BY window_start, fact').all(term) as TermRow[];
}

/** The walks ReconcileTables ran in SQL before the rows were kept in memory. */
function walkBySql(db: Database.Database, term: string, walk: TermWalk): TermRow[] {
  const bounds = [
    ...(walk.windowTo !== undefined ? [{ clause: 'window_start <= ?', value: walk.windowTo }] : []),
    ...(walk.windowFrom !== undefined ? [{ clause: "(window_end = '' OR window_end >= ?)", value: walk.windowFrom }] : []),
  ];
  const extra = bounds.map((bound) => `AND ${bound.clause}`).join(' ');
  const columns = 'window_start AS windowStart, window_end AS windowEnd, fact';
  if (walk.startsBefore === undefined) {
    return db
      .prepare(`SELECT ${columns} FROM merged_fact_terms WHERE term = ? AND window_start >= ? ${extra} ORDER BY window_start, fact LIMIT ?`)
      .all(term, walk.startsFrom, ...bounds.map((bound) => bound.value), walk.limit) as TermRow[];
  }
  return db
    .prepare(`SELECT ${columns} FROM merged_fact_terms WHERE term = ? AND window_start >= ? AND window_start < ? ${extra} ORDER BY window_start DESC, fact DESC LIMIT ?`)
    .all(term, walk.startsFrom, walk.startsBefore, ...bounds.map((bound) => bound.value), walk.limit) as TermRow[];
}

describe('the term index kept in memory', () => {
  it('walks a term forward and back as SQLite walks its table, through the rows each update adds, replaces and deletes', () => {
    const next = random(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const db = termTable();
    const cache = new TermIndexCache(10_000);
    const terms = ['meeting|Russia|place:geneva', 'meeting|Ukraine|day:2025-11-25'];
    for (const term of terms) cache.set(term, []);
    const add = db.prepare('INSERT OR REPLACE INTO merged_fact_terms (term, window_start, window_end, fact) VALUES (?, ?, ?, ?)');
    const drop = db.prepare('DELETE FROM merged_fact_terms WHERE term = ? AND window_start = ? AND fact = ?');
    let walks = 0;
    for (let round = 0; round < 40; round += 1) {
      const changes: TermChange[] = [];
      for (let write = 0; write < 12; write += 1) {
        const term = pick(terms);
        const present = tableRows(db, term);
        if (present.length > 0 && next() < 0.3) {
          const row = pick(present);
          drop.run(term, row.windowStart, row.fact);
          changes.push({ term, ...row, change: 'deleted' });
        } else {
          const start = pick(days);
          const row = { windowStart: start, windowEnd: start === '' ? pick(['', ...days.slice(1)]) : pick(days.filter((day) => day >= start)), fact: `ev-${Math.floor(next() * 20)}` };
          add.run(term, row.windowStart, row.windowEnd, row.fact);
          changes.push({ term, ...row, change: 'added' });
        }
      }
      cache.changed(changes);
      for (const term of terms) {
        const rows = cache.get(term) ?? [];
        assert.deepEqual(plain(rows), tableRows(db, term), `round ${round}: the rows of ${term}`);
        for (const day of days.slice(1)) {
          for (const after of ['', '2025-11-01']) {
            for (const windowTo of [undefined, '2025-11-25']) {
              for (const windowFrom of [undefined, '2025-11-02']) {
                for (const walk of [
                  { startsFrom: day > after ? day : after, windowTo, windowFrom, limit: 3 },
                  { startsFrom: after, startsBefore: day, windowTo, windowFrom, limit: 3 },
                ]) {
                  assert.deepEqual(plain(TermIndexCache.walk(rows, TermIndexCache.prepare(walk))), walkBySql(db, term, walk), JSON.stringify({ term, ...walk }));
                  walks += 1;
                }
              }
            }
          }
        }
      }
    }
    assert.ok(walks > 5_000);
    db.close();
  });

  it('refuses a window day it could not order as the table does', () => {
    const cache = new TermIndexCache(10);
    assert.throws(() => cache.set('t', [{ windowStart: '2025-11-25T10:00', windowEnd: '', fact: 'ev-1' }]), /"2025-11-25T10:00" is not a YYYY-MM-DD day/);
    assert.throws(() => TermIndexCache.prepare({ startsFrom: 'November', limit: 3 }), /not a YYYY-MM-DD day/);
  });

  it('drops the terms read least recently once it holds more rows than it may', () => {
    const cache = new TermIndexCache(5);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ windowStart: '2025-11-25', windowEnd: '2025-11-25', fact: `ev-${i}` }));
    cache.set('a', rows(2));
    cache.set('b', rows(1));
    assert.ok(cache.get('a'));
    cache.set('c', rows(1));
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a')?.length, 2);
  });
});

const term = 'meeting|Russia|place:geneva';

function event(id: string, day: string): MergedFactRow<'event'> {
  return {
    id,
    kind: 'event',
    story: null,
    key: 'meeting',
    windowStart: day,
    windowEnd: day,
    date: day,
    attributes: { type: 'talks', status: 'happened', parties: ['Russia'], participants: [], place: 'Geneva', date: { start: day, end: day }, duration: null, outcome: null },
    tallies: {},
    terms: [term],
  };
}

/** The nearest event only: a fact wrongly kept under the term would take the one place. */
const nearestOne: MergedFactQuery = { keys: ['meeting'], terms: [term], nearest: { day: '2025-11-24', perTerm: 12, limit: 1 } };

async function nearestIds(store: Store): Promise<string[]> {
  return (await store.findMergedFacts('event', nearestOne)).map((fact) => fact.id);
}

describe('the event lookup through the term index kept in memory', () => {
  it('finds what a fresh connection finds after a window moves, a fact is deleted with its rows, and another connection writes', async () => {
    const path = join(dir, 'lookup.db');
    const mine = await openSqliteStore(path);
    const [a, b] = [negotiationDoc({ url: 'https://wire.example/geneva', published: '2025-11-20' }), negotiationDoc({ url: 'https://daily.example/geneva', published: '2025-11-24' })];
    await mine.putDocuments([a, b]);
    await mine.applyReconcile(update(a, { facts: [event('ev-a', '2025-11-20')], members: [{ merged: 'ev-a', fact: `${a.id}:event:0` }] }));
    await mine.applyReconcile(update(b, { facts: [event('ev-b', '2025-11-24')], members: [{ merged: 'ev-b', fact: `${b.id}:event:0` }] }));
    assert.deepEqual(await nearestIds(mine), ['ev-b']);
    // A new report moves ev-a's window onto the day: its rows move under the term.
    await mine.applyReconcile(update(b, { facts: [event('ev-a', '2025-11-24')] }));
    assert.deepEqual(await nearestIds(mine), ['ev-a']);
    assert.deepEqual(await nearestIds(mine), await readFresh(path, nearestIds));
    // b taken out of every fact: ev-b, left with no report, is deleted, and its rows with it.
    await mine.applyReconcile(update(b, { detach: true, sketch: null, facts: [event('ev-a', '2025-11-20')] }));
    assert.deepEqual(await readFresh(path, nearestIds), ['ev-a']);
    assert.deepEqual(await nearestIds(mine), ['ev-a']);
    const other = await openSqliteStore(path);
    await other.applyReconcile(update(a, { facts: [event('ev-c', '2025-11-24')], members: [{ merged: 'ev-c', fact: `${a.id}:event:1` }] }));
    await other.close();
    assert.deepEqual(await nearestIds(mine), ['ev-c']);
    await mine.close();
  });

  it('refuses, inside the update, a window the kept rows could not order', async () => {
    const store = await openSqliteStore(':memory:');
    const doc = negotiationDoc({ url: 'https://wire.example/geneva', published: '2025-11-24' });
    await store.putDocument(doc);
    const odd = { ...event('ev-odd', '2025-11-24'), windowStart: '24 November' };
    await assert.rejects(store.applyReconcile(update(doc, { facts: [odd], members: [{ merged: 'ev-odd', fact: `${doc.id}:event:0` }] })), /"24 November" is not a YYYY-MM-DD day/);
    assert.equal(await store.getMergedFact('ev-odd'), null);
    assert.deepEqual(await nearestIds(store), []);
    await store.close();
  });
});
