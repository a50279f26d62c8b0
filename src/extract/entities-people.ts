// People in a document: known people from the knowledge base, and others found by a title, an apposition or a speech verb, with party and role from that context.
import type { Message } from '../doc/types.ts';
import { partyOn, rolesOn, surelyHeldOn, surelyNotHeldOn, type PersonRecord } from '../knowledge/index.ts';
import { spanBounds, type EntityContext } from './entities-context.ts';
import { findNameSpans, runKey, type NameSpan } from './entities-names.ts';
import {
  appositionAfter,
  appositionBefore,
  inCredit,
  nearbyPlaceCountry,
  nonPartyOf,
  partyAfterOf,
  speechAround,
  titleBefore,
  type RoleReading,
  type TitleBefore,
} from './entities-roles.ts';
import { slugify } from '../knowledge/slug.ts';
import { boundedMemo } from './bounded-memo.ts';

/** One person of the document as it is being built. */
export interface PersonBuild {
  id: string;
  name: string;
  known: PersonRecord | null;
  party: string | null;
  roles: string[];
  /** Token ranges of the mentions. */
  mentions: { start: number; end: number }[];
  /** Name key of the full name ("khrystyna hayovyshyn"). */
  key: string;
  /** Keys a lone surname may take to mean this person. */
  surnames: Set<string>;
  /** Title keys the person can be referred to by ("president", "aide"), for title coreference. */
  titleKeys: Set<string>;
  /** Title kinds of the person's roles ("head-of-state"). */
  titleKinds: Set<string>;
}

/** A name span with no evidence of being a person: it may still be a later surname or repeat of someone found. */
export interface PendingName {
  start: number;
  end: number;
  key: string;
}

export interface PeopleResult {
  people: PersonBuild[];
  pending: PendingName[];
  messages: Message[];
  /** Name keys that are not people here (journalists, credits, bylines): never revived by coreference. */
  excluded: Set<string>;
}


/** The name keys of the byline ("By Jane Doe and John Roe" → "jane doe", "john roe"). */
function bylineKeys(byline: string | null): Set<string> {
  const keys = new Set<string>();
  if (byline === null) return keys;
  for (const part of byline.split(/,|\band\b|&|\bby\b|\bBy\b|\|/)) {
    const key = part
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\s'-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (key.includes(' ')) keys.add(key);
  }
  return keys;
}

/** Keys a lone surname can take for a name given as its words: the last word, or the first for "Wang Lihua"-style names. */
export function surnameKeys(ctx: EntityContext, words: readonly string[]): string[] {
  const clean = words.filter((word) => /\p{L}{2,}/u.test(word));
  if (clean.length < 2) return [];
  // Every tail after the first name: "wever" and "de wever" for Bart De Wever.
  const keys: string[] = [];
  for (let from = clean.length - 1; from >= 1; from--) keys.push(clean.slice(from).join(' '));
  if (clean.length === 2 && ctx.kb.names.familyNameFirst.has(clean[0])) keys.push(clean[0]);
  return keys;
}

// A known person's surname keys depend only on the record (and its knowledge base), so they are read once per record, not per document.
const knownSurnames = new WeakMap<PersonRecord, string[]>();

