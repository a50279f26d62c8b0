import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildDoc } from '../../src/text/index.ts';
import { makeDoc } from '../extract/make-doc.ts';
import { EMOJI_REWRITE, MARKDOWN_REPORT, SCRAPED_PAGE, TEMPLATE_ARTICLE, rawDocument } from './fixtures.ts';

const DOCS = [
  buildDoc(rawDocument(SCRAPED_PAGE)),
  buildDoc(rawDocument(TEMPLATE_ARTICLE)),
  buildDoc(rawDocument(EMOJI_REWRITE)),
  buildDoc(rawDocument(MARKDOWN_REPORT, 'markdown')),
];

test('the id hashes the cleaned text and where it was published: stable on re-reading, distinct for a copy elsewhere', () => {
  for (const doc of DOCS) {
    assert.match(doc.id, /^[0-9a-f]{32}$/);
    const expected = createHash('sha256').update(doc.text).update(`\u0000${doc.meta.url ?? doc.meta.file ?? ''}\u0000${doc.meta.source ?? ''}`).digest('hex').slice(0, 32);
    assert.equal(doc.id, expected);
  }
  assert.equal(buildDoc(rawDocument(SCRAPED_PAGE)).id, DOCS[0].id);
  assert.notEqual(DOCS[0].id, DOCS[1].id);
  const copy = rawDocument(SCRAPED_PAGE);
  const elsewhere = buildDoc({ ...copy, meta: { ...copy.meta, url: 'https://other-outlet.example.org/story' } });
  assert.equal(elsewhere.text, DOCS[0].text);
  assert.notEqual(elsewhere.id, DOCS[0].id);
});

test('every sentence and token lies within the text and has no surrounding whitespace', () => {
  for (const doc of DOCS) {
    assert.ok(doc.sentences.length > 0 && doc.tokens.length > 0);
    for (const span of [...doc.sentences, ...doc.tokens]) {
      assert.ok(span.start >= 0 && span.end <= doc.text.length && span.start < span.end);
      const value = doc.text.slice(span.start, span.end);
      assert.equal(value, value.trim());
    }
  }
});

test('a heading is its own sentence, never merged with the text around it', () => {
  for (const doc of DOCS) {
    for (const heading of doc.headings) {
      assert.ok(
        doc.sentences.some((sentence) => sentence.start === heading.start && sentence.end === heading.end),
        `heading "${heading.text}" is not a sentence of its own`,
      );
    }
  }
});

test('metadata from the input wins; cleaning fills the gaps', () => {
  const found = buildDoc(rawDocument(`Mackerel Talks Stall\n${SCRAPED_PAGE}`));
  assert.equal(found.meta.byline, 'Marta Ilves');
  assert.equal(found.meta.title, 'Mackerel Talks Stall');
  const given = buildDoc(rawDocument(SCRAPED_PAGE, 'text', { byline: 'Desk Editor', title: 'Given Title' }));
  assert.equal(given.meta.byline, 'Desk Editor');
  assert.equal(given.meta.title, 'Given Title');
  const filled = buildDoc(rawDocument(EMOJI_REWRITE, 'text', { published: '2026-03-01' }));
  assert.equal(filled.meta.source, 'northsea-news.example.com');
  assert.equal(filled.meta.published, '2026-03-01');
});

test('extraction lists start empty and input messages are kept', () => {
  const raw = rawDocument(TEMPLATE_ARTICLE);
  raw.messages.push({ rule: 'ingest:note', reason: 'test note', severity: 'info' });
  const doc = buildDoc(raw);
  for (const list of [doc.entities, doc.dates, doc.quotes, doc.quantities, doc.stances, doc.events]) assert.deepEqual(list, []);
  assert.equal(doc.messages[0].rule, 'ingest:note');
});

test('an input that cleans to nothing carries a text:empty error', () => {
  const doc = buildDoc(rawDocument('Share this article\n   \n'));
  assert.equal(doc.text, '');
  assert.deepEqual(doc.sentences, []);
  assert.ok(doc.messages.some((message) => message.rule === 'text:empty' && message.severity === 'error'));
});

test('makeDoc builds a plain-text Doc with the given metadata', () => {
  const doc = makeDoc('The envoy arrived on Monday. Talks begin today.', { published: '2026-02-10' });
  assert.equal(doc.raw.format, 'text');
  assert.equal(doc.meta.published, '2026-02-10');
  assert.deepEqual(
    doc.sentences.map((sentence) => doc.text.slice(sentence.start, sentence.end)),
    ['The envoy arrived on Monday.', 'Talks begin today.'],
  );
});
