// Scores an extraction against gold annotations by the rules of EVALUATION.md, exactly as the reference eval/score.py does.
import { canonicalParty, isMeetingType, normalizeText, partyMatches } from './normalize.ts';
import { dateMatches } from './dates.ts';
import { floatLikePython, isTruthy, roundLikePython } from './python-values.ts';
import type { GoldDocument, GoldEvent, GoldPerson, PredictedDocument, PredictedEntity, PredictedEvent } from './schema.ts';

/** Counts and rates of one kind of fact; rates are rounded to three decimals. */
export interface FactScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The metrics, keyed as score.py prints them in --json so that the two outputs compare field by field. */
export interface EvalMetrics {
  persons: FactScore;
  stances: FactScore;
  events: FactScore;
  quotes: FactScore;
  quantities: FactScore;
  /** Share of matched persons whose party is right; null when gold names no party for any of them. */
  person_party_accuracy: number | null;
  stance_act_accuracy: number | null;
  event_date_accuracy: number | null;
  quote_speaker_accuracy: number | null;
  boilerplate_removed: number | null;
  /** Extra persons that gold lists as not persons (bylines, boilerplate names). */
  not_person_hits: number;
  /** Gold documents with no prediction. */
  missing_docs: number;
}

export type EvalCategory = 'documents' | 'persons' | 'stances' | 'events' | 'quotes' | 'quantities' | 'boilerplate';

/** One miss, false positive or wrong attribute, so a user can see why a score is what it is. */
export interface EvalFinding {
  /** The gold document's file name. */
  file: string;
  category: EvalCategory;
  kind: 'missed' | 'extra' | 'wrong';
  message: string;
}

export interface EvalReport {
  metrics: EvalMetrics;
  /** In the order score.py logs them: gold document by gold document. */
  findings: EvalFinding[];
}

type FactKey = 'persons' | 'stances' | 'events' | 'quotes' | 'quantities';

interface Tally {
  counts: Record<FactKey, { tp: number; fp: number; fn: number }>;
  partyOk: number;
  partyTotal: number;
  actsOk: number;
  actsTotal: number;
  dateOk: number;
  dateTotal: number;
  speakerOk: number;
  speakerTotal: number;
  absentOk: number;
  absentTotal: number;
  notPersonHits: number;
  missingDocs: number;
}

/** The name a prediction is matched to gold by: its file (or path, or id), without folders. */
export function documentKey(doc: PredictedDocument): string {
  const name = doc.file || doc.path || doc.id || '';
  return name.split('/').at(-1) ?? '';
}

/** Every non-empty normalised name an entity goes by: its name, aliases and mention texts. */
function predictedPersonNames(entity: PredictedEntity): Set<string> {
  const names = new Set([normalizeText(entity.name)]);
  for (const alias of entity.aliases ?? []) names.add(normalizeText(alias));
  for (const mention of entity.mentions ?? []) {
    if (mention === null || typeof mention !== 'object' || Array.isArray(mention)) continue;
    const text = (mention as { text?: unknown }).text;
    if (isTruthy(text) && typeof text === 'string') names.add(normalizeText(text));
  }
  names.delete('');
  return names;
}

function goldPersonNames(person: GoldPerson): Set<string> {
  return new Set([normalizeText(person.name), ...(person.aliases ?? []).map((alias) => normalizeText(alias))]);
}

function lastWord(name: string): string {
  return name.split(' ').at(-1) ?? '';
}

/** Same person when a name is shared, or a last word longer than three characters ("Zelenskyy" spelt alike). */
export function samePerson(predictedNames: ReadonlySet<string>, goldNames: ReadonlySet<string>): boolean {
  for (const name of predictedNames) if (goldNames.has(name)) return true;
  const goldLast = new Set([...goldNames].map(lastWord));
  // Characters are counted as Python counts them: by code point.
  return [...predictedNames].map(lastWord).some((word) => goldLast.has(word) && [...word].length > 3);
}

