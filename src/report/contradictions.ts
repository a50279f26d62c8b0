// Disputed facts: where sources disagree, each side with its evidence.
import type { Store } from '../store/store.ts';
import { toContradictionView } from './merged-views.ts';
import type { ContradictionsReport, ReportFilter } from './types.ts';

export async function buildContradictions(store: Store, filter: ReportFilter = {}, options: { limit?: number } = {}): Promise<ContradictionsReport> {
  const records = await store.listContradictions({ story: filter.story, since: filter.since, until: filter.until, limit: options.limit });
  return { contradictions: records.map(toContradictionView) };
}
