// The dashboard's files: served with a strict Content-Security-Policy, hashed assets cached for good, a clear answer when not built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

let dir: string;
let store: Store;
let webRoot: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-static-'));
  store = await openStore(join(dir, 'parley.db'));
  webRoot = join(dir, 'dist');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Dashboard</title><script type="module" src="./assets/app-1a2b.js"></script>');
  writeFileSync(join(webRoot, 'assets', 'app-1a2b.js'), 'console.log("dashboard");');
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the page is served with a Content-Security-Policy that allows no inline or foreign code', async () => {
  const app = createApp(store, { webRoot });
  const page = await app.request('/');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const policy = page.headers.get('content-security-policy') ?? '';
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self'(;|$)/);
  assert.match(policy, /object-src 'none'/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await page.text(), /<title>Dashboard<\/title>/);
  assert.equal((await app.request('/index.html')).status, 200);
});

test('hashed assets are cached for good; unknown files are 404s; nothing outside the folder is reachable', async () => {
  const app = createApp(store, { webRoot });
  const script = await app.request('/assets/app-1a2b.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(script.headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await app.request('/assets/missing.js')).status, 404);
  assert.equal((await app.request('/../package.json')).status, 404);
  assert.equal((await app.request('/assets/..%2F..%2Fparley.db')).status, 404);
});

test('before the dashboard is built, the page says how to build it', async () => {
  const app = createApp(store, { webRoot: join(dir, 'not-built') });
  const page = await app.request('/');
  assert.equal(page.status, 503);
  assert.match(await page.text(), /npm run build:web/);
  assert.equal((await app.request('/api/stats')).status, 200, 'the API works without the page');
});
