// POST /api/ingest: off by default; when allowed, posted articles, feeds, exports and URL lists go through the `parley ingest` path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp, type IngestSummary } from '../../src/server/index.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

let dir: string;
let store: Store;
let app: Hono;
const fetchedUrls: string[] = [];

const pageAtUrl = `<!doctype html><html><head><title>Envoys agree to meet again in Valletta</title>
<meta property="og:site_name" content="Harbour Ledger"></head><body><article><h1>Envoys agree to meet again in Valletta</h1>
<p>Negotiators from both delegations said on Friday that a further round would open in Valletta the following week.</p>
<p>Neither side released the draft text, but both described the mood in the room as businesslike.</p></article></body></html>`;

/** Stands in for the network: one known page, everything else a 404. */
const fakeFetch: typeof fetch = async (input) => {
  const url = String(input instanceof Request ? input.url : input);
  fetchedUrls.push(url);
  if (url === 'https://news.example.test/valletta-round') return new Response(pageAtUrl, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  return new Response('gone', { status: 404 });
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-ingest-api-'));
  store = await openStore(join(dir, 'parley.db'));
  app = createApp(store, { ingest: { kb: loadKnowledge(), maxBytes: 4096, timeoutMs: 2000, fetch: fakeFetch } });
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(text: string, contentType: string | null, query = ''): Promise<Response> {
  const headers: Record<string, string> = contentType ? { 'Content-Type': contentType } : {};
  // Bytes rather than a string, so no Content-Type is added when the test sends none.
  return Promise.resolve(app.request(`/api/ingest${query}`, { method: 'POST', headers, body: new TextEncoder().encode(text) }));
}

const article = `Mediators shuttle between capitals

Mediators travelled between the two capitals on Wednesday to narrow the gaps on prisoner exchanges.
Officials on both sides said the talks would resume after the weekend.`;

test('ingest is off unless the server allows it', async () => {
  const closed = createApp(store);
  const response = await closed.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: article });
  assert.equal(response.status, 403);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'ingest-disabled');
  assert.match(body.error.message, /--allow-ingest/);
});

test('a posted text article is stored once: posting it again changes nothing', async () => {
  const first = await post(article, 'text/plain; charset=utf-8', '?published=2025-12-03&source=Capital%20Courier');
  assert.equal(first.status, 200);
  const summary = (await first.json()) as IngestSummary;
  assert.equal(summary.inserted, 1);
  assert.equal(summary.failed, 0);
  const [stored] = summary.documents;
  assert.equal(stored.status, 'inserted');
  const doc = await store.getDocument(stored.id);
  assert.ok(doc);
  assert.equal(doc.meta.published, '2025-12-03');
  assert.equal(doc.meta.source, 'Capital Courier');
  assert.match(doc.text, /prisoner exchanges/);

  const again = (await (await post(article, 'text/plain', '?published=2025-12-03&source=Capital%20Courier')).json()) as IngestSummary;
  assert.equal(again.inserted, 0);
  assert.equal(again.unchanged, 1);
  assert.equal((await store.stats()).documents, 1);

  const hits = await store.search('prisoner exchanges');
  assert.equal(hits[0]?.documentId, stored.id, 'the posted article is searchable at once');
});

test('a posted JSON export stores each record', async () => {
  const records = [
    { title: 'Ceasefire monitors arrive', text: 'Monitors reached the line of contact on Sunday to check the truce.', published: '2025-12-07', source: 'Field Notes' },
    { title: 'Grain corridor reopens', text: 'Ships left port on Monday after the corridor reopened under the new arrangement.', published: '2025-12-08', source: 'Field Notes' },
  ];
  const summary = (await (await post(JSON.stringify(records), 'application/json')).json()) as IngestSummary;
  assert.equal(summary.inserted, 2);
  assert.deepEqual(summary.documents.map((doc) => doc.title), ['Ceasefire monitors arrive', 'Grain corridor reopens']);
});

test('a URL list is fetched (through the reader limits) and stored', async () => {
  const response = await post('# one page\nhttps://news.example.test/valletta-round\nhttps://news.example.test/missing\n', 'text/uri-list');
  assert.equal(response.status, 200);
  const summary = (await response.json()) as IngestSummary;
  assert.deepEqual(fetchedUrls.slice(-2), ['https://news.example.test/valletta-round', 'https://news.example.test/missing']);
  assert.equal(summary.inserted, 1);
  assert.equal(summary.failed, 1);
  assert.equal(summary.failures[0].input, 'https://news.example.test/missing');
  const doc = await store.getDocument(summary.documents[0].id);
  assert.equal(doc?.meta.url, 'https://news.example.test/valletta-round');
  assert.match(doc?.text ?? '', /Valletta/);
});

test('bad ingest requests: wrong media type, bad URL list, bad parameters, empty and oversized bodies', async () => {
  const png = await post('not really an image', 'image/png');
  assert.equal(png.status, 415);
  assert.equal(((await png.json()) as { error: { code: string } }).error.code, 'unsupported-media-type');
  assert.equal((await post(article, null)).status, 415);

  const badList = await post('ftp://files.example.test/a.txt\n', 'text/uri-list');
  assert.equal(badList.status, 400);
  const badListBody = (await badList.json()) as { error: { parameter: string; message: string } };
  assert.equal(badListBody.error.parameter, 'body');
  assert.match(badListBody.error.message, /not an http\(s\) URL/);
  assert.equal((await post('\n# nothing\n', 'text/uri-list')).status, 400);

  const badDate = await post(article, 'text/plain', '?published=2025-13-01');
  assert.equal(badDate.status, 400);
  assert.equal(((await badDate.json()) as { error: { parameter: string } }).error.parameter, 'published');

  const empty = (await (await post('', 'text/plain')).json()) as IngestSummary;
  assert.equal(empty.inserted, 0);
  assert.equal(empty.failed, 1);
  assert.match(empty.failures[0].code, /^ingest:/);

  const large = await post('word '.repeat(2000), 'text/plain');
  assert.equal(large.status, 413);
  assert.equal(((await large.json()) as { error: { code: string } }).error.code, 'too-large');
});
