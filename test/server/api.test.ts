// The JSON API in-process (app.request, no socket) over the sample corpus: every endpoint, its paging, ETags and bad parameters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/server/index.ts';
import type { Hono } from 'hono';
import { openSampleStore, type SampleStore } from './sample-store.ts';

let sample: SampleStore;
let app: Hono;

before(async () => {
  sample = await openSampleStore();
  app = createApp(sample.store);
});

after(async () => {
  await sample.dispose();
});

interface ErrorBody {
  error: { status: number; code: string; message: string; parameter?: string; issues?: { parameter: string; message: string }[] };
}

async function getJson<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await app.request(path, init);
  const body = (await response.json()) as T;
  return { status: response.status, body, headers: response.headers };
}

async function expectBadParameter(path: string, parameter: string, messagePattern: RegExp): Promise<void> {
  const { status, body } = await getJson<ErrorBody>(path);
  assert.equal(status, 400, `${path} should be a 400`);
  assert.equal(body.error.code, 'bad-parameter');
  assert.equal(body.error.parameter, parameter, `${path}: ${body.error.message}`);
  assert.match(body.error.message, messagePattern);
}

interface DocumentPage {
  documents: { id: string; meta: { source: string | null; published: string | null; title: string | null } }[];
  total: number;
  limit: number;
  offset: number;
  next: string | null;
  previous: string | null;
}

test('documents: the whole corpus is counted, paged with next links, newest first', async () => {
  const first = await getJson<DocumentPage>('/api/documents?limit=5');
  assert.equal(first.status, 200);
  assert.equal(first.body.total, sample.documents);
  assert.equal(first.body.documents.length, 5);
  assert.equal(first.body.next, '/api/documents?limit=5&offset=5');
  assert.equal(first.body.previous, null);
  const dates = first.body.documents.map((doc) => doc.meta.published ?? '');
  assert.deepEqual(dates, [...dates].sort().reverse());

  const seen = new Set<string>();
  let path: string | null = '/api/documents?limit=7';
  while (path) {
    const page: { body: DocumentPage } = await getJson<DocumentPage>(path);
    for (const doc of page.body.documents) seen.add(doc.id);
    path = page.body.next;
  }
  assert.equal(seen.size, sample.documents, 'following next visits every document once');
});

test('documents: filters by outlet and publication window', async () => {
  const all = await getJson<DocumentPage>('/api/documents?limit=500');
  const outlet = all.body.documents.find((doc) => doc.meta.source)!.meta.source!;
  const bySource = await getJson<DocumentPage>(`/api/documents?source=${encodeURIComponent(outlet)}&limit=500`);
  assert.ok(bySource.body.total > 0);
  assert.ok(bySource.body.documents.every((doc) => doc.meta.source === outlet));
  assert.equal(bySource.body.total, all.body.documents.filter((doc) => doc.meta.source === outlet).length);

  const windowed = await getJson<DocumentPage>('/api/documents?since=2025-12-01&until=2025-12-05&limit=500');
  assert.ok(windowed.body.total > 0);
  for (const doc of windowed.body.documents) assert.ok(doc.meta.published! >= '2025-12-01' && doc.meta.published! <= '2025-12-05');
});

test('documents: bad parameters are 400s naming the parameter', async () => {
  await expectBadParameter('/api/documents?limit=0', 'limit', /whole number from 1 to 500, got "0"/);
  await expectBadParameter('/api/documents?limit=ten', 'limit', /got "ten"/);
  await expectBadParameter('/api/documents?limit=501', 'limit', /1 to 500/);
  await expectBadParameter('/api/documents?offset=-1', 'offset', /whole number/);
  await expectBadParameter('/api/documents?since=2025-02-30', 'since', /YYYY-MM-DD, got "2025-02-30"/);
  await expectBadParameter('/api/documents?until=yesterday', 'until', /YYYY-MM-DD/);
  await expectBadParameter('/api/documents?since=2025-12-05&until=2025-12-01', 'until', /must not be before since/);
  await expectBadParameter('/api/documents?sort=date', 'sort', /unknown parameter \(expected source, since, until, story, limit, offset\)/);
  await expectBadParameter('/api/documents?source=%20%20', 'source', /must not be empty/);
  await expectBadParameter('/api/documents?story=no-such-story', 'story', /no story/);
  const several = await getJson<ErrorBody>('/api/documents?limit=x&offset=y');
  assert.deepEqual(several.body.error.issues?.map((issue) => issue.parameter), ['limit', 'offset']);
});

interface DocumentAnswer {
  document: {
    id: string;
    text: string;
    meta: { title: string | null };
    sentences: { index: number; start: number; end: number; text: string }[];
    dates: { id: string; span: { start: number; end: number; text: string } }[];
    quantities: { id: string; evidence: { start: number; end: number; text: string } }[];
  };
}

