// `parley serve` as a user runs it: it prints where it listens, answers, stops cleanly on SIGTERM, and refuses unsafe or broken set-ups.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { repoRoot } from './sample-store.ts';

let dir: string;
let db: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-serve-'));
  db = join(dir, 'parley.db');
  await (await openStore(db)).close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

const cli = [process.execPath, '--import', 'tsx', join(repoRoot, 'src/cli/main.ts')] as const;

function runServe(args: string[], env: Record<string, string> = {}) {
  return spawnSync(cli[0], [...cli.slice(1), 'serve', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PARLEY_DB: '', PARLEY_TOKEN: '', ...env } });
}

/** Starts `parley serve`, waits for the line naming its address, and hands back that address and a stopper. */
async function startServe(args: string[], env: Record<string, string> = {}): Promise<{ url: string; stop(): Promise<number | null> }> {
  const child = spawn(cli[0], [...cli.slice(1), 'serve', ...args], { cwd: repoRoot, env: { ...process.env, PARLEY_DB: '', PARLEY_TOKEN: '', ...env } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`parley serve exited with ${code} before listening: ${output}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

test('parley serve listens on 127.0.0.1, answers the API, and exits 0 on SIGTERM', async () => {
  const server = await startServe(['--db', db, '--port', '0']);
  try {
    const response = await fetch(`${server.url}/api/stats`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { stats: { documents: number } }).stats.documents, 0);
    const ingest = await fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Envoys met on Monday.' });
    assert.equal(ingest.status, 403, 'read-only unless --allow-ingest');
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('a token from PARLEY_TOKEN is required on every request', async () => {
  const server = await startServe(['--db', db, '--port', '0', '--allow-ingest'], { PARLEY_TOKEN: 'env-secret' });
  try {
    assert.equal((await fetch(`${server.url}/api/stats`)).status, 401);
    assert.equal((await fetch(`${server.url}/api/stats`, { headers: { Authorization: 'Bearer env-secret' } })).status, 200);
    const ingest = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer env-secret' },
      body: 'Delegations met in Vienna on Monday to discuss prisoner exchanges.',
    });
    assert.equal(ingest.status, 200);
    assert.equal(((await ingest.json()) as { inserted: number }).inserted, 1);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('parley serve refuses a non-loopback host without a token, and a missing store', () => {
  const open = runServe(['--db', db, '--host', '0.0.0.0', '--port', '0']);
  assert.equal(open.status, 2);
  assert.match(open.stderr, /--host 0\.0\.0\.0 would let other machines read the store: also pass --token/);
  const badPort = runServe(['--db', db, '--port', '70000']);
  assert.equal(badPort.status, 2);
  assert.match(badPort.stderr, /port number/);
  const missing = runServe(['--db', join(dir, 'nothing-here.db'), '--port', '0']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nothing-here\.db/);
});