function knownSurnameKeys(ctx: EntityContext, person: PersonRecord): string[] {
  let keys = knownSurnames.get(person);
  if (keys === undefined) {
    keys = [];
    for (const name of [person.name, ...person.variants]) {
      keys.push(...surnameKeys(ctx, name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').split(/\s+/)));
    }
    for (const alias of person.aliases) keys.push(alias.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
    knownSurnames.set(person, keys);
  }
  return keys;
}

function newKnownBuild(ctx: EntityContext, person: PersonRecord): PersonBuild {
  const roles = rolesOn(person, ctx.day);
  return {
    id: person.id,
    name: person.name,
    known: person,
    party: partyOn(person, ctx.day),
    roles: roles.map((role) => role.label),
    mentions: [],
    key: person.id,
    surnames: new Set(knownSurnameKeys(ctx, person)),
    titleKeys: new Set(roles.map((role) => role.titleKey)),
    titleKinds: new Set(roles.map((role) => role.kind)),
  };
}

function phraseText(ctx: EntityContext, start: number, end: number): string {
  const bounds = spanBounds(ctx, start, end, { keepPossessive: true });
  return ctx.doc.text.slice(bounds.start, bounds.end).replace(/\s+/g, ' ').trim();
}

/** Flags a title that contradicts the knowledge base on the publication day ("former US President Donald Trump" while in office). */
function checkRoleConflict(ctx: EntityContext, person: PersonRecord, before: TitleBefore, nameEnd: number): Message | null {
  const reading = before.reading;
  if (ctx.day === null || reading === null || reading.acting) return null;
  const roles = person.roles.filter((role) => role.titleKey === reading.key && (before.party === null || role.party === before.party));
  if (roles.length === 0) return null;
  const place = spanBounds(ctx, before.start, nameEnd);
  const phrase = ctx.doc.text.slice(place.start, place.end);
  if (reading.former) {
    const held = roles.find((role) => surelyHeldOn(role, ctx.day as string));
    if (held === undefined) return null;
    return {
      rule: 'entities:role-conflict',
      reason: `"${phrase}": ${person.name} is ${held.label} on ${ctx.day} (since ${held.from}), not a former holder`,
      place,
      severity: 'warning',
    };
  }
  if (!roles.every((role) => surelyNotHeldOn(role, ctx.day as string))) return null;
  const spans = roles.map((role) => `${role.from ?? '?'} to ${role.to ?? 'now'}`).join(', ');
  return {
    rule: 'entities:role-conflict',
    reason: `"${phrase}": ${person.name} held this role ${spans}, not on ${ctx.day}`,
    place,
    severity: 'warning',
  };
}

/** Party of someone not in the knowledge base, from the role phrases around the name. */
function partyFromContext(ctx: EntityContext, readings: readonly RoleReading[], span: NameSpan): string | null {
  if (nonPartyOf(readings) !== null) return null;
  for (const reading of readings) {
    if (!reading.former && reading.party !== null) return reading.party;
  }
  // Officials of a place ("Rivne's head", "the regional governor") belong to the place's country.
  for (const reading of readings) {
    if (!reading.former && reading.placeCountry !== null) return reading.placeCountry;
  }
  for (const reading of readings) {
    if (!reading.former && reading.reading?.kind === 'local-official') return nearbyPlaceCountry(ctx, span.start);
  }
  return partyAfterOf(ctx, span.end);
}

/*
 * Ids of people not in the knowledge base. The same names recur from one document to the next,
 * and a slug is dear to build (Unicode decomposition and several patterns), so they are kept,
 * up to a bound that a long run over many names cannot outgrow (see boundedMemo).
 */
const unknownPersonId = boundedMemo((name: string) => `person:${slugify(name)}`, 4096);

/** The people found so far (by id or name key) and the messages about them. */
interface FoundPeople {
  people: Map<string, PersonBuild>;
  messages: Message[];
}

/** The first person found so far whom `key` can name as a lone surname. */
function withSurname(people: Map<string, PersonBuild>, key: string): PersonBuild | undefined {
  for (const person of people.values()) {
    if (person.surnames.has(key)) return person;
  }
  return undefined;
}

function addKnownMention(ctx: EntityContext, found: FoundPeople, person: PersonRecord, start: number, end: number, before: TitleBefore | null): void {
  let build = found.people.get(person.id);
  if (build === undefined) {
    build = newKnownBuild(ctx, person);
    found.people.set(person.id, build);
  }
  build.mentions.push({ start, end });
  if (before !== null) {
    const conflict = checkRoleConflict(ctx, person, before, end);
    if (conflict !== null) found.messages.push(conflict);
  }
}

/** The people of the document, each with all mentions found from names; coreference adds more later. */
export function findPeople(ctx: EntityContext): PeopleResult {
  const people = new Map<string, PersonBuild>();
  const pending: PendingName[] = [];
  const messages: Message[] = [];
  const excluded = new Set<string>();
  const byline = bylineKeys(ctx.doc.meta.byline);
  const found: FoundPeople = { people, messages };

  for (const span of findNameSpans(ctx)) {
    const key = span.person?.id ?? runKey(ctx, span.start, span.end);
    if (key === '' || byline.has(key) || inCredit(ctx, span.start, span.end)) {
      excluded.add(key);
      continue;
    }
    const before = titleBefore(ctx, span.start);
    if (span.person !== null) {
      addKnownMention(ctx, found, span.person, span.start, span.end, before);
      continue;
    }
    const existing = people.get(key) ?? withSurname(people, key);
    if (existing !== undefined) {
      existing.mentions.push({ start: span.start, end: span.end });
      continue;
    }
    const words = key.split(' ').filter((word) => word.length > 0);
    // A vague title ("head", "son-in-law") introduces a full name but not a lone word.
    const titled = before !== null && (before.honorificOnly || before.introducesName || (before.reading !== null && words.length >= 2));
    const after = appositionAfter(ctx, span.end);
    const prior = appositionBefore(ctx, span.start, span.end);
    const lastWord = ctx.view.bases[span.end - 1];
    const orgLike = ctx.kb.cues.orgEndWords.has(lastWord);
    const evidence = !orgLike && (titled || (words.length >= 2 && (after.length > 0 || prior.length > 0 || speechAround(ctx, span.start, span.end))));
    if (!evidence && span.fallback !== undefined) {
      addKnownMention(ctx, found, span.fallback.person, span.fallback.start, span.end, null);
      continue;
    }
    if (!evidence) {
      pending.push({ start: span.start, end: span.end, key });
      continue;
    }
    const readings: RoleReading[] = [];
    if (before !== null && before.reading !== null) readings.push(before);
    readings.push(...after, ...prior);
    if (readings.some((reading) => reading.reading?.kind === 'journalist' || reading.nonParty === 'journalist')) {
      excluded.add(key);
      continue;
    }
    const bounds = spanBounds(ctx, span.start, span.end);
    const name = ctx.doc.text.slice(bounds.start, bounds.end).replace(/\s+/g, ' ');
    const build: PersonBuild = {
      id: unknownPersonId(name),
      name,
      known: null,
      party: partyFromContext(ctx, readings, span),
      roles: readings.filter((reading) => !reading.former).map((reading) => phraseText(ctx, reading.start, reading.end)),
      mentions: [{ start: span.start, end: span.end }],
      key,
      surnames: new Set(surnameKeys(ctx, words)),
      titleKeys: new Set(readings.flatMap((reading) => (reading.reading === null || reading.former ? [] : [reading.reading.key]))),
      titleKinds: new Set(readings.flatMap((reading) => (reading.reading === null || reading.former ? [] : [reading.reading.kind]))),
    };
    people.set(key, build);
  }
  return { people: [...people.values()], pending, messages, excluded };
}
