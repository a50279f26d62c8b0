// Counters on a merged fact: what its reports said, so a new report updates the fact without rereading the others.
import type { Tallies } from '../store/store.ts';

/** Adds `delta` to `tallies[name][key]`, dropping counters that reach zero. */
export function bump(tallies: Tallies, name: string, key: string, delta = 1): void {
  const counter = (tallies[name] ??= {});
  const value = (counter[key] ?? 0) + delta;
  if (value > 0) counter[key] = value;
  else delete counter[key];
}

/**
 * How many keys a counter of open-ended values (names, wordings, places) keeps: its most counted. A
 * fact reported thousands of times is summed up by its commonest names and wordings, and a counter
 * that grew with every new wording would make each report of the fact cost more than the last.
 */
export const openCounterKeys = 32;

/** Adds like bump, then drops the least counted key (of equal counts, the last in order) past `openCounterKeys`. */
export function bumpOpen(tallies: Tallies, name: string, key: string, delta = 1): void {
  bump(tallies, name, key, delta);
  const counter = tallies[name];
  const keys = Object.keys(counter);
  if (keys.length <= openCounterKeys) return;
  let dropped = keys[0];
  for (const candidate of keys) {
    if (counter[candidate] < counter[dropped] || (counter[candidate] === counter[dropped] && candidate > dropped)) dropped = candidate;
  }
  delete counter[dropped];
}

/** Entries of one counter, most counted first, then by key. */
export function ranked(tallies: Tallies, name: string): [string, number][] {
  return Object.entries(tallies[name] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The most counted key of a counter (the first of `ranked`), or null when it is empty. */
export function top(tallies: Tallies, name: string): string | null {
  const counter = tallies[name];
  let best: string | null = null;
  // One pass rather than sorting the counter: a fact's attributes are derived again for every report of it.
  for (const key in counter) {
    if (best === null || counter[key] > counter[best] || (counter[key] === counter[best] && key.localeCompare(best) < 0)) best = key;
  }
  return best;
}

/**
 * Widens a counter that holds one day, the earliest or the latest reported: a window needs only its
 * ends, and a count per day grew with every day a fact was in the news (and was parsed, copied and
 * written back for every report of it). A counter stored with several days is folded to its end.
 */
export function widenDay(tallies: Tallies, name: string, day: string, end: 'earliest' | 'latest'): void {
  tallies[name] = { [dayOf(tallies, name, end, day) as string]: 1 };
}

/** The earliest or latest day in a counter (of `also` too, when given), or null when there is none. */
export function dayOf(tallies: Tallies, name: string, end: 'earliest' | 'latest', also: string | null = null): string | null {
  let best = also;
  for (const day in tallies[name]) if (best === null || (end === 'earliest' ? day < best : day > best)) best = day;
  return best;
}

export function count(tallies: Tallies, name: string, key: string): number {
  return tallies[name]?.[key] ?? 0;
}
