// Merges the mentions of one event within a document: same kind, same parties, compatible place, date and sitting; keeps the fullest.
import type { DateValue, EventStatus, EventType, NegotiationEvent } from '../doc/types.ts';
import { MEETING_FAMILY, ploverCode } from './event-lexicon.ts';
import type { EventMention } from './event-mentions.ts';
import type { PlaceRef } from './event-actors.ts';
import { dayNumber, type DayNumber } from './date-math.ts';

export interface MergeOptions {
  /** Publication day (ISO): an event dated after it is planned, whatever the tense of its mentions. */
  published?: string | null;
}

/** Events of one family can be mentions of one event: a visit for talks is also the meeting. */
type Family = 'meeting' | Exclude<EventType, 'meeting' | 'talks' | 'visit' | 'summit'>;

interface Cluster {
  family: Family;
  mentions: EventMention[];
  parties: string[];
  /** What the mentions say, kept without repeats so that checking a new mention costs little however many there are. */
  places: PlaceRef[];
  dates: { date: DateValue; planned: boolean }[];
  durations: Set<string>;
  ordinals: Set<string>;
  happened: boolean;
  planned: boolean;
  distinct: boolean;
  distinctPlan: boolean;
  /** Offsets of the mentions' triggers, sorted. */
  positions: number[];
}

const WIDEST_USEFUL_DATE_DAYS = 31;

function familyOf(type: EventType): Family {
  return MEETING_FAMILY.has(type) ? 'meeting' : (type as Family);
}

