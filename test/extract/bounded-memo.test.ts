// The bounded memo computes each key once while it has room, and empties itself rather than growing past its bound.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundedMemo } from '../../src/extract/bounded-memo.ts';

describe('boundedMemo', () => {
  it('computes a key once and returns the remembered value, null included', () => {
    const calls: string[] = [];
    const read = boundedMemo((key: string) => {
      calls.push(key);
      return key === 'none' ? null : key.length;
    }, 10);
    assert.equal(read('talks'), 5);
    assert.equal(read('talks'), 5);
    assert.equal(read('none'), null);
    assert.equal(read('none'), null);
    assert.deepEqual(calls, ['talks', 'none']);
  });

  it('forgets everything when full, then computes again', () => {
    const calls: string[] = [];
    const read = boundedMemo((key: string) => {
      calls.push(key);
      return key.toUpperCase();
    }, 2);
    read('a');
    read('b');
    read('c');
    read('a');
    assert.deepEqual(calls, ['a', 'b', 'c', 'a']);
  });
});
