// Where an event is held: "in Lima", "at the Kremlin", "the city of Arica", "visited Lima", "the Lima talks"; and who hosts it.
import type { EventType } from '../doc/types.ts';
import { MEETING_FAMILY } from './event-lexicon.ts';
import type { ActorMention, PlaceRef } from './event-actors.ts';
import { capitalAt, isClauseBreak, possessiveAt, type MentionContext } from './event-context.ts';
import type { Group } from './event-triggers.ts';

/** Whether an actor is used as a place here ("in Lima", "to Santiago") rather than as a party. */
export function isPlaceUse(ctx: MentionContext, actor: ActorMention): boolean {
  if (actor.place === null) return false;
  let before = actor.token - 1;
  if (ctx.words[before] === 'the') before--;
  return ctx.lex.placePrepositions.has(ctx.words[before] ?? '');
}

/** The place of an event: "in Lima", "at the Kremlin", "the city of Arica", "visited Lima", or "the Lima talks"; the most specific wins. */
export function findPlace(ctx: MentionContext, group: Group, to: number): PlaceRef | null {
  const { lex, words } = ctx;
  const head = group.triggers[0];
  const tail = group.triggers[group.triggers.length - 1];
  const candidates: PlaceRef[] = [];
  // Adjectival, right before the trigger: "the Lima talks", "Kremlin talks", "the Patagonia summit".
  const before = ctx.actorAt[head.start - 1] ?? -1;
  if (head.cue.pos === 'noun' && before !== -1 && ctx.actors[before].tokenEnd === head.start) {
    const place = ctx.actors[before].place;
    if (place !== null && place.specificity > 1) candidates.push(place);
  }
  const isVisit = group.triggers.some((trigger) => trigger.cue.type === 'visit');
  // A destination verb takes its place as object ("visited Lima", "touch down in Santiago").
  for (const trigger of group.triggers) {
    const lastWord = words[trigger.end - 1];
    if (trigger.cue.needs === 'destination' || lex.placePrepositions.has(lastWord)) {
      const place = placeAt(ctx, trigger.end, to);
      if (place !== null) candidates.push(place);
    }
  }
  const stop = Math.min(to, tail.end + 14);
  // Within a locative phrase ("in two hotels in Lima") a few plain words may stand.
  let locativeWords = 0;
  for (let index = tail.end; index < stop; index++) {
    const word = words[index];
    if (isClauseBreak(ctx, index)) break;
    const isPreposition = lex.placePrepositions.has(word) && !((word === 'to' || word === 'into') && !isVisit);
    if (isPreposition) {
      const place = placeAt(ctx, index + 1, to);
      // A country far from the trigger is the war's or the ceasefire's ("a ceasefire in Bolivia"), not the venue.
      if (place !== null && (place.specificity > 1 || index - tail.end <= 1)) candidates.push(place);
      locativeWords = 3;
      continue;
    }
    const bridges =
      ctx.doc.tokens[index].kind !== 'word' ||
      ctx.actorAt[index] !== -1 ||
      capitalAt(ctx, index) ||
      lex.bridgeWords.has(word) ||
      lex.personNouns.has(word);
    if (bridges) continue;
    if (locativeWords-- > 0) continue;
    break;
  }
  let best: PlaceRef | null = null;
  for (const candidate of candidates) if (best === null || candidate.specificity > best.specificity) best = candidate;
  return best;
}

/** The place named at token `from` (after "in", "at", "to"): a known place, "the western city of X", or an unknown capitalised name. */
function placeAt(ctx: MentionContext, from: number, to: number): PlaceRef | null {
  const { lex, words } = ctx;
  let cursor = from;
  if (words[cursor] === 'the') cursor++;
  // "the northern city of Arica": describing words only count when a "city of" follows them.
  for (let look = cursor; look < Math.min(to, cursor + 3); look++) {
    const noun = lex.placeNounsBefore.match(words, look);
    if (noun !== null) {
      cursor = look + noun.length;
      break;
    }
  }
  const at = ctx.actorAt[cursor] ?? -1;
  if (at !== -1) {
    const actor = ctx.actors[at];
    // "in Lima's hands" is no venue.
    return possessiveAt(ctx, actor.tokenEnd - 1) ? null : actor.place;
  }
  return words[from - 1] === 'in' || words[from - 2] === 'in' ? unknownPlace(ctx, cursor, to) : null;
}

/** A run of capitalised words after "in"/"at" that no lexicon knows ("Puerto Verde"): a town or venue. */
function unknownPlace(ctx: MentionContext, from: number, to: number): PlaceRef | null {
  const { doc } = ctx;
  let end = from;
  while (end < to && doc.tokens[end].kind === 'word' && capitalAt(ctx, end) && ctx.actorAt[end] === -1) end++;
  // A long capitalised run is a name of something else ("the World Economic Forum"); headings capitalise every word.
  if (end === from || end - from > 2 || ctx.actorAt[end] !== -1 && end < to) return null;
  if (doc.headings.some((heading) => heading.start <= doc.tokens[from].start && heading.end >= doc.tokens[from].end)) return null;
  const start = doc.tokens[from].start;
  for (let index = from; index < end; index++) if (ctx.inDate[index] === 1) return null;
  if (ctx.lex.placeSuffixes.has(ctx.words[end] ?? '')) end++;
  return { name: doc.text.slice(start, doc.tokens[end - 1].end), specificity: 3, capitalOf: null, country: null };
}

/** Which party hosts an event held at `place`: the capital's country, or the country itself. */
export function hostOf(type: EventType, place: PlaceRef | null): string | null {
  if (place === null || !MEETING_FAMILY.has(type)) return null;
  if (place.capitalOf !== null) return place.capitalOf;
  if (place.specificity === 1) return place.country;
  return type === 'visit' ? place.country : null;
}
