// Percentiles and rates for the benchmark tables.

/** The value at quantile `q` (0..1) of an ascending list, by nearest rank; 0 for an empty list. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}