function rate(tp: number, fp: number, fn: number): Pick<FactScore, 'precision' | 'recall' | 'f1'> {
  const precision = tp + fp > 0 ? tp / (tp + fp) : fn === 0 ? 1 : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: roundLikePython(precision, 3), recall: roundLikePython(recall, 3), f1: roundLikePython(f1, 3) };
}

function ratio(ok: number, total: number): number | null {
  return total > 0 ? roundLikePython(ok / total, 3) : null;
}

function quoted(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Scores `predictions` against `gold` (gold documents may come from several files). */
export function scoreExtraction(predictions: readonly PredictedDocument[], gold: readonly GoldDocument[]): EvalReport {
  const byKey = new Map<string, PredictedDocument>();
  for (const doc of predictions) byKey.set(documentKey(doc), doc); // a later document with the same name wins
  const tally: Tally = {
    counts: {
      persons: { tp: 0, fp: 0, fn: 0 },
      stances: { tp: 0, fp: 0, fn: 0 },
      events: { tp: 0, fp: 0, fn: 0 },
      quotes: { tp: 0, fp: 0, fn: 0 },
      quantities: { tp: 0, fp: 0, fn: 0 },
    },
    partyOk: 0,
    partyTotal: 0,
    actsOk: 0,
    actsTotal: 0,
    dateOk: 0,
    dateTotal: 0,
    speakerOk: 0,
    speakerTotal: 0,
    absentOk: 0,
    absentTotal: 0,
    notPersonHits: 0,
    missingDocs: 0,
  };
  const findings: EvalFinding[] = [];
  for (const goldDoc of gold) {
    const found = byKey.get(goldDoc.file);
    const note = (category: EvalCategory, kind: EvalFinding['kind'], message: string) => findings.push({ file: goldDoc.file, category, kind, message });
    if (found === undefined) {
      tally.missingDocs += 1;
      note('documents', 'missed', 'no prediction');
    }
    const doc: PredictedDocument = found ?? {};
    scorePersons(doc, goldDoc, tally, note);
    scoreStances(doc, goldDoc, tally, note);
    scoreEvents(doc, goldDoc, tally, note);
    scoreQuotes(doc, goldDoc, tally, note);
    scoreQuantities(doc, goldDoc, tally, note);
    scoreBoilerplate(doc, goldDoc, tally, note);
  }
  const factScore = (key: FactKey): FactScore => {
    const { tp, fp, fn } = tally.counts[key];
    return { tp, fp, fn, ...rate(tp, fp, fn) };
  };
  return {
    metrics: {
      persons: factScore('persons'),
      stances: factScore('stances'),
      events: factScore('events'),
      quotes: factScore('quotes'),
      quantities: factScore('quantities'),
      person_party_accuracy: ratio(tally.partyOk, tally.partyTotal),
      stance_act_accuracy: ratio(tally.actsOk, tally.actsTotal),
      event_date_accuracy: ratio(tally.dateOk, tally.dateTotal),
      quote_speaker_accuracy: ratio(tally.speakerOk, tally.speakerTotal),
      boilerplate_removed: ratio(tally.absentOk, tally.absentTotal),
      not_person_hits: tally.notPersonHits,
      missing_docs: tally.missingDocs,
    },
    findings,
  };
}

type Note = (category: EvalCategory, kind: EvalFinding['kind'], message: string) => void;

/** Gold persons matched greedily, in gold order, to the first unmatched predicted person; the rest are false positives. */
function scorePersons(doc: PredictedDocument, goldDoc: GoldDocument, tally: Tally, note: Note): void {
  const persons = (doc.entities ?? []).filter((entity) => normalizeText(entity.kind) === 'person');
  const names = persons.map(predictedPersonNames);
  const matched = new Set<number>();
  const counts = tally.counts.persons;
  for (const goldPerson of goldDoc.persons ?? []) {
    const goldNames = goldPersonNames(goldPerson);
    const hit = persons.findIndex((_, index) => !matched.has(index) && samePerson(names[index], goldNames));
    if (hit < 0) {
      counts.fn += 1;
      note('persons', 'missed', `missed person ${goldPerson.name}`);
      continue;
    }
    matched.add(hit);
    counts.tp += 1;
    if (isTruthy(goldPerson.party)) {
      tally.partyTotal += 1;
      if (partyMatches(persons[hit].party ?? '', goldPerson.party)) tally.partyOk += 1;
      else note('persons', 'wrong', `${goldPerson.name} party ${quoted(persons[hit].party)} != ${quoted(goldPerson.party)}`);
    }
  }
  const notPersons = (goldDoc.not_persons ?? []).map((name) => new Set([normalizeText(name)]));
  persons.forEach((entity, index) => {
    if (matched.has(index)) return;
    counts.fp += 1;
    if (notPersons.some((notPerson) => samePerson(names[index], notPerson))) tally.notPersonHits += 1;
    note('persons', 'extra', `extra person ${quoted(entity.name)}`);
  });
}

/** Predicted stances collapse to (party, issue) pairs with the set of their acts; each gold pair takes the first free match. */
function scoreStances(doc: PredictedDocument, goldDoc: GoldDocument, tally: Tally, note: Note): void {
  const pairs = new Map<string, { party: string; issue: string; acts: Set<string> }>();
  for (const stance of doc.stances ?? []) {
    const party = canonicalParty(stance.party);
    const issue = normalizeText(stance.issue);
    const key = JSON.stringify([party, issue]);
    let pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, (pair = { party, issue, acts: new Set() }));
    pair.acts.add(normalizeText(stance.act));
  }
  const used = new Set<string>();
  const counts = tally.counts.stances;
  for (const goldStance of goldDoc.stances ?? []) {
    const issue = normalizeText(goldStance.issue);
    const key = [...pairs.keys()].find((candidate) => {
      const pair = pairs.get(candidate)!;
      return !used.has(candidate) && pair.issue === issue && partyMatches(pair.party, goldStance.party);
    });
    if (key === undefined) {
      if (!goldStance.optional) {
        counts.fn += 1;
        note('stances', 'missed', `missed stance ${goldStance.party}/${goldStance.issue} (${goldStance.note ?? ''})`);
      }
      continue;
    }
    used.add(key);
    if (goldStance.optional) continue;
    counts.tp += 1;
    tally.actsTotal += 1;
    const acts = pairs.get(key)!.acts;
    if (goldStance.acts.some((act) => acts.has(normalizeText(act)))) tally.actsOk += 1;
    else note('stances', 'wrong', `stance ${goldStance.party}/${goldStance.issue} acts ${quoted([...acts].sort())} not in ${quoted(goldStance.acts)}`);
  }
  for (const [key, pair] of pairs) {
    if (used.has(key)) continue;
    counts.fp += 1;
    note('stances', 'extra', `extra stance ${pair.party}/${pair.issue} ${quoted([...pair.acts].sort())}`);
  }
}

