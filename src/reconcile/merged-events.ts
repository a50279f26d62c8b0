// Merges the events documents report into one event per real-world meeting, call or visit: planned → happened, details from several reports.
import type { EventType, NegotiationEvent } from '../doc/types.ts';
import type { MergedEventAttributes, MergedFactRecord, MergedFactRow, Tallies } from '../store/store.ts';
import { addDays, daysBetween, isIsoDate, rangesOverlap } from './iso-days.ts';
import { bump, bumpOpen, count, dayOf, ranked, top, widenDay } from './tallies.ts';

/**
 * Tuning, with why:
 * - an undated report of a held event is about the days before publication (`happenedLookbackDays`),
 *   an undated plan about the weeks after (`plannedLookaheadDays`);
 * - dates and publication days are a day apart across time zones and "Tuesday night" reports (`slackDays`);
 * - a range of up to `preciseSpanDays` days ("Thursday and Friday") is still a precise date; a
 *   range longer than `maxWindowDays` ("since October") says nothing about when a meeting was;
 * - two held dates further apart than the slack but within `conflictGapDays` can still be one
 *   event the sources date differently, when place, parties and a detail agree.
 */
export const eventTuning = {
  happenedLookbackDays: 10,
  plannedLookaheadDays: 30,
  slackDays: 1,
  preciseSpanDays: 2,
  maxWindowDays: 60,
  conflictGapDays: 3,
  minScore: 3,
};

/**
 * How candidates are looked up (see lookupTerms): under each term, the `perTerm` events whose window
 * starts nearest the report's on either side; of these, the `limit` found under the most terms. On
 * 10,000 generated articles this finds the match unbounded reading finds for about 99 reports in 100,
 * and its cost does not grow with the number of events in the weeks around a report.
 * An event is indexed under its `termParticipants` most reported participants.
 */
export const eventLookup = { perTerm: 12, limit: 32, termParticipants: 8 };


/** Event types that can be reports of the same occasion: a visit to hold talks is a meeting. */
const typeGroups: Record<EventType, string> = {
  meeting: 'meeting',
  talks: 'meeting',
  visit: 'meeting',
  summit: 'meeting',
  call: 'call',
  statement: 'statement',
  proposal: 'proposal',
  agreement: 'agreement',
  ceasefire: 'ceasefire',
};

/** When reports disagree on the type, the more specific one names the merged event. */
const typePriority: EventType[] = ['summit', 'talks', 'meeting', 'visit', 'call', 'agreement', 'ceasefire', 'proposal', 'statement'];

export function typeGroupOf(type: EventType): string {
  return typeGroups[type];
}

interface DayRange {
  start: string;
  end: string;
}

/** One document's report of an event, with what matching needs. */
export interface EventReport {
  factId: string;
  documentId: string;
  published: string | null;
  event: NegotiationEvent;
  /** The report's own place is written in its evidence sentence (not inferred from elsewhere in the article). */
  placeStated: boolean;
  /** A precise date (at most a few days), if the report gives one. */
  precise: DayRange | null;
  /** The days the event may fall on: its date, else a span around publication; null when neither is known. */
  window: DayRange | null;
  /** Reported as held at a vague time ("in March", "last week"): often a look back at an earlier round, not news of this one. */
  vagueHeld: boolean;
}

function normalisePlace(place: string | null): string | null {
  if (!place) return null;
  const key = place.trim().toLowerCase().replace(/^the\s+/, '');
  return key || null;
}

function dateRange(event: NegotiationEvent): DayRange | null {
  const start = event.date?.start;
  if (!isIsoDate(start)) return null;
  const end = isIsoDate(event.date?.end) ? (event.date?.end as string) : start;
  return end < start ? { start: end, end: start } : { start, end };
}

