// The dashboard in headless Chromium over the sample corpus: matrix cell → highlighted evidence, search, timeline window, shared links, and article text that never runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { skipWithoutChromium } from './browser.ts';
import { startDashboard, type Dashboard } from './harness.ts';

if (skipWithoutChromium) console.log(`# ${skipWithoutChromium}`);

let dashboard: Dashboard;

before(async () => {
  if (!skipWithoutChromium) dashboard = await startDashboard();
});

after(async () => {
  await dashboard?.close();
});

/** A page that records every dialog and script error it sees, so a test can assert none happened. */
async function openPage(path: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await dashboard.browser.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${dashboard.server.url}${path}`);
  return { page, dialogs, errors };
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${dashboard.server.url}${path}`);
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

/** The text of the focused evidence in the reader (a mark can be split where other evidence overlaps it). */
async function focusedText(page: Page): Promise<string> {
  await page.locator('[data-testid=reader] mark.focus').first().waitFor();
  return (await page.locator('[data-testid=reader] mark.focus').allTextContents()).join('');
}

interface PositionsAnswer {
  cells: { issue: string; party: string; stances: string[] }[];
}

interface FactAnswer {
  documents: { id: string; source: string | null }[];
  evidence: { documentId: string; start: number; end: number; text: string }[];
}

test('clicking a matrix cell opens its evidence, highlighted inside the article, and the link reopens it', { skip: skipWithoutChromium }, async () => {
  const positions = await api<PositionsAnswer>('/api/positions');
  assert.ok(positions.cells.length > 0, 'the sample corpus yields stances for the matrix');
  const { page, errors } = await openPage('/?view=positions');
  const cellButton = page.locator('[data-testid=matrix] td.cell button').first();
  await cellButton.waitFor();
  const key = (await cellButton.getAttribute('data-cell'))!;
  await cellButton.click();

  // The panel lists the evidence of the cell's latest act: the sentences of the merged stance behind it.
  const [issue, party] = key.split('|');
  const cell = positions.cells.find((candidate) => candidate.issue === issue && candidate.party === party)!;
  const latest = await api<FactAnswer>(`/api/facts/${encodeURIComponent(cell.stances[0])}`);
  const panel = page.locator('[data-testid=evidence-panel]');
  const items = panel.locator('[data-testid=evidence-list] li');
  await items.first().waitFor();
  assert.equal(await items.count(), latest.evidence.length);
  const shown = (await items.first().locator('.evidence-sentence').textContent())!;
  const evidence = latest.evidence.find((candidate) => candidate.text === shown);
  assert.ok(evidence, 'the first listed sentence is evidence of the cell');

  assert.equal(await focusedText(page), evidence.text, 'the evidence sentence is the highlighted one');
  const article = (await page.locator('[data-testid=article-text]').textContent())!;
  assert.equal(article.slice(evidence.start, evidence.end), evidence.text, 'the highlight sits at its offsets inside the article text');
  const outlet = latest.documents.find((doc) => doc.id === evidence.documentId)?.source;
  if (outlet) assert.equal(await page.locator('[data-testid=reader] .meta .outlet').textContent(), outlet, 'the outlet is shown');
  assert.equal(new URL(page.url()).searchParams.get('cell'), key);
  assert.equal(await page.locator('.cell.chosen button').getAttribute('data-cell'), key);

  // A shared link opens the same cell and the same highlighted sentence.
  const shared = await openPage(new URL(page.url()).search);
  assert.equal(await focusedText(shared.page), evidence.text);
  assert.equal(await shared.page.locator('.cell.chosen button').getAttribute('data-cell'), key);
  assert.deepEqual(errors, []);
  assert.deepEqual(shared.errors, []);
  await shared.page.close();
  await page.close();
});

test('search as you type lists matching sentences with the words marked; a hit opens its article at that sentence', { skip: skipWithoutChromium }, async () => {
  const { page, errors } = await openPage('/');
  const input = page.locator('[data-testid=search-input]');
  await input.pressSequentially('security guarantees', { delay: 15 });
  const hits = page.locator('[data-testid=search-results] .search-hit');
  await hits.first().waitFor();
  const count = await hits.count();
  assert.ok(count > 0);
  for (let i = 0; i < count; i++) {
    const marked = (await hits.nth(i).locator('mark').allTextContents()).join(' ').toLowerCase();
    assert.match(marked, /secur|guarant/);
  }
  const sentence = (await hits.first().locator('.hit-sentence').textContent())!;
  await hits.first().click();
  assert.equal(await focusedText(page), sentence);
  assert.match(page.url(), /q=security(\+|%20)guarantees/);
  assert.deepEqual(errors, []);
  await page.close();
});

interface TimelineAnswer {
  events: { id: string; status: string; date: { start: string | null; end: string | null } | null }[];
}

test('the timeline narrows to a date window, and the window is kept in the link', { skip: skipWithoutChromium }, async () => {
  const timeline = await api<TimelineAnswer>('/api/timeline');
  const dated = timeline.events.filter((event) => event.date?.start);
  assert.ok(dated.length > 1, 'the samples give dated events');
  const days = [...new Set(dated.map((event) => event.date!.start!))].sort();
  const from = days[0];
  const to = days[Math.floor(days.length / 2)];
  const expected = dated.filter((event) => (event.date!.end ?? event.date!.start!) >= from && event.date!.start! <= to).length;
  assert.ok(expected < timeline.events.length, 'the window leaves some events out');

  const { page, errors } = await openPage('/?view=timeline');
  const rows = page.locator('[data-testid=timeline-events] tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), timeline.events.length);
  await page.locator('[data-testid=timeline-from]').fill(from);
  await page.locator('[data-testid=timeline-to]').fill(to);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=timeline-events] tr').length === n, expected);
  assert.match(page.url(), new RegExp(`from=${from}&to=${to}`));

  const shared = await openPage(new URL(page.url()).search);
  await shared.page.locator('[data-testid=timeline-events] tr').first().waitFor();
  assert.equal(await shared.page.locator('[data-testid=timeline-events] tr').count(), expected);
  await shared.page.locator('[data-testid=timeline-events] tr').first().click();
  await shared.page.locator('[data-testid=reader] mark.focus').first().waitFor();
  assert.deepEqual(errors, []);
  await shared.page.close();
  await page.close();
});

