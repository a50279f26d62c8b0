// Loads the event cue words (event-cues.json, plover.json) once into token-phrase tables keyed by first word.
import type { EventType } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { tokenize } from '../text/tokens.ts';

/** What must stand near a trigger phrase for it to name an event. */
export type TriggerNeed =
  | 'person'
  | 'participant'
  | 'destination'
  | 'arrival'
  | 'with'
  | 'plan'
  | 'agreement'
  | 'ceasefire-verb';

/** Meeting-like event types: mentions of one of them may name the same sitting (a visit for talks is also the meeting). */
export const MEETING_FAMILY: ReadonlySet<EventType> = new Set(['meeting', 'talks', 'visit', 'summit']);

export interface TriggerCue {
  type: EventType;
  pos: 'noun' | 'verb';
  needs: TriggerNeed | null;
  weak: boolean;
  mode: string | null;
}

interface TriggerEntry {
  type: EventType;
  pos: 'noun' | 'verb';
  needs?: TriggerNeed;
  weak?: boolean;
  mode?: string;
  phrases: string[];
}

interface EventCueData {
  triggers: TriggerEntry[];
  planNouns: string[];
  agreementNouns: string[];
  ceasefireVerbs: string[];
  notPersonObjects: string[];
  status: {
    planned: string[];
    pastBlockers: string[];
    cancelled: string[];
    negation: string[];
    distinct: string[];
    distinctAfter: string[];
    nextSitting: string[];
    plannedGovernors: string[];
    baseVerbForms: string[];
    pastForms: string[];
    modifierBridge: string[];
  };
  separators: Record<string, 'earlier' | 'later' | null>;
  joiners: string[];
  topicMarkers: string[];
  topicHeads: string[];
  placePrepositions: string[];
  placeNounsBefore: string[];
  placeSuffixes: string[];
  ordinals: Record<string, number>;
  durationLeads: string[];
  durationBlockers: string[];
  outcomes: string[];
  personNouns: string[];
  passiveMarkers: string[];
  objectDeterminers: string[];
  callExclusions: string[];
  attributiveNouns: string[];
  compoundSuffixes: string[];
  bridgeWords: string[];
  plans: {
    countSuffixes: string[];
    truceLengthSuffixes: string[];
    ceasefireWords: string[];
    references: string[];
    versionCues: string[];
    pointVerbs: string[];
    authorLinks: string[];
  };
}

export interface PloverCode {
  type: string;
  mode: string | null;
}

interface PloverData {
  types: Partial<Record<EventType, PloverCode>>;
  modes: Record<string, PloverCode>;
}

/** A phrase found at a token position: how many tokens it spans and what it stands for. */
export interface PhraseMatch<T> {
  length: number;
  value: T;
}

const NO_MATCHES: readonly PhraseMatch<never>[] = [];

/** Phrases as lower-cased token sequences, grouped by first word so a lookup costs one Map probe. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();

  add(phrase: string, value: T): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    const list = this.byFirst.get(words[0]) ?? [];
    list.push({ words, value });
    // Longest first, so the first match at a position is the longest one.
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0], list);
  }

  /** Every phrase starting at `index` of `words` (lower-cased token texts), longest first. */
  matchAll(words: readonly string[], index: number): readonly PhraseMatch<T>[] {
    const list = this.byFirst.get(words[index]);
    // Most words start no phrase: answer them without allocating.
    if (list === undefined) return NO_MATCHES;
    const found: PhraseMatch<T>[] = [];
    for (const entry of list) {
      if (entryMatches(entry.words, words, index)) found.push({ length: entry.words.length, value: entry.value });
    }
    return found;
  }

  /** The longest phrase starting at `index`, or null. */
  match(words: readonly string[], index: number): PhraseMatch<T> | null {
    const list = this.byFirst.get(words[index]);
    if (list === undefined) return null;
    for (const entry of list) {
      if (entryMatches(entry.words, words, index)) return { length: entry.words.length, value: entry.value };
    }
    return null;
  }

  /** The longest phrase ending just before `index` (its last word at index - 1), or null. */
  matchEndingAt(words: readonly string[], index: number, longest: number): PhraseMatch<T> | null {
    for (let length = Math.min(longest, index); length >= 1; length--) {
      const found = this.match(words, index - length);
      if (found !== null && found.length === length) return found;
    }
    return null;
  }
}

