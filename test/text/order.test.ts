// Order checks that let a caller skip a sort.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInOrder, isStrictlyInOrder } from '../../src/text/order.ts';

const byValue = (a: number, b: number): number => a - b;

test('items in order, ties allowed, need no sort', () => {
  assert.equal(isInOrder([], byValue), true);
  assert.equal(isInOrder([1, 2, 2, 5], byValue), true);
  assert.equal(isInOrder([1, 3, 2], byValue), false);
});

test('strict order admits no ties', () => {
  assert.equal(isStrictlyInOrder([1, 2, 5], byValue), true);
  assert.equal(isStrictlyInOrder([1, 2, 2], byValue), false);
  assert.equal(isStrictlyInOrder([4], byValue), true);
});
