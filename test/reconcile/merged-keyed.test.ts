// Stances, numbers and quotes keep the days they were reported on as a window: its first and last day, however long the fact runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Quantity } from '../../src/doc/types.ts';
import { quantityKey, quantityRow, tallyQuantity } from '../../src/reconcile/merged-keyed.ts';
import type { Tallies } from '../../src/store/store.ts';

const figure: Quantity = { value: 600000, unit: 'troops', about: 'army cap', text: '600,000 troops', evidence: { start: 0, end: 14, text: '600,000 troops' } };

function day(n: number): string {
  return new Date(Date.UTC(2025, 9, 1 + n)).toISOString().slice(0, 10);
}

describe('keyed merged facts', () => {
  it('keep the first and last day reported, not a count per day', () => {
    const tallies: Tallies = {};
    for (const n of [40, 3, 90, 12, 3]) tallyQuantity(tallies, figure, day(n));
    tallyQuantity(tallies, figure, null);
    const row = quantityRow('qt-cap', null, quantityKey(figure), tallies);
    assert.deepEqual([row.windowStart, row.windowEnd, row.date], [day(3), day(90), day(90)]);
    assert.deepEqual(tallies.reports, { all: 6 });
    assert.deepEqual([tallies.firstSeen, tallies.lastSeen, tallies.published], [{ [day(3)]: 1 }, { [day(90)]: 1 }, undefined]);
  });

  it('fold a count per day stored by an earlier version into the two days on the next report', () => {
    const stored: Tallies = { reports: { all: 3 }, published: { [day(5)]: 1, [day(1)]: 1, [day(9)]: 1 } };
    tallyQuantity(stored, figure, day(7));
    assert.equal(stored.published, undefined);
    const row = quantityRow('qt-cap', null, quantityKey(figure), stored);
    assert.deepEqual([row.windowStart, row.windowEnd], [day(1), day(9)]);
    assert.deepEqual(stored.reports, { all: 4 });
  });
});
