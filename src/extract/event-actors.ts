// Finds who and where in a document for the events stage: parties (names, demonyms, metonyms), capitals, places and persons, by token.
import type { Doc, Entity, Token } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { tokenize } from '../text/tokens.ts';
import { tokenIndexAt, tokensMatching } from './event-context.ts';

/** A place an event can be held at, with how specific it is. */
export interface PlaceRef {
  name: string;
  /** 1 country, 2 region, 3 city, 4 venue. Unknown names count as cities. */
  specificity: number;
  /** The party whose capital this is, if it is one. */
  capitalOf: string | null;
  /** The country the place lies in, if known (a country's own name for a country). */
  country: string | null;
}

export type ActorKind = 'person' | 'party' | 'demonym' | 'capital' | 'metonym' | 'country' | 'place';

/** One mention of a person, party or place, in token and character terms. */
export interface ActorMention {
  start: number;
  end: number;
  /** First token of the mention. */
  token: number;
  /** Token after the mention. */
  tokenEnd: number;
  kind: ActorKind;
  party: string | null;
  /** Entity id of the person mentioned. */
  person: string | null;
  place: PlaceRef | null;
}

/** A party as the knowledge base or parties.json gives it. */
interface PartyLike {
  name: string;
  kind: string;
  official?: string | null;
  aliases?: readonly string[];
  demonyms?: readonly string[];
  capital?: string | null;
  capitalIsMetonym?: boolean;
  metonyms?: readonly string[];
  ambiguous?: readonly string[];
}

/** A place as the knowledge base or places.json gives it. */
interface PlaceLike {
  name: string;
  country: string | null;
  kind: string;
  aliases?: readonly string[];
}

/** The parties and places the actor finder knows: the loaded knowledge base (with a workspace's additions) fits this shape. */
export interface ActorKnowledge {
  parties: readonly PartyLike[];
  places: readonly PlaceLike[];
}

interface Form {
  words: string[];
  kind: ActorKind;
  party: string | null;
  place: PlaceRef | null;
}

interface ActorLexicon {
  /** Forms keyed by first word, exact case; longest first. */
  byFirst: Map<string, Form[]>;
  /** The first character code of every form: a token starting with another character opens no form, so it is never cut out of the text. */
  firstChars: Uint8Array;
}

const PLACE_SPECIFICITY: Record<string, number> = { country: 1, territory: 2, region: 2, city: 3, venue: 4 };
const APOSTROPHE = 0x27;
const CURLY_APOSTROPHE = 0x2019;
const LETTER_S = 0x73;

const lexicons = new WeakMap<ActorKnowledge, ActorLexicon>();
let bundled: ActorKnowledge | null = null;

/** The parties and places of src/knowledge/data, for callers without a loaded knowledge base. */
function bundledKnowledge(): ActorKnowledge {
  bundled ??= {
    parties: readDataFile<{ parties: PartyLike[] }>('parties.json').parties,
    places: readDataFile<{ places: PlaceLike[] }>('places.json').places,
  };
  return bundled;
}

function formWords(form: string): string[] {
  return tokenize(form).map((token) => form.slice(token.start, token.end));
}

function actorLexicon(knowledge: ActorKnowledge): ActorLexicon {
  const known = lexicons.get(knowledge);
  if (known !== undefined) return known;
  const byFirst = new Map<string, Form[]>();
  const add = (text: string, form: Omit<Form, 'words'>): void => {
    const words = formWords(text);
    if (words.length === 0) return;
    const list = byFirst.get(words[0]) ?? [];
    list.push({ words, ...form });
    byFirst.set(words[0], list);
  };
  for (const party of knowledge.parties) {
    const ambiguous = new Set(party.ambiguous ?? []);
    const usable = (form: string): boolean => !ambiguous.has(form);
    const selfPlace: PlaceRef | null = party.kind === 'country' ? { name: party.name, specificity: 1, capitalOf: null, country: party.name } : null;
    for (const name of [party.name, party.official ?? undefined, ...(party.aliases ?? [])]) {
      if (name !== undefined && usable(name)) add(name, { kind: party.kind === 'country' ? 'country' : 'party', party: party.name, place: selfPlace });
    }
    for (const demonym of party.demonyms ?? []) {
      if (usable(demonym)) add(demonym, { kind: 'demonym', party: party.name, place: null });
    }
    const capital = party.capital ?? null;
    const capitalPlace: PlaceRef | null = capital === null ? null : { name: capital, specificity: 3, capitalOf: party.name, country: party.name };
    if (capital !== null && usable(capital)) add(capital, { kind: 'capital', party: party.capitalIsMetonym === false ? null : party.name, place: capitalPlace });
    for (const metonym of party.metonyms ?? []) {
      // A metonym used as a venue ("at the Kremlin") places the event in the capital.
      const place = capitalPlace ?? { name: metonym, specificity: 3, capitalOf: null, country: null };
      if (usable(metonym)) add(metonym, { kind: 'metonym', party: party.name, place });
    }
  }
  for (const place of knowledge.places) {
    const ref: PlaceRef = { name: place.name, specificity: PLACE_SPECIFICITY[place.kind] ?? 3, capitalOf: null, country: place.country };
    for (const name of [place.name, ...(place.aliases ?? [])]) add(name, { kind: 'place', party: null, place: ref });
  }
  // Longest first, so the first form that fits at a token is the longest.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  // One flag per UTF-16 code unit: a lookup costs an array read.
  const firstChars = new Uint8Array(0x10000);
  for (const first of byFirst.keys()) firstChars[first.charCodeAt(0)] = 1;
  const lexicon = { byFirst, firstChars };
  lexicons.set(knowledge, lexicon);
  return lexicon;
}

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === CURLY_APOSTROPHE;
}