test('an article holding <script> and <img onerror> shows them as text and runs nothing', { skip: skipWithoutChromium }, async () => {
  const article = [
    'Negotiators exchanged marked-up drafts until late on Tuesday, according to two officials.',
    "One copy carried a pasted fragment, <script>window.__parleyInjected = 'script'; alert('script ran')</script>, which the archive kept as it was.",
    'Another held an image tag, <img src="x" onerror="window.__parleyInjected = \'img\'; alert(\'img ran\')">, that nobody removed before publication.',
  ].join('\n\n');
  const ingest = await fetch(`${dashboard.server.url}/api/ingest?published=2025-12-11&source=Pasteboard%20Post`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: article,
  });
  assert.equal(ingest.status, 200);
  const summary = (await ingest.json()) as { inserted: number; documents: { id: string }[] };
  assert.equal(summary.inserted, 1);
  const id = summary.documents[0].id;
  const stored = await api<{ document: { text: string; sentences: { start: number; end: number; text: string }[] } }>(`/api/documents/${id}`);
  const imgSentence = stored.document.sentences.find((sentence) => sentence.text.includes('<img'))!;

  // Open the article with the <img> sentence highlighted, then find it through search too.
  const { page, dialogs, errors } = await openPage(`/?view=sources&doc=${id}&at=${imgSentence.start}-${imgSentence.end}`);
  const text = page.locator('[data-testid=article-text]');
  await text.waitFor();
  assert.equal(await text.textContent(), stored.document.text, 'the article shows exactly its text');
  assert.match((await text.textContent())!, /<script>window\.__parleyInjected = 'script'; alert\('script ran'\)<\/script>/);
  assert.equal(await focusedText(page), imgSentence.text);
  assert.equal(await page.locator('[data-testid=reader] script, [data-testid=reader] img').count(), 0, 'no element was made from the text');

  await page.locator('[data-testid=search-input]').pressSequentially('pasted fragment', { delay: 15 });
  const hit = page.locator('[data-testid=search-results] .search-hit').first();
  await hit.waitFor();
  assert.match((await hit.textContent())!, /<script>window\.__parleyInjected/);
  await hit.click();
  await page.locator('[data-testid=reader] mark.focus').first().waitFor();

  // Give any injected handler (the img error would fire on load) every chance to run.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  assert.equal(await page.evaluate(() => (window as unknown as { __parleyInjected?: string }).__parleyInjected), undefined);
  assert.equal(await page.locator('img, [data-testid=evidence-panel] script, .search-results script').count(), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.close();
});

interface BriefAnswer {
  story: { id: string } | null;
  takeaways: { text: string; citations: { source: number; evidence: { documentId: string; start: number; end: number; text: string } }[] }[];
}

test('the brief cites its sources: a citation opens the cited sentence in its article', { skip: skipWithoutChromium }, async () => {
  const brief = await api<BriefAnswer>('/api/brief');
  const cited = brief.takeaways.find((takeaway) => takeaway.citations.length > 0);
  assert.ok(cited, 'a takeaway with a citation');
  const { page, errors } = await openPage('/');
  const firstTakeaway = page.locator('[data-testid=brief-view] .takeaways li').first();
  await firstTakeaway.waitFor();
  assert.equal(await page.locator('[data-testid=brief-view] .takeaways li').count(), brief.takeaways.length);
  const item = page.locator('[data-testid=brief-view] .takeaways li', { hasText: cited.text }).first();
  await item.locator('.citation').first().click();
  assert.equal(await focusedText(page), cited.citations[0].evidence.text);
  assert.equal(new URL(page.url()).searchParams.get('doc'), cited.citations[0].evidence.documentId);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the story switcher scopes the views, and the story is kept in the link', { skip: skipWithoutChromium }, async () => {
  const { stories } = await api<{ stories: { id: string; label: string }[] }>('/api/stories');
  let other: { id: string } | undefined;
  let scoped: { parties: string[]; cells: unknown[] } = { parties: [], cells: [] };
  // A smaller story with stances of its own, so switching to it visibly changes the matrix.
  for (const story of stories.slice(1)) {
    scoped = await api<{ parties: string[]; cells: unknown[] }>(`/api/positions?story=${story.id}`);
    if (scoped.cells.length > 0) {
      other = story;
      break;
    }
  }
  assert.ok(other, 'a second story with stances');
  const { page, errors } = await openPage('/?view=positions');
  await page.locator('[data-testid=matrix]').waitFor();
  await page.locator('[data-testid=story-switcher]').selectOption(other.id);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=matrix] thead th').length === n + 1, scoped.parties.length);
  assert.equal(new URL(page.url()).searchParams.get('story'), other.id);
  assert.deepEqual(await page.locator('[data-testid=matrix] thead th[scope=col]').allTextContents(), scoped.parties);
  assert.equal(await page.locator('[data-testid=matrix] td.cell').count(), scoped.cells.length);
  assert.deepEqual(errors, []);
  await page.close();
});
