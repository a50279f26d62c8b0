// A writer killed with SIGKILL mid-ingest leaves a healthy store holding only whole documents, and writing can go on.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { generatedDoc } from './fixtures.ts';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sentencesPerDoc = 120;
const killAfter = 25;
const lastDoc = 100_000;

/** Runs the writer until it has reported `killAfter` stored documents, then kills it; resolves with how many it reported. */
function writeThenKill(path: string): Promise<{ reported: number; signal: NodeJS.Signals | null; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crash-writer.ts'), path, '1', String(lastDoc)], {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let reported = 0;
    let finished = false;
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'done') finished = true;
      if (!line.startsWith('stored ')) return;
      reported = Number(line.slice('stored '.length));
      if (reported === killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed (code ${code}): ${stderr}`));
      else resolve({ reported, signal, finished });
    });
  });
}

describe('crash consistency', () => {
  it('keeps only whole documents after the writer is killed mid-ingest', async () => {
    const path = join(dir, 'crash.db');
    const { reported, finished } = await writeThenKill(path);
    assert.equal(finished, false);
    assert.ok(reported >= killAfter);

    const raw = new Database(path);
    assert.deepEqual(raw.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    assert.deepEqual(raw.pragma('foreign_key_check'), []);
    raw.close();

    const store = await openSqliteStore(path);
    try {
      assert.deepEqual(await store.checkIntegrity(), []);
      const summaries = await store.listDocuments();
      // Every document the writer reported committed is there; at most the one in flight may be too.
      assert.ok(summaries.length >= reported && summaries.length <= reported + 1, `${summaries.length} documents for ${reported} reported`);
      const stored = new Set(summaries.map((summary) => summary.meta.file));
      for (let n = 1; n <= summaries.length; n++) assert.ok(stored.has(`round-${n}.txt`), `document ${n} is missing`);

      for (const summary of summaries) {
        const n = Number(/round-(\d+)\.txt/.exec(summary.meta.file ?? '')?.[1]);
        const expected = generatedDoc(n, { sentences: sentencesPerDoc });
        const doc = await store.getDocument(summary.id);
        assert.ok(doc);
        assert.equal(doc.id, expected.id);
        assert.equal(doc.text, expected.text);
        assert.deepEqual(doc.sentences, expected.sentences);
        assert.deepEqual(doc.entities, expected.entities);
        assert.deepEqual(doc.quotes, expected.quotes);
        assert.deepEqual(doc.quantities, expected.quantities);
        assert.deepEqual(doc.stances, expected.stances);
        assert.deepEqual(doc.events, expected.events);
      }

      // The full-text index holds exactly the sentences of the stored documents: every sentence names a round.
      const stats = await store.stats();
      assert.equal(stats.sentences, summaries.length * sentencesPerDoc);
      const hits = await store.search('round', { limit: stats.sentences + 10 });
      assert.equal(hits.length, stats.sentences);

      const next = generatedDoc(lastDoc + 1, { sentences: sentencesPerDoc });
      assert.equal((await store.putDocument(next)).status, 'inserted');
      const again = generatedDoc(1, { sentences: sentencesPerDoc });
      assert.equal((await store.putDocument(again)).status, 'unchanged');
      assert.equal((await store.stats()).documents, summaries.length + 1);
    } finally {
      await store.close();
    }
  });
});
