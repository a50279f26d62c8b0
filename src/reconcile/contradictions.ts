// Finds where sources disagree: event dates and places, numbers for a measure, roles against the knowledge base, opposite acts within days.
import type { Evidence, Message, Quantity, Sentence, Stance, StanceAct } from '../doc/types.ts';
import { spanOf } from '../doc/span.ts';
import type { ContradictionRow, ContradictionSide, MergedEventAttributes } from '../store/store.ts';
import { stableId } from './hashing.ts';
import { daysBetween, isIsoDate } from './iso-days.ts';
import { measureOf } from './measures.ts';

/**
 * - Opposite acts (accept against reject, support against oppose) by one party on one issue count
 *   as a contradiction only when reported within `oppositeActDays` of each other by different
 *   sources, and when one side is corroborated by at least `oppositeActSources` independent
 *   sources: one article's reading against another's is too often two sides of a mixed position.
 *   Further apart, opposite acts are a shift of position, not a contradiction.
 * - Stances too weak to stand on their own (hedged, or below `minStanceConfidence`) take no side.
 * - Two figures for one measure are compared only when reported within `numberDays` and no more
 *   than `numberRatio` apart (a tenfold gap is a different count, not a disagreement).
 */
export const contradictionTuning = { oppositeActDays: 3, oppositeActSources: 2, minStanceConfidence: 0.5, numberDays: 7, numberRatio: 3, sideEvidence: 6 };

const polarity: Record<StanceAct, number> = { accept: 1, support: 1, reject: -1, oppose: -1, demand: 0, propose: 0 };
const opposite: Partial<Record<StanceAct, StanceAct>> = { accept: 'reject', reject: 'accept', support: 'oppose', oppose: 'support' };

/** +1 for accepting or supporting, -1 for rejecting or opposing, 0 for demands and proposals (which push a position rather than answer one). */
export function stancePolarity(act: StanceAct): number {
  return polarity[act];
}

/** The act that contradicts `act`, if any. */
export function oppositeAct(act: StanceAct): StanceAct | null {
  return opposite[act] ?? null;
}

/** One document's report, as a contradiction cites it. */
export interface SideReport {
  documentId: string;
  published: string | null;
  sourceGroup: string;
  evidence: Evidence;
}

export function contradictionId(subject: string): string {
  return stableId('cx', subject);
}

