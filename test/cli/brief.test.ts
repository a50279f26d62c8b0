// End to end: the sample corpus ingested into a temporary store, then `brief` in all three formats, `timeline`, `positions` and `show`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Brief, Citation, TimelineReport } from '../../src/report/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { runCli, sampleInputs, samplesDir } from './run-cli.ts';

let workDir: string;
let db: string;

before(() => {
  workDir = mkdtempSync(join(tmpdir(), 'parley-brief-'));
  db = join(workDir, 'brief.db');
  const ingest = runCli(['ingest', ...sampleInputs, '--manifest', join(samplesDir, 'manifest.json'), '--db', db, '--json']);
  assert.equal(ingest.status, 0, ingest.stderr);
});

after(() => rmSync(workDir, { recursive: true, force: true }));

function citationsOf(value: unknown, found: Citation[] = []): Citation[] {
  if (Array.isArray(value)) for (const item of value) citationsOf(item, found);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.source === 'number' && record.evidence && typeof record.evidence === 'object') found.push(record as unknown as Citation);
    else for (const child of Object.values(record)) citationsOf(child, found);
  }
  return found;
}

test('brief --format json cites sources whose evidence lies at its offsets in the stored documents', async () => {
  const result = runCli(['brief', '--db', db, '--format', 'json', '--no-record']);
  assert.equal(result.status, 0, result.stderr);
  const brief = JSON.parse(result.stdout) as Brief;
  assert.ok(brief.story, 'a story is chosen');
  assert.ok(brief.sources.length > 0);
  assert.ok(brief.otherStories.length > 0, 'the Gaza articles form a story of their own');
  assert.ok(brief.disputes.some((dispute) => dispute.kind === 'number' && dispute.about.startsWith('14,000')), '14,000 killed against killed or injured');
  const store = await openSqliteStore(db);
  try {
    const citations = citationsOf(brief);
    assert.ok(citations.length > 0);
    for (const citation of citations) {
      const stored = await store.getDocument(citation.evidence.documentId);
      assert.equal(stored?.text.slice(citation.evidence.start, citation.evidence.end), citation.evidence.text);
      assert.equal(brief.sources[citation.source - 1].document.id, citation.evidence.documentId);
    }
  } finally {
    await store.close();
  }
});

test('brief prints Markdown by default and writes one HTML file with --out', () => {
  const markdown = runCli(['brief', '--db', db, '--no-record']);
  assert.equal(markdown.status, 0, markdown.stderr);
  for (const heading of ['# Brief: ', '## Key takeaways', '## Where the parties stand', '## Timeline', '## Notable quotes', '## Disputed facts', '## Sources']) {
    assert.ok(markdown.stdout.includes(heading), heading);
  }
  const out = join(workDir, 'brief.html');
  const html = runCli(['brief', '--db', db, '--format', 'html', '--out', out, '--no-record']);
  assert.equal(html.status, 0, html.stderr);
  assert.equal(html.stdout, '');
  const page = readFileSync(out, 'utf8');
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<h2>Disputed facts<\/h2>/);
  assert.ok(!/<script|<link /i.test(page));
});

test('brief remembers itself: the next one reports changes since it', () => {
  const first = runCli(['brief', '--db', db]);
  assert.equal(first.status, 0, first.stderr);
  const second = runCli(['brief', '--db', db]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /## What changed since the last brief \(.+ UTC\)\n\nNothing new\./);
});

test('brief refuses an unknown story and a bad date as usage errors', () => {
  const story = runCli(['brief', '--db', db, '--story', 'no-such-story']);
  assert.equal(story.status, 2);
  assert.match(story.stderr, /no such story; stories: /);
  const date = runCli(['brief', '--db', db, '--since', 'yesterday']);
  assert.equal(date.status, 2);
});

test('timeline --json lists merged events with their documents; show prints one with its evidence', () => {
  const result = runCli(['timeline', '--db', db, '--json']);
  assert.equal(result.status, 0, result.stderr);
  const { events } = JSON.parse(result.stdout) as TimelineReport;
  assert.ok(events.length > 0);
  for (const event of events) {
    assert.ok(event.id && event.type && event.status && Array.isArray(event.parties) && 'place' in event && event.date);
    for (const document of event.documents) assert.deepEqual(Object.keys(document).sort(), ['file', 'id', 'published', 'source', 'title', 'url']);
    assert.ok(event.independentSources >= 1 && event.independentSources <= event.documents.length);
  }
  const widest = [...events].sort((a, b) => b.documents.length - a.documents.length)[0];
  assert.ok(widest.documents.length >= 2, 'some event is reported by several articles');
  const show = runCli(['show', widest.id, '--db', db]);
  assert.equal(show.status, 0, show.stderr);
  assert.ok(show.stdout.startsWith(`${widest.id}  event: `));
  assert.equal(show.stdout.split('\n').filter((line) => line.trim().startsWith('“')).length, widest.evidence.length);
  const missing = runCli(['show', 'ev-000000000000', '--db', db]);
  assert.equal(missing.status, 2);
});

test('positions prints the matrix by issue, and as JSON', () => {
  const human = runCli(['positions', '--db', db]);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /src/);
  const json = runCli(['positions', '--db', db, '--json']);
  assert.equal(json.status, 0, json.stderr);
  const report = JSON.parse(json.stdout) as { issues: { id: string }[]; parties: string[]; cells: { issue: string; party: string }[] };
  for (const cell of report.cells) {
    assert.ok(report.issues.some((issue) => issue.id === cell.issue));
    assert.ok(report.parties.includes(cell.party));
  }
});
