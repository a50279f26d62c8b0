// The brief's sentences: fixed wording around values taken from facts, dates and durations read the way people write them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { disputeSentence, eventSentence, formatDuration, formatRange, partyList, shiftSentence, stanceSentence } from '../../src/report/phrases.ts';
import { escapeHtml } from '../../src/report/render-html.ts';
import { escapeMarkdown } from '../../src/report/render-markdown.ts';

describe('phrases', () => {
  it('list parties with "the" where the name takes it', () => {
    assert.equal(partyList(['Russia', 'Ukraine', 'United States']), 'Russia, Ukraine and the United States');
    assert.equal(partyList(['United Kingdom']), 'the United Kingdom');
    assert.equal(partyList([]), '');
  });

  it('format dates and ranges', () => {
    assert.equal(formatRange({ start: '2025-12-02', end: '2025-12-02' }), '2 December 2025');
    assert.equal(formatRange({ start: '2025-12-04', end: '2025-12-06' }), '4–6 December 2025');
    assert.equal(formatRange({ start: '2025-11-30', end: '2025-12-02' }), '30 November – 2 December 2025');
    assert.equal(formatRange({ start: '2025-12-30', end: '2026-01-02' }), '30 December 2025 – 2 January 2026');
    assert.equal(formatRange({ start: null, end: null }), null);
  });

  it('read ISO 8601 durations', () => {
    assert.equal(formatDuration('PT5H'), '5 hours');
    assert.equal(formatDuration('PT1H30M'), '1 hour 30 minutes');
    assert.equal(formatDuration('P2D'), '2 days');
    assert.equal(formatDuration('soon'), null);
  });

  it('state an event by status, with only the details it has', () => {
    const base = { type: 'talks' as const, parties: ['Russia', 'United States'], place: 'Moscow', date: { start: '2025-12-02', end: '2025-12-02' }, duration: 'PT5H' };
    assert.equal(eventSentence({ ...base, status: 'happened' }), 'Talks between Russia and the United States in Moscow took place on 2 December 2025, lasting 5 hours.');
    assert.equal(eventSentence({ ...base, status: 'planned' }), 'Talks between Russia and the United States in Moscow are planned for 2 December 2025.');
    assert.equal(eventSentence({ ...base, type: 'meeting', status: 'cancelled', place: null, duration: null }), 'A meeting between Russia and the United States was called off (it was set for 2 December 2025).');
    assert.equal(eventSentence({ ...base, type: 'proposal', status: 'happened', parties: ['United States'], place: null, date: null, duration: null }), 'A proposal by the United States was put forward.');
    assert.equal(eventSentence({ ...base, status: 'happened' }, { withDate: false }), 'Talks between Russia and the United States in Moscow took place, lasting 5 hours.');
  });

  it('state stances, shifts and disputes', () => {
    assert.equal(stanceSentence({ party: 'Ukraine', issue: 'territory', act: 'reject', summary: 'will not give up land' }), 'Ukraine rejects (territory and withdrawal of forces): “will not give up land”.');
    assert.equal(stanceSentence({ party: 'United States', issue: 'peace-plan', act: 'propose', summary: 'draft' }), 'The United States proposes (the peace plan or deal as a whole).');
    assert.equal(shiftSentence({ party: 'Russia', issue: 'ceasefire', from: 'reject', to: 'accept', since: '2025-12-01' }), 'Russia moved from rejecting to accepting on ceasefire and truce (from 1 December 2025).');
    assert.equal(
      disputeSentence({ kind: 'number', about: '9,000 civilians', sides: [{ claim: 'killed', documents: 2 }, { claim: 'killed or injured', documents: 1 }] }),
      'Sources disagree on 9,000 civilians: killed (2 documents) against killed or injured (1 document).',
    );
    assert.equal(
      disputeSentence({ kind: 'role', about: 'former Chancellor Greta Lind', sides: [{ claim: 'former Chancellor Greta Lind', documents: 1 }, { claim: 'knowledge base: she is in office', documents: 0 }] }),
      '1 document writes “former Chancellor Greta Lind”, at odds with the knowledge base: she is in office.',
    );
  });

  it('escape article text for Markdown and HTML', () => {
    assert.equal(escapeMarkdown('a *b* [c](d) <e> | f_g'), 'a \\*b\\* \\[c\\](d) \\<e\\> \\| f\\_g');
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
