import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { makeTempFolder, readOneDocument, readOneError, type TempFolder } from './support.ts';

const article = `Harbour board resumes quota talks

The harbour board and the trawler owners' association met again on Tuesday to discuss the winter quota.
Both sides said the session was useful but that no figure had been agreed.
`;

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
});
after(async () => {
  await folder.remove();
});

test('a .txt file is read as plain text, unchanged, with its base name as meta.file', async () => {
  const path = await folder.write('notes/quota-talks.txt', article);
  const doc = await readOneDocument([path]);
  assert.equal(doc.format, 'text');
  assert.equal(doc.kind, 'file');
  assert.equal(doc.origin, path);
  assert.equal(doc.content, article);
  assert.equal(doc.original, null);
  assert.equal(doc.meta.file, 'quota-talks.txt');
  assert.equal(doc.meta.url, null);
  assert.equal(doc.meta.published, null);
});

test('a Markdown file keeps its Markdown; front matter becomes metadata', async () => {
  const markdown = `---
title: "Quota talks resume"
date: 2024-11-05
author: Lena Park
source: Harbour Gazette
---
# Quota talks resume

The two sides met for **three hours**.
`;
  const path = await folder.write('quota.md', markdown);
  const doc = await readOneDocument([path]);
  assert.equal(doc.format, 'markdown');
  assert.equal(doc.content, '# Quota talks resume\n\nThe two sides met for **three hours**.\n');
  assert.equal(doc.original, markdown);
  assert.equal(doc.meta.title, 'Quota talks resume');
  assert.equal(doc.meta.published, '2024-11-05');
  assert.equal(doc.meta.byline, 'Lena Park');
  assert.equal(doc.meta.source, 'Harbour Gazette');
});

test('an unknown extension that decodes as text is read as text; HTML content is sniffed', async () => {
  const textPath = await folder.write('dispatch.article', article);
  const textDoc = await readOneDocument([textPath]);
  assert.equal(textDoc.format, 'text');
  assert.equal(textDoc.content, article);

  const htmlPath = await folder.write('saved-page', '<!doctype html><html><head><title>Quota talks</title></head><body><article><p>The harbour board met the trawler owners on Tuesday and agreed to meet again next month to settle the winter quota.</p></article></body></html>');
  const htmlDoc = await readOneDocument([htmlPath]);
  assert.equal(htmlDoc.format, 'markdown');
  assert.match(htmlDoc.content, /agreed to meet again next month/);
});

test('a windows-1252 file is decoded (written with iconv-lite here)', async () => {
  const text = 'The délégation from Sète said the “last offer” was final — talks resume on Friday.\n';
  const path = await folder.write('legacy.txt', iconv.encode(text, 'windows-1252'));
  const doc = await readOneDocument([path]);
  assert.equal(doc.content, text);
  assert.ok(doc.messages.some((message) => message.rule === 'ingest:encoding'));
});

test('an empty or whitespace-only file is ingest:empty', async () => {
  const empty = await folder.write('empty.txt', '');
  await readOneError([empty], 'ingest:empty', empty);
  const blank = await folder.write('blank.md', '\n   \n\t\n');
  await readOneError([blank], 'ingest:empty', blank);
});

test('a binary file is ingest:binary', async () => {
  const bytes = Buffer.alloc(2048);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 37) % 256;
  const path = await folder.write('photo.txt', bytes);
  await readOneError([path], 'ingest:binary', path);
});

test('random high bytes without NULs are rejected as an unknown encoding', async () => {
  const bytes = Buffer.alloc(3000);
  let state = 7;
  for (let index = 0; index < bytes.length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = 0x80 | ((state >>> 16) & 0xff);
  }
  const path = await folder.write('garbled.txt', bytes);
  await readOneError([path], 'ingest:encoding', path);
});

test('a file over maxBytes is ingest:too-large without being read', async () => {
  const path = await folder.write('enormous.txt', article.repeat(200));
  const error = await readOneError([path], 'ingest:too-large', path, { maxBytes: 1024 });
  assert.match(error.message, /1024 bytes/);
});

test('a missing path is ingest:not-found', async () => {
  const path = join(folder.path, 'no-such-article.txt');
  await readOneError([path], 'ingest:not-found', path);
});

test('a dangling symbolic link is ingest:unreadable', async () => {
  const path = join(folder.path, 'dangling.txt');
  await symlink(join(folder.path, 'deleted-target.txt'), path);
  const error = await readOneError([path], 'ingest:unreadable', path);
  assert.match(error.message, /symbolic link/);
});

test('a socket is ingest:unreadable (not a regular file)', async () => {
  const path = join(folder.path, 'feed.sock');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  try {
    const error = await readOneError([path], 'ingest:unreadable', path);
    assert.match(error.message, /socket/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a file without read permission is ingest:unreadable', { skip: process.getuid?.() === 0 ? 'root can read every file' : false }, async () => {
  const path = await folder.write('locked.txt', article);
  await chmod(path, 0o000);
  await readOneError([path], 'ingest:unreadable', path);
});