export function eventReport(factId: string, documentId: string, published: string | null, event: NegotiationEvent): EventReport {
  const range = dateRange(event);
  const span = range ? daysBetween(range.start, range.end) : null;
  const precise = range && span !== null && span <= eventTuning.preciseSpanDays ? range : null;
  let window: DayRange | null = range && span !== null && span <= eventTuning.maxWindowDays ? range : null;
  if (!window && isIsoDate(published)) {
    window =
      event.status === 'happened'
        ? { start: addDays(published, -eventTuning.happenedLookbackDays), end: addDays(published, eventTuning.slackDays) }
        : { start: addDays(published, -eventTuning.slackDays), end: addDays(published, eventTuning.plannedLookaheadDays) };
  }
  const place = normalisePlace(event.place);
  const placeStated = place !== null && event.evidence.text.toLowerCase().includes(place);
  const vagueHeld = event.status === 'happened' && range !== null && precise === null;
  return { factId, documentId, published, event, placeStated, precise, window, vagueHeld };
}

/** Counts one report into an event's tallies (a report leaving an event is handled by counting the others again). */
export function tallyEvent(tallies: Tallies, report: EventReport): void {
  const { event } = report;
  bump(tallies, 'reports', 'all');
  bump(tallies, 'type', event.type);
  bump(tallies, 'status', event.status);
  for (const party of new Set(event.parties)) bump(tallies, 'party', party);
  for (const participant of new Set(event.participants)) bumpOpen(tallies, 'participant', participant);
  if (event.place) {
    const counter = event.status === 'happened' && report.placeStated ? 'placeStated' : event.status === 'happened' ? 'placeInferred' : 'placePlanned';
    bumpOpen(tallies, counter, event.place.trim());
  }
  if (report.precise) {
    bump(tallies, event.status === 'happened' ? 'heldDate' : 'otherDate', `${report.precise.start}|${report.precise.end}`);
  } else if (report.window && dateRange(event)) {
    bump(tallies, 'otherDate', `${report.window.start}|${report.window.end}`);
  }
  if (report.window) {
    widenDay(tallies, 'windowStart', report.window.start, 'earliest');
    widenDay(tallies, 'windowEnd', report.window.end, 'latest');
  }
  if (event.duration) bumpOpen(tallies, 'duration', event.duration);
  if (event.outcome) bumpOpen(tallies, 'outcome', event.outcome);
  if (report.vagueHeld) bump(tallies, 'vagueHeld', 'reports');
}

function parseRange(key: string): DayRange {
  const [start, end] = key.split('|');
  return { start, end };
}

/** Places grouped case-insensitively, most reported first, each with the spelling most reports use. */
function placesOf(tallies: Tallies, counter: string): { key: string; name: string; reports: number }[] {
  const groups = new Map<string, { name: string; reports: number }>();
  for (const [name, reports] of ranked(tallies, counter)) {
    const key = normalisePlace(name) as string;
    const group = groups.get(key);
    if (!group) groups.set(key, { name, reports });
    else group.reports += reports;
  }
  return [...groups].map(([key, group]) => ({ key, name: group.name, reports: group.reports })).sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
}

/** Whether `place` (the event's chosen place) is one a report states in its own sentence. */
function statedPlaceOf(tallies: Tallies, place: string | null): boolean {
  const key = normalisePlace(place);
  return key !== null && placesOf(tallies, 'placeStated').some((stated) => stated.key === key);
}

/** Reported as held, and only at vague times: no report gives a held day. */
function heldOnlyVaguely(tallies: Tallies): boolean {
  return count(tallies, 'vagueHeld', 'reports') > 0 && ranked(tallies, 'heldDate').length === 0;
}

export interface EventConflicts {
  /** Held dates further apart than one event can span. */
  date: boolean;
  /** Places stated for the held event that differ. */
  place: boolean;
}

/**
 * The held dates reported, grouped into runs of days close enough to be one event. Within a run,
 * a day only a few reports give (under half the best-supported day's reports) does not stretch
 * the run: "Tuesday night" read as Wednesday by one outlet should not make a two-day meeting.
 */
