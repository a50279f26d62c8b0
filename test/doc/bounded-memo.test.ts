// A remembered function answers as the function does, computes each input once, and holds no more than its limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundedMemo } from '../../src/doc/bounded-memo.ts';

describe('boundedMemo', () => {
  it('computes an input once while it is held, and again only after the memory was emptied', () => {
    const computed: string[] = [];
    const length = boundedMemo((word) => {
      computed.push(word);
      return word.length;
    }, 2);
    assert.deepEqual([length('talks'), length('talks'), length('truce')], [5, 5, 5]);
    assert.deepEqual(computed, ['talks', 'truce']);
    // A third input finds the memory full: it is emptied, so 'talks' is computed again afterwards.
    assert.equal(length('ceasefire'), 9);
    assert.equal(length('talks'), 5);
    assert.deepEqual(computed, ['talks', 'truce', 'ceasefire', 'talks']);
  });
});