/** The day number of an ISO date the dates stage wrote (always YYYY-MM-DD). */
function dayOf(iso: string): DayNumber {
  return dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** A date narrow enough to tell sittings apart (not "since 2015"). */
function usableDate(date: DateValue | null): DateValue | null {
  if (date === null || date.start === null || date.end === null) return null;
  return dayOf(date.end) - dayOf(date.start) + 1 <= WIDEST_USEFUL_DATE_DAYS ? date : null;
}

function datesCompatible(a: DateValue | null, b: DateValue | null, bothPlanned: boolean): boolean {
  // Even a wide date ("in 2020") rules out an event it does not overlap.
  const left = a !== null && a.start !== null && a.end !== null ? a : null;
  const right = b !== null && b.start !== null && b.end !== null ? b : null;
  if (left === null || right === null) return true;
  const gap = Math.max(dayOf(left.start as string), dayOf(right.start as string)) - Math.min(dayOf(left.end as string), dayOf(right.end as string));
  // A plan may be told as "this week" in one line and "next week" in another.
  return gap <= (bothPlanned ? 7 : 0);
}

/** Whether two places can be where one event was held: the same, or one inside the other as far as we know. */
export function placesCompatible(a: PlaceRef | null, b: PlaceRef | null): boolean {
  if (a === null || b === null || a.name === b.name) return true;
  const [wide, narrow] = a.specificity <= b.specificity ? [a, b] : [b, a];
  if (wide.specificity === 1) return narrow.country === null || narrow.country === wide.name;
  if (wide.specificity >= 3 && narrow.specificity === 3) return false;
  return narrow.country === null || wide.country === null || narrow.country === wide.country;
}

function ordinalsConflict(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return a.split(':')[0] === b.split(':')[0] && a !== b;
}

function sharedParties(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (const party of a) if (b.includes(party)) shared++;
  return shared;
}

/** The parties a mention stands for: those it names, and the host of its venue. */
function partiesOf(mention: EventMention): string[] {
  // A bare reference held in a capital ("the Lima talks") need not share the host: the host may go unnamed elsewhere.
  return mention.host === null || mention.parties.length === 0 ? mention.parties : [...mention.parties, mention.host];
}

/** Whether a mention's tense fits an event dated wholly before or after publication ("the talks were productive" is no plan for next week). */
function tenseFits(cluster: Cluster, mention: EventMention, published: string | null): boolean {
  if (published === null || mention.status === 'cancelled') return true;
  for (const entry of cluster.dates) if (!dateFitsTense(entry.date, cluster, mention, published)) return false;
  return dateFitsTense(mention.date, cluster, mention, published);
}

function dateFitsTense(value: DateValue | null, cluster: Cluster, mention: EventMention, published: string): boolean {
  const date = usableDate(value);
  if (date === null) return true;
  if (mention.status === 'happened' && (date.start as string) > published) return false;
  return !(mention.status === 'planned' && (date.end as string) < published && !cluster.planned);
}

function compatible(cluster: Cluster, mention: EventMention, published: string | null): boolean {
  if (cluster.family !== familyOf(mention.type)) return false;
  if (!tenseFits(cluster, mention, published)) return false;
  const parties = partiesOf(mention);
  if (parties.length > 0) {
    const need = Math.min(2, parties.length, cluster.parties.length);
    if (need === 0 || sharedParties(parties, cluster.parties) < need) return false;
  }
  // "another round", "an earlier round", "the next meeting" is not the event already reported.
  if (mention.distinct && !cluster.distinct) return false;
  if ((mention.distinct || mention.next) && mention.status === 'planned' && cluster.happened) return false;
  if (cluster.distinctPlan && mention.status === 'happened') return false;
  if (cluster.places.some((place) => !placesCompatible(place, mention.place))) return false;
  const planned = mention.status === 'planned';
  if (cluster.dates.some((entry) => !datesCompatible(entry.date, mention.date, entry.planned && planned))) return false;
  if (mention.duration !== null && cluster.durations.size > 0 && !cluster.durations.has(mention.duration)) return false;
  if (mention.ordinal !== null) for (const ordinal of cluster.ordinals) if (ordinalsConflict(ordinal, mention.ordinal)) return false;
  return true;
}

/** Index of the first position not below `at` (binary search). */
function positionIndex(positions: readonly number[], at: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positions[middle] < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

function distanceTo(cluster: Cluster, at: number): number {
  const index = positionIndex(cluster.positions, at);
  const after = cluster.positions[index];
  const before = cluster.positions[index - 1];
  return Math.min(after === undefined ? Infinity : after - at, before === undefined ? Infinity : at - before);
}

/** The compatible cluster sharing most parties with the mention, the nearest in the text among equals. */
function bestCluster(clusters: readonly Cluster[], mention: EventMention, published: string | null): Cluster | null {
  let best: Cluster | null = null;
  let bestShared = -1;
  let bestDistance = Infinity;
  for (const cluster of clusters) {
    if (!compatible(cluster, mention, published)) continue;
    const shared = sharedParties(partiesOf(mention), cluster.parties);
    const distance = distanceTo(cluster, mention.at);
    if (shared > bestShared || (shared === bestShared && distance < bestDistance)) {
      best = cluster;
      bestShared = shared;
      bestDistance = distance;
    }
  }
  return best;
}

function addTo(cluster: Cluster, mention: EventMention): void {
  cluster.mentions.push(mention);
  for (const party of mention.parties) if (!cluster.parties.includes(party)) cluster.parties.push(party);
  if (mention.host !== null && !cluster.parties.includes(mention.host)) cluster.parties.push(mention.host);
  const { place, date } = mention;
  if (place !== null && !cluster.places.some((known) => known.name === place.name)) cluster.places.push(place);
  const planned = mention.status === 'planned';
  if (date !== null && date.start !== null && date.end !== null) {
    const known = cluster.dates.some((entry) => entry.planned === planned && entry.date.start === date.start && entry.date.end === date.end);
    if (!known) cluster.dates.push({ date, planned });
  }
  if (mention.duration !== null) cluster.durations.add(mention.duration);
  if (mention.ordinal !== null) cluster.ordinals.add(mention.ordinal);
  cluster.happened ||= mention.status === 'happened';
  cluster.planned ||= planned;
  cluster.distinct ||= mention.distinct;
  cluster.distinctPlan ||= mention.distinct && planned;
  cluster.positions.splice(positionIndex(cluster.positions, mention.at), 0, mention.at);
}

function newCluster(mention: EventMention, parties: readonly string[]): Cluster {
  const cluster: Cluster = {
    family: familyOf(mention.type),
    mentions: [],
    parties: [...parties],
    places: [],
    dates: [],
    durations: new Set(),
    ordinals: new Set(),
    happened: false,
    planned: false,
    distinct: false,
    distinctPlan: false,
    positions: [],
  };
  addTo(cluster, mention);
  return cluster;
}

/** Enough to tell a sitting of a negotiation apart from the main one: a length or an ordinal ("the first day, which lasted six hours"). */
function hasDetail(mention: EventMention): boolean {
  return mention.duration !== null || mention.ordinal !== null;
}

/** "A further round is planned": the next sitting of the negotiation the document is about. */
function isNextSitting(mention: EventMention): boolean {
  return mention.next && mention.status === 'planned';
}

/** The cluster the document is mostly about in a family: the one with most mentions, the earliest among equals. */
function mainCluster(clusters: readonly Cluster[], family: Family): Cluster | null {
  let main: Cluster | null = null;
  for (const cluster of clusters) {
    if (cluster.family !== family || cluster.parties.length < 2) continue;
    if (main === null || cluster.mentions.length > main.mentions.length) main = cluster;
  }
  return main;
}

/**
 * Groups mentions into events. Mentions naming two or more parties go first; then those naming one, which join an
 * event with that party or, when the main event of the document includes it, stand as a sitting of that negotiation;
 * then bare references ("the talks", "Thursday's meeting"), which join the nearest compatible event.
 */
function clusterMentions(mentions: readonly EventMention[], options?: MergeOptions): Cluster[] {
  const published = options?.published ?? null;
  const clusters: Cluster[] = [];
  for (const mention of mentions) {
    if (mention.parties.length < 2 || mention.weak) continue;
    const target = bestCluster(clusters, mention, published);
    if (target !== null) addTo(target, mention);
    else clusters.push(newCluster(mention, mention.parties));
  }
  for (const mention of mentions) {
    if (mention.parties.length !== 1 || mention.weak) continue;
    const target = bestCluster(clusters, mention, published);
    if (target !== null) {
      addTo(target, mention);
      continue;
    }
    const main = mainCluster(clusters, familyOf(mention.type));
    if (main !== null && main.family === 'meeting' && isNextSitting(mention)) {
      clusters.push(newCluster(mention, main.parties));
      continue;
    }
    const inherits = main !== null && main.family === 'meeting' && main.parties.includes(mention.parties[0]) && hasDetail(mention);
    clusters.push(newCluster(mention, inherits && main !== null ? main.parties : mention.parties));
  }
  for (const mention of mentions) {
    if (mention.parties.length !== 0 && !mention.weak) continue;
    const target = nearestCompatible(clusters, mention, published);
    if (target !== null) {
      addTo(target, mention);
      continue;
    }
    const main = mainCluster(clusters, familyOf(mention.type));
    // A bare reference stands as its own sitting only when it says where or how long ("a round held in Paris"), or that it is the next one.
    const sitting = mention.type !== 'visit';
    if (main !== null && sitting && (mention.place !== null || mention.duration !== null || (main.family === 'meeting' && isNextSitting(mention)))) {
      clusters.push(newCluster(mention, main.parties));
    }
  }
  return clusters;
}

/** For a bare reference: the compatible event mentioned nearest before it, else the nearest after. */
function nearestCompatible(clusters: readonly Cluster[], mention: EventMention, published: string | null): Cluster | null {
  let before: { cluster: Cluster; distance: number } | null = null;
  let after: { cluster: Cluster; distance: number } | null = null;
  for (const cluster of clusters) {
    // A bare reference points at an event between parties, not at a one-party aside.
    if (cluster.parties.length < 2 || !compatible(cluster, mention, published)) continue;
    const index = positionIndex(cluster.positions, mention.at + 1);
    const earlier = cluster.positions[index - 1];
    const later = cluster.positions[index];
    if (earlier !== undefined && (before === null || mention.at - earlier < before.distance)) before = { cluster, distance: mention.at - earlier };
    if (later !== undefined && (after === null || later - mention.at < after.distance)) after = { cluster, distance: later - mention.at };
  }
  return before?.cluster ?? after?.cluster ?? null;
}

function detail(mention: EventMention): number {
  return (
    mention.parties.length +
    (mention.place !== null ? 1 : 0) +
    (mention.date !== null ? 1 : 0) +
    (mention.duration !== null ? 1 : 0) +
    (mention.participants.length > 0 ? 0.5 : 0)
  );
}

/** The type most mentions give, verbs and visits with a destination counting double; the first mentioned among equals. */
function pickType(ordered: readonly EventMention[]): EventType {
  const weights = new Map<EventType, number>();
  for (const mention of ordered) weights.set(mention.type, (weights.get(mention.type) ?? 0) + mention.typeWeight);
  let best = ordered[0].type;
  for (const [type, weight] of weights) if (weight > (weights.get(best) ?? 0)) best = type;
  return best;
}

function pickStatus(cluster: Cluster, date: DateValue | null, published: string | null): EventStatus {
  if (cluster.mentions.some((mention) => mention.status === 'cancelled')) return 'cancelled';
  if (published !== null && date !== null && date.start !== null && date.start > published) return 'planned';
  return cluster.mentions.some((mention) => mention.status === 'happened') ? 'happened' : 'planned';
}

function pickPlace(cluster: Cluster): PlaceRef | null {
  let best: PlaceRef | null = null;
  for (const mention of cluster.mentions) {
    if (mention.place !== null && (best === null || mention.place.specificity > best.specificity)) best = mention.place;
  }
  return best;
}

/** The narrowest date any mention gives (mentions of one event have overlapping dates, so the narrowest is the best told); the first among equals. */
function pickDate(ordered: readonly EventMention[]): DateValue | null {
  let best: DateValue | null = null;
  let bestWidth = Infinity;
  for (const mention of ordered) {
    const date = mention.date;
    if (date === null || date.start === null || date.end === null) continue;
    const width = dayOf(date.end) - dayOf(date.start);
    if (width < bestWidth) {
      best = date;
      bestWidth = width;
    }
  }
  return best;
}

/** How well a mention serves as an event's evidence: its detail, and whether it tells the event's status. */
function evidenceScore(mention: EventMention, status: EventStatus): number {
  return detail(mention) + (mention.status === status ? 1 : 0);
}

/** One event per cluster, with the evidence of its fullest mention and gaps filled from the others. */
function eventOf(cluster: Cluster, options?: MergeOptions): NegotiationEvent {
  const published = options?.published ?? null;
  const ordered = [...cluster.mentions].sort((a, b) => a.at - b.at);
  const date = pickDate(ordered);
  const status = pickStatus(cluster, date, published);
  // The evidence is the fullest mention that tells the event as it stands (a report of the talks, not their announcement).
  let representative = ordered[0];
  let representativeScore = evidenceScore(representative, status);
  for (const mention of ordered) {
    const score = evidenceScore(mention, status);
    if (score > representativeScore) {
      representative = mention;
      representativeScore = score;
    }
  }
  const type = pickType(ordered);
  const participants: string[] = [];
  for (const mention of ordered) for (const person of mention.participants) if (!participants.includes(person)) participants.push(person);
  const modes = ordered.filter((mention) => mention.type === type && mention.mode !== null).map((mention) => mention.mode as string);
  const mode = modes.includes('host') && type === 'meeting' ? 'host' : (modes[0] ?? null);
  const event: NegotiationEvent = {
    type,
    status,
    parties: [...cluster.parties],
    participants,
    place: pickPlace(cluster)?.name ?? null,
    date,
    duration: representative.duration ?? ordered.find((mention) => mention.duration !== null)?.duration ?? null,
    outcome: representative.outcome ?? ordered.find((mention) => mention.outcome !== null)?.outcome ?? null,
    evidence: representative.evidence,
  };
  const plover = ploverCode(type, mode);
  if (plover !== null) event.plover = plover;
  return event;
}

/** The events of a document from its mentions: merged, and kept only when they name enough parties to be an event between them. */
export function mergeEventMentions(mentions: readonly EventMention[], options?: MergeOptions): NegotiationEvent[] {
  const events: NegotiationEvent[] = [];
  for (const cluster of clusterMentions(mentions, options)) {
    const needed = cluster.family === 'meeting' || cluster.family === 'call' || cluster.family === 'agreement' ? 2 : 1;
    if (cluster.parties.length >= needed) events.push(eventOf(cluster, options));
  }
  return events.sort((a, b) => a.evidence.start - b.evidence.start);
}