function entryMatches(entry: readonly string[], words: readonly string[], index: number): boolean {
  if (index + entry.length > words.length) return false;
  for (let offset = 1; offset < entry.length; offset++) {
    if (words[index + offset] !== entry[offset]) return false;
  }
  return true;
}

/** A phrase cut into tokens the way the text is, lower-cased. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((token) => normalizeWord(phrase.slice(token.start, token.end)));
}

/** Lower case with curly apostrophes made straight, so "Peru’s" and "Peru's" look alike. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

export interface EventLexicon {
  triggers: PhraseTable<TriggerCue>;
  planNouns: PhraseTable<true>;
  agreementNouns: PhraseTable<true>;
  ceasefireVerbs: PhraseTable<true>;
  notPersonObjects: PhraseTable<true>;
  planned: PhraseTable<true>;
  pastBlockers: Set<string>;
  cancelled: PhraseTable<true>;
  negation: PhraseTable<true>;
  /** Before a trigger: "another round", "the next meeting". */
  distinct: Set<string>;
  /** After a trigger: "when talks resume". */
  distinctAfter: Set<string>;
  /** Before a trigger: "another round" names the next sitting of the same negotiation. */
  nextSitting: Set<string>;
  /** "proposed that the teams meet": a verb that makes a following bare verb a plan. */
  plannedGovernors: Set<string>;
  baseVerbForms: Set<string>;
  /** Irregular past forms of trigger verbs ("met", "spoke"); regular ones end in -ed. */
  pastForms: Set<string>;
  /** Words that may stand between a trigger and a word modifying it ("another round of talks"). */
  modifierBridge: Set<string>;
  /** "following", "before": which side of the main clause's time the event they introduce lies on. */
  separators: PhraseTable<'earlier' | 'later' | null>;
  joiners: PhraseTable<true>;
  topicMarkers: PhraseTable<true>;
  /** Longest topic marker, in words, for looking back from a mention. */
  longestTopicMarker: number;
  topicHeads: Set<string>;
  placePrepositions: Set<string>;
  placeNounsBefore: PhraseTable<true>;
  placeSuffixes: Set<string>;
  ordinals: Map<string, number>;
  durationLeads: Set<string>;
  durationBlockers: PhraseTable<true>;
  outcomes: PhraseTable<string>;
  personNouns: Set<string>;
  passiveMarkers: Set<string>;
  objectDeterminers: Set<string>;
  callExclusions: Set<string>;
  attributiveNouns: Set<string>;
  /** "controlled" in "rebel-controlled" or "Chinese-controlled": a party inside such a compound describes, it does not take part. */
  compoundSuffixes: Set<string>;
  /** Words that may stand in the phrase after a trigger that names its parties and place. */
  bridgeWords: Set<string>;
  plans: PlanLexicon;
  plover: PloverData;
}

export interface PlanLexicon {
  /** "point" in "28-point": the counted word a number-led plan name may carry. */
  countSuffixes: Set<string>;
  /** "day" in "30-day ceasefire". */
  truceLengthSuffixes: Set<string>;
  ceasefireWords: Set<string>;
  references: PhraseTable<true>;
  versionCues: Set<string>;
  pointVerbs: PhraseTable<true>;
  authorLinks: PhraseTable<true>;
}

let lexicon: EventLexicon | null = null;

function tableOf(phrases: readonly string[]): PhraseTable<true> {
  const table = new PhraseTable<true>();
  for (const phrase of phrases) table.add(phrase, true);
  return table;
}

