import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawDocument } from '../../src/doc/types.ts';
import type { IngestResult } from '../../src/ingest/index.ts';
import { assertInputError, makeTempFolder, readAll, readOneDocument, readOneError, type TempFolder } from './support.ts';

const records = [
  {
    title: 'Port authority offers new berth fees',
    text: 'The port authority offered the shipping lines a revised scale of berth fees on Monday.',
    url: 'https://harbour.example/berth-fees',
    published: '2024-10-07T16:00:00Z',
    outlet: 'Harbour Times',
    author: { name: 'Noor Elling' },
  },
  {
    title: 'Shipping lines reply',
    html: '<p>The shipping lines <strong>rejected</strong> the revised scale.</p><h2>Next</h2><p>Talks resume on Thursday.</p>',
    link: 'https://harbour.example/reply',
    date: 'October 9, 2024',
    source: 'Harbour Times',
    byline: 'Noor Elling',
  },
];

function documents(results: IngestResult[]): RawDocument[] {
  return results.map((result) => {
    if (!result.ok) assert.fail(result.error.toLine());
    return result.doc;
  });
}

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
});
after(async () => {
  await folder.remove();
});

test('an array of records: one json-record document each, numbered path#N, fields mapped', async () => {
  const path = await folder.write('export.json', JSON.stringify(records, null, 2));
  const [first, second] = documents(await readAll([path]));
  assert.equal(first.origin, `${path}#1`);
  assert.equal(first.kind, 'json-record');
  assert.equal(first.format, 'text');
  assert.equal(first.content, records[0].text);
  assert.deepEqual(first.meta, {
    title: 'Port authority offers new berth fees',
    byline: 'Noor Elling',
    source: 'Harbour Times',
    url: 'https://harbour.example/berth-fees',
    published: '2024-10-07',
    file: null,
    language: null,
  });
  assert.equal(second.origin, `${path}#2`);
  assert.equal(second.format, 'markdown');
  assert.equal(second.content, 'The shipping lines **rejected** the revised scale.\n\n## Next\n\nTalks resume on Thursday.');
  assert.equal(second.original, records[1].html);
  assert.equal(second.meta.url, 'https://harbour.example/reply');
  assert.equal(second.meta.published, '2024-10-09');
});

test('{ "items" | "articles" | "documents": [...] } containers are unwrapped', async () => {
  for (const key of ['items', 'articles', 'documents']) {
    const path = await folder.write(`wrapped-${key}.json`, JSON.stringify({ [key]: records }));
    const docs = documents(await readAll([path]));
    assert.equal(docs.length, 2, key);
    assert.equal(docs[1].meta.title, 'Shipping lines reply');
  }
});

test('a JSON Feed uses content_html, date_published, authors and the feed title as source', async () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Harbour Notes',
    items: [{ id: '1', content_html: '<p>Pilots agreed to a night-shift rota.</p>', date_published: '2024-12-01T08:00:00Z', authors: [{ name: 'Kai Moss' }], url: 'https://notes.example/rota' }],
  };
  const path = await folder.write('feed.json', JSON.stringify(feed));
  const [doc] = documents(await readAll([path]));
  assert.equal(doc.content, 'Pilots agreed to a night-shift rota.');
  assert.equal(doc.meta.source, 'Harbour Notes');
  assert.equal(doc.meta.byline, 'Kai Moss');
  assert.equal(doc.meta.published, '2024-12-01');
});

test('a single record is one document named by the file itself', async () => {
  const path = await folder.write('one.json', JSON.stringify({ title: 'Dredging deal', body: 'The council and the dredging firm signed a three-year contract.', publishedAt: '2024-05-02' }));
  const doc = await readOneDocument([path]);
  assert.equal(doc.origin, path);
  assert.equal(doc.meta.file, 'one.json');
  assert.equal(doc.content, 'The council and the dredging firm signed a three-year contract.');
  assert.equal(doc.meta.published, '2024-05-02');
});

test('JSON Lines: one record per line; a broken line fails alone, naming its item and line', async () => {
  const lines = [JSON.stringify(records[0]), '', '{"title": "Half a record", "text": "The pilots', JSON.stringify(records[1])].join('\n');
  const path = await folder.write('export.jsonl', lines);
  const results = await readAll([path]);
  assert.equal(results.length, 3);
  assert.equal(results[0].ok && results[0].doc.origin, `${path}#1`);
  const broken = results[1];
  if (broken.ok) assert.fail('the broken line should fail');
  assertInputError(broken.error, 'ingest:invalid-json', `${path}#2`);
  assert.match(broken.error.message, /line 3/);
  assert.equal(results[2].ok && results[2].doc.origin, `${path}#3`);
});

test('a .json file holding one object per line is read as JSON Lines', async () => {
  const path = await folder.write('lines.json', records.map((record) => JSON.stringify(record)).join('\n'));
  assert.equal(documents(await readAll([path])).length, 2);
});

test('a record with no text is an error for that record only; the others go on', async () => {
  const path = await folder.write('partial.json', JSON.stringify([records[0], { title: 'Headline only', url: 'https://harbour.example/x' }, { title: 'Blank', text: '   ' }, records[1]]));
  const results = await readAll([path]);
  assert.equal(results.length, 4);
  assert.ok(results[0].ok && results[3].ok);
  if (results[1].ok || results[2].ok) assert.fail('records 2 and 3 should fail');
  assertInputError(results[1].error, 'ingest:no-text', `${path}#2`);
  assertInputError(results[2].error, 'ingest:empty', `${path}#3`);
});

test('a record with a field of the wrong type is ingest:invalid-record', async () => {
  const path = await folder.write('typed.json', JSON.stringify([{ title: 42, text: 'The pilots accepted.' }, 'not a record']));
  const results = await readAll([path]);
  if (results[0].ok || results[1].ok) assert.fail('both records should fail');
  assertInputError(results[0].error, 'ingest:invalid-record', `${path}#1`);
  assert.match(results[0].error.message, /title/);
  assertInputError(results[1].error, 'ingest:invalid-record', `${path}#2`);
});

test('invalid JSON is ingest:invalid-json with a line and column', async () => {
  const path = await folder.write('broken.json', '[\n  {"title": "Berth fees", "text": "Offer made."}\n  {"title": "Reply"}\n]');
  const error = await readOneError([path], 'ingest:invalid-json', path);
  assert.match(error.message, /line 3, column 3/);
});

test('a JSON export cut off in the middle is ingest:invalid-json and says it looks truncated', async () => {
  const full = JSON.stringify(records, null, 2);
  const path = await folder.write('truncated.json', full.slice(0, Math.floor(full.length / 2)));
  const error = await readOneError([path], 'ingest:invalid-json', path);
  assert.match(error.message, /truncated/);
});

test('an export with no records is ingest:empty', async () => {
  const path = await folder.write('none.json', '{"items": []}');
  await readOneError([path], 'ingest:empty', path);
});

test('a manifest given as an input is refused as not an export', async () => {
  const manifest = { documents: [{ file: 'a.txt', published: '2024-01-02', source: 'Harbour Times' }] };
  const path = await folder.write('manifest.json', JSON.stringify(manifest));
  const error = await readOneError([path], 'ingest:not-an-export', path);
  assert.match(error.message, /manifest/);
});