test('one document: its cleaned text and sentences, every offset pointing into the text', async () => {
  const list = await getJson<DocumentPage>('/api/documents?limit=1');
  const id = list.body.documents[0].id;
  const { status, body } = await getJson<DocumentAnswer>(`/api/documents/${id}`);
  assert.equal(status, 200);
  const doc = body.document;
  assert.equal(doc.id, id);
  assert.ok(doc.text.length > 100);
  assert.ok(doc.sentences.length > 1);
  doc.sentences.forEach((sentence, index) => {
    assert.equal(sentence.index, index);
    assert.equal(doc.text.slice(sentence.start, sentence.end), sentence.text);
  });
  for (const quantity of doc.quantities) {
    assert.match(quantity.id, new RegExp(`^${id}:quantity:\\d+$`));
    assert.equal(doc.text.slice(quantity.evidence.start, quantity.evidence.end), quantity.evidence.text);
  }
});

test('one document: unknown ids are 404s, malformed ids 400s', async () => {
  const missing = await getJson<ErrorBody>('/api/documents/0123456789abcdef0123456789abcdef');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'not-found');
  await expectBadParameter('/api/documents/not%20an%20id', 'id', /expected an id/);
  await expectBadParameter('/api/documents/abc?full=1', 'full', /this endpoint takes none/);
});

interface SearchPage {
  query: string;
  hits: { documentId: string; sentence: { start: number; end: number; text: string }; highlights: { start: number; end: number; text: string }[]; score: number }[];
  next: string | null;
  total: null;
}

