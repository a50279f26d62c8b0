// parseSearchQuery turns what users type into literal words and phrases, and refuses a query with no words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreError } from '../../src/store/errors.ts';
import { parseSearchQuery } from '../../src/store/search-query.ts';
import { toFtsMatch } from '../../src/store/sqlite/fts-query.ts';

describe('parseSearchQuery', () => {
  it('reads plain words and quoted phrases, straight or curly', () => {
    assert.deepEqual(parseSearchQuery('troop cap "security guarantees" “frozen assets”'), [
      { text: 'troop', phrase: false },
      { text: 'cap', phrase: false },
      { text: 'security guarantees', phrase: true },
      { text: 'frozen assets', phrase: true },
    ]);
  });

  it('runs an unclosed quote to the end of the query', () => {
    assert.deepEqual(parseSearchQuery('talks "next   week'), [
      { text: 'talks', phrase: false },
      { text: 'next week', phrase: true },
    ]);
  });

  it('folds spelling in every term', () => {
    assert.deepEqual(parseSearchQuery('"demilitarized zone" defence'), [
      { text: 'demilitarised zone', phrase: true },
      { text: 'defense', phrase: false },
    ]);
  });

  it('drops terms with no letters or digits and refuses a query left empty', () => {
    assert.deepEqual(parseSearchQuery('- ceasefire ***'), [{ text: 'ceasefire', phrase: false }]);
    for (const query of ['', '  \t', '""', '“ ”', '-- * ()']) {
      assert.throws(() => parseSearchQuery(query), (error: unknown) => error instanceof StoreError && error.code === 'store:empty-query', JSON.stringify(query));
    }
  });
});

describe('toFtsMatch', () => {
  it('quotes every term and doubles embedded quotes', () => {
    assert.equal(toFtsMatch([{ text: 'NEAR(a', phrase: false }, { text: 'b"c', phrase: false }, { text: 'x y', phrase: true }]), '"NEAR(a" "b""c" "x y"');
  });
});
