import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/ingest/html.ts';
import { makeTempFolder, readOneDocument, readOneError, type TempFolder } from './support.ts';

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ferry fare talks stall | Island Ledger</title>
  <meta property="og:title" content="Ferry fare talks stall">
  <meta property="og:site_name" content="Island Ledger">
  <meta property="article:published_time" content="2024-02-14T21:10:00Z">
  <meta name="author" content="Tomas Reyes">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry fare talks stall","datePublished":"2024-02-14T21:10:00Z","author":{"@type":"Person","name":"Tomas Reyes"},"publisher":{"@type":"Organization","name":"Island Ledger"}}</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Ferry fare talks stall</h1>
    <p>Island councillors and the ferry operator ended a second day of talks on Wednesday without agreeing on next year's fares, both sides said.</p>
    <h2>Where the sides stand</h2>
    <p>The operator wants a flat rise for all tickets, while the council insists that residents' season passes stay frozen until the new timetable starts.</p>
    <table>
      <tr><th>Item</th><th>Operator</th><th>Council</th></tr>
      <tr><td>Single ticket</td><td>Raise</td><td>Raise</td></tr>
      <tr><td>Season pass</td><td>Raise</td><td>Freeze</td></tr>
    </table>
    <p>A third round is planned for early March, a council spokesperson told reporters after the meeting.</p>
  </article>
  <footer>© Island Ledger. All rights reserved.</footer>
</body>
</html>`;

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
});
after(async () => {
  await folder.remove();
});

test('an HTML page becomes its main article as Markdown, keeping headings and tables', async () => {
  const path = await folder.write('ferry.html', page);
  const doc = await readOneDocument([path]);
  assert.equal(doc.format, 'markdown');
  assert.equal(doc.kind, 'file');
  assert.equal(doc.original, page);
  assert.match(doc.content, /^## Where the sides stand$/m);
  assert.match(doc.content, /^\| Item \| Operator \| Council \|$/m);
  assert.match(doc.content, /^\| Season pass \| Raise \| Freeze \|$/m);
  assert.match(doc.content, /A third round is planned for early March/);
  assert.doesNotMatch(doc.content, /Sport/);
  assert.doesNotMatch(doc.content, /All rights reserved/);
});

test('page metadata: title, byline, published date (as an ISO day), site name, language', async () => {
  const path = await folder.write('ferry-meta.htm', page);
  const doc = await readOneDocument([path]);
  assert.equal(doc.meta.title, 'Ferry fare talks stall');
  assert.equal(doc.meta.byline, 'Tomas Reyes');
  assert.equal(doc.meta.published, '2024-02-14');
  assert.equal(doc.meta.source, 'Island Ledger');
  assert.equal(doc.meta.language, 'en');
  assert.equal(doc.meta.file, 'ferry-meta.htm');
});

test('a page with only a <title> and JSON-LD still yields its metadata', async () => {
  const html = `<html><head><title>Dock strike ends</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Dock strike ends","datePublished":"2023-09-01","author":{"@type":"Person","name":"Ada Moreno"}}</script></head>
<body><main><p>Dock workers voted on Friday to accept a two-year pay deal, ending a strike that had closed the container terminal for nine days.</p></main></body></html>`;
  const path = await folder.write('dock.html', html);
  const doc = await readOneDocument([path]);
  assert.equal(doc.meta.title, 'Dock strike ends');
  assert.equal(doc.meta.published, '2023-09-01');
  assert.equal(doc.meta.byline, 'Ada Moreno');
  assert.match(doc.content, /two-year pay deal/);
});

test('unclosed tags do not stop extraction', async () => {
  const html = '<html><body><div><p>Negotiators for the bus drivers said on Monday that <b>the offer of a four percent rise <i>was not enough, and that talks would continue later in the week';
  const path = await folder.write('unclosed.html', html);
  const doc = await readOneDocument([path]);
  assert.match(doc.content, /four percent rise/);
  assert.match(doc.content, /talks would continue later in the week/);
});

test('HTML with no article text (only markup, scripts, images) is ingest:no-article-text', async () => {
  const markupOnly = await folder.write('shell.html', '<!doctype html><html><head><title></title><script>var x = 1;</script></head><body><div><span></span><img src="a.png"></div></body></html>');
  const error = await readOneError([markupOnly], 'ingest:no-article-text', markupOnly);
  assert.match(error.message, /no article text/);

  const noBody = await folder.write('fragment.html', '<div><div><div></div></div>');
  await readOneError([noBody], 'ingest:no-article-text', noBody);
});

test('extractArticle turns a fragment into Markdown (the path feed items share)', async () => {
  const article = await extractArticle('<p>The union <strong>rejected</strong> the offer.</p><h3>Next steps</h3><ul><li>Ballot</li><li>New talks</li></ul>', { fragment: true });
  assert.equal(article.markdown, 'The union **rejected** the offer.\n\n### Next steps\n\n- Ballot\n- New talks');
});

test('extractor complaints (broken JSON-LD) become warnings on the document, not console output', async () => {
  const html = '<html><head><script type="application/ld+json">{"@type": "NewsArticle", broken</script></head><body><article><p>The council met the union on Monday and agreed to talk again about pay scales before the summer.</p></article></body></html>';
  const path = await folder.write('broken-ld.html', html);
  const printed: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => printed.push(args);
  let doc;
  try {
    doc = await readOneDocument([path]);
  } finally {
    console.error = original;
  }
  assert.deepEqual(printed, []);
  const warning = doc.messages.find((message) => message.rule === 'ingest:html-warning');
  assert.equal(warning?.severity, 'warning');
  assert.match(warning?.reason ?? '', /schema\.org/);
  assert.doesNotMatch(warning?.reason ?? '', /\n/);
});
