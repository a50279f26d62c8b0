// Counters on a merged fact: what its reports said, so a new report updates the fact without rereading the others.
import type { Tallies } from '../store/store.ts';

/** Adds `delta` to `tallies[name][key]`, dropping counters that reach zero. */
export function bump(tallies: Tallies, name: string, key: string, delta = 1): void {
  const counter = (tallies[name] ??= {});
  const value = (counter[key] ?? 0) + delta;
  if (value > 0) counter[key] = value;
  else delete counter[key];
}

/** Entries of one counter, most counted first, then by key. */
export function ranked(tallies: Tallies, name: string): [string, number][] {
  return Object.entries(tallies[name] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The most counted key of a counter, or null when it is empty. */
export function top(tallies: Tallies, name: string): string | null {
  const [first] = ranked(tallies, name);
  return first ? first[0] : null;
}

export function count(tallies: Tallies, name: string, key: string): number {
  return tallies[name]?.[key] ?? 0;
}

export function copyTallies(tallies: Tallies): Tallies {
  return Object.fromEntries(Object.entries(tallies).map(([name, counter]) => [name, { ...counter }]));
}
