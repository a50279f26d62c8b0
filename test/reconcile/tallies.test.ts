// Counters of open-ended values keep only their most counted keys, so a much reported fact costs the same to update as a new one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Tallies } from '../../src/store/store.ts';
import { bump, bumpOpen, dayOf, openCounterKeys, ranked, top, widenDay } from '../../src/reconcile/tallies.ts';

describe('tallies', () => {
  it('keep the most counted keys of an open-ended counter, dropping the least counted as new ones arrive', () => {
    const tallies: Tallies = {};
    for (let i = 0; i < 3; i++) bumpOpen(tallies, 'speaker', 'the foreign minister');
    bumpOpen(tallies, 'speaker', 'a deputy envoy');
    bumpOpen(tallies, 'speaker', 'a deputy envoy');
    for (let i = 0; i < openCounterKeys * 2; i++) bumpOpen(tallies, 'speaker', `aide number ${String(i).padStart(3, '0')}`);
    assert.equal(Object.keys(tallies.speaker).length, openCounterKeys);
    assert.deepEqual(ranked(tallies, 'speaker').slice(0, 2), [['the foreign minister', 3], ['a deputy envoy', 2]]);
    assert.equal(top(tallies, 'speaker'), 'the foreign minister');
    // Of the keys counted once, those first in order stay: the same reports always leave the same counter.
    assert.equal(ranked(tallies, 'speaker')[2][0], 'aide number 000');
  });

  it('leave the other counters whole', () => {
    const tallies: Tallies = {};
    for (let day = 0; day < openCounterKeys * 2; day++) bump(tallies, 'published', new Date(Date.UTC(2025, 9, 1 + day)).toISOString().slice(0, 10));
    assert.equal(Object.keys(tallies.published).length, openCounterKeys * 2);
  });

  it('keep one day for a window end, folding a counter stored with a day per report', () => {
    const tallies: Tallies = { windowStart: { '2025-11-20': 2, '2025-11-12': 1, '2025-11-30': 1 } };
    widenDay(tallies, 'windowStart', '2025-11-15', 'earliest');
    assert.deepEqual(tallies.windowStart, { '2025-11-12': 1 });
    widenDay(tallies, 'windowStart', '2025-11-02', 'earliest');
    widenDay(tallies, 'windowEnd', '2025-11-02', 'latest');
    widenDay(tallies, 'windowEnd', '2025-11-01', 'latest');
    assert.deepEqual([tallies.windowStart, tallies.windowEnd], [{ '2025-11-02': 1 }, { '2025-11-02': 1 }]);
    assert.equal(dayOf(tallies, 'windowEnd', 'latest'), '2025-11-02');
    assert.equal(dayOf(tallies, 'nothing', 'earliest'), null);
  });
});
