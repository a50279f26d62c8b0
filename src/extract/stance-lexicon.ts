// The stance cue lexicon (stance-cues.json) as a token trie plus the word sets the stance grammar reads, built once.
import type { StanceAct } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { PhraseTrie, phraseWords, type MatchableWords } from './stance-phrase-trie.ts';

/** How a cue finds its holder and issue (see the "about" of stance-cues.json). */
export type CueKind = 'verb' | 'noun' | 'judgement' | 'modal';

export interface CueGroup {
  act: StanceAct;
  kind: CueKind;
  /** The issue every cue of the group is about, when the cue names it itself. */
  issue?: string;
  phrases: string[];
}

/** The contents of stance-cues.json. */
export interface StanceCueData {
  about?: string;
  cues: CueGroup[];
  negatedAct: Record<StanceAct, StanceAct | null>;
  negators: string[];
  abandonVerbs: string[];
  hedges: string[];
  conditionals: string[];
  determiners: string[];
  possessivePronouns: string[];
  subjectPronouns: { person: string[]; party: string[] };
  prepositions: string[];
  agentPrepositions: string[];
  addresseePrepositions: string[];
  complementStarters: string[];
  coordinators: string[];
  clauseBreaks: string[];
  newClauseMarkers: string[];
  appositiveDelimiters: string[];
  skipBetweenSubjectAndCue: string[];
  lightVerbs: string[];
  anaphors: string[];
  exchangeMarkers: string[];
  planNouns: string[];
  passiveAuxiliaries: string[];
  reportingSenses: string[];
  questionMarkers: string[];
  planModifiers: string[];
  vagueSubjects: string[];
  agentNouns: string[];
  authorSuffixes: string[];
  draftNouns: string[];
}

interface SpeechVerbFile {
  verbs: string[];
}

/** A cue as stored in the trie. */
export interface CueEntry {
  act: StanceAct;
  kind: CueKind;
  issue: string | null;
  phrase: string;
}

/** A set of single words and multi-word phrases, matched at a token position. */
export class PhraseSet {
  private readonly trie = new PhraseTrie<true>();
  private readonly single = new Set<string>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = phraseWords(phrase);
      if (words.length === 1) this.single.add(words[0]);
      else this.trie.add(phrase, true);
    }
  }

  /** Whether the single word `word` is in the set. */
  hasWord(word: string): boolean {
    return this.single.has(word);
  }

  /** The last token of the longest phrase of the set starting at `start` (before `end`), or -1. */
  matchAt(text: MatchableWords, start: number, end: number): number {
    const phrase = this.trie.longestAt(text, start, end);
    if (phrase !== null) return phrase.last;
    return start < end && this.single.has(text.words[start]) ? start : -1;
  }

  /** The first token of a phrase of the set that ends exactly at token `last` (looking back no further than `floor`), or -1. */
  matchEndingAt(text: MatchableWords, last: number, floor: number): number {
    if (last >= floor && this.single.has(text.words[last])) return last;
    for (let start = Math.max(floor, last - 3); start < last; start++) {
      const phrase = this.trie.longestAt(text, start, last + 1);
      if (phrase !== null && phrase.last === last) return start;
    }
    return -1;
  }
}

export interface StanceLexicon {
  cues: PhraseTrie<CueEntry>;
  negatedAct: Record<StanceAct, StanceAct | null>;
  negators: PhraseSet;
  abandonVerbs: PhraseSet;
  hedges: PhraseSet;
  conditionals: PhraseSet;
  determiners: Set<string>;
  possessivePronouns: Set<string>;
  personPronouns: Set<string>;
  partyPronouns: Set<string>;
  prepositions: Set<string>;
  agentPrepositions: Set<string>;
  addresseePrepositions: Set<string>;
  complementStarters: PhraseSet;
  coordinators: PhraseSet;
  clauseBreaks: PhraseSet;
  newClauseMarkers: Set<string>;
  appositiveDelimiters: Set<string>;
  skipBetweenSubjectAndCue: Set<string>;
  lightVerbs: PhraseSet;
  anaphors: PhraseSet;
  exchangeMarkers: PhraseSet;
  planNouns: Set<string>;
  passiveAuxiliaries: Set<string>;
  reportingSenses: Set<string>;
  questionMarkers: PhraseSet;
  planModifiers: Set<string>;
  vagueSubjects: Set<string>;
  agentNouns: Set<string>;
  authorSuffixes: Set<string>;
  draftNouns: Set<string>;
  speechVerbs: Set<string>;
}

/** Builds the lookup structures for `data`; `speechVerbs` are the verbs that introduce reported speech. */
export function buildStanceLexicon(data: StanceCueData, speechVerbs: readonly string[]): StanceLexicon {
  const cues = new PhraseTrie<CueEntry>();
  for (const group of data.cues) {
    for (const phrase of group.phrases) cues.add(phrase, { act: group.act, kind: group.kind, issue: group.issue ?? null, phrase });
  }
  const lower = (words: readonly string[]) => new Set(words.map((word) => word.toLowerCase()));
  return {
    cues,
    negatedAct: data.negatedAct,
    negators: new PhraseSet(data.negators),
    abandonVerbs: new PhraseSet(data.abandonVerbs),
    hedges: new PhraseSet(data.hedges),
    conditionals: new PhraseSet(data.conditionals),
    determiners: lower(data.determiners),
    possessivePronouns: lower(data.possessivePronouns),
    personPronouns: lower(data.subjectPronouns.person),
    partyPronouns: lower(data.subjectPronouns.party),
    prepositions: lower(data.prepositions),
    agentPrepositions: lower(data.agentPrepositions),
    addresseePrepositions: lower(data.addresseePrepositions),
    complementStarters: new PhraseSet(data.complementStarters),
    coordinators: new PhraseSet(data.coordinators),
    clauseBreaks: new PhraseSet(data.clauseBreaks),
    newClauseMarkers: lower(data.newClauseMarkers),
    appositiveDelimiters: lower(data.appositiveDelimiters),
    skipBetweenSubjectAndCue: lower(data.skipBetweenSubjectAndCue),
    lightVerbs: new PhraseSet(data.lightVerbs),
    anaphors: new PhraseSet(data.anaphors),
    exchangeMarkers: new PhraseSet(data.exchangeMarkers),
    planNouns: lower(data.planNouns),
    passiveAuxiliaries: lower(data.passiveAuxiliaries),
    reportingSenses: lower(data.reportingSenses),
    questionMarkers: new PhraseSet(data.questionMarkers),
    planModifiers: lower(data.planModifiers),
    vagueSubjects: lower(data.vagueSubjects),
    agentNouns: lower(data.agentNouns),
    authorSuffixes: lower(data.authorSuffixes),
    draftNouns: lower(data.draftNouns),
    speechVerbs: lower(speechVerbs),
  };
}

let defaultLexicon: StanceLexicon | null = null;

/** The lexicon of src/knowledge/data/stance-cues.json with the speech verbs of speech-verbs.json, built on first use. */
export function defaultStanceLexicon(): StanceLexicon {
  defaultLexicon ??= buildStanceLexicon(
    readDataFile<StanceCueData>('stance-cues.json'),
    readDataFile<SpeechVerbFile>('speech-verbs.json').verbs,
  );
  return defaultLexicon;
}
