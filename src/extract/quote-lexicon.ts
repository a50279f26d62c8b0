// Loads the speech-verb lexicon, the small attribution grammar, party adjectives and non-name words from knowledge data, once.
import { readDataFile } from '../knowledge/data-file.ts';

interface SpeechVerbData {
  verbs: string[];
  speakerAfterPhrases: string[];
  pronouns: { resolvable: string[]; unresolvable: string[] };
  personNouns: Record<string, string[]>;
  rankQualifiers: string[];
  organizationNouns: string[];
  groupNouns: string[];
  subjectSkipWords: string[];
  clauseStarters: string[];
  prepositions: string[];
  indefiniteDeterminers: string[];
  definiteDeterminers: string[];
  nounMarkers: string[];
  passiveAuxiliaries: string[];
  nameStopWords: string[];
}

interface NameData {
  notNames?: string[];
}

interface PartyData {
  parties: { name: string; aliases?: string[]; demonyms?: string[]; capital?: string; metonyms?: string[] }[];
}

/** Lowercase word sets the quote stage reads; built once from `speech-verbs.json`. */
export interface QuoteLexicon {
  verbs: ReadonlySet<string>;
  /** Phrases followed by the speaker ("according to X"), as word sequences. */
  speakerAfterPhrases: readonly (readonly string[])[];
  resolvablePronouns: ReadonlySet<string>;
  unresolvablePronouns: ReadonlySet<string>;
  /** Head noun of a person description → role words it matches ("aide" → aide, adviser…). */
  personNouns: ReadonlyMap<string, readonly string[]>;
  /** Words in a role ("deputy", "former") that a description must repeat to refer to its holder. */
  rankQualifiers: ReadonlySet<string>;
  organizationNouns: ReadonlySet<string>;
  groupNouns: ReadonlySet<string>;
  subjectSkipWords: ReadonlySet<string>;
  clauseStarters: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  indefiniteDeterminers: ReadonlySet<string>;
  definiteDeterminers: ReadonlySet<string>;
  nounMarkers: ReadonlySet<string>;
  passiveAuxiliaries: ReadonlySet<string>;
  /** Capitalised words that never name a speaker: ours plus the `notNames` of names.json. */
  nameStopWords: ReadonlySet<string>;
  /** One-word names, demonyms and metonyms of parties, lowercase → party ("turkish" → Turkey, "kremlin" → Russia). */
  partyOfWord: ReadonlyMap<string, string>;
}

let lexicon: QuoteLexicon | null = null;

function partyWords(): Map<string, string> {
  const partyOfWord = new Map<string, string>();
  for (const party of readDataFile<PartyData>('parties.json').parties) {
    const forms = [party.name, ...(party.aliases ?? []), ...(party.demonyms ?? []), ...(party.metonyms ?? [])];
    if (party.capital) forms.push(party.capital);
    for (const form of forms) {
      if (!/\s/u.test(form) && !partyOfWord.has(form.toLowerCase())) partyOfWord.set(form.toLowerCase(), party.name);
    }
  }
  return partyOfWord;
}

/** The quote lexicon, read from `src/knowledge/data/speech-verbs.json` on first use. */
export function quoteLexicon(): QuoteLexicon {
  if (lexicon === null) {
    const data = readDataFile<SpeechVerbData>('speech-verbs.json');
    const lower = (words: string[]): Set<string> => new Set(words.map((word) => word.toLowerCase()));
    lexicon = {
      verbs: lower(data.verbs),
      speakerAfterPhrases: data.speakerAfterPhrases.map((phrase) => phrase.toLowerCase().split(/\s+/)),
      resolvablePronouns: lower(data.pronouns.resolvable),
      unresolvablePronouns: lower(data.pronouns.unresolvable),
      personNouns: new Map(Object.entries(data.personNouns).map(([noun, roles]) => [noun.toLowerCase(), roles.map((role) => role.toLowerCase())])),
      rankQualifiers: lower(data.rankQualifiers),
      organizationNouns: lower(data.organizationNouns),
      groupNouns: lower(data.groupNouns),
      subjectSkipWords: lower(data.subjectSkipWords),
      clauseStarters: lower(data.clauseStarters),
      prepositions: lower(data.prepositions),
      indefiniteDeterminers: lower(data.indefiniteDeterminers),
      definiteDeterminers: lower(data.definiteDeterminers),
      nounMarkers: lower(data.nounMarkers),
      passiveAuxiliaries: lower(data.passiveAuxiliaries),
      nameStopWords: lower([...data.nameStopWords, ...(readDataFile<NameData>('names.json').notNames ?? [])]),
      partyOfWord: partyWords(),
    };
  }
  return lexicon;
}
