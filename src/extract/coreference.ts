// Coreference that pays: a repeated name, a lone surname ("Ushakov", "Mr. Medinsky") or a title ("the Kremlin aide", "the Turkish president") resolves to a person of the same document.
import { readTitle, type TitleReading } from '../knowledge/index.ts';
import { chunkCovering, chunkStartingAt, entryOf, type EntityContext } from './entities-context.ts';
import { isNameWord } from './entities-names.ts';
import { hasTitleWord } from './entities-roles.ts';
import type { PeopleResult, PersonBuild } from './entities-people.ts';

function firstMention(person: PersonBuild): number {
  let first = Number.POSITIVE_INFINITY;
  for (const mention of person.mentions) first = Math.min(first, mention.start);
  return first;
}

/** The mention of `person` nearest before token `at`, or -1. */
function lastMentionBefore(person: PersonBuild, at: number): number {
  let last = -1;
  for (const mention of person.mentions) {
    if (mention.start < at && mention.start > last) last = mention.start;
  }
  return last;
}

/** Of several people a name could mean, the one mentioned last before `at` (or first after it). */
function nearest(people: readonly PersonBuild[], at: number): PersonBuild | null {
  let best: PersonBuild | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const person of people) {
    const before = lastMentionBefore(person, at);
    const score = before >= 0 ? before : -at - firstMention(person);
    if (score > bestScore) {
      bestScore = score;
      best = person;
    }
  }
  return best;
}

/**
 * Names that had no evidence of their own: a repeat of a full name found elsewhere in the
 * document, or a lone surname (with or without "Mr.") of a person found elsewhere. When two
 * people share the surname, the one mentioned last before it wins.
 */
export function resolvePendingNames(result: PeopleResult): void {
  const byKey = new Map(result.people.map((person) => [person.key, person]));
  const bySurname = new Map<string, PersonBuild[]>();
  for (const person of result.people) {
    for (const surname of person.surnames) {
      const list = bySurname.get(surname) ?? [];
      list.push(person);
      bySurname.set(surname, list);
    }
  }
  for (const name of result.pending) {
    if (result.excluded.has(name.key)) continue;
    let target = byKey.get(name.key) ?? null;
    if (target === null) {
      const candidates = bySurname.get(name.key);
      if (candidates !== undefined) target = nearest(candidates, name.start);
    }
    target?.mentions.push({ start: name.start, end: name.end });
  }
}

/**
 * A person first found under a surname alone ("De Wever said ...") and later under the full
 * name is one person: the surname's mentions move to the full name.
 */
export function mergeSurnamePeople(result: PeopleResult): void {
  const merged = new Set<PersonBuild>();
  for (const short of result.people) {
    if (short.known !== null) continue;
    const full = result.people.find((person) => person !== short && !merged.has(person) && person.surnames.has(short.key));
    if (full === undefined) continue;
    full.mentions.push(...short.mentions);
    for (const role of short.roles) if (!full.roles.includes(role)) full.roles.push(role);
    full.party ??= short.party;
    merged.add(short);
  }
  if (merged.size > 0) result.people = result.people.filter((person) => !merged.has(person));
}

const TITLE_COREF_KINDS = new Set(['head-of-state', 'head-of-government', 'deputy-head', 'minister', 'diplomat', 'envoy', 'negotiator', 'spokesperson', 'aide', 'military']);
const GENERIC_HEADS = new Set(['head', 'leader', 'chairman', 'director']);
const HEAD_KINDS = new Set(['head-of-state', 'head-of-government', 'official']);

function fitsTitle(person: PersonBuild, key: string, kind: string): boolean {
  if (person.titleKeys.has(key)) return true;
  // "the minister" fits any minister ("foreign minister", "energy minister").
  if (key === 'minister') return person.titleKinds.has('minister');
  if (key === 'leader') return person.titleKinds.has('head-of-state') || person.titleKinds.has('head-of-government');
  if (GENERIC_HEADS.has(key)) return [...person.titleKinds].some((held) => HEAD_KINDS.has(held));
  return kind === 'head-of-government' && person.titleKinds.has('head-of-government');
}

