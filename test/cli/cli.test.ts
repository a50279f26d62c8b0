// End-to-end: the CLI ingests the sample corpus, stays idempotent, survives bad inputs and prints the extraction contract.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, latestSchemaVersion } from '../../src/store/sqlite/index.ts';
import { runCli, repoRoot, samplesDir, sampleInputs, collectSpans } from './run-cli.ts';

let workDir: string;
let db: string;

before(() => {
  workDir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  db = join(workDir, 'test.db');
});

after(() => rmSync(workDir, { recursive: true, force: true }));

interface IngestSummary {
  inserted: number;
  unchanged: number;
  'new-version': number;
  failed: number;
  failures: { input: string; code: string; reason: string }[];
}

function statsDocuments(): number {
  const stats = runCli(['stats', '--db', db, '--json']);
  assert.equal(stats.status, 0, stats.stderr);
  return (JSON.parse(stats.stdout) as { documents: number }).documents;
}

test('ingest of the sample corpus stores every article, and a second ingest changes nothing', () => {
  const first = runCli(['ingest', ...sampleInputs, '--manifest', join(samplesDir, 'manifest.json'), '--db', db, '--json']);
  assert.equal(first.status, 0, first.stderr);
  const summary = JSON.parse(first.stdout) as IngestSummary;
  assert.equal(summary.failed, 0);
  assert.ok(summary.inserted >= 15, `expected at least 15 articles, got ${summary.inserted}`);
  assert.equal(statsDocuments(), summary.inserted);

  const second = runCli(['ingest', ...sampleInputs, '--manifest', join(samplesDir, 'manifest.json'), '--db', db, '--json']);
  assert.equal(second.status, 0, second.stderr);
  const again = JSON.parse(second.stdout) as IngestSummary;
  assert.equal(again.inserted, 0);
  assert.equal(again['new-version'], 0);
  assert.equal(again.unchanged, summary.inserted);
  assert.equal(statsDocuments(), summary.inserted);
});

test('search finds ranked sentences that lie inside their documents', () => {
  const result = runCli(['search', 'security guarantees', '--db', db, '--json', '--limit', '5']);
  assert.equal(result.status, 0, result.stderr);
  const { hits } = JSON.parse(result.stdout) as { hits: { documentId: string; sentence: { text: string }; score: number }[] };
  assert.ok(hits.length > 0);
  assert.ok(hits.length <= 5);
  for (const hit of hits) assert.match(hit.sentence.text.toLowerCase(), /secur|guarant/);
  const scores = hits.map((hit) => hit.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));

  const human = runCli(['search', 'security guarantees', '--db', db, '--limit', '2']);
  assert.equal(human.status, 0);
  assert.match(human.stdout, /^1\. /m);
});

test('a batch with bad inputs names each one in one line, stores the good ones and loses nothing', () => {
  const before = statsDocuments();
  // The good articles share one folder, and one commit, with an empty file that sorts between them.
  const folder = join(workDir, 'dispatches');
  mkdirSync(folder);
  const good = {
    '1-vienna.txt': 'Envoys met in Vienna\n\nNegotiators from both sides met in Vienna on Monday to discuss a prisoner exchange. They agreed to meet again next month.\n',
    '2-harbour.txt': 'Grain corridor reopens\n\nThe first cargo ship in weeks left the harbour on Tuesday after mediators secured a pause in the shelling. Insurers said premiums would stay high.\n',
    '4-monitors.txt': 'Monitors ask for access\n\nA team of observers asked both armies for written guarantees before it travels to the front line. Neither side has replied so far.\n',
    '5-reservists.txt': 'Reservists called up\n\nThe defence ministry announced a call-up of reservists on Thursday, a day after the talks stalled. Officials called the move a precaution.\n',
  };
  for (const [name, text] of Object.entries(good)) writeFileSync(join(folder, name), text);
  const bad = {
    empty: join(folder, '3-empty.txt'),
    binary: join(workDir, 'binary.txt'),
    json: join(workDir, 'broken.json'),
    missing: join(workDir, 'no-such-file.txt'),
  };
  writeFileSync(bad.empty, '');
  writeFileSync(bad.binary, Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x10, 0x80, 0x00]));
  writeFileSync(bad.json, '{"title": "cut off", "text": "The talks');

  const result = runCli(['ingest', bad.binary, bad.json, bad.missing, folder, '--db', db, '--json']);
  assert.equal(result.status, 1);
  const summary = JSON.parse(result.stdout) as IngestSummary;
  assert.equal(summary.failed, 4);
  assert.equal(summary.inserted, 4);
  assert.deepEqual(summary.failures.map((failure) => failure.code).filter((code) => code === 'ingest:empty'), ['ingest:empty']);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 4, result.stderr);
  for (const path of Object.values(bad)) {
    assert.equal(lines.filter((line) => line.includes(path)).length, 1, `one line names ${path}`);
  }
  assert.equal(statsDocuments(), before + 4);
  const monitors = runCli(['search', 'observers guarantees', '--db', db, '--json']);
  assert.equal(monitors.status, 0, monitors.stderr);
  assert.equal((JSON.parse(monitors.stdout) as { hits: unknown[] }).hits.length, 1, 'the article after the empty file is stored');
});

