import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { listInputFiles } from '../../src/ingest/index.ts';
import { makeTempFolder, readAll, type TempFolder } from './support.ts';

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
  await folder.write('b-second.txt', 'The second note says the talks went on past midnight.');
  await folder.write('a-first.md', '# First\n\nThe first note says the talks began at noon.');
  await folder.write('sub/c-third.txt', 'The third note, in a subfolder, says a deal is close.');
  await folder.write('sub/deeper/d-fourth.txt', 'The fourth note says the deal was signed.');
  await folder.write('empty.txt', '');
  await folder.write('.hidden-note.txt', 'A dotfile that must be skipped.');
  await folder.write('.cache/skipped.txt', 'A file in a dot-folder that must be skipped.');
  await folder.write('manifest.json', JSON.stringify({ documents: [{ file: 'a-first.md', published: '2024-03-01', source: 'Quay Post' }] }));
  await folder.write('sub/annotations.json', JSON.stringify({ documents: [{ file: 'c-third.txt', persons: [] }] }));
  await folder.write('sub/export.json', JSON.stringify([{ title: 'Record', text: 'An export record inside the folder.' }]));
  await symlink(join(folder.path, 'sub'), join(folder.path, 'z-loop'));
});
after(async () => {
  await folder.remove();
});

test('listInputFiles expands folders recursively in name order, skipping dotfiles, sidecars and linked folders', async () => {
  const files = await listInputFiles([folder.path, 'https://news.example/a', '-', join(folder.path, 'missing.txt')]);
  assert.deepEqual(files, [
    join(folder.path, 'a-first.md'),
    join(folder.path, 'b-second.txt'),
    join(folder.path, 'empty.txt'),
    join(folder.path, 'sub/c-third.txt'),
    join(folder.path, 'sub/deeper/d-fourth.txt'),
    join(folder.path, 'sub/export.json'),
    'https://news.example/a',
    '-',
    join(folder.path, 'missing.txt'),
  ]);
});

test('reading a folder follows the same order; one bad file does not stop the others', async () => {
  const results = await readAll([folder.path]);
  const origins = results.map((result) => (result.ok ? result.doc.origin : result.error.input));
  assert.deepEqual(origins, [
    join(folder.path, 'a-first.md'),
    join(folder.path, 'b-second.txt'),
    join(folder.path, 'empty.txt'),
    join(folder.path, 'sub/c-third.txt'),
    join(folder.path, 'sub/deeper/d-fourth.txt'),
    `${join(folder.path, 'sub/export.json')}#1`,
  ]);
  const failed = results.filter((result) => !result.ok);
  assert.equal(failed.length, 1);
  assert.equal(!failed[0].ok && failed[0].error.code, 'ingest:empty');
});

test('reading is deterministic: two runs give the same documents', async () => {
  const first = await readAll([folder.path]);
  const second = await readAll([folder.path]);
  assert.deepEqual(first, second);
});

test('an empty folder is reported as ingest:empty naming it', async () => {
  const empty = await makeTempFolder();
  try {
    const results = await readAll([empty.path]);
    assert.equal(results.length, 1);
    assert.equal(!results[0].ok && results[0].error.code, 'ingest:empty');
    assert.equal(!results[0].ok && results[0].error.input, empty.path);
  } finally {
    await empty.remove();
  }
});