/**
 * People mentioned before token `at` who hold the title (of `party`, when one is named). A
 * plain function rather than a closure in the token loop: a closure there would make every
 * iteration allocate a scope for the loop variables it captures.
 */
function titleHolders(people: readonly PersonBuild[], at: number, reading: TitleReading, party: string | null): PersonBuild[] {
  const holders: PersonBuild[] = [];
  for (const person of people) {
    if (lastMentionBefore(person, at) >= 0 && fitsTitle(person, reading.key, reading.kind) && (party === null || person.party === party)) holders.push(person);
  }
  return holders;
}

/**
 * Title mentions: "the [party] title" or "Party's title" not followed by a name ("the US
 * president", "Turkey's leader", "the Kremlin aide", "the U.N. chief") resolve to the person
 * mentioned last before them who holds that title (and party, when one is named). Without a
 * party the title must fit exactly one person of the document, since "the president" is
 * ambiguous when several presidents are in the story.
 */
export function resolveTitleMentions(ctx: EntityContext, people: readonly PersonBuild[], taken: Uint8Array): void {
  const count = ctx.view.tokens.length;
  for (let i = 0; i < count; i++) {
    if (taken[i] || (ctx.view.keys[i] !== 'the' && !ctx.view.possessive[i])) continue;
    let party: string | null = null;
    let j: number;
    const opening = chunkStartingAt(ctx, i);
    const openingParty = entryOf(opening, 'party');
    if (ctx.view.keys[i] === 'the' && ctx.view.tokens[i].kind === 'word') {
      j = i + 1;
    } else if (opening !== null && opening.possessive && openingParty !== null && !openingParty.ambiguous) {
      party = openingParty.party.name;
      j = opening.end;
    } else {
      continue;
    }
    const words: string[] = [];
    let titleEnd = -1;
    while (j < count) {
      const chunk = chunkStartingAt(ctx, j);
      if (chunk === null) break;
      if (chunk.possessive) {
        // "the Russian president's demands": a possessive title closes the reference.
        if (entryOf(chunk, 'title') !== null) {
          for (let k = chunk.start; k < chunk.end; k++) words.push(ctx.view.bases[k]);
          titleEnd = chunk.end;
          j = chunk.end;
        }
        break;
      }
      const partyEntry = entryOf(chunk, 'party');
      if (hasTitleWord(chunk)) {
        for (let k = chunk.start; k < chunk.end; k++) words.push(ctx.view.bases[k]);
        if (entryOf(chunk, 'title') !== null) titleEnd = chunk.end;
      } else if (partyEntry !== null && !partyEntry.ambiguous && party === null && words.length === 0) {
        party = partyEntry.party.name;
      } else {
        break;
      }
      j = chunk.end;
    }
    if (titleEnd < 0 || titleEnd !== j) continue;
    // A name or "of" after the title makes it a title before a name or a full description, not a reference.
    const next = chunkCovering(ctx, titleEnd);
    if (isNameWord(ctx, titleEnd) || entryOf(next, 'person') !== null || ctx.view.keys[titleEnd] === 'of') continue;
    const reading = readTitle(ctx.kb, words);
    if (reading === null || reading.former || !(TITLE_COREF_KINDS.has(reading.kind) || GENERIC_HEADS.has(reading.key))) continue;
    if (party === null && GENERIC_HEADS.has(reading.key)) continue;
    const candidates = titleHolders(people, i, reading, party);
    if (candidates.length === 0 || (party === null && candidates.length > 1)) continue;
    const target = nearest(candidates, i);
    if (target === null) continue;
    target.mentions.push({ start: i, end: titleEnd });
    taken.fill(1, i, titleEnd);
    i = titleEnd - 1;
  }
}
