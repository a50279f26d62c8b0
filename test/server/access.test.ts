// Who may ask: tokens on every request when one is set, loopback Host names otherwise, no cross-site writes, and a socket only on loopback without a token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, isLoopbackHost, listen, PortInUseError, UnsafeBindError } from '../../src/server/index.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

let dir: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-access-'));
  store = await openStore(join(dir, 'parley.db'));
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const token = 'correct-horse-battery-staple';

test('with a token, a request without it is a 401 with a JSON body, on the API and the OpenAPI file alike', async () => {
  const app = createApp(store, { token });
  for (const path of ['/api/stats', '/openapi.json', '/']) {
    const response = await app.request(path);
    assert.equal(response.status, 401, path);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'unauthorized');
    assert.match(body.error.message, /Authorization: Bearer/);
  }
  const wrong = await app.request('/api/stats', { headers: { Authorization: 'Bearer not-the-token' } });
  assert.equal(wrong.status, 401);
});

test('with a token, the bearer header or the cookie a ?token= visit sets lets requests through', async () => {
  const app = createApp(store, { token });
  const bearer = await app.request('/api/stats', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(bearer.status, 200);

  const visit = await app.request(`/?view=timeline&token=${token}`);
  assert.equal(visit.status, 303);
  assert.equal(visit.headers.get('location'), '/?view=timeline', 'the token leaves the address');
  const cookie = visit.headers.get('set-cookie') ?? '';
  assert.match(cookie, /parley_token=/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const withCookie = await app.request('/api/stats', { headers: { Cookie: cookie.split(';')[0] } });
  assert.equal(withCookie.status, 200);

  const badVisit = await app.request('/?token=guess');
  assert.equal(badVisit.status, 401);
  // With a token the server may be reached by any name, so the Host check is off.
  const otherHost = await app.request('http://dashboard.example:8080/api/stats', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(otherHost.status, 200);
});

test('without a token, only loopback host names are answered (no DNS rebinding)', async () => {
  const app = createApp(store);
  assert.equal((await app.request('http://127.0.0.1:8080/api/stats')).status, 200);
  assert.equal((await app.request('http://localhost:8080/api/stats')).status, 200);
  assert.equal((await app.request('http://[::1]:8080/api/stats')).status, 200);
  const rebound = await app.request('http://attacker.example/api/stats');
  assert.equal(rebound.status, 403);
  assert.equal(((await rebound.json()) as { error: { code: string } }).error.code, 'forbidden');
});

test('writes from another origin are refused', async () => {
  const app = createApp(store);
  const response = await app.request('http://127.0.0.1:8080/api/ingest', {
    method: 'POST',
    headers: { Origin: 'http://attacker.example', 'Content-Type': 'text/plain' },
    body: 'Envoys met on Monday.',
  });
  assert.equal(response.status, 403);
  assert.match(((await response.json()) as { error: { message: string } }).error.message, /cross-origin POST/);
});

test('loopback names: localhost, 127.0.0.0/8 and ::1 only', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'app.localhost']) assert.ok(isLoopbackHost(host), host);
  for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '128.0.0.1', 'localhost.example.org']) assert.ok(!isLoopbackHost(host), host);
});

test('listen refuses a non-loopback address without a token, before opening any socket', async () => {
  const app = createApp(store);
  await assert.rejects(listen(app, { host: '0.0.0.0', port: 0 }), UnsafeBindError);
  await assert.rejects(listen(app, { host: '::', port: 0, token: '' }), /without a token/);
});

test('a port already in use is one error that names it and says what to do', async () => {
  const first = await listen(createApp(store), { port: 0 });
  try {
    await assert.rejects(listen(createApp(store), { port: first.port }), (error: unknown) => {
      assert.ok(error instanceof PortInUseError);
      assert.equal(error.message, `port ${first.port} on 127.0.0.1 is already in use: stop what listens there, or pass another --port (0 picks a free one)`);
      return true;
    });
  } finally {
    await first.close();
  }
});

test('listen serves on 127.0.0.1 with a free port and closes', async () => {
  const server = await listen(createApp(store), { port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.port > 0);
    const response = await fetch(`${server.url}/api/stats`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { stats: { documents: number } }).stats.documents, 0);
  } finally {
    await server.close();
  }
  await assert.rejects(fetch(`${server.url}/api/stats`), 'the port is closed');
});