test('extract prints the contract for every sample article with evidence that points into its text', () => {
  const result = runCli(['extract', join(samplesDir, 'articles'), '--manifest', join(samplesDir, 'manifest.json'), '--format', 'json']);
  assert.equal(result.status, 0, result.stderr);
  const output = JSON.parse(result.stdout) as { documents: { file: string; text: string; published: string | null }[] };
  const articleFiles = readdirSync(join(samplesDir, 'articles'));
  assert.deepEqual(output.documents.map((doc) => doc.file).sort(), [...articleFiles].sort());
  for (const doc of output.documents) {
    assert.ok(doc.text.length > 200, `${doc.file} has its body`);
    assert.match(doc.published ?? '', /^\d{4}-\d{2}-\d{2}$/, `${doc.file} has its manifest date`);
    for (const span of collectSpans(doc)) {
      assert.equal(doc.text.slice(span.start, span.end), span.text, `${doc.file} span ${span.start}-${span.end}`);
    }
  }
});

test('extract reads standard input with -', () => {
  const result = runCli(['extract', '-', '--published', '2025-12-03'], { input: 'Talks resumed\n\nThe delegations met again on Tuesday in a hotel outside the city.\n' });
  assert.equal(result.status, 0, result.stderr);
  const output = JSON.parse(result.stdout) as { documents: { text: string; published: string }[] };
  assert.equal(output.documents.length, 1);
  assert.match(output.documents[0].text, /delegations met again/);
  assert.equal(output.documents[0].published, '2025-12-03');
});

test('a reader that stops early (| head) ends the command quietly', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'extract', join(samplesDir, 'articles'), '--format', 'json'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // The first chunk of the JSON, then the pipe is closed under the rest of it, as `head -c` does.
  await once(child.stdout, 'data');
  child.stdout.destroy();
  const [code] = (await once(child, 'close')) as [number | null];
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

test('usage errors exit with 2, help exits with 0 for every command', () => {
  assert.equal(runCli(['no-such-command']).status, 2);
  assert.equal(runCli(['ingest']).status, 2);
  assert.equal(runCli(['ingest', 'x', '--published', 'yesterday']).status, 2);
  for (const query of ['', '   ', '"" !!']) {
    const empty = runCli(['search', query, '--db', db]);
    assert.equal(empty.status, 2, `search ${JSON.stringify(query)}`);
    assert.match(empty.stderr, /^parley: the search query is empty/);
  }
  for (const command of ['ingest', 'search', 'stats', 'extract']) {
    const help = runCli([command, '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: parley/);
  }
});

test('reading commands on a missing store say so in one line', () => {
  const result = runCli(['stats', '--db', join(workDir, 'nothing-here.db')]);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /nothing-here\.db/);
  assert.equal(result.stderr.trim().split('\n').length, 1);
});

test('a command on a store of an older schema says it upgrades it, once', () => {
  const old = join(workDir, 'older.db');
  const file = new Database(old);
  applyMigrations(file, { target: latestSchemaVersion - 1 });
  file.close();
  const first = runCli(['stats', '--db', old, '--json']);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, new RegExp(`^parley: upgrading .*older\\.db from schema ${latestSchemaVersion - 1} to ${latestSchemaVersion} \\(`));
  assert.equal(first.stderr.trim().split('\n').length, 1);
  const again = runCli(['stats', '--db', old, '--json']);
  assert.equal(again.stderr, '');
  assert.equal(runCli(['ingest', '--db', join(workDir, 'fresh.db'), '--json', join(samplesDir, 'articles')]).stderr, '', 'a new file is not announced');
});
