// The cross-document reports over HTTP (stories, positions, timeline, facts, contradictions, changes, brief): the same objects as the CLI, evidence that points into real text, and bad parameters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/index.ts';
import type { Brief, ChangesReport, ContradictionsReport, PositionsReport, StorySummary, TimelineReport } from '../../src/report/index.ts';
import { buildPositions } from '../../src/report/index.ts';
import { openSampleStore, type SampleStore } from './sample-store.ts';

let sample: SampleStore;
let app: Hono;
const texts = new Map<string, string>();

before(async () => {
  sample = await openSampleStore();
  app = createApp(sample.store);
});

after(async () => {
  await sample.dispose();
});

async function get<T>(path: string): Promise<T> {
  const response = await app.request(path);
  assert.equal(response.status, 200, `${path}: ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

async function expectBadParameter(path: string, parameter: string, pattern: RegExp): Promise<void> {
  const response = await app.request(path);
  assert.equal(response.status, 400, path);
  const body = (await response.json()) as { error: { parameter: string; message: string } };
  assert.equal(body.error.parameter, parameter, body.error.message);
  assert.match(body.error.message, pattern);
}

/** Asserts that evidence cut from a stored document's text is exactly that stretch of it. */
async function assertEvidence(evidence: { documentId: string; start: number; end: number; text: string }): Promise<void> {
  if (!texts.has(evidence.documentId)) {
    const doc = await sample.store.getDocument(evidence.documentId);
    assert.ok(doc, `evidence points at a stored document ${evidence.documentId}`);
    texts.set(evidence.documentId, doc.text);
  }
  assert.equal(texts.get(evidence.documentId)!.slice(evidence.start, evidence.end), evidence.text);
}

test('stories: the articles grouped into negotiations, most documents first', async () => {
  const { stories } = await get<{ stories: StorySummary[] }>('/api/stories');
  assert.ok(stories.length >= 2, 'the Gaza articles are a story of their own');
  const counts = stories.map((story) => story.documents);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  assert.ok(counts.reduce((sum, n) => sum + n, 0) <= sample.documents);

  // The documents endpoint filters by story, and agrees with the story's count.
  const [largest] = stories;
  const page = await get<{ documents: { id: string }[]; total: number }>(`/api/documents?story=${largest.id}&limit=500`);
  assert.equal(page.total, largest.documents);
  const smaller = await get<{ total: number }>(`/api/documents?story=${stories[1].id}`);
  assert.equal(smaller.total, stories[1].documents);

  const actors = await get<{ actors: { documents: string[] }[]; total: number }>(`/api/actors?story=${stories[1].id}&limit=1000`);
  const all = await get<{ total: number }>('/api/actors?limit=1000');
  const members = new Set((await get<{ documents: { id: string }[] }>(`/api/documents?story=${stories[1].id}&limit=500`)).documents.map((doc) => doc.id));
  assert.ok(actors.total > 0 && actors.total < all.total);
  for (const actor of actors.actors) assert.ok(actor.documents.some((id) => members.has(id)));

  await expectBadParameter('/api/stories?limit=0', 'limit', /1 to 1000/);
  await expectBadParameter('/api/actors?story=no-such-story', 'story', /no story/);
});

test('positions: the same matrix as buildPositions, each cell with evidence inside its document', async () => {
  const positions = await get<PositionsReport>('/api/positions');
  assert.deepEqual(positions, JSON.parse(JSON.stringify(await buildPositions(sample.store))), 'the API renders the report object as is');
  assert.ok(positions.cells.length > 0);
  const issues = new Set(positions.issues.map((issue) => issue.id));
  for (const cell of positions.cells) {
    assert.ok(issues.has(cell.issue) && positions.parties.includes(cell.party));
    assert.equal(cell.stances[0], cell.history[0].stance);
    assert.ok(cell.evidence.length > 0);
    for (const evidence of cell.evidence) await assertEvidence(evidence);
  }
  const [story] = (await get<{ stories: StorySummary[] }>('/api/stories')).stories;
  const scoped = await get<PositionsReport>(`/api/positions?story=${story.id}`);
  assert.equal(scoped.story?.id, story.id);
  assert.ok(scoped.cells.length <= positions.cells.length);

  await expectBadParameter('/api/positions?story=nowhere', 'story', /no story "nowhere"/);
  await expectBadParameter('/api/positions?since=2025-12-10&until=2025-12-01', 'until', /must not be before since/);
  await expectBadParameter('/api/positions?issue=territory', 'issue', /unknown parameter/);
});

test('facts: a merged stance from the matrix comes with every report behind it and each sentence', async () => {
  const positions = await get<PositionsReport>('/api/positions');
  const cell = [...positions.cells].sort((a, b) => b.documents - a.documents)[0];
  const fact = await get<{
    fact: { id: string; kind: string; documentCount: number };
    documents: { id: string }[];
    evidence: { documentId: string; start: number; end: number; text: string; sentence: { start: number; end: number; text: string } | null }[];
  }>(`/api/facts/${cell.stances[0]}`);
  assert.equal(fact.fact.id, cell.stances[0]);
  assert.equal(fact.fact.kind, 'stance');
  assert.equal(fact.documents.length, cell.documents);
  assert.ok(fact.evidence.length >= cell.evidence.length);
  for (const evidence of fact.evidence) {
    await assertEvidence(evidence);
    assert.ok(fact.documents.some((doc) => doc.id === evidence.documentId));
    assert.ok(evidence.sentence);
    await assertEvidence({ documentId: evidence.documentId, ...evidence.sentence });
  }
});

test('timeline: merged events in date order with evidence; story, window and limit', async () => {
  const { events } = await get<TimelineReport>('/api/timeline');
  assert.ok(events.length > 0);
  const dated = events.filter((event) => event.date?.start);
  const starts = dated.map((event) => event.date!.start!);
  assert.deepEqual(starts, [...starts].sort());
  const firstUndated = events.findIndex((event) => !event.date?.start);
  if (firstUndated >= 0) assert.ok(events.slice(firstUndated).every((event) => !event.date?.start), 'undated events come last');
  for (const event of events.slice(0, 10)) for (const evidence of event.evidence) await assertEvidence(evidence);
  const limited = await get<TimelineReport>('/api/timeline?limit=3');
  assert.equal(limited.events.length, 3);
  await expectBadParameter('/api/timeline?limit=0', 'limit', /1 to 5000/);
  await expectBadParameter('/api/timeline?since=last-week', 'since', /YYYY-MM-DD/);
});

test('contradictions: each side with evidence inside its document', async () => {
  const { contradictions } = await get<ContradictionsReport>('/api/contradictions');
  assert.ok(contradictions.length > 0, 'the samples disagree somewhere');
  for (const contradiction of contradictions) {
    assert.ok(contradiction.sides.length >= 2);
    for (const side of contradiction.sides) for (const evidence of side.evidence) await assertEvidence(evidence);
  }
  await expectBadParameter('/api/contradictions?limit=abc', 'limit', /whole number/);
});

test('changes: what is new since a date; since is required', async () => {
  const stats = await sample.store.stats();
  const since = stats.published.first!;
  const changes = await get<ChangesReport>(`/api/changes?since=${since}`);
  assert.equal(changes.since, since);
  assert.equal(changes.basis, 'published');
  const total = changes.newEvents.length + changes.newStances.length + changes.newPlans.length;
  assert.ok(total > 0, 'everything is new since the first day');
  for (const event of changes.newEvents) assert.ok((event.firstSeen ?? '') >= since);
  const later = await get<ChangesReport>(`/api/changes?since=2100-01-01`);
  assert.equal(later.newEvents.length + later.newStances.length + later.newPlans.length + later.newDisputes.length, 0);

  await expectBadParameter('/api/changes', 'since', /is required/);
  await expectBadParameter('/api/changes?since=2025-12-01&basis=fetched', 'basis', /published, ingested/);
  await expectBadParameter('/api/changes?since=2025-12-01&limit=501', 'limit', /1 to 500/);
});

test('brief: every statement cites numbered sources whose evidence lies in the cited document', async () => {
  const brief = await get<Brief>('/api/brief');
  assert.ok(brief.takeaways.length > 0);
  const numbers = new Map(brief.sources.map((source) => [source.number, source.document.id]));
  const citations = [
    ...brief.takeaways.flatMap((item) => item.citations),
    ...brief.changes.flatMap((item) => item.citations),
    ...brief.timeline.flatMap((item) => item.citations),
    ...brief.quotes.flatMap((item) => item.citations),
  ];
  assert.ok(citations.length > 0);
  for (const citation of citations) {
    assert.equal(numbers.get(citation.source), citation.evidence.documentId);
    await assertEvidence(citation.evidence);
  }
  await expectBadParameter('/api/brief?format=html', 'format', /unknown parameter/);
});

test('report answers carry ETags and revalidate to 304', async () => {
  const first = await app.request('/api/positions');
  const tag = first.headers.get('etag')!;
  assert.ok(tag);
  const again = await app.request('/api/positions', { headers: { 'If-None-Match': tag } });
  assert.equal(again.status, 304);
});

test('the brief revalidates to 304 until the store changes, though each answer says when it was made', async () => {
  const first = await app.request('/api/brief');
  assert.equal(first.status, 200);
  const tag = first.headers.get('etag')!;
  assert.match(tag, /^W\/"[\w-]+"$/);
  const again = await app.request('/api/brief', { headers: { 'If-None-Match': tag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('etag'), tag);
  assert.equal((await app.request('/api/brief')).headers.get('etag'), tag, 'a brief made later carries the same tag');

  const [story] = (await get<{ stories: StorySummary[] }>('/api/stories')).stories;
  const scoped = await app.request(`/api/brief?story=${story.id}`, { headers: { 'If-None-Match': tag } });
  assert.equal(scoped.status, 200, 'another window or story is another answer');
  assert.notEqual(scoped.headers.get('etag'), tag);
  await expectBadParameter('/api/brief?story=nowhere', 'story', /no story/);

  // Recording a brief moves the cut-off of "what changed": the stored tag no longer holds.
  await sample.store.recordBrief(new Date().toISOString());
  const changed = await app.request('/api/brief', { headers: { 'If-None-Match': tag } });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.get('etag'), tag);
  assert.equal(((await changed.json()) as Brief).since?.reason, 'last-brief');
});