/** How long a possessive ending ("'", "'s", "’s") at the end of `word` is; 0 when it has none. */
function possessiveLength(word: string): number {
  if (isApostrophe(word.charCodeAt(word.length - 1))) return 1;
  return word.length >= 2 && word.charCodeAt(word.length - 1) === LETTER_S && isApostrophe(word.charCodeAt(word.length - 2)) ? 2 : 0;
}

/** Whether a token's text is `word`, or (`allowPossessive`) `word` with a possessive ending; compared in place, without cutting the token out. */
function tokenIs(text: string, token: Token, word: string, allowPossessive: boolean): boolean {
  const extra = token.end - token.start - word.length;
  if (extra < 0 || extra > 2 || (extra > 0 && !allowPossessive) || !text.startsWith(word, token.start)) return false;
  if (extra === 0) return true;
  if (extra === 1) return isApostrophe(text.charCodeAt(token.end - 1));
  return text.charCodeAt(token.end - 1) === LETTER_S && isApostrophe(text.charCodeAt(token.end - 2));
}

/** The longest form starting at token `index`; a possessive ending is allowed on a form's last word ("Peru's"). */
function matchForm(text: string, tokens: readonly Token[], index: number, lex: ActorLexicon): Form | null {
  const token = tokens[index];
  if (lex.firstChars[text.charCodeAt(token.start)] !== 1) return null;
  const first = text.slice(token.start, token.end);
  let candidates = lex.byFirst.get(first);
  if (candidates === undefined) {
    const ending = possessiveLength(first);
    if (ending > 0) candidates = lex.byFirst.get(first.slice(0, -ending));
  }
  if (candidates === undefined) return null;
  for (const form of candidates) {
    if (index + form.words.length > tokens.length) continue;
    let ok = true;
    for (let offset = 0; offset < form.words.length && ok; offset++) {
      ok = tokenIs(text, tokens[index + offset], form.words[offset], offset === form.words.length - 1);
    }
    if (ok) return form;
  }
  return null;
}

/** The one-word form `word` is, possibly with a possessive ending; for the parts of a hyphenated token. */
function matchWord(word: string, lex: ActorLexicon): Form | null {
  const ending = possessiveLength(word);
  const stem = ending > 0 ? word.slice(0, -ending) : null;
  const candidates = lex.byFirst.get(word) ?? (stem === null ? undefined : lex.byFirst.get(stem));
  if (candidates === undefined) return null;
  for (const form of candidates) {
    if (form.words.length === 1 && (form.words[0] === word || form.words[0] === stem)) return form;
  }
  return null;
}

const personIndexes = new WeakMap<readonly Entity[], Map<string, Entity>>();

/** The people of `entities` by surname and alias, built once per entity list and only for a document that asks. */
function personIndex(entities: readonly Entity[]): Map<string, Entity> {
  const known = personIndexes.get(entities);
  if (known !== undefined) return known;
  // Surnames and aliases let "Macron-Scholz" find both people inside one hyphenated token.
  const index = new Map<string, Entity>();
  for (const entity of entities) {
    if (entity.kind !== 'person') continue;
    for (const name of [entity.name, ...entity.aliases]) {
      const last = name.split(/\s+/).pop();
      if (last !== undefined && last.length > 2) index.set(last, entity);
    }
  }
  personIndexes.set(entities, index);
  return index;
}