function heldDateClusters(tallies: Tallies): { range: DayRange; reports: number }[] {
  const dates = ranked(tallies, 'heldDate').map(([key, reports]) => ({ range: parseRange(key), reports }));
  dates.sort((a, b) => a.range.start.localeCompare(b.range.start));
  const runs: { range: DayRange; reports: number }[][] = [];
  for (const date of dates) {
    const run = runs[runs.length - 1];
    const runEnd = run ? run.reduce((end, item) => (item.range.end > end ? item.range.end : end), run[0].range.end) : null;
    if (run && runEnd !== null && daysBetween(run[0].range.start, date.range.end) <= eventTuning.preciseSpanDays && daysBetween(runEnd, date.range.start) <= eventTuning.slackDays) {
      run.push(date);
    } else {
      runs.push([date]);
    }
  }
  return runs.map((run) => {
    const best = Math.max(...run.map((item) => item.reports));
    const kept = run.filter((item) => item.reports * 2 >= best);
    return {
      range: {
        start: kept.reduce((start, item) => (item.range.start < start ? item.range.start : start), kept[0].range.start),
        end: kept.reduce((end, item) => (item.range.end > end ? item.range.end : end), kept[0].range.end),
      },
      reports: run.reduce((sum, item) => sum + item.reports, 0),
    };
  });
}

/** The merged event's attributes, date and matching window from its tallies. */
export function deriveEvent(tallies: Tallies): { attributes: MergedEventAttributes; window: DayRange | null; conflicts: EventConflicts } {
  const reports = count(tallies, 'reports', 'all');
  const types = ranked(tallies, 'type');
  const type = (types.length ? [...types].sort((a, b) => b[1] - a[1] || typePriority.indexOf(a[0] as EventType) - typePriority.indexOf(b[0] as EventType))[0][0] : 'meeting') as EventType;
  const status = count(tallies, 'status', 'happened') > 0 ? 'happened' : count(tallies, 'status', 'cancelled') > 0 ? 'cancelled' : 'planned';
  const partyThreshold = Math.max(1, Math.ceil(reports / 3));
  const parties = ranked(tallies, 'party').filter(([, n]) => n >= partyThreshold).map(([party]) => party);
  const participants = ranked(tallies, 'participant').map(([participant]) => participant);
  const stated = placesOf(tallies, 'placeStated');
  const place = stated[0]?.name ?? placesOf(tallies, 'placeInferred')[0]?.name ?? placesOf(tallies, 'placePlanned')[0]?.name ?? null;

  const clusters = heldDateClusters(tallies);
  let date: DayRange | null = null;
  if (clusters.length > 0) {
    date = [...clusters].sort((a, b) => b.reports - a.reports || a.range.start.localeCompare(b.range.start))[0].range;
  } else {
    const others = ranked(tallies, 'otherDate').map(([key, n]) => ({ range: parseRange(key), reports: n }));
    others.sort((a, b) => daysBetween(a.range.start, a.range.end) - daysBetween(b.range.start, b.range.end) || b.reports - a.reports || a.range.start.localeCompare(b.range.start));
    date = others[0]?.range ?? null;
  }
  const precise = date && daysBetween(date.start, date.end) <= eventTuning.preciseSpanDays ? date : null;
  const start = dayOf(tallies, 'windowStart', 'earliest');
  const end = dayOf(tallies, 'windowEnd', 'latest');
  const window = precise ?? (start !== null && end !== null ? { start, end } : null);
  return {
    attributes: {
      type,
      status,
      parties,
      participants,
      place,
      date: date ? { start: date.start, end: date.end } : null,
      duration: top(tallies, 'duration'),
      outcome: top(tallies, 'outcome'),
      placeStated: statedPlaceOf(tallies, place),
      heldVaguely: heldOnlyVaguely(tallies),
    },
    window,
    conflicts: { date: clusters.length > 1, place: stated.length > 1 },
  };
}

