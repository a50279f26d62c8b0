import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawDocument } from '../../src/doc/types.ts';
import { assertInputError, makeTempFolder, readAll, readOneError, type TempFolder } from './support.ts';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Valley Courier</title>
    <link>https://courier.example/</link>
    <language>en</language>
    <item>
      <title>Water board and farmers agree on summer allocation</title>
      <link>https://courier.example/water-deal</link>
      <pubDate>Tue, 03 Jun 2025 22:45:00 GMT</pubDate>
      <dc:creator>Ines Walker</dc:creator>
      <description>A short teaser.</description>
      <content:encoded><![CDATA[<p>The water board and the farmers' union <em>agreed</em> on Tuesday to share the summer allocation evenly.</p><h2>What changes</h2><p>Irrigation will be limited to three nights a week.</p>]]></content:encoded>
    </item>
    <item>
      <title>Second round set for July</title>
      <link>https://courier.example/second-round</link>
      <pubDate>Wed, 04 Jun 2025 08:00:00 +0200</pubDate>
      <description>Negotiators plan to meet again in July to review the allocation.</description>
    </item>
    <item>
      <title>Opinion: a fragile truce</title>
      <description><![CDATA[<p>The deal holds only if <b>rain</b> comes.</p>]]></description>
    </item>
  </channel>
</rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Metro Labour Wire</title>
  <id>urn:example:metro</id>
  <updated>2025-01-10T12:00:00Z</updated>
  <entry>
    <title>Tram drivers suspend walkout</title>
    <id>urn:example:metro:1</id>
    <link href="https://metro.example/tram"/>
    <published>2025-01-09T18:30:00Z</published>
    <updated>2025-01-10T09:00:00Z</updated>
    <author><name>Pia Novak</name></author>
    <content type="html">&lt;p&gt;Tram drivers suspended their walkout after the city offered to reopen pay talks next week.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Depot talks continue</title>
    <id>urn:example:metro:2</id>
    <updated>2025-01-10T11:00:00Z</updated>
    <summary>Talks at the bus depot continued into the evening.</summary>
  </entry>
</feed>`;

const linkedPage = `<!doctype html><html><head><title>Second round set for July</title><meta name="author" content="Omar Haddad"></head>
<body><article><p>Negotiators for the water board and the farmers' union said they would meet again in July to review how the allocation is working.</p><p>The board's chair said the first weeks had gone smoothly.</p></article></body></html>`;

/** A fetch that serves the linked article page and records what was asked for. */
function fakeFetch(requests: string[]): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    requests.push(url);
    if (url === 'https://courier.example/second-round') {
      return new Response(linkedPage, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    return new Response('gone', { status: 404, statusText: 'Not Found' });
  }) as typeof fetch;
}

function documents(results: Awaited<ReturnType<typeof readAll>>): RawDocument[] {
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

test('RSS 2.0: one feed-item document per item, numbered path#N, with item metadata', async () => {
  const path = await folder.write('courier.rss', rss);
  const requests: string[] = [];
  const [first, second, third] = documents(await readAll([path], { fetch: fakeFetch(requests) }));

  assert.equal(first.origin, `${path}#1`);
  assert.equal(first.kind, 'feed-item');
  assert.equal(first.format, 'markdown');
  assert.equal(first.content, "The water board and the farmers' union *agreed* on Tuesday to share the summer allocation evenly.\n\n## What changes\n\nIrrigation will be limited to three nights a week.");
  assert.match(first.original ?? '', /<em>agreed<\/em>/);
  assert.deepEqual(first.meta, {
    title: 'Water board and farmers agree on summer allocation',
    byline: 'Ines Walker',
    source: 'Valley Courier',
    url: 'https://courier.example/water-deal',
    published: '2025-06-03',
    file: null,
    language: 'en',
  });

  // No full content: the linked page is fetched and its article used; the item's own metadata wins.
  assert.equal(second.origin, `${path}#2`);
  assert.match(second.content, /meet again in July to review how the allocation is working/);
  assert.equal(second.meta.title, 'Second round set for July');
  assert.equal(second.meta.byline, 'Omar Haddad');
  assert.equal(second.meta.published, '2025-06-04');
  assert.equal(second.meta.url, 'https://courier.example/second-round');

  // No content and no link: the description, converted from HTML.
  assert.equal(third.origin, `${path}#3`);
  assert.equal(third.content, 'The deal holds only if **rain** comes.');
  assert.equal(third.meta.url, null);

  assert.deepEqual(requests, ['https://courier.example/second-round']);
});

