// The timeline: merged events in date order, each with the documents that report it.
import type { Store } from '../store/store.ts';
import { toTimelineEvent } from './merged-views.ts';
import type { ReportFilter, TimelineReport } from './types.ts';

export interface TimelineOptions {
  /** At most this many events: the latest dated ones when limited (still listed in date order). */
  limit?: number;
  /** At most this many documents (and evidence sentences) per event; default all. */
  documentsPerEvent?: number;
  /** Only these event type groups (`meeting` covers meetings, talks, visits and summits; also `call`, `statement`, `proposal`, `agreement`, `ceasefire`). */
  typeGroups?: readonly string[];
  /** Leave out events whose date is unknown. */
  datedOnly?: boolean;
}

/** Merged events in date order (undated last), one per real-world event, with the documents that report it. */
export async function buildTimeline(store: Store, filter: ReportFilter = {}, options: TimelineOptions = {}): Promise<TimelineReport> {
  const facts = await store.listMergedFacts('event', {
    story: filter.story,
    since: filter.since,
    until: filter.until,
    keys: options.typeGroups,
    dated: options.datedOnly,
    order: options.limit === undefined ? 'date' : 'latest-date',
    limit: options.limit,
  });
  if (options.limit !== undefined) facts.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || (a.firstSeen ?? '').localeCompare(b.firstSeen ?? '') || a.id.localeCompare(b.id));
  const members = await store.listMembers('event', facts.map((fact) => fact.id), { perFact: options.documentsPerEvent });
  return { events: facts.map((fact) => toTimelineEvent(fact, members.get(fact.id) ?? [])) };
}