function separatorTable(separators: Record<string, 'earlier' | 'later' | null>): PhraseTable<'earlier' | 'later' | null> {
  const table = new PhraseTable<'earlier' | 'later' | null>();
  for (const [phrase, side] of Object.entries(separators)) table.add(phrase, side);
  return table;
}

/** The event lexicon, built on first use. */
export function eventLexicon(): EventLexicon {
  if (lexicon === null) {
    const data = readDataFile<EventCueData>('event-cues.json');
    const triggers = new PhraseTable<TriggerCue>();
    for (const entry of data.triggers) {
      const cue: TriggerCue = {
        type: entry.type,
        pos: entry.pos,
        needs: entry.needs ?? null,
        weak: entry.weak === true,
        mode: entry.mode ?? null,
      };
      for (const phrase of entry.phrases) triggers.add(phrase, cue);
    }
    const outcomes = new PhraseTable<string>();
    for (const phrase of data.outcomes) outcomes.add(phrase, phrase);
    lexicon = {
      triggers,
      planNouns: tableOf(data.planNouns),
      agreementNouns: tableOf(data.agreementNouns),
      ceasefireVerbs: tableOf(data.ceasefireVerbs),
      notPersonObjects: tableOf(data.notPersonObjects),
      planned: tableOf(data.status.planned),
      pastBlockers: new Set(data.status.pastBlockers),
      cancelled: tableOf(data.status.cancelled),
      negation: tableOf(data.status.negation),
      distinct: new Set(data.status.distinct),
      distinctAfter: new Set(data.status.distinctAfter),
      nextSitting: new Set(data.status.nextSitting),
      plannedGovernors: new Set(data.status.plannedGovernors),
      baseVerbForms: new Set(data.status.baseVerbForms),
      pastForms: new Set(data.status.pastForms),
      modifierBridge: new Set(data.status.modifierBridge),
      separators: separatorTable(data.separators),
      joiners: tableOf(data.joiners),
      topicMarkers: tableOf(data.topicMarkers),
      longestTopicMarker: Math.max(...data.topicMarkers.map((phrase) => phraseWords(phrase).length)),
      topicHeads: new Set(data.topicHeads),
      placePrepositions: new Set(data.placePrepositions),
      placeNounsBefore: tableOf(data.placeNounsBefore),
      placeSuffixes: new Set(data.placeSuffixes),
      ordinals: new Map(Object.entries(data.ordinals)),
      durationLeads: new Set(data.durationLeads),
      durationBlockers: tableOf(data.durationBlockers),
      outcomes,
      personNouns: new Set(data.personNouns),
      passiveMarkers: new Set(data.passiveMarkers),
      objectDeterminers: new Set(data.objectDeterminers),
      callExclusions: new Set(data.callExclusions),
      attributiveNouns: new Set(data.attributiveNouns),
      compoundSuffixes: new Set(data.compoundSuffixes),
      bridgeWords: new Set(data.bridgeWords),
      plans: {
        countSuffixes: new Set(data.plans.countSuffixes),
        truceLengthSuffixes: new Set(data.plans.truceLengthSuffixes),
        ceasefireWords: new Set(data.plans.ceasefireWords),
        references: tableOf(data.plans.references),
        versionCues: new Set(data.plans.versionCues),
        pointVerbs: tableOf(data.plans.pointVerbs),
        authorLinks: tableOf(data.plans.authorLinks),
      },
      plover: readDataFile<PloverData>('plover.json'),
    };
  }
  return lexicon;
}

/** The PLOVER type and mode for an event type, refined by the mode its wording implies; null for statements. */
export function ploverCode(type: EventType, mode: string | null): PloverCode | null {
  const { plover } = eventLexicon();
  if (mode !== null && plover.modes[mode] !== undefined && (type === 'meeting' || type === 'talks' || type === 'call' || type === 'visit' || type === 'summit')) {
    return { ...plover.modes[mode] };
  }
  const code = plover.types[type];
  return code === undefined ? null : { type: code.type, mode: code.mode };
}
