// Member windows may come from a cache: after every kind of write, by this connection or another, they must equal what an uncached read gives.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { Doc } from '../../src/doc/types.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { MemberWindowCache } from '../../src/store/sqlite/member-window.ts';
import type { MemberOptions, MemberReport, MergedFactRow, ReconcileUpdate, Store, StoryRow } from '../../src/store/store.ts';
import { negotiationDoc, reconcileUpdate as update } from './fixtures.ts';

type Window = MemberOptions & { perFact: number };

const mainFact = 'st-main';
const sideFact = 'st-side';

function stanceFact(id: string): MergedFactRow<'stance'> {
  const act = id === sideFact ? 'accept' : 'reject';
  return {
    id, kind: 'stance', story: null, key: `Ukraine|territory|${act}`, windowStart: null, windowEnd: null, date: null, tallies: {},
    attributes: { party: 'Ukraine', issue: 'territory', act, actors: [], summary: 'withdrawing troops', confidence: 0.8 },
  };
}

/** The update reconcile would write for `doc` reporting its stances `ordinals` into `fact`. */
function reports(doc: Doc, fact: string, ordinals: readonly number[] = [0], fields: Partial<ReconcileUpdate> = {}): ReconcileUpdate {
  return update(doc, { facts: [stanceFact(fact)], members: ordinals.map((ordinal) => ({ merged: fact, fact: `${doc.id}:stance:${ordinal}` })), ...fields });
}

/** The n-th outlet's copy of the Geneva story; `published` null leaves it undated. */
function outlet(n: number, published: string | null): Doc {
  return negotiationDoc({ url: `https://outlet${n}.example/geneva`, source: `outlet${n}.example`, published });
}

const day = (n: number) => `2025-11-${String(n).padStart(2, '0')}`;

/** Pseudo-random numbers in [0, 1) from a seed (mulberry32), so a failing sequence replays exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Latest published first, undated last: the documents in reverse, each document's reports still in their order. */
function latestFirst(earliestFirst: readonly MemberReport[]): MemberReport[] {
  // In the earliest-first listing a document's reports are next to each other (same date, same storage place).
  const documents: MemberReport[][] = [];
  for (const member of earliestFirst) {
    const last = documents.at(-1);
    if (last && last[0].documentId === member.documentId) last.push(member);
    else documents.push([member]);
  }
  const dated = documents.filter((reports) => reports[0].published !== null).reverse();
  const undated = documents.filter((reports) => reports[0].published === null).reverse();
  return [...dated, ...undated].flat();
}

/** The window `options` asks for, cut from a fact's full listing (earliest published first, undated last, then storage order and place). */
function windowOf(all: readonly MemberReport[], options: Window): MemberReport[] {
  const bounded = options.from !== undefined || options.to !== undefined;
  const inRange = bounded
    ? all.filter((member) => member.published !== null && (options.from === undefined || member.published >= options.from) && (options.to === undefined || member.published <= options.to))
    : [...all];
  return (options.latestFirst ? latestFirst(inRange) : inRange).slice(0, options.perFact);
}

const windows: readonly Window[] = [
  { perFact: 1 },
  { perFact: 2 },
  { perFact: 3, from: day(8), to: day(20) },
  { perFact: 5, latestFirst: true },
  { perFact: 4, from: day(15) },
  { perFact: 2, to: day(10) },
  { perFact: 3, from: day(6), to: day(24), latestFirst: true },
  { perFact: 60 },
];

/** Every window of `facts`, read twice (the second read comes from the cache when the first was kept), equals the one cut from the full listing. */
async function assertWindows(store: Store, facts: readonly string[], label: string): Promise<void> {
  const all = await store.listMembers('stance', facts);
  for (const options of windows) {
    for (const round of ['first', 'second']) {
      const got = await store.listMembers('stance', [...facts].reverse().concat(facts[0]), options);
      const expected = new Map(facts.map((id) => [id, windowOf(all.get(id) ?? [], options)] as const).filter(([, members]) => members.length > 0));
      const where = `${label}, ${round} read of ${JSON.stringify(options)}`;
      assert.deepStrictEqual([...got.keys()].sort(), [...expected.keys()].sort(), where);
      for (const [id, members] of expected) assert.deepStrictEqual(got.get(id), members, `${where}: ${id}`);
    }
  }
}

/** Counts the window reads served from the cache. */
function cacheHits(t: TestContext): () => number {
  const get = t.mock.method(MemberWindowCache.prototype, 'get');
  return () => get.mock.calls.filter((call) => call.result !== undefined).length;
}

