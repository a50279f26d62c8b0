// Finds who and where in a document for the events stage: parties (names, demonyms, metonyms), capitals, places and persons, by token.
import type { Doc, Entity } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import { tokenize } from '../text/tokens.ts';
import { spanIndexAt } from '../doc/span.ts';

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
}

const PLACE_SPECIFICITY: Record<string, number> = { country: 1, territory: 2, region: 2, city: 3, venue: 4 };
const POSSESSIVE = /['\u2019]s?$/;

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
  const lexicon = { byFirst };
  lexicons.set(knowledge, lexicon);
  return lexicon;
}

function matchForm(texts: readonly string[], index: number, lex: ActorLexicon): Form | null {
  const first = texts[index];
  const candidates = lex.byFirst.get(first) ?? (POSSESSIVE.test(first) ? lex.byFirst.get(first.replace(POSSESSIVE, '')) : undefined);
  if (candidates === undefined) return null;
  for (const form of candidates) {
    if (index + form.words.length > texts.length) continue;
    let ok = true;
    for (let offset = 0; offset < form.words.length && ok; offset++) {
      const text = texts[index + offset];
      const last = offset === form.words.length - 1;
      ok = text === form.words[offset] || (last && text.replace(POSSESSIVE, '') === form.words[offset]);
    }
    if (ok) return form;
  }
  return null;
}

function personIndex(entities: readonly Entity[]): Map<string, Entity> {
  // Surnames and aliases let "Macron-Scholz" find both people inside one hyphenated token.
  const index = new Map<string, Entity>();
  for (const entity of entities) {
    if (entity.kind !== 'person') continue;
    for (const name of [entity.name, ...entity.aliases]) {
      const last = name.split(/\s+/).pop();
      if (last !== undefined && last.length > 2) index.set(last, entity);
    }
  }
  return index;
}

/** Every actor and place mention in `doc`, sorted by position, one per stretch of text; `knowledge` defaults to the bundled data. */
export function findActorMentions(doc: Doc, knowledge?: ActorKnowledge): ActorMention[] {
  const lex = actorLexicon(knowledge ?? bundledKnowledge());
  const { tokens, text } = doc;
  const texts = tokens.map((token) => text.slice(token.start, token.end));
  const mentions: ActorMention[] = [];
  const covered = new Uint8Array(tokens.length);

  const tokenAt = (offset: number): number => spanIndexAt(tokens, offset);
  // Entity mentions of one kind, on tokens nothing has claimed yet.
  const addEntities = (wanted: (entity: Entity) => boolean): void => {
    for (const entity of doc.entities) {
      if (!wanted(entity)) continue;
      const isPerson = entity.kind === 'person';
      for (const span of entity.mentions) {
        const first = tokenAt(span.start);
        const after = tokenAt(span.end - 1) + 1;
        if (first >= tokens.length || covered.subarray(first, after).includes(1)) continue;
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
  };

  // People first; then the lexicon, which knows demonyms and which names are capitals and venues; then any other
  // entity with a party (an organisation, or a party a workspace added).
  addEntities((entity) => entity.kind === 'person');
  const people = personIndex(doc.entities);
  for (let index = 0; index < tokens.length; index++) {
    if (covered[index] === 1 || tokens[index].kind !== 'word') continue;
    const form = matchForm(texts, index, lex);
    if (form !== null) {
      const last = index + form.words.length - 1;
      if (covered.subarray(index, last + 1).includes(1)) continue;
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
    if (/[-\u2010\u2011]/.test(texts[index])) mentions.push(...hyphenParts(texts[index], tokens[index].start, index, lex, people));
  }
  addEntities((entity) => entity.kind !== 'person' && entity.party !== null);
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}

/** Parties and people named inside one hyphenated token: "US-brokered", "Macron-Scholz", "Chile-Peru". */
function hyphenParts(word: string, offset: number, token: number, lex: ActorLexicon, people: Map<string, Entity>): ActorMention[] {
  const found: ActorMention[] = [];
  let position = 0;
  for (const part of word.split(/[-\u2010\u2011]/)) {
    const start = offset + position;
    position += part.length + 1;
    if (part.length < 2 || part[0] !== part[0].toUpperCase()) continue;
    const form = matchForm([part], 0, lex);
    const base = { start, end: start + part.length, token, tokenEnd: token + 1 };
    if (form !== null && form.words.length === 1) {
      // Inside a compound ("Chile-Peru dispute", "US-brokered") a name is a party, never the venue.
      found.push({ ...base, kind: form.kind, party: form.party, person: null, place: null });
      continue;
    }
    const person = people.get(part);
    if (person !== undefined) found.push({ ...base, kind: 'person', party: person.party, person: person.id, place: null });
  }
  return found;
}
