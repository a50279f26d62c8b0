// The contract every Store backend must pass: run it from one test file per backend.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Doc, Entity, Span, StanceAct } from '../../src/doc/types.ts';
import { StoreError } from '../../src/store/errors.ts';
import { documentIdentity } from '../../src/store/identity.ts';
import { factKinds, type FactByKind, type FactKind, type MergedFactRow, type PutFailure, type Store, type StoreStats } from '../../src/store/store.ts';
import { describeReconcileContract } from './contract-reconcile.ts';
import { generatedDoc, negotiationDoc, negotiationParagraphs, plainDoc, spanIn } from './fixtures.ts';

function assertSpanInText(text: string, span: Span): void {
  assert.equal(text.slice(span.start, span.end), span.text, `span ${span.start}..${span.end} does not match its text`);
}

async function assertRejectsWith(promise: Promise<unknown>, code: StoreError['code']): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

const factsOf = <K extends FactKind>(doc: Doc, kind: K): FactByKind[K][] => {
  const lists: { [Q in FactKind]: FactByKind[Q][] } = {
    stance: doc.stances,
    event: doc.events,
    quote: doc.quotes,
    quantity: doc.quantities,
    date: doc.dates,
  };
  return lists[kind] as FactByKind[K][];
};

function evidenceOfFact(kind: FactKind, fact: FactByKind[FactKind]): Span {
  return kind === 'date' ? (fact as FactByKind['date']).span : (fact as FactByKind['stance']).evidence;
}

function countsOf(stats: StoreStats): Omit<StoreStats, 'sizeBytes'> {
  const { sizeBytes: _size, ...counts } = stats;
  return counts;
}

/** A document whose facts pass offset checks but break a schema rule the database enforces. */
function docWithBadStanceAct(spec: Parameters<typeof negotiationDoc>[0] = {}): Doc {
  const doc = negotiationDoc(spec);
  doc.stances[1] = { ...doc.stances[1], act: 'bargain' as unknown as StanceAct };
  return doc;
}

