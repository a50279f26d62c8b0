import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotePassages } from '../../src/extract/quote-spans.ts';
import { tokenize } from '../../src/text/tokens.ts';

/** The quoted words of each passage, pieces joined by " | ". */
function quoted(text: string): string[] {
  return findQuotePassages(text, tokenize(text)).map((passage) => passage.pieces.map((piece) => text.slice(piece.start, piece.end)).join(' | '));
}

describe('findQuotePassages', () => {
  it('pairs curly double quotes', () => {
    assert.deepEqual(quoted('She said \u201Cyes\u201D and then \u201Cno, not today.\u201D'), ['yes', 'no, not today.']);
  });

  it('pairs straight double quotes by their surroundings and by turns', () => {
    assert.deepEqual(quoted('"We agree," he said, calling it "a first step" on a "long road".'), ['We agree,', 'a first step', 'long road']);
    assert.deepEqual(quoted('The border stays " closed " for now.'), [' closed ']);
  });

  it('reads quotes glued to the text around them', () => {
    assert.deepEqual(quoted('\u201CFirst.\u201D\u201CSecond.\u201DThen prose.'), ['First.', 'Second.']);
  });

  it('continues a quote whose paragraph ends open into a paragraph that opens with a quote mark', () => {
    const text = '\u201CWe will talk again.\n\n\u201CBut not this week,\u201D he said.\nNext paragraph.';
    const passages = findQuotePassages(text, tokenize(text));
    assert.equal(passages.length, 1);
    assert.deepEqual(
      passages[0].pieces.map((piece) => text.slice(piece.start, piece.end)),
      ['We will talk again.', 'But not this week,'],
    );
    assert.equal(text.slice(passages[0].start, passages[0].end), '\u201CWe will talk again.\n\n\u201CBut not this week,\u201D');
  });

  it('ends an unclosed quote with its paragraph otherwise', () => {
    const text = 'He said "we will talk again\nNo quote here.';
    const passages = findQuotePassages(text, tokenize(text));
    assert.equal(passages.length, 1);
    assert.equal(passages[0].closeToken, -1);
    assert.deepEqual(quoted(text), ['we will talk again']);
  });

  it('takes single quotes only where they read as quotes, not apostrophes', () => {
    assert.deepEqual(quoted("Leader 'very angry' with envoy"), ['very angry']);
    assert.deepEqual(quoted('It was \u2018frank\u2019, the ministers\u2019 aides said, and Kyiv\u2019s team agreed.'), ['frank']);
    assert.deepEqual(quoted("Don't say the talks' end is near, the envoys' aides warned."), []);
  });

  it('leaves single quotes inside double quotes to the outer quote', () => {
    assert.deepEqual(quoted('"They called it \u2018a trap\u2019 from the start," she said.'), ['They called it \u2018a trap\u2019 from the start,']);
  });

  it('returns passages in text order with their mark tokens', () => {
    const text = 'A \u2018one\u2019 and "two" and \u201Cthree\u201D.';
    const tokens = tokenize(text);
    const passages = findQuotePassages(text, tokens);
    assert.deepEqual(passages.map((passage) => passage.kind), ['single', 'double', 'double']);
    for (const passage of passages) {
      assert.equal(tokens[passage.openToken].start, passage.start);
      assert.equal(tokens[passage.closeToken].end, passage.end);
    }
  });
});
