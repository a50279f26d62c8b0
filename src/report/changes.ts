// What changed since a date or since the last brief: new events, plans held, new stances and shifts, newly disputed facts.
import type { MergedStance } from '../doc/types.ts';
import type { MemberReport, MergedFactRecord, Store } from '../store/store.ts';
import { stancePolarity } from '../reconcile/contradictions.ts';
import { daysBetween } from '../reconcile/iso-days.ts';
import { positionTuning } from './positions.ts';
import { toContradictionView, toMergedStance, toTimelineEvent } from './merged-views.ts';
import type { ChangesOptions, ChangesReport, PositionShift, TimelineEvent } from './types.ts';

const defaultLimit = 20;
const planGroups = ['proposal', 'agreement'];
const recentEventsChecked = 200;
/** Reports read per event to tell whether it was planned before the cut-off and held after it (the latest ones). */
const membersChecked = 400;
/** Reports read per event at first; more only for events not yet ruled out. */
const firstMembersChecked = 25;
/** New stances checked for a shift, most sourced first. */
const stancesChecked = 100;

/** Filters that pick facts first reported (or first stored) since the cut-off. */
function newSince(options: ChangesOptions) {
  return options.basis === 'ingested' ? { ingestedAfter: options.since } : { firstSeenSince: options.since };
}

function after(options: ChangesOptions, member: { published: string | null; ingestedAt: string }): boolean {
  return options.basis === 'ingested' ? member.ingestedAt > options.since : member.published !== null && member.published >= options.since;
}

async function events(store: Store, facts: MergedFactRecord<'event'>[]): Promise<TimelineEvent[]> {
  const members = await store.listMembers('event', facts.map((fact) => fact.id), { perFact: 10 });
  return facts.map((fact) => toTimelineEvent(fact, members.get(fact.id) ?? []));
}

/** Events announced as planned before the cut-off and reported held after it. */
async function heldSince(store: Store, options: ChangesOptions, limit: number): Promise<TimelineEvent[]> {
  // Only recently reported events can have become held since; the bound keeps this cheap on a large store.
  const recent = await store.listMergedFacts('event', {
    story: options.story,
    until: options.until,
    ...(options.basis === 'ingested' ? {} : { since: options.since }),
    order: 'recent',
    limit: recentEventsChecked,
  });
  const candidates = recent.filter((fact) => fact.attributes.status === 'happened' && !isNew(fact, options));
  // Reports are read a few at a time, latest first: one held before the cut-off rules the event out, and
  // is usually among the first read, so most events cost a few reports rather than `membersChecked`.
  const heldReports = new Map<string, MemberReport<'event'>[]>();
  let undecided = candidates;
  for (let perFact = firstMembersChecked; undecided.length > 0; perFact = Math.min(perFact * 4, membersChecked)) {
    const members = await store.listMembers('event', undecided.map((fact) => fact.id), { perFact, latestFirst: true });
    const next: MergedFactRecord<'event'>[] = [];
    for (const fact of undecided) {
      const list = members.get(fact.id) ?? [];
      const heldBefore = list.some((member) => member.fact.status === 'happened' && !after(options, member));
      const readAll = list.length < perFact || perFact >= membersChecked;
      if (heldBefore) continue;
      if (!readAll) next.push(fact);
      else if (heldAfterPlan(options, list)) heldReports.set(fact.id, list);
    }
    undecided = next;
  }
  return candidates
    .filter((fact) => heldReports.has(fact.id))
    .slice(0, limit)
    .map((fact) => toTimelineEvent(fact, heldReports.get(fact.id) ?? []));
}

/** Whether an event's reports (none of them held before the cut-off) say it was planned before the cut-off and held after it. */
function heldAfterPlan(options: ChangesOptions, reports: readonly MemberReport<'event'>[]): boolean {
  const plannedBefore = reports.some((member) => member.fact.status === 'planned' && !after(options, member));
  const heldAfter = reports.some((member) => member.fact.status === 'happened' && after(options, member));
  return plannedBefore && heldAfter;
}

