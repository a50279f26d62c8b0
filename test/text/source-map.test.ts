import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../../src/doc/types.ts';
import { buildDoc, toSourceOffset, toSourceRange } from '../../src/text/index.ts';
import { EMOJI_REWRITE, MARKDOWN_REPORT, MARKDOWN_WIDE_TABLE, SCRAPED_PAGE, TEMPLATE_ARTICLE, rawDocument } from './fixtures.ts';

const UNICODE_MESS = 'Cafe\u0301 talks\u00A0resumed in Reyk\u00ADjavik\u200B today.\r\n\r\nSecond\u2003line 🙋‍♂️ ends.\rThird line.';

const FIXTURES: [string, Doc][] = [
  ['scraped page', buildDoc(rawDocument(SCRAPED_PAGE))],
  ['template', buildDoc(rawDocument(TEMPLATE_ARTICLE))],
  ['emoji rewrite', buildDoc(rawDocument(EMOJI_REWRITE))],
  ['markdown', buildDoc(rawDocument(MARKDOWN_REPORT, 'markdown'))],
  ['markdown table', buildDoc(rawDocument(MARKDOWN_WIDE_TABLE, 'markdown'))],
  ['unicode', buildDoc(rawDocument(UNICODE_MESS))],
];

test('segments cover the cleaned text exactly, in order', () => {
  for (const [name, doc] of FIXTURES) {
    let position = 0;
    for (const segment of doc.sourceMap) {
      assert.equal(segment.textStart, position, name);
      assert.ok(segment.length > 0, name);
      position += segment.length;
    }
    assert.equal(position, doc.text.length, name);
  }
});

test('every kept character maps back to the same character in the source', () => {
  for (const [name, doc] of FIXTURES) {
    for (let offset = 0; offset < doc.text.length; offset++) {
      const source = toSourceOffset(doc, offset);
      if (source !== null) assert.equal(doc.raw.content[source], doc.text[offset], `${name} at ${offset}`);
    }
  }
});

test('only glue, normalised characters and paragraph breaks are generated', () => {
  const generated = (doc: Doc) =>
    doc.sourceMap
      .filter((segment) => segment.sourceStart === null)
      .map((segment) => doc.text.slice(segment.textStart, segment.textStart + segment.length));
  const [, table] = FIXTURES[4];
  assert.deepEqual(generated(table), [' \u2014 ', ': ', '; ', ': ', ' \u2014 ', ': ', '; ', ': ']);
  const [, unicode] = FIXTURES[5];
  assert.deepEqual(generated(unicode), ['é', ' ', ' ', '\n']);
  const [, markdown] = FIXTURES[3];
  assert.deepEqual(generated(markdown), [': ', ': ']);
});

test('table cells and header labels map to their cells in the source', () => {
  const [, doc] = FIXTURES[4];
  const row = doc.text.split('\n')[0];
  const label = row.indexOf('Position');
  const labelSource = toSourceOffset(doc, label);
  assert.ok(labelSource !== null);
  assert.equal(doc.raw.content.slice(labelSource, labelSource + 'Position'.length), 'Position');
  assert.ok(labelSource < doc.raw.content.indexOf('\n'), 'the label comes from the header row');
});

test('a sentence maps back to a source range holding its words', () => {
  const [, doc] = FIXTURES[3];
  const start = doc.text.indexOf('The mediators met');
  const end = doc.text.indexOf('timetable.') + 'timetable.'.length;
  const range = toSourceRange(doc, start, end);
  assert.ok(range !== null);
  assert.equal(doc.raw.content.slice(range.start, range.end), 'The **mediators** met in [Bergen](https://example.org/bergen) on _Tuesday_ and agreed on a timetable.');
  assert.equal(toSourceOffset(doc, doc.text.length), doc.raw.content.length);
});

test('removed stretches record their exact place in the source', () => {
  for (const [name, doc] of FIXTURES) {
    for (const removed of doc.removed) {
      assert.equal(doc.raw.content.slice(removed.sourceStart, removed.sourceEnd), removed.text, name);
      assert.equal(removed.text, removed.text.trim(), name);
    }
  }
});