/** Reads one window of one fact and tells whether it came from the cache. */
async function readWindow(store: Store, hits: () => number, fact: string, options: Window): Promise<{ ids: string[]; cached: boolean }> {
  const before = hits();
  const members = (await store.listMembers('stance', [fact], options)).get(fact) ?? [];
  return { ids: members.map((member) => member.documentId), cached: hits() > before };
}

describe('member window cache', () => {
  it('keeps every window equal to the full listing while ~40 reports join one fact in seeded random order', async (t) => {
    const hits = cacheHits(t);
    const store = await openSqliteStore(':memory:');
    const random = seeded(0x5eed2025);
    // Few distinct days, so many reports share a date; some documents undated.
    const docs = Array.from({ length: 40 }, (_, n) => outlet(n, random() < 0.15 ? null : day(4 + Math.floor(random() * 12) * 2)));
    const published = new Map(docs.map((doc) => [doc.id, doc.meta.published]));
    // Some documents are stored before the others are reconciled, so storage order and reconcile order differ.
    const storedEarly = shuffled(docs, random).slice(0, 12);
    const stored = new Map<string, number>();
    /** The full listing of each fact as the order of MemberOptions defines it, kept by hand to check the store's. */
    const model = new Map<string, { id: string; published: string | null; stored: number; ordinal: number }[]>([[mainFact, []], [sideFact, []]]);
    const modelIds = (fact: string) =>
      [...(model.get(fact) ?? [])]
        .sort((a, b) =>
          a.published === b.published
            ? a.stored - b.stored || a.ordinal - b.ordinal
            : a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? -1 : 1,
        )
        .map((entry) => entry.id);
    const paths = { kept: 0, dropped: 0, undated: 0, sameDay: 0, storedBeforeEarlier: 0 };
    const watched: Window[] = [{ perFact: 2 }, { perFact: 3, from: day(8), to: day(20) }];
    const documentOf = (factId: string) => factId.split(':')[0];
    const windowIds = (fact: string, options: Window) =>
      modelIds(fact)
        .filter((id) => {
          if (options.from === undefined && options.to === undefined) return true;
          const date = published.get(documentOf(id)) ?? null;
          return date !== null && (options.from === undefined || date >= options.from) && (options.to === undefined || date <= options.to);
        })
        .slice(0, options.perFact)
        .map(documentOf);

    await store.inBatch(async () => {
      for (const doc of storedEarly) await store.putDocument(doc);
      storedEarly.forEach((doc, n) => stored.set(doc.id, n));
      for (const [step, doc] of shuffled(docs, random).entries()) {
        if (!stored.has(doc.id)) {
          await store.putDocument(doc);
          stored.set(doc.id, stored.size);
        }
        const mainOrdinals = random() < 0.3 ? [0, 2] : [0];
        const side = random() < 0.3;
        const date = doc.meta.published;
        const datesBefore = new Set((model.get(mainFact) ?? []).map((entry) => entry.published));
        if (date === null) paths.undated += 1;
        else if (datesBefore.has(date)) paths.sameDay += 1;
        if ((model.get(mainFact) ?? []).some((entry) => entry.published === date && entry.stored > (stored.get(doc.id) ?? 0))) paths.storedBeforeEarlier += 1;
        const windowsBefore = watched.map((options) => windowIds(mainFact, options));

        await store.applyReconcile(
          update(doc, {
            facts: [stanceFact(mainFact), ...(side ? [stanceFact(sideFact)] : [])],
            members: [...mainOrdinals.map((ordinal) => ({ merged: mainFact, fact: `${doc.id}:stance:${ordinal}` })), ...(side ? [{ merged: sideFact, fact: `${doc.id}:stance:1` }] : [])],
          }),
        );
        for (const ordinal of mainOrdinals) model.get(mainFact)?.push({ id: `${doc.id}:stance:${ordinal}`, published: date, stored: stored.get(doc.id) ?? 0, ordinal });
        if (side) model.get(sideFact)?.push({ id: `${doc.id}:stance:1`, published: date, stored: stored.get(doc.id) ?? 0, ordinal: 1 });

        // A window the new report does not reach is read from the cache; one it reaches is read again and shows it.
        for (const [n, options] of watched.entries()) {
          const { ids, cached } = await readWindow(store, hits, mainFact, options);
          const changed = JSON.stringify(windowIds(mainFact, options)) !== JSON.stringify(windowsBefore[n]);
          assert.deepStrictEqual(ids, windowIds(mainFact, options), `step ${step}: ${JSON.stringify(options)}`);
          assert.equal(cached, step > 0 && !changed, `step ${step}: ${JSON.stringify(options)} read from the cache only when the new report left it alone`);
          if (n === 0) paths[changed ? 'dropped' : 'kept'] += 1;
        }
        const all = await store.listMembers('stance', [mainFact, sideFact]);
        for (const fact of [mainFact, sideFact]) assert.deepStrictEqual((all.get(fact) ?? []).map((member) => member.id), modelIds(fact), `step ${step}: full listing of ${fact}`);
        await assertWindows(store, [mainFact, sideFact], `step ${step}`);
      }
    });
    // The sequence went down every path it is meant to test.
    assert.ok(paths.kept >= 5 && paths.dropped >= 5, JSON.stringify(paths));
    assert.ok(paths.undated >= 3 && paths.sameDay >= 5 && paths.storedBeforeEarlier >= 2, JSON.stringify(paths));
    assert.ok((model.get(sideFact) ?? []).length >= 5);

    // The windows outlive the batch that read them, still equal to the full listing.
    await assertWindows(store, [mainFact, sideFact], 'after the batch');
    await store.close();
  });

  it('serves a window a later report sorts after from the cache, and rereads one the report joins (also on the same day)', async (t) => {
    const hits = cacheHits(t);
    const store = await openSqliteStore(':memory:');
    const earliestStored = outlet(1, day(10));
    const [a, b, c, later, undated, between, sameDay] = [outlet(2, day(10)), outlet(3, day(12)), outlet(4, day(14)), outlet(5, day(20)), outlet(6, null), outlet(7, day(11)), outlet(8, day(10))];
    const firstTwo = { perFact: 2 };
    const bounded = { perFact: 2, from: day(11), to: day(14) };
    const steps: [Doc, string[], boolean, string[], boolean][] = [
      // report joining, window after it, read from the cache, bounded window after it, read from the cache
      [later, [a.id, b.id], true, [b.id, c.id], true],
      [undated, [a.id, b.id], true, [b.id, c.id], true],
      [between, [a.id, between.id], false, [between.id, b.id], false],
      [sameDay, [a.id, sameDay.id], false, [between.id, b.id], true],
      // Stored before `a` though reconciled after it: on the same day it sorts first.
      [earliestStored, [earliestStored.id, a.id], false, [between.id, b.id], true],
    ];
    await store.inBatch(async () => {
      await store.putDocument(earliestStored);
      for (const doc of [a, b, c]) {
        await store.putDocument(doc);
        await store.applyReconcile(reports(doc, mainFact));
      }
      assert.deepStrictEqual(await readWindow(store, hits, mainFact, firstTwo), { ids: [a.id, b.id], cached: false });
      assert.deepStrictEqual(await readWindow(store, hits, mainFact, bounded), { ids: [b.id, c.id], cached: false });
      for (const [doc, ids, cached, boundedIds, boundedCached] of steps) {
        await store.putDocument(doc);
        await store.applyReconcile(reports(doc, mainFact));
        assert.deepStrictEqual(await readWindow(store, hits, mainFact, firstTwo), { ids, cached }, `after ${doc.meta.source}`);
        assert.deepStrictEqual(await readWindow(store, hits, mainFact, bounded), { ids: boundedIds, cached: boundedCached }, `bounded, after ${doc.meta.source}`);
        await assertWindows(store, [mainFact], `after ${doc.meta.source}`);
      }
    });
    assert.deepStrictEqual(await readWindow(store, hits, mainFact, firstTwo), { ids: [earliestStored.id, a.id], cached: true });
    await assertWindows(store, [mainFact], 'after the batch');
    await store.close();
  });

  it('rereads the windows of both facts when a document reconciled again moves its report, changes group or story, or is detached', async (t) => {
    const hits = cacheHits(t);
    const store = await openSqliteStore(':memory:');
    const [p, q, r, s, u, v] = [outlet(1, day(9)), outlet(2, day(11)), outlet(3, day(13)), outlet(4, day(15)), outlet(5, day(10)), outlet(6, day(12))];
    const story: StoryRow = { id: 'geneva-round', label: 'Russia – Ukraine', parties: ['Russia', 'Ukraine'], issues: ['territory'], places: ['Geneva'], profile: {} };
    const both = [mainFact, sideFact];
    const firstTwo = async () => {
      const read = await store.listMembers('stance', both, { perFact: 2 });
      return both.map((fact) => (read.get(fact) ?? []).map((member) => [member.documentId, member.sourceGroup, member.story]));
    };
    await store.inBatch(async () => {
      await store.putDocuments([p, q, r, s, u, v]);
      for (const doc of [p, q, r, s]) await store.applyReconcile(reports(doc, mainFact));
      for (const doc of [u, v]) await store.applyReconcile(reports(doc, sideFact, [1]));
      await assertWindows(store, both, 'before');

      // q's report leaves the main fact (whose window it was in) for the side fact (whose window it joins).
      await store.applyReconcile(update(q, { facts: [stanceFact(mainFact), stanceFact(sideFact)], members: [{ merged: sideFact, fact: `${q.id}:stance:0` }] }));
      assert.deepStrictEqual(await firstTwo(), [
        [[p.id, p.id, null], [r.id, r.id, null]],
        [[u.id, u.id, null], [q.id, q.id, null]],
      ]);
      await assertWindows(store, both, 'after q moved');

      // p is reconciled again with no reports: its report stays, now under another source group and in a story.
      await store.applyReconcile(update(p, { sourceGroup: 'wire-group', story: story.id, stories: [story] }));
      assert.deepStrictEqual((await firstTwo())[0], [[p.id, 'wire-group', story.id], [r.id, r.id, null]]);
      await assertWindows(store, both, 'after p changed group and story');

      // r's copy is superseded: its reports leave.
      await store.applyReconcile(update(r, { detach: true, facts: [stanceFact(mainFact)] }));
      assert.deepStrictEqual((await firstTwo())[0], [[p.id, 'wire-group', story.id], [s.id, s.id, null]]);
      await assertWindows(store, both, 'after r was detached');

      // A report joining after all that is again read through the cache.
      const late = outlet(7, day(25));
      await store.putDocument(late);
      await store.applyReconcile(reports(late, mainFact));
      assert.deepStrictEqual(await readWindow(store, hits, mainFact, { perFact: 2 }), { ids: [p.id, s.id], cached: true });
      await assertWindows(store, both, 'after a late report');
    });
    await assertWindows(store, both, 'after the batch');
    await store.close();
  });

  it('leaves the windows as they were when an update fails and rolls back', async (t) => {
    const hits = cacheHits(t);
    const store = await openSqliteStore(':memory:');
    const [a, b, c] = [outlet(1, day(10)), outlet(2, day(12)), outlet(3, day(8))];
    await store.inBatch(async () => {
      await store.putDocuments([a, b, c]);
      for (const doc of [a, b]) await store.applyReconcile(reports(doc, mainFact));
      assert.deepStrictEqual((await readWindow(store, hits, mainFact, { perFact: 2 })).ids, [a.id, b.id]);
      // c would join the window, but its second member is no mergeable fact: the whole update rolls back.
      await assert.rejects(
        store.applyReconcile(update(c, { facts: [stanceFact(mainFact)], members: [{ merged: mainFact, fact: `${c.id}:stance:0` }, { merged: mainFact, fact: `${c.id}:date:0` }] })),
      );
      assert.deepStrictEqual(await readWindow(store, hits, mainFact, { perFact: 2 }), { ids: [a.id, b.id], cached: true });
      await assertWindows(store, [mainFact], 'after the failed update');
      await store.applyReconcile(reports(c, mainFact));
      assert.deepStrictEqual(await readWindow(store, hits, mainFact, { perFact: 2 }), { ids: [c.id, a.id], cached: false });
    });
    await store.close();
  });

  it('rereads a window after another connection commits a report into it', async (t) => {
    const hits = cacheHits(t);
    const path = join(mkdtempSync(join(tmpdir(), 'parley-member-windows-')), 'store.db');
    const mine = await openSqliteStore(path);
    const [a, b, c, d] = [outlet(1, day(10)), outlet(2, day(12)), outlet(3, day(8)), outlet(4, day(6))];
    await mine.putDocuments([a, b, c, d]);
    for (const doc of [a, b]) await mine.applyReconcile(reports(doc, mainFact));
    assert.deepStrictEqual(await readWindow(mine, hits, mainFact, { perFact: 2 }), { ids: [a.id, b.id], cached: false });
    assert.deepStrictEqual(await readWindow(mine, hits, mainFact, { perFact: 2 }), { ids: [a.id, b.id], cached: true });

    // c, published earlier, joins through another connection: this one cannot have been told.
    const other = await openSqliteStore(path);
    await other.applyReconcile(reports(c, mainFact));
    await other.close();
    assert.deepStrictEqual(await readWindow(mine, hits, mainFact, { perFact: 2 }), { ids: [c.id, a.id], cached: false });

    // And a report this connection adds later is seen as before.
    await mine.applyReconcile(reports(d, mainFact));
    assert.deepStrictEqual(await readWindow(mine, hits, mainFact, { perFact: 2 }), { ids: [d.id, c.id], cached: false });
    await assertWindows(mine, [mainFact], 'after the reports of both connections');
    await mine.close();
    rmSync(dirname(path), { recursive: true, force: true });
  });

  /** Three reports in each fact; `edit` changes what one read handed out, first of a read the cache missed (main fact), then of one it served (side fact). */
  async function editedByCaller(edit: (given: MemberReport<'stance'>[]) => void): Promise<void> {
    const store = await openSqliteStore(':memory:');
    const [a, b, c] = [outlet(1, day(10)), outlet(2, day(12)), outlet(3, day(14))];
    await store.inBatch(async () => {
      await store.putDocuments([a, b, c]);
      for (const doc of [a, b, c]) await store.applyReconcile(update(doc, { facts: [stanceFact(mainFact), stanceFact(sideFact)], members: [{ merged: mainFact, fact: `${doc.id}:stance:0` }, { merged: sideFact, fact: `${doc.id}:stance:1` }] }));
      await store.listMembers('stance', [sideFact], { perFact: 2 });
      for (const [fact, read] of [[mainFact, 'missed'], [sideFact, 'served']]) {
        const given = (await store.listMembers('stance', [fact], { perFact: 2 })).get(fact) ?? [];
        assert.equal(given.length, 2, read);
        edit(given);
        const fresh = (await store.listMembers('stance', [fact])).get(fact) ?? [];
        assert.deepStrictEqual((await store.listMembers('stance', [fact], { perFact: 2 })).get(fact), fresh.slice(0, 2), `after editing what a read the cache ${read} gave`);
      }
    });
    await store.close();
  }

  it('is not changed by a caller sorting or trimming the list it was given', async () => {
    await editedByCaller((given) => {
      given.reverse();
      given.pop();
    });
  });

  it('hands out reports a caller cannot change while a batch keeps them', async () => {
    await editedByCaller(([first]) => {
      assert.throws(() => {
        first.fact.summary = 'edited by the caller';
      }, TypeError);
      assert.throws(() => {
        first.document.title = 'edited by the caller';
      }, TypeError);
    });
  });

  it('lists a report of a document reconciled after the window was read, as a fresh read does', async () => {
    const store = await openSqliteStore(':memory:');
    const [a, b, y] = [outlet(1, day(10)), outlet(2, day(14)), outlet(3, day(12))];
    let inBatch: string[] = [];
    await store.inBatch(async () => {
      await store.putDocuments([a, b, y]);
      await store.applyReconcile(reports(b, mainFact));
      // a's update also attaches a report of y, which is stored but not reconciled yet: the store takes it.
      await store.applyReconcile(update(a, { facts: [stanceFact(mainFact)], members: [{ merged: mainFact, fact: `${a.id}:stance:0` }, { merged: mainFact, fact: `${y.id}:stance:0` }] }));
      await store.listMembers('stance', [mainFact], { perFact: 3 });
      // y is reconciled with no reports of its own: its report in the main fact now has what a listing shows.
      await store.applyReconcile(update(y));
      inBatch = ((await store.listMembers('stance', [mainFact], { perFact: 3 })).get(mainFact) ?? []).map((member) => member.documentId);
    });
    const fresh = ((await store.listMembers('stance', [mainFact], { perFact: 3 })).get(mainFact) ?? []).map((member) => member.documentId);
    assert.deepStrictEqual(fresh, [a.id, y.id, b.id]);
    assert.deepStrictEqual(inBatch, fresh);
    await store.close();
  });

  it('shows the source group and story another connection gave a report’s document', async () => {
    const story: StoryRow = { id: 'kyiv-round', label: 'Russia – Ukraine', parties: ['Russia', 'Ukraine'], issues: [], places: [], profile: {} };
    const dir = mkdtempSync(join(tmpdir(), 'parley-member-details-'));
    try {
      const path = join(dir, 'store.db');
      const mine = await openSqliteStore(path);
      const [a, b] = [outlet(1, day(10)), outlet(2, day(14))];
      await mine.putDocuments([a, b]);
      await mine.applyReconcile(reports(a, mainFact));
      await mine.applyReconcile(reports(b, mainFact));
      const groups = async () => ((await mine.listMembers('stance', [mainFact], { perFact: 5 })).get(mainFact) ?? []).map((member) => [member.sourceGroup, member.story]);
      assert.deepStrictEqual(await groups(), [[a.id, null], [b.id, null]]);
      const other = await openSqliteStore(path);
      await other.applyReconcile(reports(b, mainFact, [0], { sourceGroup: a.id, story: story.id, stories: [story] }));
      await other.close();
      assert.deepStrictEqual(await groups(), [[a.id, null], [a.id, story.id]]);
      await mine.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