function isNew(fact: { firstSeen: string | null; firstIngested: string | null }, options: ChangesOptions): boolean {
  return options.basis === 'ingested' ? (fact.firstIngested ?? '') > options.since : fact.firstSeen !== null && fact.firstSeen >= options.since;
}

/** Positions whose latest act is new since the cut-off and turns against the act reported before it (see positions.ts for what a shift is). */
async function shifts(store: Store, options: ChangesOptions, fresh: MergedFactRecord<'stance'>[], limit: number): Promise<PositionShift[]> {
  const found: PositionShift[] = [];
  for (const after of fresh.slice(0, stancesChecked)) {
    if (stancePolarity(after.attributes.act) === 0) continue;
    const { party, issue } = after.attributes;
    const keys = ['demand', 'propose', 'accept', 'reject', 'support', 'oppose'].filter((act) => act !== after.attributes.act).map((act) => `${party}|${issue}|${act}`);
    const earlier = (await store.listMergedFacts('stance', { story: options.story, keys, until: options.until }))
      .filter(
        (fact) =>
          !isNew(fact, options) &&
          stancePolarity(fact.attributes.act) === -stancePolarity(after.attributes.act) &&
          fact.lastSeen !== null &&
          after.firstSeen !== null &&
          daysBetween(fact.lastSeen, after.firstSeen) >= positionTuning.shiftDays,
      )
      .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
    const before = earlier[0];
    if (!before) continue;
    const members = await store.listMembers('stance', [before.id, after.id], { perFact: 3, latestFirst: true });
    found.push({
      issue,
      party,
      from: before.attributes.act,
      to: after.attributes.act,
      before: toMergedStance(before, members.get(before.id) ?? []),
      after: toMergedStance(after, members.get(after.id) ?? []),
    });
    if (found.length >= limit) break;
  }
  return found;
}

/** What is new since `options.since`: by publication date, or (basis `ingested`) by the time documents were stored. */
export async function buildChanges(store: Store, options: ChangesOptions): Promise<ChangesReport> {
  const limit = options.limit ?? defaultLimit;
  const basis = options.basis ?? 'published';
  const scoped = { ...options, basis };
  const fresh = await store.listMergedFacts('event', { story: options.story, until: options.until, ...newSince(scoped), order: 'sources' });
  const plans = fresh.filter((fact) => planGroups.includes(fact.key)).slice(0, limit);
  const happenings = fresh.filter((fact) => !planGroups.includes(fact.key) && fact.key !== 'statement').slice(0, limit);
  const freshStances = await store.listMergedFacts('stance', { story: options.story, until: options.until, ...newSince(scoped), order: 'sources' });
  const stanceMembers = await store.listMembers('stance', freshStances.slice(0, limit).map((fact) => fact.id), { perFact: 3, latestFirst: true });
  const newStances: MergedStance[] = freshStances.slice(0, limit).map((fact) => toMergedStance(fact, stanceMembers.get(fact.id) ?? []));
  // Listed most recently disputed first, the disputes first seen since the cut-off come first: `limit` rows hold all that are kept.
  const disputes = await store.listContradictions({ story: options.story, until: options.until, ...(basis === 'ingested' ? { ingestedAfter: options.since } : {}), limit });
  return {
    since: options.since,
    basis,
    story: options.story ?? null,
    newEvents: await events(store, happenings),
    heldEvents: await heldSince(store, scoped, limit),
    newPlans: await events(store, plans),
    newStances,
    shiftedStances: await shifts(store, scoped, freshStances, limit),
    newDisputes: disputes
      .filter((record) => basis === 'ingested' || (record.firstSeen !== null && record.firstSeen >= options.since))
      .slice(0, limit)
      .map(toContradictionView),
  };
}