/** Whether a predicted meeting-like event can stand for a gold event: type, enough shared parties, compatible place. */
function eventFits(event: PredictedEvent, goldEvent: GoldEvent, goldTypes: ReadonlySet<string>): boolean {
  if (!goldTypes.has(normalizeText(event.type))) return false;
  const goldParties = goldEvent.parties ?? [];
  const needed = goldParties.length >= 2 ? 2 : goldParties.length;
  const eventParties = event.parties ?? [];
  const shared = goldParties.filter((goldParty) => eventParties.some((party) => partyMatches(party, goldParty))).length;
  if (shared < needed) return false;
  if (isTruthy(goldEvent.place) && isTruthy(event.place)) {
    const goldPlace = normalizeText(goldEvent.place);
    const place = normalizeText(event.place);
    if (!place.includes(goldPlace) && !goldPlace.includes(place)) return false;
  }
  return true;
}

/** Meeting-like events matched one-to-one in gold order; a matched event's date is then checked against gold's range. */
function scoreEvents(doc: PredictedDocument, goldDoc: GoldDocument, tally: Tally, note: Note): void {
  const events = (doc.events ?? []).filter((event) => isMeetingType(normalizeText(event.type)));
  const used = new Set<number>();
  const counts = tally.counts.events;
  for (const goldEvent of goldDoc.events ?? []) {
    const goldTypes = new Set(goldEvent.types.map((type) => normalizeText(type)));
    const hit = events.findIndex((event, index) => !used.has(index) && eventFits(event, goldEvent, goldTypes));
    if (hit < 0) {
      if (!goldEvent.optional && [...goldTypes].some(isMeetingType)) {
        counts.fn += 1;
        note('events', 'missed', `missed event ${goldEvent.note ?? ''}`);
      }
      continue;
    }
    used.add(hit);
    if (goldEvent.optional) continue;
    counts.tp += 1;
    const dateOk = dateMatches(events[hit].date, goldEvent.date);
    if (dateOk !== null) {
      tally.dateTotal += 1;
      if (dateOk) tally.dateOk += 1;
      else note('events', 'wrong', `event date ${quoted(events[hit].date)} vs gold ${quoted(goldEvent.date)}`);
    }
  }
  events.forEach((event, index) => {
    if (used.has(index)) return;
    counts.fp += 1;
    note('events', 'extra', `extra event ${event.type ?? null} ${quoted(event.parties)} ${event.place ?? null}`);
  });
}