test('RSS: with fetchFeedLinks off, the description is used and nothing is fetched', async () => {
  const path = await folder.write('courier-no-fetch.xml', rss);
  const requests: string[] = [];
  const docs = documents(await readAll([path], { fetch: fakeFetch(requests), fetchFeedLinks: false }));
  assert.equal(docs[1].content, 'Negotiators plan to meet again in July to review the allocation.');
  assert.equal(docs[1].format, 'text');
  assert.deepEqual(requests, []);
});

test('RSS: a linked page that fails falls back to the description with a warning', async () => {
  const failing = rss.replace('https://courier.example/second-round', 'https://courier.example/removed');
  const path = await folder.write('courier-broken-link.rss', failing);
  const docs = documents(await readAll([path], { fetch: fakeFetch([]) }));
  assert.equal(docs[1].content, 'Negotiators plan to meet again in July to review the allocation.');
  const warning = docs[1].messages.find((message) => message.severity === 'warning');
  assert.equal(warning?.rule, 'ingest:http-status');
});

test('Atom: entry content, published (or updated) date, author and feed title as source', async () => {
  const path = await folder.write('metro.atom', atom);
  const [tram, depot] = documents(await readAll([path], { fetchFeedLinks: false }));
  assert.equal(tram.content, 'Tram drivers suspended their walkout after the city offered to reopen pay talks next week.');
  assert.equal(tram.meta.published, '2025-01-09');
  assert.equal(tram.meta.byline, 'Pia Novak');
  assert.equal(tram.meta.source, 'Metro Labour Wire');
  assert.equal(tram.meta.url, 'https://metro.example/tram');
  assert.equal(depot.content, 'Talks at the bus depot continued into the evening.');
  assert.equal(depot.meta.published, '2025-01-10');
});

test('a feed is sniffed from its content when the extension says nothing', async () => {
  const path = await folder.write('download.dat', atom);
  const docs = documents(await readAll([path], { fetchFeedLinks: false }));
  assert.equal(docs.length, 2);
  assert.equal(docs[0].kind, 'feed-item');
});

test('a feed cut off in the middle is ingest:malformed-xml naming the file', async () => {
  const midTag = await folder.write('cut-mid-tag.rss', rss.slice(0, rss.indexOf('<pubDate>') + 12));
  const error = await readOneError([midTag], 'ingest:malformed-xml', midTag);
  assert.match(error.message, /malformed XML/);

  // Cut right after a complete item: the parser alone would accept it, the missing </rss> gives it away.
  const afterItem = await folder.write('cut-after-item.rss', rss.slice(0, rss.indexOf('</item>') + '</item>'.length));
  const truncated = await readOneError([afterItem], 'ingest:malformed-xml', afterItem);
  assert.match(truncated.message, /truncated/);
});

test('broken XML is ingest:malformed-xml; well-formed XML that is no feed is ingest:not-a-feed', async () => {
  const broken = await folder.write('broken.xml', '<rss version="2.0"><channel><title>Broken</title><item><title>One</title></channel></item></rss>');
  await readOneError([broken], 'ingest:malformed-xml', broken);
  const other = await folder.write('config.xml', '<?xml version="1.0"?><settings><colour>blue</colour></settings>');
  await readOneError([other], 'ingest:not-a-feed', other);
});

test('a feed with no items is ingest:empty; an item with nothing to read is an error for that item only', async () => {
  const empty = await folder.write('empty-feed.rss', '<rss version="2.0"><channel><title>Quiet</title></channel></rss>');
  await readOneError([empty], 'ingest:empty', empty);

  const hollow = await folder.write('hollow.rss', '<rss version="2.0"><channel><title>Mixed</title><item><title>Only a title</title></item><item><title>Real</title><description>The ferry talks resumed.</description></item></channel></rss>');
  const [bad, good] = await readAll([hollow]);
  assert.equal(bad.ok, false);
  if (!bad.ok) assertInputError(bad.error, 'ingest:no-text', `${hollow}#1`);
  assert.equal(good.ok && good.doc.content, 'The ferry talks resumed.');
});