function isCovered(covered: Uint8Array, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (covered[index] === 1) return true;
  return false;
}

/** Entity mentions of people (or of other entities with a party), on tokens nothing has claimed yet. */
function addEntityMentions(doc: Doc, which: 'people' | 'parties', covered: Uint8Array, mentions: ActorMention[]): void {
  const { tokens } = doc;
  for (const entity of doc.entities) {
    const isPerson = entity.kind === 'person';
    if (which === 'people' ? !isPerson : isPerson || entity.party === null) continue;
    for (const span of entity.mentions) {
      const first = tokenIndexAt(doc, span.start);
      const after = tokenIndexAt(doc, span.end - 1) + 1;
      if (first >= tokens.length || isCovered(covered, first, after)) continue;
      covered.fill(1, first, after);
      mentions.push({
        start: span.start,
        end: span.end,
        token: first,
        tokenEnd: after,
        kind: isPerson ? 'person' : 'party',
        party: entity.party,
        person: isPerson ? entity.id : null,
        place: null,
      });
    }
  }
}

const HYPHEN = /[-\u2010\u2011]/g;

/** Whether a part of a hyphenated token may name someone: one that does not open with a lower-case letter ("long-term" has none). */
function mayHoldName(text: string, token: Token): boolean {
  let partStart = true;
  for (let at = token.start; at < token.end; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x2d || code === 0x2010 || code === 0x2011) {
      partStart = true;
      continue;
    }
    if (partStart && !(code >= 0x61 && code <= 0x7a)) return true;
    partStart = false;
  }
  return false;
}

/** Every actor and place mention in `doc`, sorted by position, one per stretch of text; `knowledge` defaults to the bundled data. */
export function findActorMentions(doc: Doc, knowledge?: ActorKnowledge): ActorMention[] {
  const lex = actorLexicon(knowledge ?? bundledKnowledge());
  const { tokens, text } = doc;
  const mentions: ActorMention[] = [];
  const covered = new Uint8Array(tokens.length);
  // People first; then the lexicon, which knows demonyms and which names are capitals and venues; then any other
  // entity with a party (an organisation, or a party a workspace added).
  addEntityMentions(doc, 'people', covered, mentions);
  // The text is searched for its few hyphens rather than every token read.
  const hyphenated = tokensMatching(doc, HYPHEN);
  for (let index = 0; index < tokens.length; index++) {
    if (covered[index] === 1 || tokens[index].kind !== 'word') continue;
    const form = matchForm(text, tokens, index, lex);
    if (form !== null) {
      const last = index + form.words.length - 1;
      if (isCovered(covered, index, last + 1)) continue;
      covered.fill(1, index, last + 1);
      mentions.push({
        start: tokens[index].start,
        end: tokens[last].end,
        token: index,
        tokenEnd: last + 1,
        kind: form.kind,
        party: form.party,
        person: null,
        place: form.place,
      });
      index = last;
      continue;
    }
    if (hyphenated[index] === 1 && mayHoldName(text, tokens[index])) {
      mentions.push(...hyphenParts(text.slice(tokens[index].start, tokens[index].end), tokens[index].start, index, lex, doc.entities));
    }
  }
  addEntityMentions(doc, 'parties', covered, mentions);
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}

/** Parties and people named inside one hyphenated token: "US-brokered", "Macron-Scholz", "Chile-Peru". */
function hyphenParts(word: string, offset: number, token: number, lex: ActorLexicon, entities: readonly Entity[]): ActorMention[] {
  const found: ActorMention[] = [];
  let position = 0;
  for (const part of word.split(/[-\u2010\u2011]/)) {
    const start = offset + position;
    position += part.length + 1;
    if (part.length < 2 || part[0] !== part[0].toUpperCase()) continue;
    const form = matchWord(part, lex);
    const base = { start, end: start + part.length, token, tokenEnd: token + 1 };
    if (form !== null) {
      // Inside a compound ("Chile-Peru dispute", "US-brokered") a name is a party, never the venue.
      found.push({ ...base, kind: form.kind, party: form.party, person: null, place: null });
      continue;
    }
    const person = personIndex(entities).get(part);
    if (person !== undefined) found.push({ ...base, kind: 'person', party: person.party, person: person.id, place: null });
  }
  return found;
}
