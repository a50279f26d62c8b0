// The shapes of the loaded knowledge base: records read from src/knowledge/data and the workspace config, and the lookups built over them.
import type { Gazetteer } from './gazetteer.ts';

export type PartyKind = 'country' | 'organization' | 'group';

/** A negotiating party (PRODUCT.md name) with every name that stands for it. */
export interface PartyRecord {
  name: string;
  kind: PartyKind;
  official: string | null;
  aliases: string[];
  demonyms: string[];
  /** Seat of government: a place, and a metonym for the party unless `capitalIsMetonym` is false. */
  capital: string | null;
  capitalIsMetonym: boolean;
  metonyms: string[];
  /** Forms that are also first names or other places: they count only with no capitalised name word beside them. */
  ambiguous: string[];
  /** Counts for the party "Europe". */
  european: boolean;
  /** The name takes "the" in running text ("the United States"). */
  definite: boolean;
}

/** What kind of actor a title makes; see titles.json. */
export type TitleKind =
  | 'head-of-state'
  | 'head-of-government'
  | 'deputy-head'
  | 'minister'
  | 'diplomat'
  | 'envoy'
  | 'negotiator'
  | 'spokesperson'
  | 'aide'
  | 'official'
  | 'legislator'
  | 'local-official'
  | 'military'
  | 'royal'
  | 'religious'
  | 'honorific'
  | 'relative'
  | 'analyst'
  | 'journalist'
  | 'business'
  | 'citizen';

export interface TitleRecord {
  title: string;
  kind: TitleKind;
  forms: string[];
  /** Whether the title can stand directly before a name ("Deputy Foreign Minister X"). */
  beforeName: boolean;
}

export type ModifierKind = 'former' | 'acting' | 'rank' | 'degree';

/** A date-bounded role held by a person. */
export interface RoleRecord {
  title: string;
  label: string;
  party: string | null;
  /** Earliest ISO day the role may have started (from a YYYY, YYYY-MM or YYYY-MM-DD bound), or null when unknown. */
  from: string | null;
  /** Latest ISO day the role may have lasted to, or null while it is held. */
  to: string | null;
  /** Latest ISO day the role may have started: from then on it was surely held (null when the start is unknown). */
  surelyFrom: string | null;
  /** Earliest ISO day the role may have ended (null while it is held). */
  surelyTo: string | null;
  kind: TitleKind;
  /** Normalised title used to compare a role with a title in the text ("deputy foreign minister"). */
  titleKey: string;
}

export interface PersonRecord {
  id: string;
  name: string;
  variants: string[];
  aliases: string[];
  party: string | null;
  roles: RoleRecord[];
}

/** A kind of government body that takes its party from context ("the Russian foreign ministry"). */
export interface BodyRecord {
  id: string;
  name: string;
  kind: string;
  forms: string[];
}

/** A named organisation that is not a party: institutions with a fixed party, outlets, think tanks, companies. */
export interface OrganizationRecord {
  id: string;
  name: string;
  kind: string;
  party: string | null;
  aliases: string[];
}

export interface PlaceRecord {
  id: string;
  name: string;
  country: string | null;
  kind: string;
  aliases: string[];
}

/** An issue of the taxonomy; the stance stage owns its fields beyond `id`. */
export interface IssueRecord {
  id: string;
  [field: string]: unknown;
}

/** How personal names are built (names.json). */
export interface NameLexicon {
  particles: ReadonlySet<string>;
  suffixes: ReadonlySet<string>;
  familyNameFirst: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
}

/** Cue words read around names (entity-cues.json, speech-verbs.json); all lower-case. */
export interface EntityCues {
  locatives: ReadonlySet<string>;
  venueNouns: ReadonlySet<string>;
  addresseeVerbs: ReadonlySet<string>;
  roleLinks: ReadonlySet<string>;
  analystOrgWords: ReadonlySet<string>;
  businessOrgWords: ReadonlySet<string>;
  mediaOrgWords: ReadonlySet<string>;
  creditCues: ReadonlySet<string>;
  /** Phrases right before a name that make it a source ("according to"), each as its lower-case words. */
  sourcePhrases: readonly (readonly string[])[];
  speechGapWords: ReadonlySet<string>;
  orgEndWords: ReadonlySet<string>;
  speechVerbs: ReadonlySet<string>;
  /** Multi-word speech cues ("according to"), each as its lower-case words. */
  speechPhrases: readonly (readonly string[])[];
}

/** What a gazetteer phrase stands for. */
export type GazetteerEntry =
  | { type: 'party'; party: PartyRecord; form: 'name' | 'official' | 'alias' | 'demonym' | 'capital' | 'metonym'; ambiguous: boolean }
  | { type: 'person'; person: PersonRecord; form: 'name' | 'variant' | 'alias' }
  | { type: 'body'; body: BodyRecord }
  | { type: 'organization'; organization: OrganizationRecord }
  | { type: 'place'; place: PlaceRecord }
  | { type: 'title'; title: TitleRecord }
  | { type: 'modifier'; modifier: ModifierKind }
  | { type: 'domain' };

/** The loaded knowledge base: records plus lookups built once at load time. */
export interface Knowledge {
  /** Short hash of everything loaded; changes when the data or the workspace config change. */
  version: string;
  parties: readonly PartyRecord[];
  people: readonly PersonRecord[];
  bodies: readonly BodyRecord[];
  organizations: readonly OrganizationRecord[];
  places: readonly PlaceRecord[];
  titles: readonly TitleRecord[];
  /** The issue taxonomy: issues.json with the workspace config's issues over it (same id replaces, new ids added). */
  issues: readonly IssueRecord[];
  names: NameLexicon;
  cues: EntityCues;
  /** Lower-cased party name or alias → party ("russia", "us", "kremlin" are not aliases; see gazetteer for those). */
  partyByName: ReadonlyMap<string, PartyRecord>;
  personById: ReadonlyMap<string, PersonRecord>;
  /** Name key (lower-case, no diacritics, no initials or suffixes, words joined by one space) → people with that name. */
  personByNameKey: ReadonlyMap<string, readonly PersonRecord[]>;
  /** Titles by form (its token keys joined by spaces), for reading role phrases. */
  titleByForm: ReadonlyMap<string, TitleRecord>;
  /** Longest title form, in tokens. */
  longestTitleForm: number;
  /** Title modifiers by lower-case form ("former", "deputy", "senior"). */
  modifiers: ReadonlyMap<string, ModifierKind>;
  /** Field words of titles ("foreign", "energy"). */
  domains: ReadonlySet<string>;
  /** Token trie over every name, alias, demonym, metonym, body, organisation, place, title and modifier. */
  gazetteer: Gazetteer<GazetteerEntry>;
}