/** Each day of a range, in order. */
function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  const end = range.end.slice(0, 10);
  for (let day = range.start.slice(0, 10); day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * What an event is looked up by: its type group with each of its parties and each specific detail
 * (the place, each day of a precise date, the duration, a participant). matchScore accepts a report
 * only when it shares a party and one such detail with the event, so a report looks up the terms of
 * its own parties and details and meets only events it could join.
 */
function lookupTerms(group: string, parties: readonly string[], details: readonly string[]): string[] {
  return parties.flatMap((party) => details.map((detail) => `${group}|${party}|${detail}`));
}

function detailTerms(fields: { place: string | null; days: readonly string[]; duration: string | null; participants: readonly string[] }): string[] {
  const place = normalisePlace(fields.place);
  return [
    ...(place ? [`place:${place}`] : []),
    ...fields.days.map((day) => `day:${day}`),
    ...(fields.duration ? [`duration:${fields.duration}`] : []),
    ...fields.participants.map((participant) => `participant:${participant}`),
  ];
}

/** The terms a merged event is written under. */
export function eventTerms(attributes: MergedEventAttributes): string[] {
  const precise = preciseOf(attributes);
  const details = detailTerms({
    place: attributes.place,
    days: precise ? daysOf(precise) : [],
    duration: attributes.duration,
    participants: attributes.participants.slice(0, eventLookup.termParticipants),
  });
  return lookupTerms(typeGroupOf(attributes.type), attributes.parties, details);
}

/**
 * The terms to look a report's candidates up by: its own parties and details, a precise date widened
 * by the slack matchScore allows; none when it has no detail to agree on (it can then join no event).
 */
export function reportTerms(report: EventReport): string[] {
  const { event } = report;
  const days = report.precise ? daysOf({ start: addDays(report.precise.start, -eventTuning.slackDays), end: addDays(report.precise.end, eventTuning.slackDays) }) : [];
  const details = detailTerms({ place: event.place, days, duration: event.duration, participants: event.participants });
  return lookupTerms(typeGroupOf(event.type), event.parties, details);
}

/** The row to store for an event with these tallies (`derived` from them, when the caller has it already). */
export function eventRow(id: string, story: string | null, tallies: Tallies, derived = deriveEvent(tallies)): MergedFactRow<'event'> {
  const { attributes, window } = derived;
  return {
    id,
    kind: 'event',
    story,
    key: typeGroupOf(attributes.type),
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
    date: attributes.date?.start ?? null,
    attributes,
    tallies,
    terms: eventTerms(attributes),
  };
}

function shared(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  return new Set(b.filter((item) => set.has(item))).size;
}

function preciseOf(attributes: MergedEventAttributes): DayRange | null {
  const date = attributes.date;
  if (!date || !isIsoDate(date.start)) return null;
  const end = isIsoDate(date.end) ? date.end : date.start;
  return daysBetween(date.start, end) <= eventTuning.preciseSpanDays ? { start: date.start, end } : null;
}

function gapDays(a: DayRange, b: DayRange): number {
  if (rangesOverlap(a, b)) return 0;
  return a.end < b.start ? daysBetween(a.end, b.start) : daysBetween(b.end, a.start);
}

/**
 * How well `report` fits the merged event `fact`, or null when it cannot be the same occasion.
 * Parties must overlap (two shared when both name two or more), the dates or windows must meet,
 * and at least one specific detail must agree: a date, the place, the duration or a participant.
 * A stated place that differs (same day, same duration), or held dates a few days apart (same
 * place, and the duration or a participant), are allowed only when the rest agrees closely; they
 * then show as disputed.
 */
export function matchScore(report: EventReport, fact: MergedFactRecord<'event'>): number | null {
  if (typeGroupOf(report.event.type) !== fact.key) return null;
  const attributes = fact.attributes;
  const sharedParties = shared(report.event.parties, attributes.parties);
  const needed = report.event.parties.length >= 2 && attributes.parties.length >= 2 ? 2 : 1;
  if (sharedParties < needed) return null;
  let score = Math.min(sharedParties, 3);
  let specific = false;

  const sharedParticipants = shared(report.event.participants, attributes.participants);
  const sameDuration = report.event.duration !== null && report.event.duration === attributes.duration;
  const corroborated = sameDuration || sharedParticipants > 0;

  const reportPlace = normalisePlace(report.event.place);
  const factPlace = normalisePlace(attributes.place);
  const samePlace = reportPlace !== null && reportPlace === factPlace;
  if (samePlace) {
    score += 2;
    specific = true;
  }

  const factPrecise = preciseOf(attributes);
  let dateConflict = false;
  let sameDay = false;
  if (report.precise && factPrecise) {
    if (rangesOverlap(report.precise, factPrecise, eventTuning.slackDays)) {
      sameDay = report.precise.start === factPrecise.start && report.precise.end === factPrecise.end;
      score += sameDay ? 2 : 1;
      specific = true;
    } else if (report.event.status === 'happened' && attributes.status === 'happened' && gapDays(report.precise, factPrecise) <= eventTuning.conflictGapDays) {
      dateConflict = true;
    } else {
      return null;
    }
  } else {
    const factWindow = fact.windowStart && fact.windowEnd ? { start: fact.windowStart, end: fact.windowEnd } : null;
    if (!report.window || !factWindow || !rangesOverlap(report.window, factWindow, eventTuning.slackDays)) return null;
  }

  if (sameDuration) {
    score += 1;
    specific = true;
  }
  if (sharedParticipants > 0) {
    score += Math.min(sharedParticipants, 2);
    specific = true;
  }
  if (!specific || score < eventTuning.minScore) return null;
  if (dateConflict && !(samePlace && sharedParties >= 2 && corroborated)) return null;
  // The rules below may read the fact's tallies (events stored before their attributes said it), so they come last.
  // Two stated places on the same day are one event only when the duration agrees too.
  const placeConflict = reportPlace !== null && factPlace !== null && !samePlace && report.placeStated && (attributes.placeStated ?? statedPlaceOf(fact.tallies, attributes.place));
  if (placeConflict && !(sameDay && sharedParties >= 2 && sameDuration)) return null;
  // A held event dated only vaguely (on either side) joins on its place or duration, never on a shared participant alone.
  if (!samePlace && !sameDuration && (report.vagueHeld || (attributes.heldVaguely ?? heldOnlyVaguely(fact.tallies)))) return null;
  return score;
}

/** The day window to look for candidate events in, generous enough for the date-conflict rule, and the day candidates are ranked nearest to. */
export function candidateWindow(report: EventReport): { from: string; to: string; startsAfter: string; near: string } | null {
  if (!report.window) return null;
  const reach = eventTuning.slackDays + eventTuning.conflictGapDays;
  const from = addDays(report.window.start, -reach);
  return { from, to: addDays(report.window.end, reach), startsAfter: addDays(from, -eventTuning.maxWindowDays), near: report.window.start };
}

/** Orders candidates: best score, then most documents, then id (so ties resolve the same way every run). */
export function bestMatch(report: EventReport, candidates: readonly MergedFactRecord<'event'>[], exclude: ReadonlySet<string>): MergedFactRecord<'event'> | null {
  let best: { fact: MergedFactRecord<'event'>; score: number } | null = null;
  for (const fact of candidates) {
    if (exclude.has(fact.id)) continue;
    const score = matchScore(report, fact);
    if (score === null) continue;
    if (!best || score > best.score || (score === best.score && (fact.documentCount > best.fact.documentCount || (fact.documentCount === best.fact.documentCount && fact.id < best.fact.id)))) {
      best = { fact, score };
    }
  }
  return best?.fact ?? null;
}
