import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readAll, readOneDocument, readOneError } from './support.ts';

test('input "-" reads the given stdin stream and keeps plain text as text', async () => {
  const text = 'The ferry crews voted to accept the offer on Sunday.\n';
  const doc = await readOneDocument(['-'], { stdin: Readable.from([Buffer.from(text.slice(0, 10)), Buffer.from(text.slice(10))]) });
  assert.equal(doc.origin, 'stdin');
  assert.equal(doc.kind, 'stdin');
  assert.equal(doc.format, 'text');
  assert.equal(doc.content, text);
  assert.equal(doc.meta.file, null);
});

test('stdin is sniffed: HTML, a feed and JSON are each read as what they are', async () => {
  const html = await readOneDocument(['-'], { stdin: Readable.from([Buffer.from('<!doctype html><html><body><article><p>The crews and the operator signed a two-year agreement at the harbour office.</p></article></body></html>')]) });
  assert.equal(html.format, 'markdown');
  assert.match(html.content, /two-year agreement/);

  const feed = await readAll(['-'], { stdin: Readable.from([Buffer.from('<rss version="2.0"><channel><title>Wire</title><item><title>A</title><description>The crews accepted.</description></item></channel></rss>')]) });
  assert.equal(feed.length, 1);
  assert.equal(feed[0].ok && feed[0].doc.origin, 'stdin#1');

  const json = await readAll(['-'], { stdin: Readable.from([Buffer.from('[{"title":"A","text":"The operator agreed."},{"title":"B","text":"The crews agreed."}]')]) });
  assert.deepEqual(json.map((result) => result.ok && result.doc.origin), ['stdin#1', 'stdin#2']);
});

test('empty stdin is ingest:empty and an oversized one ingest:too-large, both naming stdin', async () => {
  await readOneError(['-'], 'ingest:empty', 'stdin', { stdin: Readable.from([]) });
  await readOneError(['-'], 'ingest:too-large', 'stdin', { stdin: Readable.from([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x62)]), maxBytes: 1000 });
});
