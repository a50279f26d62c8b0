// The brief: every section built from facts, every citation pointing at the exact stored sentence, rendered safely as Markdown and HTML.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentEvidence } from '../../src/doc/types.ts';
import { buildBrief, renderBriefHtml, renderBriefMarkdown, type Brief, type Citation } from '../../src/report/index.ts';
import type { Store } from '../../src/store/store.ts';
import { addParties, addQuote, addStance, article, cairoTalks, dohaForum, ingest, memoryStore, moscowOwnReport, moscowRewrite, moscowWire } from '../reconcile/fixtures.ts';

/** Every citation anywhere in the brief. */
function citationsOf(value: unknown, found: Citation[] = []): Citation[] {
  if (Array.isArray(value)) for (const item of value) citationsOf(item, found);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.source === 'number' && record.evidence && typeof record.evidence === 'object') found.push(record as unknown as Citation);
    else for (const child of Object.values(record)) citationsOf(child, found);
  }
  return found;
}

/** An article whose text holds markup and Markdown, to check that renderers never pass it through. */
function hostileArticle() {
  const doc = article({
    slug: 'markup',
    source: 'Scraped <b>Pages</b>',
    published: '2025-12-04',
    title: 'Kyiv <script>alert(1)</script> answers',
    sentences: [
      'Kyiv said the *draft* was <script>alert("x")</script> unacceptable [link](javascript:alert(1)) to Ukraine and its partners in Europe today.',
      'Ukrainian officials in Kyiv repeated that security guarantees must come first before any signature.',
    ],
  });
  addParties(doc, { Ukraine: ['Kyiv', 'Ukraine', 'Ukrainian'] });
  addStance(doc, 'unacceptable', { party: 'Ukraine', issue: 'peace-plan', act: 'reject', summary: 'the *draft* was <script>alert("x")</script> unacceptable' });
  addQuote(doc, 'security guarantees must come first before any signature', { speaker: 'person:olena-marchuk', speakerName: 'Olena <i>Marchuk</i>' });
  return doc;
}

async function fixtureStore(): Promise<Store> {
  const store = await memoryStore();
  await ingest(store, moscowWire(), moscowRewrite(), cairoTalks(), moscowOwnReport(), dohaForum(), hostileArticle());
  return store;
}

async function assertCitationsTrace(store: Store, brief: Brief): Promise<void> {
  const citations = citationsOf(brief);
  assert.ok(citations.length > 0);
  for (const citation of citations) {
    const evidence: DocumentEvidence = citation.evidence;
    const source = brief.sources[citation.source - 1];
    assert.ok(source, `source ${citation.source} is listed`);
    assert.equal(source.number, citation.source);
    assert.equal(source.document.id, evidence.documentId);
    const stored = await store.getDocument(evidence.documentId);
    assert.equal(stored?.text.slice(evidence.start, evidence.end), evidence.text, `citation [${citation.source}] ${evidence.start}..${evidence.end}`);
  }
  const cited = new Set(citations.map((citation) => citation.source));
  assert.deepEqual([...cited].sort((a, b) => a - b), brief.sources.map((source) => source.number));
}

describe('buildBrief', () => {
  it('covers the story with the most documents and points to the others', async () => {
    const store = await fixtureStore();
    const brief = await buildBrief(store, {}, { now: new Date('2025-12-08T07:00:00Z') });
    assert.equal(brief.title, 'Brief: Russia – Ukraine – United States');
    assert.equal(brief.story?.documents, 4);
    assert.deepEqual(brief.otherStories.map((story) => story.label), ['Egypt – Hamas – Israel']);
    assert.equal(brief.generatedAt, '2025-12-08T07:00:00.000Z');
    assert.deepEqual(brief.since, { date: '2025-12-02', basis: 'published', reason: 'latest-coverage' });
    await store.close();
  });

  it('builds every section from facts, each statement with citations', async () => {
    const store = await fixtureStore();
    const brief = await buildBrief(store);
    assert.ok(brief.takeaways.length >= 2);
    for (const section of [brief.takeaways, brief.changes, brief.timeline, brief.quotes]) for (const entry of section) assert.ok(entry.citations.length > 0, entry.text);
    const [talks] = brief.timeline;
    assert.match(talks.text, /^Talks between Russia and the United States in Moscow took place, lasting 5 hours\.$/);
    assert.equal(talks.independentSources, 2);
    const territory = brief.positions.cells.find((cell) => cell.party === 'Ukraine' && cell.issue === 'territory');
    assert.equal(territory?.latestAct, 'reject');
    assert.ok(brief.positions.issues.some((issue) => issue.id === 'territory' && issue.label.length > 0));
    assert.ok(brief.quotes.some((quote) => quote.speakerName === 'Anatoly Verin'));
    assert.ok(brief.takeaways.some((takeaway) => takeaway.fact === talks.fact));
    await store.close();
  });

  it('cites only evidence that equals the stored text at its offsets, with every listed source cited', async () => {
    const store = await fixtureStore();
    await assertCitationsTrace(store, await buildBrief(store));
    await assertCitationsTrace(store, await buildBrief(store, { story: (await store.listStories()).find((story) => story.label.startsWith('Egypt'))?.id }));
    await assertCitationsTrace(store, await buildBrief(store, { since: '2025-12-01', until: '2025-12-03' }));
    await store.close();
  });

  it('reports changes since the last brief once one was recorded', async () => {
    const store = await fixtureStore();
    await store.recordBrief('2999-01-01T00:00:00.000Z');
    const brief = await buildBrief(store);
    assert.deepEqual(brief.since, { date: '2999-01-01T00:00:00.000Z', basis: 'ingested', reason: 'last-brief' });
    assert.deepEqual(brief.changes, []);
    assert.match(renderBriefMarkdown(brief), /## What changed since the last brief \(2999-01-01 00:00 UTC\)\n\nNothing new\./);
    await store.close();
  });

  it('is JSON as it is', async () => {
    const store = await fixtureStore();
    const brief = await buildBrief(store);
    assert.deepEqual(JSON.parse(JSON.stringify(brief)), brief);
    await store.close();
  });
});

describe('brief renderers', () => {
  it('render Markdown with every section, citations and numbered sources, article text escaped', async () => {
    const store = await fixtureStore();
    const markdown = renderBriefMarkdown(await buildBrief(store));
    for (const heading of ['## Key takeaways', '## Where the parties stand', '## What changed', '## Timeline', '## Notable quotes', '## Disputed facts', '## Sources', '## Other stories']) {
      assert.ok(markdown.includes(heading), heading);
    }
    assert.match(markdown, /\| Issue \| /);
    assert.match(markdown, /^1\. Lakeside Wire — _moscow talks_ \(2025-12-03\) <https:\/\/lakeside-wire\.example\.org\/moscow-talks>$/m);
    assert.ok(!/<script>/.test(markdown));
    assert.ok(!/\[link\]\(javascript/.test(markdown));
    await store.close();
  });

  it('render one self-contained HTML page that never passes article text through as markup', async () => {
    const store = await fixtureStore();
    const html = renderBriefHtml(await buildBrief(store));
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/(src|href)="(?!#source-)(?!https?:)/.test(html), 'no links but sources and citations');
    assert.ok(!/<link |@import|url\(/.test(html), 'no external files');
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(html, /Olena &lt;i&gt;Marchuk&lt;\/i&gt;/);
    assert.match(html, /@media print/);
    assert.match(html, /<li id="source-1">/);
    await store.close();
  });
});
