import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { closedPort, readAll, readOneDocument, readOneError, startLocalServer } from './support.ts';

const page = `<!doctype html><html lang="en"><head><title>Canal tolls settled</title><meta property="og:site_name" content="Lock Keeper News">
<meta property="article:published_time" content="2025-04-22T09:00:00Z"></head>
<body><article><p>Barge operators and the canal trust settled the toll dispute on Monday after three weeks of talks, a trust spokesperson said.</p>
<p>The new tolls take effect in May.</p></article></body></html>`;

const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Lock Keeper News</title>
<item><title>Tolls settled</title><description>Barge operators accepted the new tolls.</description><pubDate>Mon, 21 Apr 2025 10:00:00 GMT</pubDate></item>
<item><title>Repairs scheduled</title><description>Lock repairs start next month.</description></item>
</channel></rss>`;

test('an HTML URL is fetched, extracted to Markdown, with meta.url and no file name', async () => {
  const server = await startLocalServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  try {
    const url = server.url('/news/canal');
    const doc = await readOneDocument([url]);
    assert.equal(doc.kind, 'url');
    assert.equal(doc.origin, url);
    assert.equal(doc.format, 'markdown');
    assert.match(doc.content, /settled the toll dispute on Monday/);
    assert.equal(doc.original, page);
    assert.equal(doc.meta.url, url);
    assert.equal(doc.meta.file, null);
    assert.equal(doc.meta.source, 'Lock Keeper News');
    assert.equal(doc.meta.published, '2025-04-22');
  } finally {
    await server.close();
  }
});

test('redirects are followed and meta.url is the final address', async () => {
  const server = await startLocalServer((request, response) => {
    if (request.url === '/old') {
      response.writeHead(301, { location: '/new' });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('The barge operators will meet the trust again next week.');
  });
  try {
    const doc = await readOneDocument([server.url('/old')]);
    assert.equal(doc.origin, server.url('/old'));
    assert.equal(doc.meta.url, server.url('/new'));
    assert.equal(doc.format, 'text');
  } finally {
    await server.close();
  }
});

test('dispatch on content type: a feed URL yields its items as URL#N, JSON yields records', async () => {
  const server = await startLocalServer((request, response) => {
    if (request.url === '/feed') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(feed);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify([{ title: 'Tolls', text: 'The trust published the new toll table.' }]));
    }
  });
  try {
    const feedUrl = server.url('/feed');
    const items = await readAll([feedUrl], { fetchFeedLinks: false });
    assert.deepEqual(items.map((result) => result.ok && result.doc.origin), [`${feedUrl}#1`, `${feedUrl}#2`]);
    assert.equal(items[0].ok && items[0].doc.meta.published, '2025-04-21');
    const records = await readAll([server.url('/export')]);
    assert.equal(records.length, 1);
    assert.equal(records[0].ok && records[0].doc.content, 'The trust published the new toll table.');
  } finally {
    await server.close();
  }
});

test('a charset in the Content-Type decodes a legacy-encoded body', async () => {
  const text = 'Les bateliers ont accepté le péage révisé, a indiqué la fédération.';
  const server = await startLocalServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
    response.end(iconv.encode(text, 'iso-8859-1'));
  });
  try {
    const doc = await readOneDocument([server.url('/fr')]);
    assert.equal(doc.content, text);
  } finally {
    await server.close();
  }
});

test('HTTP 404 is ingest:http-status naming the URL', async () => {
  const server = await startLocalServer((request, response) => {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not here');
  });
  try {
    const url = server.url('/missing');
    const error = await readOneError([url], 'ingest:http-status', url);
    assert.match(error.message, /404/);
  } finally {
    await server.close();
  }
});

test('a closed port on 127.0.0.1 is ingest:unreachable', async () => {
  const url = `http://127.0.0.1:${await closedPort()}/article`;
  const error = await readOneError([url], 'ingest:unreachable', url);
  assert.match(error.message, /refused/);
});

test('a server that never answers is ingest:timeout', async () => {
  const server = await startLocalServer(() => {
    // Never respond: the request hangs until the client gives up.
  });
  try {
    const url = server.url('/slow');
    const error = await readOneError([url], 'ingest:timeout', url, { timeoutMs: 150 });
    assert.match(error.message, /150 ms/);
  } finally {
    await server.close();
  }
});

test('a body over maxBytes is ingest:too-large, whether declared or streamed', async () => {
  const server = await startLocalServer((request, response) => {
    const body = 'The toll talks went on. '.repeat(400);
    if (request.url === '/declared') {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
      response.end(body);
      return;
    }
    // Chunked, no length: the reader has to count as it goes.
    response.writeHead(200, { 'content-type': 'text/plain' });
    for (let index = 0; index < 10; index += 1) response.write(body);
    response.end();
  });
  try {
    const declared = server.url('/declared');
    await readOneError([declared], 'ingest:too-large', declared, { maxBytes: 2048 });
    const streamed = server.url('/streamed');
    await readOneError([streamed], 'ingest:too-large', streamed, { maxBytes: 2048 });
  } finally {
    await server.close();
  }
});

test('an injected fetch is used instead of the network', async () => {
  const requested: string[] = [];
  const fakeFetch = (async (input: string | URL | Request) => {
    requested.push(String(input));
    return new Response('The ferry union signed the agreement.', { status: 200, headers: { 'content-type': 'text/plain' } });
  }) as typeof fetch;
  const doc = await readOneDocument(['https://news.example/ferry'], { fetch: fakeFetch });
  assert.equal(doc.content, 'The ferry union signed the agreement.');
  assert.deepEqual(requested, ['https://news.example/ferry']);
});

test('a URL with another scheme is ingest:unsupported-url', async () => {
  await readOneError(['ftp://files.example/article.txt'], 'ingest:unsupported-url', 'ftp://files.example/article.txt');
});
