// What changed since a date or since the last brief: new events, plans held, new stances and shifts, newly disputed facts.
import type { MergedStance } from '../doc/types.ts';
import type { MergedFactRecord, Store } from '../store/store.ts';
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
  const members = await store.listMembers('event', candidates.map((fact) => fact.id), { perFact: membersChecked, latestFirst: true });
  const held = candidates.filter((fact) => {
    const list = members.get(fact.id) ?? [];
    const plannedBefore = list.some((member) => member.fact.status === 'planned' && !after(options, member));
    const heldAfter = list.some((member) => member.fact.status === 'happened' && after(options, member));
    const heldBefore = list.some((member) => member.fact.status === 'happened' && !after(options, member));
    return plannedBefore && heldAfter && !heldBefore;
  });
  return held.slice(0, limit).map((fact) => toTimelineEvent(fact, members.get(fact.id) ?? []));
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
  const disputes = await store.listContradictions({ story: options.story, until: options.until, ...(basis === 'ingested' ? { ingestedAfter: options.since } : {}) });
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
