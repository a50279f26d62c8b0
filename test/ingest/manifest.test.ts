import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/doc/errors.ts';
import { loadManifest, parseManifest } from '../../src/ingest/index.ts';
import { makeTempFolder, readOneDocument, type TempFolder } from './support.ts';

const htmlWithDate = `<html><head><title>Quay talks</title><meta property="og:site_name" content="Page Outlet">
<meta property="article:published_time" content="2023-06-01T10:00:00Z"></head>
<body><article><p>The quay workers and the port company resumed their talks on Thursday and agreed to meet again.</p></article></body></html>`;

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
});
after(async () => {
  await folder.remove();
});

function errorFrom(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError);
    return error;
  }
  assert.fail('expected an InputError');
}

test('loadManifest reads entries keyed by base name, normalising dates and empty strings', async () => {
  const path = await folder.write(
    'manifest.json',
    JSON.stringify({
      about: 'test manifest',
      documents: [
        { file: 'texts/quay.txt', source: 'Quay Post', published: '2024-03-05', precision: 'day', language: 'en', url: '', title: 'Quay talks resume' },
        { file: 'other.txt', source: null, published: 'Tue, 05 Mar 2024 23:00:00 GMT' },
      ],
    }),
  );
  const manifest = loadManifest(path);
  assert.equal(manifest.origin, path);
  assert.deepEqual(manifest.entries.get('quay.txt'), {
    file: 'quay.txt',
    source: 'Quay Post',
    published: '2024-03-05',
    title: 'Quay talks resume',
    url: null,
    byline: null,
    language: 'en',
  });
  assert.equal(manifest.entries.get('other.txt')?.published, '2024-03-05');
  assert.equal(manifest.entries.get('other.txt')?.source, null);
});

test('a manifest that is missing, not JSON, the wrong shape or has a bad date is a coded error naming it', async () => {
  const missing = `${folder.path}/nope.json`;
  assert.equal(errorFrom(() => loadManifest(missing)).code, 'ingest:not-found');
  const notJson = await folder.write('bad.json', '{"documents": [');
  const invalid = errorFrom(() => loadManifest(notJson));
  assert.equal(invalid.code, 'ingest:invalid-json');
  assert.equal(invalid.input, notJson);
  assert.equal(errorFrom(() => parseManifest({ documents: [{ source: 'x' }] }, 'm.json')).code, 'ingest:manifest');
  const badDate = errorFrom(() => parseManifest({ documents: [{ file: 'a.txt', published: 'soon' }] }, 'm.json'));
  assert.equal(badDate.code, 'ingest:manifest');
  assert.match(badDate.message, /a\.txt/);
});

test('the manifest applies by file name: its published/source win over the page, other fields fill gaps', async () => {
  const path = await folder.write('quay.html', htmlWithDate);
  const manifest = parseManifest({ documents: [{ file: 'quay.html', published: '2023-06-02', source: 'Quay Post', title: 'Manifest title', byline: 'Manifest Byline' }] }, 'm.json');
  const doc = await readOneDocument([path], { manifest });
  assert.equal(doc.meta.published, '2023-06-02');
  assert.equal(doc.meta.source, 'Quay Post');
  assert.equal(doc.meta.title, 'Quay talks');
  assert.equal(doc.meta.byline, 'Manifest Byline');
});

test('null manifest fields leave the document metadata alone; other files are untouched', async () => {
  const path = await folder.write('quay-null.html', htmlWithDate);
  const manifest = parseManifest({ documents: [{ file: 'quay-null.html', published: null, source: null }] }, 'm.json');
  const doc = await readOneDocument([path], { manifest });
  assert.equal(doc.meta.published, '2023-06-01');
  assert.equal(doc.meta.source, 'Page Outlet');
  const other = await folder.write('unlisted.txt', 'The port company made a new offer.');
  const unlisted = await readOneDocument([other], { manifest });
  assert.equal(unlisted.meta.published, null);
});

test('published and source flags win over the manifest and the document', async () => {
  const path = await folder.write('quay-flags.html', htmlWithDate);
  const manifest = parseManifest({ documents: [{ file: 'quay-flags.html', published: '2023-06-02', source: 'Quay Post' }] }, 'm.json');
  const doc = await readOneDocument([path], { manifest, published: '2023-07-15', source: 'Flag Outlet' });
  assert.equal(doc.meta.published, '2023-07-15');
  assert.equal(doc.meta.source, 'Flag Outlet');
});
