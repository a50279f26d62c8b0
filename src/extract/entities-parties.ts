// Party, organisation, body and place mentions: names, demonyms and metonyms resolve to their party; capitals used as venues are places, which stand for no party.
import type { EntityKind } from '../doc/types.ts';
import { partyOn, tokenKey, type GazetteerEntry, type PartyRecord } from '../knowledge/index.ts';
import { chunkEndingAt, entryOf, spanBounds, type Chunk, type EntityContext } from './entities-context.ts';
import { slugify } from '../knowledge/slug.ts';

/** A mention of something that is not a person, with the entity it belongs to. */
export interface ThingMention {
  id: string;
  name: string;
  kind: EntityKind;
  party: string | null;
  /** Character offsets into the text. */
  start: number;
  end: number;
}


type EntityHead = Pick<ThingMention, 'id' | 'name' | 'kind' | 'party'>;
type PartyEntry = Extract<GazetteerEntry, { type: 'party' }>;

const partyHeads = new WeakMap<PartyRecord, EntityHead>();

/** The entity a party stands as: countries are `country:`, blocs, bodies and groups `org:`. */
export function partyEntity(party: PartyRecord): EntityHead {
  let head = partyHeads.get(party);
  if (head === undefined) {
    head =
      party.kind === 'country'
        ? { id: `country:${slugify(party.name)}`, name: party.name, kind: 'country', party: party.name }
        : { id: `org:${slugify(party.name)}`, name: party.name, kind: party.kind === 'group' ? 'group' : 'organization', party: party.name };
    partyHeads.set(party, head);
  }
  return head;
}

/** Whether the chunk stands after a locative preposition ("in Moscow", "at the Kremlin"). */
function afterLocative(ctx: EntityContext, chunk: Chunk): boolean {
  let i = chunk.start - 1;
  if (i >= 0 && ctx.view.keys[i] === 'the') i--;
  return i >= 0 && ctx.kb.cues.locatives.has(ctx.view.keys[i]);
}

/** Whether a capitalised word stands right before or after the chunk, as with a first name that is also a country ("Jordan Bardella"). */
function besideNameWord(ctx: EntityContext, chunk: Chunk): boolean {
  return isLoneCapitalisedWord(ctx, chunk.start - 1) || isLoneCapitalisedWord(ctx, chunk.end);
}

/** Whether token `i` is a capitalised word that ends no gazetteer chunk. */
function isLoneCapitalisedWord(ctx: EntityContext, i: number): boolean {
  return i >= 0 && i < ctx.view.tokens.length && ctx.view.tokens[i].kind === 'word' && ctx.view.capitalized[i] && chunkEndingAt(ctx, i + 1) === null;
}

const capitalHeads = new WeakMap<PartyRecord, EntityHead>();

/** The place a capital stands for when it is a venue ("talks in Geneva"), which stands for no party. */
function capitalPlace(party: PartyRecord): EntityHead {
  let head = capitalHeads.get(party);
  if (head === undefined) {
    const name = party.capital ?? party.name;
    head = { id: `place:${slugify(name)}`, name, kind: 'place', party: null };
    capitalHeads.set(party, head);
  }
  return head;
}

function mention(ctx: EntityContext, chunk: Chunk, entity: EntityHead): ThingMention {
  const bounds = spanBounds(ctx, chunk.start, chunk.end);
  return { id: entity.id, name: entity.name, kind: entity.kind, party: entity.party, start: bounds.start, end: bounds.end };
}

/** The party a government body belongs to: a party or person written before it ("Russian foreign ministry", "Trump administration") or after "of". */
function bodyParty(ctx: EntityContext, chunk: Chunk): string | null {
  const before = chunkEndingAt(ctx, chunk.start);
  const party = entryOf(before, 'party');
  if (party !== null && !party.ambiguous) return party.party.name;
  const person = entryOf(before, 'person');
  if (person !== null) return partyOn(person.person, ctx.day);
  if (ctx.view.keys[chunk.end] === 'of') {
    let at = chunk.end + 1;
    if (ctx.view.keys[at] === 'the') at++;
    const after = ctx.kb.gazetteer.longestAt(ctx.view, at);
    const afterParty = after === null ? null : entryOf(after, 'party');
    if (afterParty !== null && !afterParty.ambiguous && afterParty.form !== 'demonym') return afterParty.party.name;
  }
  return null;
}

/** Party names inside hyphenated words ("US-brokered", "Russia-Ukraine"), each as its own mention. */
function hyphenatedMentions(ctx: EntityContext, i: number, out: ThingMention[]): void {
  const token = ctx.view.tokens[i];
  const surface = ctx.view.text.slice(token.start, token.end);
  let offset = 0;
  for (const part of surface.split(/[-\u2010\u2011]/)) {
    const start = token.start + offset;
    offset += part.length + 1;
    if (part.length < 2) continue;
    for (const { entry, surface: form, caseRule } of ctx.kb.gazetteer.wordEntries(tokenKey(part))) {
      if (entry.type !== 'party' || entry.ambiguous || entry.form === 'demonym' || entry.form === 'capital') continue;
      if (caseRule === 'exact' ? part !== form : !/^\p{Lu}/u.test(part)) continue;
      out.push({ ...partyEntity(entry.party), start, end: start + part.length });
      break;
    }
  }
}

/** Every party, organisation, body and place mention outside the people's mentions (`taken` marks their tokens). */
export function findThingMentions(ctx: EntityContext, taken: Uint8Array): ThingMention[] {
  const out: ThingMention[] = [];
  const { venueNouns } = ctx.kb.cues;
  for (const chunk of ctx.chunks) {
    if (taken[chunk.start]) continue;
    let capital: PartyEntry | null = null;
    let other: PartyEntry | null = null;
    for (const entry of chunk.entries) {
      if (entry.type !== 'party') continue;
      if (entry.form === 'capital') capital ??= entry;
      else other ??= entry;
    }
    const chosen = other ?? capital;
    if (chosen !== null) {
      if (capital !== null) {
        const venue = afterLocative(ctx, chunk) || venueNouns.has(ctx.view.keys[chunk.end] ?? '');
        if (venue || (other === null && !capital.party.capitalIsMetonym)) {
          out.push(mention(ctx, chunk, capitalPlace(capital.party)));
          continue;
        }
      }
      if (chosen.ambiguous && besideNameWord(ctx, chunk)) continue;
      out.push(mention(ctx, chunk, partyEntity(chosen.party)));
      continue;
    }
    const organization = entryOf(chunk, 'organization');
    if (organization !== null) {
      const record = organization.organization;
      out.push(mention(ctx, chunk, { id: record.id, name: record.name, kind: 'organization', party: record.party }));
      continue;
    }
    const place = entryOf(chunk, 'place');
    if (place !== null) {
      out.push(mention(ctx, chunk, { id: place.place.id, name: place.place.name, kind: 'place', party: null }));
      continue;
    }
    const body = entryOf(chunk, 'body');
    if (body !== null) {
      const party = bodyParty(ctx, chunk);
      if (party === null) continue;
      const record = ctx.kb.partyByName.get(party.toLowerCase());
      const owner = record?.definite ? `the ${party}` : party;
      out.push(mention(ctx, chunk, { id: `org:${slugify(party)}-${body.body.id}`, name: `${body.body.name} of ${owner}`, kind: 'organization', party }));
    }
  }
  for (let i = 0; i < ctx.view.tokens.length; i++) {
    if (ctx.chunkAt[i] === -1 && !taken[i] && ctx.view.keys[i].includes('-') && ctx.view.tokens[i].kind === 'word') hyphenatedMentions(ctx, i, out);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