export function runStoreContract(name: string, openStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await openStore();
    });

    afterEach(async () => {
      await store.close();
    });

    describe('putDocument and getDocument', () => {
      it('stores a new document and gives back its text, metadata, structure and facts', async () => {
        const doc = negotiationDoc();
        const put = await store.putDocument(doc);
        assert.deepEqual(put, { status: 'inserted', id: doc.id, identity: documentIdentity(doc), version: 1, supersedes: null });

        const stored = await store.getDocument(doc.id);
        assert.ok(stored);
        assert.equal(stored.id, doc.id);
        assert.equal(stored.version, 1);
        assert.equal(stored.current, true);
        assert.equal(stored.supersedes, null);
        assert.equal(stored.supersededBy, null);
        assert.equal(stored.sentenceCount, doc.sentences.length);
        assert.equal(stored.origin, doc.raw.origin);
        assert.equal(stored.text, doc.text);
        assert.deepEqual(stored.meta, doc.meta);
        assert.deepEqual(stored.raw, {
          origin: doc.raw.origin,
          kind: doc.raw.kind,
          format: doc.raw.format,
          content: doc.raw.content,
          original: null,
          messages: doc.raw.messages,
        });
        assert.deepEqual(stored.sentences, doc.sentences);
        assert.deepEqual(stored.headings, doc.headings);
        assert.deepEqual(stored.removed, doc.removed);
        assert.deepEqual(stored.sourceMap, doc.sourceMap);
        assert.deepEqual(stored.messages, doc.messages);
        assert.deepEqual(stored.entities, doc.entities);
        assert.deepEqual(stored.dates, doc.dates);
        assert.deepEqual(stored.quotes, doc.quotes);
        assert.deepEqual(stored.quantities, doc.quantities);
        assert.deepEqual(stored.stances, doc.stances);
        assert.deepEqual(stored.events, doc.events);
      });

      it('keeps every stored span pointing into the stored text', async () => {
        const doc = negotiationDoc();
        await store.putDocument(doc);
        const stored = await store.getDocument(doc.id);
        assert.ok(stored);
        const spans: Span[] = [
          ...stored.entities.flatMap((entity) => entity.mentions),
          ...stored.dates.map((date) => date.span),
          ...stored.quotes.map((quote) => quote.evidence),
          ...stored.quantities.map((quantity) => quantity.evidence),
          ...stored.stances.map((stance) => stance.evidence),
          ...stored.events.map((event) => event.evidence),
          ...stored.headings,
        ];
        assert.ok(spans.length > 20);
        for (const span of spans) assertSpanInText(stored.text, span);
      });

      it('returns null for an id it does not hold', async () => {
        assert.equal(await store.getDocument('no-such-document'), null);
      });
    });

    describe('idempotence and versions', () => {
      it('putting the same article again changes nothing', async () => {
        const doc = negotiationDoc();
        await store.putDocument(doc);
        const before = countsOf(await store.stats());
        const again = await store.putDocument(negotiationDoc());
        assert.deepEqual(again, { status: 'unchanged', id: doc.id, identity: documentIdentity(doc), version: 1, supersedes: null });
        assert.deepEqual(countsOf(await store.stats()), before);
        assert.equal((await store.listDocuments()).length, 1);
      });

      it('stores a changed article at the same URL as a new version that hides the old one', async () => {
        const url = 'https://wire.example/talks/ceasefire-map';
        const first = plainDoc(['The ceasefire map was redrawn overnight by both teams.'], { url });
        const second = plainDoc(['The ceasefire map was redrawn again on Friday by both teams.'], { url });
        await store.putDocument(first);
        const put = await store.putDocument(second);
        assert.deepEqual(put, { status: 'new-version', id: second.id, identity: documentIdentity(second), version: 2, supersedes: first.id });

        const latest = await store.listDocuments();
        assert.deepEqual(latest.map((summary) => summary.id), [second.id]);
        assert.equal(latest[0].version, 2);
        assert.equal(latest[0].supersedes, first.id);

        const all = await store.listDocuments({ includeSuperseded: true });
        assert.deepEqual(new Set(all.map((summary) => summary.id)), new Set([first.id, second.id]));
        const old = all.find((summary) => summary.id === first.id);
        assert.equal(old?.current, false);
        assert.equal(old?.supersededBy, second.id);

        const kept = await store.getDocument(first.id);
        assert.equal(kept?.text, first.text);
        assert.equal(kept?.current, false);

        assert.deepEqual((await store.listVersions(first.id)).map((summary) => [summary.id, summary.version]), [[first.id, 1], [second.id, 2]]);
        assert.deepEqual((await store.listVersions(second.id)).map((summary) => summary.id), [first.id, second.id]);

        assert.deepEqual(await store.search('overnight'), []);
        const oldHits = await store.search('overnight', { includeSuperseded: true });
        assert.deepEqual(oldHits.map((hit) => [hit.documentId, hit.version]), [[first.id, 1]]);
        assert.deepEqual((await store.search('ceasefire')).map((hit) => hit.documentId), [second.id]);

        const stats = await store.stats();
        assert.equal(stats.documents, 1);
        assert.equal(stats.versions, 2);
        assert.equal(stats.sentences, 1);
      });

      it('does not flip back when an older version is seen again', async () => {
        const url = 'https://wire.example/talks/prisoner-swap';
        const first = plainDoc(['Both sides exchanged lists of prisoners.'], { url });
        const second = plainDoc(['Both sides exchanged lists of prisoners and agreed a date.'], { url });
        await store.putDocument(first);
        await store.putDocument(second);
        const replay = await store.putDocument(first);
        assert.equal(replay.status, 'unchanged');
        assert.equal(replay.id, first.id);
        assert.equal(replay.version, 1);
        assert.deepEqual((await store.listDocuments()).map((summary) => summary.id), [second.id]);
        assert.equal((await store.putDocument(second)).status, 'unchanged');
      });

      it('treats the same URL with tracking parameters, fragment or trailing slash as the same article', async () => {
        const first = plainDoc(['Talks resumed in the morning.'], { url: 'https://news.example.org/2025/talks' });
        const second = plainDoc(['Talks resumed in the morning and ran late.'], { url: 'http://www.news.example.org/2025/talks/?utm_source=feed#top' });
        await store.putDocument(first);
        const put = await store.putDocument(second);
        assert.equal(put.status, 'new-version');
        assert.equal(put.supersedes, first.id);
      });

      it('versions files without a URL by file name, source and title together', async () => {
        const spec = { file: 'brief.txt', title: 'Morning brief', source: 'wire.example', url: null };
        const first = plainDoc(['The negotiators met at dawn.'], spec);
        const edited = plainDoc(['The negotiators met at dawn and again at noon.'], spec);
        const otherTitle = plainDoc(['A different story entirely about grain.'], { ...spec, title: 'Evening brief' });
        const otherSource = plainDoc(['Another outlet with the same file name.'], { ...spec, source: 'daily.example' });
        assert.equal((await store.putDocument(first)).status, 'inserted');
        const put = await store.putDocument(edited);
        assert.equal(put.status, 'new-version');
        assert.equal(put.version, 2);
        assert.equal((await store.putDocument(otherTitle)).status, 'inserted');
        assert.equal((await store.putDocument(otherSource)).status, 'inserted');
        assert.equal((await store.stats()).documents, 3);
      });

      it('stores each distinct text without a URL or file as its own document', async () => {
        const spec = { url: null, file: null, kind: 'stdin' as const };
        const one = plainDoc(['Text piped in once.'], spec);
        const two = plainDoc(['Text piped in twice.'], spec);
        assert.equal((await store.putDocument(one)).status, 'inserted');
        assert.equal((await store.putDocument(two)).status, 'inserted');
        assert.equal((await store.putDocument(one)).status, 'unchanged');
        assert.equal((await store.stats()).documents, 2);
      });
    });

    describe('listDocuments', () => {
      async function putFour(): Promise<Record<'a' | 'b' | 'c' | 'd', string>> {
        const docs = {
          a: plainDoc(['First report from the capital.'], { url: 'https://wire.example/a', source: 'wire.example', published: '2025-11-20' }),
          b: plainDoc(['Second report from the border.'], { url: 'https://daily.example/b', source: 'daily.example', published: '2025-11-22' }),
          c: plainDoc(['Third report from the summit.'], { url: 'https://wire.example/c', source: 'wire.example', published: '2025-11-25' }),
          d: plainDoc(['An undated report from the port.'], { url: 'https://wire.example/d', source: 'wire.example', published: null }),
        };
        await store.putDocuments(Object.values(docs));
        return { a: docs.a.id, b: docs.b.id, c: docs.c.id, d: docs.d.id };
      }

      it('lists newest publication first and undated documents last', async () => {
        const ids = await putFour();
        assert.deepEqual((await store.listDocuments()).map((summary) => summary.id), [ids.c, ids.b, ids.a, ids.d]);
      });

      it('filters by source and by publication date, bounds inclusive', async () => {
        const ids = await putFour();
        const list = async (filter: Parameters<Store['listDocuments']>[0]) => (await store.listDocuments(filter)).map((summary) => summary.id);
        assert.deepEqual(await list({ source: 'wire.example' }), [ids.c, ids.a, ids.d]);
        assert.deepEqual(await list({ since: '2025-11-21' }), [ids.c, ids.b]);
        assert.deepEqual(await list({ until: '2025-11-22' }), [ids.b, ids.a]);
        assert.deepEqual(await list({ since: '2025-11-22', until: '2025-11-22' }), [ids.b]);
        assert.deepEqual(await list({ source: 'wire.example', since: '2025-11-21' }), [ids.c]);
        assert.deepEqual(await list({ source: 'nowhere.example' }), []);
      });

      it('pages with limit and offset', async () => {
        const ids = await putFour();
        const list = async (filter: Parameters<Store['listDocuments']>[0]) => (await store.listDocuments(filter)).map((summary) => summary.id);
        assert.deepEqual(await list({ limit: 2 }), [ids.c, ids.b]);
        assert.deepEqual(await list({ limit: 2, offset: 2 }), [ids.a, ids.d]);
        assert.deepEqual(await list({ offset: 3 }), [ids.d]);
        assert.deepEqual(await list({ limit: 0 }), []);
      });

      it('summarises each document without its text', async () => {
        const doc = negotiationDoc();
        await store.putDocument(doc);
        const [summary] = await store.listDocuments();
        assert.deepEqual(summary.meta, doc.meta);
        assert.equal(summary.sentenceCount, doc.sentences.length);
        assert.equal(summary.identity, documentIdentity(doc));
        assert.ok(!Number.isNaN(Date.parse(summary.ingestedAt)));
        assert.equal('text' in summary, false);
      });
    });

    describe('search', () => {
      const dense = 'Grain, grain and more grain dominated the morning.';
      const sparse = 'The delegates spoke briefly about grain before lunch and then turned to prisoner exchanges in the afternoon.';
      const unrelated = 'Nobody mentioned the harbour.';

      async function putGrainDoc(): Promise<Doc> {
        const doc = plainDoc([unrelated, sparse, dense], { url: 'https://wire.example/grain', title: 'Grain talks', source: 'wire.example', published: '2025-11-24' });
        await store.putDocument(doc);
        return doc;
      }

      it('ranks denser matches first and returns the sentence, its offsets and its document', async () => {
        const doc = await putGrainDoc();
        const hits = await store.search('grain');
        assert.deepEqual(hits.map((hit) => hit.sentence.text), [dense, sparse]);
        assert.ok(hits[0].score > hits[1].score);
        const [best] = hits;
        assert.equal(best.documentId, doc.id);
        assert.equal(best.version, 1);
        assert.equal(best.title, 'Grain talks');
        assert.equal(best.source, 'wire.example');
        assert.equal(best.published, '2025-11-24');
        assert.equal(best.url, 'https://wire.example/grain');
        assert.equal(best.sentence.index, 2);
        assert.equal(doc.text.slice(best.sentence.start, best.sentence.end), dense);
      });

      it('marks the matched words in a snippet and as spans of the document text', async () => {
        const doc = await putGrainDoc();
        const [best] = await store.search('grain');
        assert.match(best.snippet, /\*\*Grain\*\*, \*\*grain\*\* and more \*\*grain\*\*/);
        assert.deepEqual(best.highlights.map((span) => span.text), ['Grain', 'grain', 'grain']);
        for (const span of best.highlights) assertSpanInText(doc.text, span);
        const [custom] = await store.search('grain', { mark: { open: '<', close: '>' } });
        assert.match(custom.snippet, /<Grain>, <grain> and more <grain>/);
      });

      it('matches quoted phrases in order and requires every word', async () => {
        await putGrainDoc();
        assert.deepEqual((await store.search('"prisoner exchanges"')).map((hit) => hit.sentence.text), [sparse]);
        assert.deepEqual(await store.search('"exchanges prisoner"'), []);
        assert.deepEqual((await store.search('grain afternoon')).map((hit) => hit.sentence.text), [sparse]);
        assert.deepEqual(await store.search('grain harbour'), []);
      });

      it('stems words, so inflected forms match', async () => {
        await putGrainDoc();
        assert.deepEqual((await store.search('exchange')).map((hit) => hit.sentence.text), [sparse]);
        assert.deepEqual((await store.search('mentioning')).map((hit) => hit.sentence.text), [unrelated]);
      });

      it('pages with limit and offset and filters by source and date', async () => {
        await putGrainDoc();
        await store.putDocument(plainDoc(['Grain prices rose.'], { url: 'https://daily.example/grain', source: 'daily.example', published: '2025-11-28' }));
        assert.equal((await store.search('grain')).length, 3);
        assert.deepEqual((await store.search('grain', { limit: 1 })).map((hit) => hit.sentence.text), [dense]);
        assert.equal((await store.search('grain', { limit: 1, offset: 1 })).length, 1);
        assert.equal((await store.search('grain', { offset: 3 })).length, 0);
        assert.deepEqual((await store.search('grain', { source: 'daily.example' })).map((hit) => hit.sentence.text), ['Grain prices rose.']);
        assert.deepEqual((await store.search('grain', { since: '2025-11-25' })).map((hit) => hit.source), ['daily.example']);
        assert.equal((await store.search('grain', { until: '2025-11-25' })).length, 2);
      });

      it('treats everything the user types as words, never as query syntax', async () => {
        await putGrainDoc();
        const awkward = ['NEAR(grain', 'grain AND', 'grain OR', 'NOT grain', '-grain', '^grain', 'grain*', 'text:grain', '(grain)', 'grain + morning', "grain's", '"grain', 'grain"', '{grain}', 'grain; DROP TABLE documents'];
        for (const query of awkward) {
          const hits = await store.search(query);
          assert.ok(Array.isArray(hits), query);
        }
        assert.equal((await store.search('(grain)')).length, 2);
        assert.equal((await store.search('grain*')).length, 2);
        assert.equal((await store.search('"grain')).length, 2);
        assert.deepEqual(await store.search('grain OR harbour'), []);
        assert.equal((await store.stats()).documents, 1);
      });

      it('refuses an empty query with a clear error', async () => {
        await putGrainDoc();
        for (const query of ['', '   ', '""', '" "', '!!! ...', '*']) {
          await assertRejectsWith(store.search(query), 'store:empty-query');
        }
      });
    });

    describe('spelling normalisation', () => {
      const sentences = [
        'The sides discussed a demilitarised zone near the centre of the region.',
        'Observers praised the neighbourly behaviour of the defence ministers.',
        'Both delegations analyzed the maps and organized a working group.',
        'The convoy travelled through the valley before the dialogue resumed.',
      ];

      it('finds British spellings with American queries and the other way round, showing the original text', async () => {
        const doc = plainDoc(sentences, { url: 'https://wire.example/spelling' });
        await store.putDocument(doc);
        const firstHit = async (query: string) => {
          const hits = await store.search(query);
          assert.equal(hits.length, 1, `expected one hit for ${query}`);
          return hits[0];
        };
        const demilitarized = await firstHit('demilitarized');
        assert.equal(demilitarized.sentence.text, sentences[0]);
        assert.match(demilitarized.snippet, /\*\*demilitarised\*\*/);
        assert.deepEqual(demilitarized.highlights.map((span) => span.text), ['demilitarised']);
        assert.equal((await firstHit('"demilitarized zone"')).sentence.text, sentences[0]);
        assert.equal((await firstHit('demilitarization')).sentence.text, sentences[0]);
        assert.equal((await firstHit('center')).sentence.text, sentences[0]);
        assert.equal((await firstHit('neighborly behavior')).sentence.text, sentences[1]);
        assert.equal((await firstHit('defense')).sentence.text, sentences[1]);
        assert.equal((await firstHit('analysed')).sentence.text, sentences[2]);
        assert.equal((await firstHit('organised')).sentence.text, sentences[2]);
        assert.equal((await firstHit('traveled')).sentence.text, sentences[3]);
        assert.equal((await firstHit('dialog')).sentence.text, sentences[3]);
      });
    });

    describe('stats', () => {
      it('is all zeros for an empty store', async () => {
        const { schemaVersion, ...counts } = countsOf(await store.stats());
        assert.deepEqual(counts, {
          documents: 0, versions: 0, sentences: 0, entities: 0, mentions: 0, quotes: 0, quantities: 0,
          stances: 0, events: 0, dates: 0, bySource: [], published: { first: null, last: null },
        });
        assert.ok(schemaVersion >= 1);
      });

      it('counts the latest versions of documents and their facts', async () => {
        const doc = negotiationDoc();
        await store.putDocument(doc);
        const url = 'https://wire.example/short';
        await store.putDocument(plainDoc(['A short note.'], { url, source: 'wire.example', published: '2025-11-20' }));
        await store.putDocument(plainDoc(['A short note, now longer.', 'It gained a sentence.'], { url, source: 'wire.example', published: '2025-11-21' }));
        const stats = await store.stats();
        const mentions = doc.entities.reduce((sum, entity) => sum + entity.mentions.length, 0);
        assert.deepEqual(countsOf(stats), {
          documents: 2,
          versions: 3,
          sentences: doc.sentences.length + 2,
          entities: doc.entities.length,
          mentions,
          quotes: doc.quotes.length,
          quantities: doc.quantities.length,
          stances: doc.stances.length,
          events: doc.events.length,
          dates: doc.dates.length,
          bySource: [
            { source: 'example.org', documents: 1 },
            { source: 'wire.example', documents: 1 },
          ],
          published: { first: '2025-11-21', last: '2025-11-27' },
          schemaVersion: stats.schemaVersion,
        });
        assert.ok(stats.sizeBytes > 0);
      });
    });

    describe('listEntities', () => {
      async function putTwo(): Promise<{ first: Doc; second: Doc }> {
        const first = negotiationDoc();
        const second = plainDoc(['Anatoly Verin met Daniel Brooks in Moscow.'], { url: 'https://daily.example/moscow', source: 'daily.example' });
        const verin: Entity = {
          id: 'person:anatoly-verin', name: 'Anatoly Verin', kind: 'person', party: 'Russia',
          roles: ['presidential aide'], aliases: ['A. Verin'], mentions: [spanIn(second, 'Anatoly Verin')],
        };
        const brooks: Entity = {
          id: 'person:daniel-brooks', name: 'Daniel Brooks', kind: 'person', party: 'United States',
          roles: ['special envoy'], aliases: [], mentions: [spanIn(second, 'Daniel Brooks')],
        };
        second.entities = [verin, brooks];
        await store.putDocument(first);
        await store.putDocument(second);
        return { first, second };
      }

      it('folds one entity across documents: name, party, roles, mention count and documents', async () => {
        const { first, second } = await putTwo();
        const entities = await store.listEntities();
        assert.equal(entities.length, first.entities.length);
        const verin = entities.find((entity) => entity.id === 'person:anatoly-verin');
        assert.ok(verin);
        assert.equal(verin.name, 'Anatoly Verin');
        assert.equal(verin.kind, 'person');
        assert.equal(verin.party, 'Russia');
        assert.deepEqual(new Set(verin.roles), new Set(['Kremlin aide', 'presidential aide']));
        assert.deepEqual(new Set(verin.aliases), new Set(['Verin', 'A. Verin']));
        assert.equal(verin.mentions, 2);
        assert.deepEqual(new Set(verin.documents), new Set([first.id, second.id]));
        assert.equal(entities[0].id, 'country:ukraine', 'most mentioned first');
      });

      it('filters by kind and party and limits', async () => {
        await putTwo();
        assert.deepEqual(
          new Set((await store.listEntities({ kind: 'person' })).map((entity) => entity.id)),
          new Set(['person:anatoly-verin', 'person:olena-marchuk', 'person:daniel-brooks']),
        );
        assert.deepEqual(
          new Set((await store.listEntities({ party: 'United States' })).map((entity) => entity.id)),
          new Set(['country:united-states', 'person:daniel-brooks']),
        );
        assert.equal((await store.listEntities({ limit: 2 })).length, 2);
      });

      it('counts only latest versions unless asked', async () => {
        const { first, second } = await putTwo();
        await store.putDocument(plainDoc(['The meeting in Moscow was postponed.'], { url: second.meta.url, source: 'daily.example' }));
        const verin = (await store.listEntities()).find((entity) => entity.id === 'person:anatoly-verin');
        assert.equal(verin?.mentions, 1);
        assert.deepEqual(verin?.documents, [first.id]);
        const withOld = (await store.listEntities({ includeSuperseded: true })).find((entity) => entity.id === 'person:anatoly-verin');
        assert.equal(withOld?.mentions, 2);
      });
    });

    describe('listFacts', () => {
      it('gives back every kind of fact with its document and evidence', async () => {
        const doc = negotiationDoc();
        await store.putDocument(doc);
        for (const kind of factKinds) {
          const facts = await store.listFacts(kind);
          assert.deepEqual(facts.map((stored) => stored.fact), factsOf(doc, kind), kind);
          assert.equal(new Set(facts.map((stored) => stored.id)).size, facts.length, `${kind} ids are unique`);
          for (const stored of facts) {
            assert.equal(stored.kind, kind);
            assert.equal(stored.documentId, doc.id);
            assert.equal(stored.published, doc.meta.published);
            assert.equal(stored.source, doc.meta.source);
            assertSpanInText(doc.text, evidenceOfFact(kind, stored.fact));
          }
        }
      });

      it('filters facts by document, source, date and page', async () => {
        const doc = negotiationDoc();
        const other = generatedDoc(7, { sentences: 6 });
        await store.putDocuments([doc, other]);
        const stances = await store.listFacts('stance');
        assert.equal(stances.length, doc.stances.length + other.stances.length);
        assert.deepEqual(
          (await store.listFacts('stance', { documentId: other.id })).map((stored) => stored.fact),
          other.stances,
        );
        assert.deepEqual((await store.listFacts('quote', { source: 'example.org' })).map((stored) => stored.documentId), [doc.id]);
        assert.deepEqual((await store.listFacts('quote', { since: '2025-11-30' })).map((stored) => stored.documentId), other.quotes.map(() => other.id));
        assert.deepEqual(await store.listFacts('event', { until: '2025-01-01' }), []);
        const paged = await store.listFacts('stance', { limit: 2, offset: 1 });
        assert.deepEqual(paged.map((stored) => stored.id), stances.slice(1, 3).map((stored) => stored.id));
      });
    });

    describe('failed writes leave nothing behind', () => {
      async function assertEmpty(): Promise<void> {
        assert.deepEqual(await store.listDocuments({ includeSuperseded: true }), []);
        assert.deepEqual(await store.listEntities(), []);
        for (const kind of factKinds) assert.deepEqual(await store.listFacts(kind), [], kind);
        assert.deepEqual(await store.search('Geneva'), []);
        const stats = await store.stats();
        assert.equal(stats.versions + stats.sentences + stats.entities + stats.mentions + stats.quotes + stats.stances + stats.events + stats.dates, 0);
      }

      it('a fact that breaks a constraint rolls back the whole document', async () => {
        const bad = docWithBadStanceAct();
        await assertRejectsWith(store.putDocument(bad), 'store:constraint');
        assert.equal(await store.getDocument(bad.id), null);
        await assertEmpty();
      });

      it('an entity listed twice in one document rolls back the whole document', async () => {
        const bad = negotiationDoc();
        bad.entities.push({ ...bad.entities[0] });
        await assertRejectsWith(store.putDocument(bad), 'store:constraint');
        await assertEmpty();
      });

      it('evidence that does not match the text is refused before anything is written', async () => {
        const bad = negotiationDoc();
        bad.quotes[0] = { ...bad.quotes[0], evidence: { ...bad.quotes[0].evidence, end: bad.quotes[0].evidence.end - 1 } };
        await assertRejectsWith(store.putDocument(bad), 'store:invalid-doc');
        const outside = negotiationDoc();
        outside.sentences.push({ start: outside.text.length, end: outside.text.length + 10 });
        await assertRejectsWith(store.putDocument(outside), 'store:invalid-doc');
        await assertEmpty();
      });

      it('a failed new version keeps the old version current and whole', async () => {
        const first = negotiationDoc();
        await store.putDocument(first);
        const before = countsOf(await store.stats());
        const bad = docWithBadStanceAct({ paragraphs: [...negotiationParagraphs, ['A late paragraph was added to the story.']] });
        assert.equal(bad.meta.url, first.meta.url);
        await assertRejectsWith(store.putDocument(bad), 'store:constraint');
        const [current] = await store.listDocuments();
        assert.equal(current.id, first.id);
        assert.equal(current.current, true);
        assert.deepEqual(countsOf(await store.stats()), before);
        assert.equal((await store.putDocument(first)).status, 'unchanged');
      });
    });

    describe('putDocuments', () => {
      it('stores a batch, reporting each document, and keeps the good ones when one fails', async () => {
        const one = generatedDoc(1);
        const two = generatedDoc(2);
        const bad = docWithBadStanceAct();
        const results = await store.putDocuments([one, bad, two, generatedDoc(1)]);
        assert.deepEqual(results.map((result) => result.status), ['inserted', 'failed', 'inserted', 'unchanged']);
        const failure = results[1] as PutFailure;
        assert.equal(failure.id, bad.id);
        assert.ok(failure.error instanceof StoreError);
        assert.equal(failure.error.code, 'store:constraint');
        assert.deepEqual(new Set((await store.listDocuments()).map((summary) => summary.id)), new Set([one.id, two.id]));
        assert.equal(await store.getDocument(bad.id), null);
        const stats = await store.stats();
        assert.equal(stats.sentences, one.sentences.length + two.sentences.length);
        assert.equal(stats.stances, one.stances.length + two.stances.length);
      });

      it('sees earlier documents of the same batch: a second version in one batch supersedes the first', async () => {
        const url = 'https://wire.example/batch';
        const first = plainDoc(['Version one of the batch story.'], { url });
        const second = plainDoc(['Version two of the batch story.'], { url });
        const results = await store.putDocuments([first, second]);
        assert.deepEqual(results.map((result) => result.status), ['inserted', 'new-version']);
        assert.deepEqual((await store.listDocuments()).map((summary) => summary.id), [second.id]);
      });

      it('accepts an empty batch', async () => {
        assert.deepEqual(await store.putDocuments([]), []);
      });
    });

    describe('inBatch', () => {
      const storedIds = async (): Promise<Set<string>> => new Set((await store.listDocuments()).map((summary) => summary.id));

      it('stores every document put inside it and returns what the work returns', async () => {
        const docs = [generatedDoc(11, { sentences: 6 }), generatedDoc(12, { sentences: 6 }), negotiationDoc()];
        const statuses = await store.inBatch(async () => {
          const results = [];
          for (const doc of docs) results.push((await store.putDocument(doc)).status);
          return results;
        });
        assert.deepEqual(statuses, ['inserted', 'inserted', 'inserted']);
        assert.deepEqual(await storedIds(), new Set(docs.map((doc) => doc.id)));
        const stats = await store.stats();
        assert.equal(stats.sentences, docs.reduce((sum, doc) => sum + doc.sentences.length, 0));
        assert.equal(stats.stances, docs.reduce((sum, doc) => sum + doc.stances.length, 0));
      });

      it('lets reads inside the batch see its earlier writes, versions and reconcile included', async () => {
        const url = 'https://wire.example/batch-reads';
        const first = plainDoc(['The envoys kept their first draft short.'], { url });
        const second = plainDoc(['The envoys kept their second draft even shorter.'], { url });
        await store.inBatch(async () => {
          await store.putDocument(first);
          assert.equal((await store.getDocument(first.id))?.text, first.text);
          assert.deepEqual((await store.search('first draft')).map((hit) => hit.documentId), [first.id]);
          assert.deepEqual(await store.listUnreconciled(), [first.id]);
          await store.applyReconcile({ documentId: first.id, sourceGroup: first.id, story: null, sketch: null, stories: [], storyFeatures: [], facts: [], members: [], contradictions: [], resolved: [] });
          assert.equal((await store.getReconcileState(first.id))?.sourceGroup, first.id);
          const put = await store.putDocument(second);
          assert.equal(put.status, 'new-version');
          assert.equal(put.supersedes, first.id);
          assert.deepEqual((await store.listDocuments()).map((summary) => summary.id), [second.id]);
        });
        assert.deepEqual((await store.listVersions(second.id)).map((summary) => summary.id), [first.id, second.id]);
      });

      it('rolls back a failing document or reconcile alone and keeps the rest of the batch', async () => {
        const one = generatedDoc(21, { sentences: 6 });
        const two = generatedDoc(22, { sentences: 6 });
        const three = generatedDoc(23, { sentences: 6 });
        const constraint = docWithBadStanceAct();
        const invalid = negotiationDoc({ url: 'https://wire.example/invalid-evidence' });
        invalid.quotes[0] = { ...invalid.quotes[0], evidence: { ...invalid.quotes[0].evidence, end: invalid.quotes[0].evidence.end - 1 } };
        await store.inBatch(async () => {
          await store.putDocument(one);
          await assertRejectsWith(store.putDocument(constraint), 'store:constraint');
          await store.putDocument(two);
          await assertRejectsWith(store.putDocument(invalid), 'store:invalid-doc');
          // The merged fact is written first; the member, a date (which never merges), then fails the whole reconcile.
          const { type, status, parties, participants, place, date, duration, outcome } = two.events[0];
          await assert.rejects(store.applyReconcile({
            documentId: two.id, sourceGroup: two.id, story: null, sketch: null, stories: [], storyFeatures: [], contradictions: [], resolved: [],
            facts: [{ id: 'half-written', kind: 'event', story: null, key: 'meeting', windowStart: null, windowEnd: null, date: null, attributes: { type, status, parties, participants, place, date, duration, outcome }, tallies: {} }],
            members: [{ merged: 'half-written', fact: `${two.id}:date:0` }],
          }));
          await store.putDocument(three);
        });
        assert.deepEqual(await storedIds(), new Set([one.id, two.id, three.id]));
        assert.equal(await store.getDocument(constraint.id), null);
        assert.equal(await store.getDocument(invalid.id), null);
        assert.equal(await store.getReconcileState(two.id), null);
        assert.deepEqual(await store.listMergedFacts('event'), []);
        const stats = await store.stats();
        assert.equal(stats.versions, 3);
        assert.equal(stats.stances, one.stances.length + two.stances.length + three.stances.length);
      });

      it('keeps what was written before `work` threw, and passes the error on', async () => {
        const kept = generatedDoc(31, { sentences: 6 });
        const never = generatedDoc(32, { sentences: 6 });
        const failure = new Error('the feed went away halfway');
        await assert.rejects(
          store.inBatch(async () => {
            await store.putDocument(kept);
            throw failure;
          }),
          (error: unknown) => error === failure,
        );
        assert.deepEqual(await storedIds(), new Set([kept.id]));
        assert.equal(await store.getDocument(never.id), null);
        assert.equal((await store.putDocument(never)).status, 'inserted', 'the store takes writes again');
      });

      it('refuses a nested batch with store:batch and leaves the outer batch working', async () => {
        const outer = generatedDoc(41, { sentences: 6 });
        const inner = generatedDoc(42, { sentences: 6 });
        const after = generatedDoc(43, { sentences: 6 });
        let innerRan = false;
        await store.inBatch(async () => {
          await store.putDocument(outer);
          await assertRejectsWith(
            store.inBatch(async () => {
              innerRan = true;
              await store.putDocument(inner);
            }),
            'store:batch',
          );
          await store.putDocument(after);
        });
        assert.equal(innerRan, false, 'the nested work is not run');
        assert.deepEqual(await storedIds(), new Set([outer.id, after.id]));
      });

      it('leaves the store usable for another batch and for single writes', async () => {
        const first = generatedDoc(51, { sentences: 6 });
        const second = generatedDoc(52, { sentences: 6 });
        const single = generatedDoc(53, { sentences: 6 });
        await store.inBatch(async () => store.putDocument(first));
        const before = await store.revision();
        assert.equal(await store.inBatch(async () => (await store.putDocument(second)).status), 'inserted');
        assert.notEqual(await store.revision(), before, 'the second batch is seen');
        assert.equal(await store.inBatch(async () => 'nothing written'), 'nothing written');
        assert.equal((await store.putDocument(single)).status, 'inserted');
        assert.equal((await store.putDocument(first)).status, 'unchanged');
        assert.deepEqual(await storedIds(), new Set([first.id, second.id, single.id]));
      });

      it('refuses to run on a closed store', async () => {
        await store.close();
        let ran = false;
        await assertRejectsWith(store.inBatch(async () => { ran = true; }), 'store:closed');
        assert.equal(ran, false);
      });
    });

    describe('report reads', () => {
      function mergedEvent(id: string, event: Doc['events'][number]): MergedFactRow<'event'> {
        const { type, status, parties, participants, place, date, duration, outcome } = event;
        return { id, kind: 'event', story: null, key: 'meeting', windowStart: null, windowEnd: null, date: null, attributes: { type, status, parties, participants, place, date, duration, outcome }, tallies: {} };
      }

      /** Documents reporting the same events, some on one day, one undated; each reports the talks twice (event 0 and 2). */
      async function reportedTalks(): Promise<Doc[]> {
        const days = ['2025-11-26', '2025-11-28', '2025-11-26', null, '2025-11-30', '2025-11-28', null, '2025-11-27'];
        const docs = days.map((published, n) => negotiationDoc({ url: `https://wire${n}.example/geneva`, source: `wire${n}.example`, published }));
        await store.putDocuments(docs);
        for (const doc of docs) {
          await store.applyReconcile({
            documentId: doc.id, sourceGroup: doc.id, story: null, sketch: null, stories: [], storyFeatures: [], contradictions: [], resolved: [],
            facts: [mergedEvent('talks', doc.events[0]), mergedEvent('plan', doc.events[1])],
            members: [
              { merged: 'talks', fact: `${doc.id}:event:0` },
              { merged: 'talks', fact: `${doc.id}:event:2` },
              { merged: 'plan', fact: `${doc.id}:event:1` },
            ],
          });
        }
        return docs;
      }

      it('lists the first members of each fact in the order of the full listing', async () => {
        await reportedTalks();
        for (const order of [{}, { latestFirst: true }, { from: '2025-11-27' }, { to: '2025-11-28', latestFirst: true }]) {
          const all = await store.listMembers('event', ['talks', 'plan'], order);
          if (!('from' in order) && !('to' in order)) assert.equal(all.get('talks')?.length, 16);
          for (const perFact of [1, 2, 3, 5, 9, 16, 40]) {
            const window = await store.listMembers('event', ['plan', 'talks', 'talks'], { ...order, perFact });
            assert.deepEqual([...window.keys()], [...all.keys()], JSON.stringify(order));
            for (const [id, members] of all) assert.deepEqual(window.get(id), members.slice(0, perFact), `${id} ${perFact} ${JSON.stringify(order)}`);
          }
        }
        const latest = (await store.listMembers('event', ['talks'], { latestFirst: true, perFact: 4 })).get('talks') ?? [];
        assert.deepEqual(latest.map((member) => member.published), ['2025-11-30', '2025-11-30', '2025-11-28', '2025-11-28']);
        const earliest = (await store.listMembers('event', ['talks'], {})).get('talks') ?? [];
        assert.deepEqual(earliest.slice(-4).map((member) => member.published), [null, null, null, null], 'undated reports come last');
        assert.equal((await store.listMembers('event', ['talks'], { perFact: 0 })).size, 0);
      });

      it('changes its revision with every stored or reconciled document and recorded brief, and only then', async () => {
        const start = await store.revision();
        assert.equal(await store.revision(), start);
        const doc = negotiationDoc();
        await store.putDocument(doc);
        const stored = await store.revision();
        assert.notEqual(stored, start);
        await store.putDocument(doc);
        await store.search('Geneva');
        await store.listDocuments();
        assert.equal(await store.revision(), stored, 'reading and storing the same document again change nothing');
        await store.applyReconcile({ documentId: doc.id, sourceGroup: doc.id, story: null, sketch: null, stories: [], storyFeatures: [], facts: [], members: [], contradictions: [], resolved: [] });
        const reconciled = await store.revision();
        assert.notEqual(reconciled, stored);
        await store.recordBrief('2025-12-01T08:00:00.000Z');
        assert.notEqual(await store.revision(), reconciled);
      });

      it('lists the documents of one story', async () => {
        const docs = await reportedTalks();
        const story = { id: 'geneva', label: 'Geneva', parties: [], issues: [], places: [], profile: {} };
        for (const doc of docs.slice(0, 3)) {
          await store.applyReconcile({ documentId: doc.id, sourceGroup: doc.id, story: story.id, sketch: null, stories: [story], storyFeatures: [], facts: [], members: [], contradictions: [], resolved: [] });
        }
        const listed = await store.listDocuments({ story: story.id });
        assert.deepEqual(new Set(listed.map((summary) => summary.id)), new Set(docs.slice(0, 3).map((doc) => doc.id)));
        assert.deepEqual((await store.listDocuments({ story: story.id, source: 'wire1.example' })).map((summary) => summary.id), [docs[1].id]);
        assert.deepEqual(await store.listDocuments({ story: 'elsewhere' }), []);
      });
    });

    describeReconcileContract(() => store);

    describe('close', () => {
      it('refuses calls after closing and may be closed twice', async () => {
        await store.close();
        await assertRejectsWith(store.putDocument(negotiationDoc()), 'store:closed');
        await assertRejectsWith(store.listDocuments(), 'store:closed');
        await store.close();
      });
    });
  });
}