/** Quote recall (a gold phrase inside a predicted quote) and, for found quotes, whether the speaker is right; quote precision is not scored. */
function scoreQuotes(doc: PredictedDocument, goldDoc: GoldDocument, tally: Tally, note: Note): void {
  const quotes = doc.quotes ?? [];
  const counts = tally.counts.quotes;
  for (const goldQuote of goldDoc.quotes ?? []) {
    const phrase = normalizeText(goldQuote.contains);
    const hit = quotes.find((quote) => normalizeText(quote.text).includes(phrase));
    if (hit === undefined) {
      if (!goldQuote.optional) {
        counts.fn += 1;
        note('quotes', 'missed', `missed quote ${quoted(goldQuote.contains)}`);
      }
      continue;
    }
    if (goldQuote.optional) continue;
    counts.tp += 1;
    tally.speakerTotal += 1;
    const speaker = normalizeText(hit.speakerName || hit.speaker_name || hit.speaker);
    const goldSpeaker = normalizeText(goldQuote.speaker);
    const goldPerson = (goldDoc.persons ?? []).find((person) => normalizeText(person.name) === goldSpeaker);
    const goldNames = goldPerson ? goldPersonNames(goldPerson) : new Set([goldSpeaker]);
    if (speaker !== '' && (samePerson(new Set([speaker]), goldNames) || partyMatches(speaker, goldQuote.speaker))) tally.speakerOk += 1;
    else note('quotes', 'wrong', `quote ${quoted(goldQuote.contains)} speaker ${quoted(speaker)} != ${quoted(goldQuote.speaker)}`);
  }
}

/** Quantity recall: a gold value is found when some predicted quantity has that value. */
function scoreQuantities(doc: PredictedDocument, goldDoc: GoldDocument, tally: Tally, note: Note): void {
  const values = new Set<number>();
  for (const quantity of doc.quantities ?? []) {
    const value = floatLikePython(quantity.value);
    // NaN equals nothing in Python, not even another NaN.
    if (value !== null && !Number.isNaN(value)) values.add(value);
  }
  const counts = tally.counts.quantities;
  for (const goldQuantity of goldDoc.quantities ?? []) {
    if (values.has(floatLikePython(goldQuantity.value) ?? Number.NaN)) {
      counts.tp += 1;
    } else {
      counts.fn += 1;
      note('quantities', 'missed', `missed quantity ${goldQuantity.value} (${goldQuantity.note ?? ''})`);
    }
  }
}

/** Share of the gold's `absent_text` strings that cleaning removed (none count for a missing document). */
function scoreBoilerplate(doc: PredictedDocument, goldDoc: GoldDocument, tally: Tally, note: Note): void {
  const text = (doc.text ?? '').toLowerCase();
  const found = isTruthy(doc);
  for (const absent of goldDoc.absent_text ?? []) {
    tally.absentTotal += 1;
    if (found && !text.includes(absent.toLowerCase())) tally.absentOk += 1;
    else note('boilerplate', 'wrong', `boilerplate still present: ${quoted(absent)}`);
  }
}