function sideOf(claim: string, reports: readonly SideReport[]): ContradictionSide {
  const seen = new Set<string>();
  const evidence = [];
  for (const report of reports) {
    const key = `${report.documentId}@${report.evidence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push({ documentId: report.documentId, start: report.evidence.start, end: report.evidence.end, text: report.evidence.text });
    if (evidence.length >= contradictionTuning.sideEvidence) break;
  }
  return { claim, evidence };
}

/** Sides must come from at least two source groups: a wire story cannot disagree with its own rewrite. */
function independentSides(groups: { claim: string; reports: SideReport[] }[]): ContradictionSide[] | null {
  const filled = groups.filter((group) => group.reports.length > 0);
  if (filled.length < 2) return null;
  const sourceGroups = new Set(filled.flatMap((group) => group.reports.map((report) => report.sourceGroup)));
  if (sourceGroups.size < 2) return null;
  return filled.map((group) => sideOf(group.claim, group.reports));
}

/** "talks in Moscow on 2025-12-02 (Russia, United States)": how a dispute names an event. */
export function eventLabel(attributes: MergedEventAttributes, options: { withPlace?: boolean; withDate?: boolean } = {}): string {
  const parts: string[] = [attributes.type];
  if (options.withPlace !== false && attributes.place) parts.push(`in ${attributes.place}`);
  if (options.withDate !== false && attributes.date?.start) {
    parts.push(attributes.date.end && attributes.date.end !== attributes.date.start ? `on ${attributes.date.start} to ${attributes.date.end}` : `on ${attributes.date.start}`);
  }
  if (attributes.parties.length > 0) parts.push(`(${attributes.parties.join(', ')})`);
  return parts.join(' ');
}

export interface DatedClaimReport extends SideReport {
  claim: string;
}

/** A date or place dispute of one merged event, from its reports' claims; null when the claims agree or come from one source. */
export function eventDispute(eventId: string, story: string | null, attributes: MergedEventAttributes, aspect: 'date' | 'place', reports: readonly DatedClaimReport[]): ContradictionRow | null {
  const byClaim = new Map<string, SideReport[]>();
  for (const report of reports) byClaim.set(report.claim, [...(byClaim.get(report.claim) ?? []), report]);
  const groups = [...byClaim].map(([claim, side]) => ({ claim, reports: side })).sort((a, b) => b.reports.length - a.reports.length || a.claim.localeCompare(b.claim));
  const sides = independentSides(groups);
  if (!sides) return null;
  const subject = `event:${eventId}:${aspect}`;
  const about = `${eventLabel(attributes, { withPlace: aspect !== 'place', withDate: aspect !== 'date' })}: ${aspect}`;
  return { id: contradictionId(subject), subject, kind: aspect, about, story, sides };
}

export interface QuantityReport extends SideReport {
  quantity: Quantity;
}

// One formatter for every figure: toLocaleString builds a new one on each call.
const figureFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function formatValue(value: number): string {
  return figureFormat.format(value);
}

/** The same figure given for different measures ("killed" against "killed or injured"). */
export function measureDispute(factId: string, story: string | null, value: number, unit: string | null, reports: readonly QuantityReport[]): ContradictionRow | null {
  const byMeasure = new Map<string, SideReport[]>();
  for (const report of reports) {
    const measure = measureOf(report.quantity);
    if (measure) byMeasure.set(measure, [...(byMeasure.get(measure) ?? []), report]);
  }
  const figure = [formatValue(value), unit].filter(Boolean).join(' ');
  const groups = [...byMeasure].map(([measure, side]) => ({ claim: measure, reports: side })).sort((a, b) => b.reports.length - a.reports.length || a.claim.localeCompare(b.claim));
  const sides = independentSides(groups);
  if (!sides) return null;
  const subject = `quantity:${factId}:measure`;
  return { id: contradictionId(subject), subject, kind: 'number', about: figure, story, sides };
}

/**
 * Different figures for one measure reported within days of each other ("14,000 killed" against
 * "12,000 killed"). A document that gives both figures knows they differ (two counts, two
 * dates), so figures that share a document are not set against each other.
 */
export function valueDispute(story: string | null, unit: string | null, measure: string, figures: readonly { value: number; reports: QuantityReport[] }[]): ContradictionRow | null {
  const usable = figures.filter((figure) => figure.reports.length > 0);
  if (usable.length < 2) return null;
  const docsOf = (figure: { reports: QuantityReport[] }) => new Set(figure.reports.map((report) => report.documentId));
  const kept = usable.filter((figure, i) =>
    usable.some((other, j) => {
      if (i === j) return false;
      const ratio = Math.max(figure.value, other.value) / Math.max(Math.min(figure.value, other.value), Number.EPSILON);
      if (ratio > contradictionTuning.numberRatio) return false;
      const mine = docsOf(figure);
      if ([...docsOf(other)].some((id) => mine.has(id))) return false;
      return figure.reports.some((a) => other.reports.some((b) => withinDays(a.published, b.published, contradictionTuning.numberDays)));
    }),
  );
  const groups = kept
    .map((figure) => ({ claim: `${[formatValue(figure.value), unit].filter(Boolean).join(' ')} ${measure}`, reports: figure.reports }))
    .sort((a, b) => b.reports.length - a.reports.length || a.claim.localeCompare(b.claim));
  const sides = independentSides(groups);
  if (!sides) return null;
  const subject = `quantity:${story ?? ''}:${(unit ?? '').toLowerCase()}:${measure}`;
  return { id: contradictionId(subject), subject, kind: 'number', about: [unit, measure].filter(Boolean).join(' '), story, sides };
}

function withinDays(a: string | null, b: string | null, days: number): boolean {
  return isIsoDate(a) && isIsoDate(b) && Math.abs(daysBetween(a, b)) <= days;
}

export interface StanceReport extends SideReport {
  stance: Stance;
}

/**
 * Opposite acts by one party on one issue reported within days by different sources. A document
 * that reports both acts itself is left out: it describes a mixed position, not a disagreement.
 */
export function oppositeActsDispute(story: string | null, party: string, issue: string, reports: readonly StanceReport[]): ContradictionRow | null {
  const usable = reports.filter((report) => !report.stance.hedged && report.stance.confidence >= contradictionTuning.minStanceConfidence && stancePolarity(report.stance.act) !== 0);
  const polaritiesByDoc = new Map<string, Set<number>>();
  for (const report of usable) {
    const set = polaritiesByDoc.get(report.documentId) ?? new Set<number>();
    set.add(stancePolarity(report.stance.act));
    polaritiesByDoc.set(report.documentId, set);
  }
  const clear = usable.filter((report) => polaritiesByDoc.get(report.documentId)?.size === 1);
  const opposed = (a: StanceReport, b: StanceReport) =>
    oppositeAct(a.stance.act) === b.stance.act && a.sourceGroup !== b.sourceGroup && withinDays(a.published, b.published, contradictionTuning.oppositeActDays);
  const inConflict = clear.filter((a) => clear.some((b) => opposed(a, b)));
  const positive = inConflict.filter((report) => stancePolarity(report.stance.act) > 0);
  const negative = inConflict.filter((report) => stancePolarity(report.stance.act) < 0);
  const sourcesOf = (side: StanceReport[]) => new Set(side.map((report) => report.sourceGroup)).size;
  if (Math.max(sourcesOf(positive), sourcesOf(negative)) < contradictionTuning.oppositeActSources) return null;
  const claim = (side: StanceReport[]) => `${party} ${[...new Set(side.map((report) => report.stance.act))].sort().join(' / ')}`;
  const sides = independentSides([
    { claim: claim(positive), reports: positive },
    { claim: claim(negative), reports: negative },
  ]);
  if (!sides) return null;
  const subject = `acts:${story ?? ''}:${party}:${issue}`;
  return { id: contradictionId(subject), subject, kind: 'opposite-acts', about: `${party} on ${issue}`, story, sides };
}

/** The sentence around a place in the text, as evidence (the place itself when no sentence holds it). */
export function sentenceEvidence(text: string, sentences: readonly Sentence[], place: { start: number; end: number }): Evidence {
  const sentence = sentences.find((s) => s.start <= place.start && place.end <= s.end);
  return sentence ? spanOf(text, sentence.start, sentence.end) : spanOf(text, place.start, place.end);
}

/** A role the entity stage found at odds with the knowledge base: the phrase as written, and what the knowledge base says. */
export function roleConflictOf(message: Message): { phrase: string; knowledge: string } | null {
  if (message.rule !== 'entities:role-conflict' || !message.place) return null;
  const match = /^"(.+?)":\s*(.+)$/s.exec(message.reason);
  if (!match) return { phrase: message.reason, knowledge: message.reason };
  return { phrase: match[1], knowledge: match[2] };
}

/** The dispute for a role phrase: the articles that use it on one side, the knowledge base on the other. */
export function roleDispute(story: string | null, phrase: string, knowledge: string, reports: readonly SideReport[]): ContradictionRow {
  const subject = `role:${phrase.toLowerCase().replace(/\s+/g, ' ')}`;
  return {
    id: contradictionId(subject),
    subject,
    kind: 'role',
    about: phrase,
    story,
    sides: [sideOf(phrase, reports), { claim: `knowledge base: ${knowledge}`, evidence: [] }],
  };
}
