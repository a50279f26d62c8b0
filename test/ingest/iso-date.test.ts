import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toIsoDate } from '../../src/ingest/iso-date.ts';

test('a bare ISO day is kept as written', () => {
  assert.equal(toIsoDate('2025-12-03'), '2025-12-03');
  assert.equal(toIsoDate(' 2024-02-29 '), '2024-02-29');
});

test('timestamps (ISO with offsets, RFC 822) are read as their UTC day', () => {
  assert.equal(toIsoDate('2025-12-02T23:30:00-05:00'), '2025-12-03');
  assert.equal(toIsoDate('2025-12-02T08:30:00Z'), '2025-12-02');
  assert.equal(toIsoDate('Tue, 02 Dec 2025 10:00:00 GMT'), '2025-12-02');
  assert.equal(toIsoDate('Wed, 04 Jun 2025 01:00:00 +0200'), '2025-06-03');
});

test('written-out dates without a time keep their calendar day', () => {
  assert.equal(toIsoDate('October 9, 2024'), '2024-10-09');
  assert.equal(toIsoDate('9 October 2024'), '2024-10-09');
});

test('Date objects and epoch milliseconds are accepted', () => {
  assert.equal(toIsoDate(new Date(Date.UTC(2025, 0, 9, 18, 30))), '2025-01-09');
  assert.equal(toIsoDate(Date.UTC(2024, 11, 1, 8)), '2024-12-01');
});

test('nonsense, impossible days and implausible years are null', () => {
  assert.equal(toIsoDate('soon'), null);
  assert.equal(toIsoDate(''), null);
  assert.equal(toIsoDate('2025-02-30'), null);
  assert.equal(toIsoDate('0001-01-01'), null);
  assert.equal(toIsoDate(null), null);
  assert.equal(toIsoDate(Number.NaN), null);
});