test('search: ranked sentences with matched words as spans of their document', async () => {
  const { status, body } = await getJson<SearchPage>('/api/search?q=security%20guarantees&limit=5');
  assert.equal(status, 200);
  assert.equal(body.query, 'security guarantees');
  assert.ok(body.hits.length > 0 && body.hits.length <= 5);
  const scores = body.hits.map((hit) => hit.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  const texts = new Map<string, string>();
  for (const hit of body.hits) {
    if (!texts.has(hit.documentId)) texts.set(hit.documentId, (await getJson<DocumentAnswer>(`/api/documents/${hit.documentId}`)).body.document.text);
    const text = texts.get(hit.documentId)!;
    assert.equal(text.slice(hit.sentence.start, hit.sentence.end), hit.sentence.text);
    assert.ok(hit.highlights.length > 0);
    for (const highlight of hit.highlights) {
      assert.equal(text.slice(highlight.start, highlight.end), highlight.text);
      assert.match(highlight.text.toLowerCase(), /secur|guarant/);
    }
  }
});

test('search: pages follow next until the hits run out', async () => {
  const first = await getJson<SearchPage>('/api/search?q=talks&limit=2');
  assert.equal(first.body.hits.length, 2);
  assert.equal(first.body.total, null);
  assert.equal(first.body.next, '/api/search?q=talks&limit=2&offset=2');
  const second = await getJson<SearchPage>(first.body.next!);
  const firstKeys = first.body.hits.map((hit) => `${hit.documentId}@${hit.sentence.start}`);
  for (const hit of second.body.hits) assert.ok(!firstKeys.includes(`${hit.documentId}@${hit.sentence.start}`));
  const nothing = await getJson<SearchPage>('/api/search?q=zzyzxqq');
  assert.deepEqual(nothing.body.hits, []);
  assert.equal(nothing.body.next, null);
});

test('search: bad parameters are 400s naming the parameter', async () => {
  await expectBadParameter('/api/search', 'q', /is required/);
  await expectBadParameter('/api/search?q=', 'q', /must not be empty/);
  await expectBadParameter('/api/search?q=%21%21%20%3F', 'q', /search query is empty/);
  await expectBadParameter(`/api/search?q=${'word%20'.repeat(120)}`, 'q', /at most 500 characters/);
  await expectBadParameter('/api/search?q=talks&limit=101', 'limit', /1 to 100/);
  await expectBadParameter('/api/search?q=talks&since=12/03/2025', 'since', /YYYY-MM-DD/);
});

interface ActorPage {
  actors: { id: string; name: string; kind: string; party: string | null; roles: string[]; mentions: number; documents: string[] }[];
  total: number;
  next: string | null;
}

test('actors: filtered by kind and party, paged', async () => {
  const people = await getJson<ActorPage>('/api/actors?kind=person');
  assert.equal(people.status, 200);
  assert.ok(people.body.actors.every((actor) => actor.kind === 'person'));
  const all = await getJson<ActorPage>('/api/actors?limit=1000');
  assert.ok(all.body.total >= people.body.total);
  const mentions = all.body.actors.map((actor) => actor.mentions);
  assert.deepEqual(mentions, [...mentions].sort((a, b) => b - a));
  const withParty = all.body.actors.find((actor) => actor.party !== null);
  if (withParty) {
    const party = await getJson<ActorPage>(`/api/actors?party=${encodeURIComponent(withParty.party!)}&limit=1000`);
    assert.ok(party.body.actors.length > 0);
    assert.ok(party.body.actors.every((actor) => actor.party === withParty.party));
  }
  const paged = await getJson<ActorPage>('/api/actors?limit=1');
  assert.ok(paged.body.actors.length <= 1);
  assert.equal(paged.body.next === null, all.body.total <= 1);
  await expectBadParameter('/api/actors?kind=people', 'kind', /expected one of person, country, organization, group, place, got "people"/);
  await expectBadParameter('/api/actors?limit=1001', 'limit', /1 to 1000/);
});

test('stats: documents per outlet and the publication range', async () => {
  const { status, body } = await getJson<{ stats: { documents: number; bySource: unknown[]; published: { first: string; last: string } } }>('/api/stats');
  assert.equal(status, 200);
  assert.equal(body.stats.documents, sample.documents);
  assert.ok(body.stats.bySource.length > 1);
  assert.ok(body.stats.published.first <= body.stats.published.last);
  await expectBadParameter('/api/stats?verbose=1', 'verbose', /unknown parameter/);
});

interface FactAnswer {
  fact: { id: string; kind: string; documentId: string };
  documents: { id: string; source: string | null; published: string | null }[];
  evidence: { documentId: string; start: number; end: number; text: string; sentence: { start: number; end: number; text: string } | null }[];
}

test('facts: a stored fact with its evidence sentence, outlet and date', async () => {
  const list = await getJson<DocumentPage>('/api/documents?limit=500');
  let checked = 0;
  for (const summary of list.body.documents) {
    const doc = (await getJson<DocumentAnswer>(`/api/documents/${summary.id}`)).body.document;
    const factIds = [...doc.quantities.map((fact) => fact.id), ...doc.dates.map((fact) => fact.id)];
    for (const id of factIds.slice(0, 2)) {
      const { status, body } = await getJson<FactAnswer>(`/api/facts/${encodeURIComponent(id)}`);
      assert.equal(status, 200);
      assert.equal(body.fact.id, id);
      assert.equal(body.documents[0].id, doc.id);
      assert.equal(body.documents[0].published, summary.meta.published);
      const [evidence] = body.evidence;
      assert.equal(evidence.documentId, doc.id);
      assert.equal(doc.text.slice(evidence.start, evidence.end), evidence.text);
      assert.ok(evidence.sentence, 'the sentence around the evidence');
      assert.equal(doc.text.slice(evidence.sentence.start, evidence.sentence.end), evidence.sentence.text);
      assert.ok(evidence.sentence.start <= evidence.start && evidence.start < evidence.sentence.end);
      checked += 1;
    }
    if (checked >= 6) break;
  }
  assert.ok(checked > 0, 'the samples hold facts to look up');
});

test('facts: malformed ids are 400s, unknown ones 404s', async () => {
  await expectBadParameter('/api/facts/two%20words', 'id', /expected an id/);
  await expectBadParameter('/api/facts/abc:opinion:1', 'id', /KIND one of stance, event, quote, quantity, date/);
  const list = await getJson<DocumentPage>('/api/documents?limit=1');
  const missing = await getJson<ErrorBody>(`/api/facts/${list.body.documents[0].id}:quote:9999`);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'not-found');
  assert.equal((await getJson<ErrorBody>('/api/facts/st-000000000000')).status, 404);
});

test('ETags: a repeated request with If-None-Match is a 304 without a body', async () => {
  const first = await app.request('/api/documents?limit=3');
  const tag = first.headers.get('etag');
  assert.ok(tag && /^"[0-9a-f]+"$/.test(tag), `ETag ${tag}`);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const again = await app.request('/api/documents?limit=3');
  assert.equal(again.headers.get('etag'), tag, 'the same answer has the same tag');
  const notModified = await app.request('/api/documents?limit=3', { headers: { 'If-None-Match': tag! } });
  assert.equal(notModified.status, 304);
  assert.equal(await notModified.text(), '');
  assert.equal(notModified.headers.get('etag'), tag);
  const other = await app.request('/api/documents?limit=4', { headers: { 'If-None-Match': tag! } });
  assert.equal(other.status, 200);
  assert.notEqual(other.headers.get('etag'), tag);
});

test('unknown API paths are JSON 404s', async () => {
  const { status, body } = await getJson<ErrorBody>('/api/nothing-here');
  assert.equal(status, 404);
  assert.equal(body.error.code, 'not-found');
});
