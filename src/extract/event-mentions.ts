// Finds event mentions sentence by sentence: for each group of trigger words, its parties, people, place, date, duration, status and outcome.
import type { DateValue, EventStatus, EventType, Sentence } from '../doc/types.ts';
import { spanOf } from '../doc/span.ts';
import type { ActorMention, PlaceRef } from './event-actors.ts';
import { actorsIn, clauseEnd, DATE_SCOPE, nextComma, phraseEnd, relativeClauseStart, tokenEndsWith, tokenIndexAt, type MentionContext } from './event-context.ts';
import { findPlace, hostOf, isPlaceUse } from './event-place.ts';
import { findDate, findDuration, findStatus, type OutsideDate } from './event-time.ts';
import { findOrdinal, findTriggers, groupTriggers, isDistinct, isNextSitting, neededObjectEnd, pickType, type Group } from './event-triggers.ts';

/** One place in the text that names an event, with what its clause says about it. */
export interface EventMention {
  type: EventType;
  /** PLOVER mode implied by the wording (phone, visit, host), if any. */
  mode: string | null;
  status: EventStatus;
  /** Parties named in the mention's own clause, first seen first. */
  parties: string[];
  /** The party whose capital or country the event is held in, when not named already: a party to a visit or a meeting there. */
  host: string | null;
  participants: string[];
  place: PlaceRef | null;
  date: DateValue | null;
  duration: string | null;
  outcome: string | null;
  /** Ordinal of the round or day ("second round" → round:2), which tells two sittings apart. */
  ordinal: string | null;
  /** "another round", "the next meeting", "when talks resume": a sitting other than the one already reported. */
  distinct: boolean;
  /** "another round", "the next meeting", "when talks resume": the next sitting of the negotiation the document is about. */
  next: boolean;
  /** The trigger only names an event when the document has one of its family already ("a round held…"). */
  weak: boolean;
  /** A visit with a destination, or an event named by a verb: stronger evidence of its type than a bare noun. */
  typeWeight: number;
  /** Character offset of the trigger. */
  at: number;
  trigger: { start: number; end: number; text: string };
  evidence: { start: number; end: number; text: string };
}

/**
 * Where the words that may name an event's parties begin: after a separator ("following talks with …"); at the trigger
 * itself when the event is only a topic ("spoke about the talks") ; after the last comma for a statement (its speaker);
 * else after the previous trigger or at the sentence start (the subject: "Boric held talks with …").
 */
function leftBound(ctx: MentionContext, group: Group, previousEnd: number): number {
  if (group.separated) return group.separatorEnd;
  const head = group.triggers[0];
  let before = head.start;
  while (before > previousEnd && (ctx.lex.objectDeterminers.has(ctx.words[before - 1]) || ctx.words[before - 1] === 'the')) before--;
  if (head.cue.pos === 'noun' && ctx.lex.topicMarkers.matchEndingAt(ctx.words, before, ctx.lex.longestTopicMarker) !== null) return head.start;
  if (head.cue.type === 'statement') {
    for (let index = head.start - 1; index > previousEnd; index--) if (ctx.words[index] === ',') return index + 1;
  }
  return previousEnd;
}

const PRONOUNS = new Set(['he', 'she', 'his', 'her']);

/**
 * "Asked if she had spoken to Boric, the minister Ana Silva said no": a pronoun before the trigger stands for the
 * first person named after the event's phrase in the sentence, or else the last person named before the sentence.
 */
function pronounReferent(ctx: MentionContext, left: number, trigger: number, first: number, last: number, right: number): ActorMention | null {
  let pronoun = false;
  for (let index = left; index < trigger; index++) if (PRONOUNS.has(ctx.words[index])) pronoun = true;
  if (!pronoun || actorsIn(ctx, left, trigger).some((actor) => actor.person !== null)) return null;
  const later = actorsIn(ctx, right, last).find((actor) => actor.person !== null && actor.party !== null);
  if (later !== undefined) return later;
  const earlier = actorsIn(ctx, Math.max(0, first - 60), first).filter((actor) => actor.person !== null && actor.party !== null);
  return earlier[earlier.length - 1] ?? null;
}

/** Whether an actor stands as a topic rather than a participant: "talks on Bolivia", "the Bolivia dispute". */
function isTopic(ctx: MentionContext, actor: ActorMention): boolean {
  const { lex, words } = ctx;
  const token = ctx.doc.tokens[actor.token];
  if (actor.tokenEnd === actor.token + 1 && token.end > actor.end) {
    // Inside a hyphenated word: "rebel-controlled", "UN-run" describe; "US-brokered" takes part.
    const rest = ctx.doc.text.slice(actor.end + 1, token.end).toLowerCase();
    if (lex.compoundSuffixes.has(rest)) return true;
  }
  let before = actor.token;
  if (words[before - 1] === 'the') before--;
  if (lex.topicMarkers.matchEndingAt(words, before, lex.longestTopicMarker) !== null) return true;
  const after = words[actor.tokenEnd];
  return actor.kind !== 'demonym' && actor.kind !== 'person' && after !== undefined && lex.topicHeads.has(after) && !tokenEndsWith(ctx, actor.tokenEnd - 1, "'s");
}

/** The outcome in the source's words: the outcome phrase nearest the trigger in its sentence. */
function findOutcome(ctx: MentionContext, first: number, last: number, trigger: number): string | null {
  let best: { text: string; distance: number } | null = null;
  for (let index = first; index < last; index++) {
    const found = ctx.lex.outcomes.match(ctx.words, index);
    if (found === null) continue;
    const end = index + found.length;
    const distance = Math.abs(index - trigger);
    if (best === null || distance < best.distance) {
      best = { text: ctx.doc.text.slice(ctx.doc.tokens[index].start, ctx.doc.tokens[end - 1].end), distance };
    }
    index = end - 1;
  }
  return best === null ? null : best.text;
}

/** The event mentions of one sentence. */
export function sentenceMentions(ctx: MentionContext, sentence: Sentence): EventMention[] {
  const { doc } = ctx;
  const first = tokenIndexAt(doc, sentence.start);
  const last = tokenIndexAt(doc, sentence.end);
  const triggers = findTriggers(ctx, first, last);
  if (triggers.length === 0) return [];
  const groups = groupTriggers(ctx, triggers, first);
  const subjectEnd = groups[0].triggers[0].start;
  const mentions: EventMention[] = [];
  groups.forEach((group, position) => {
    const head = group.triggers[0];
    const tail = group.triggers[group.triggers.length - 1];
    const previous = groups[position - 1];
    // After a clause opened by "after"/"before", the next event's words start past that clause's comma.
    const previousEnd = previous === undefined ? first : previous.triggers[previous.triggers.length - 1].end;
    const left = leftBound(ctx, group, previous?.separated === true ? Math.min(nextComma(ctx, previousEnd, head.start) + 1, head.start) : previousEnd);
    // Parties far to the right belong to later clauses ("…, the leaders discussed … U.N. experts"): the clause after a trigger is short.
    let clause = Math.min(groups[position + 1]?.triggers[0].start ?? last, clauseEnd(ctx, tail.end, last));
    // A clause opened by "before"/"following" closes at the next comma: what follows is the main clause's.
    if (group.separated) clause = nextComma(ctx, tail.end, clause);
    // The parties named after the trigger are those of its own phrase, and at least the object its verb needs.
    const right = Math.min(clause, Math.max(phraseEnd(ctx, tail.end, clause), ...group.triggers.map((trigger) => neededObjectEnd(ctx, trigger, clause))));
    const inScope = actorsIn(ctx, left, right).filter((actor) => !isTopic(ctx, actor));
    const withFollows = ctx.words[tail.end] === 'with' || ctx.words[tail.end + 1] === 'with';
    if (group.separated && withFollows) inScope.push(...actorsIn(ctx, first, subjectEnd).filter((actor) => !isTopic(ctx, actor)));
    const referent = pronounReferent(ctx, left, head.start, first, last, right);
    if (referent !== null) inScope.push(referent);
    const parties: string[] = [];
    const participants: string[] = [];
    for (const actor of inScope) {
      if (actor.person !== null && actor.party !== null && !participants.includes(actor.person)) participants.push(actor.person);
      // "in Lima", "in Peru": a place here; the host rule adds it back when it is the venue.
      if (actor.party === null || ((actor.kind === 'capital' || actor.kind === 'country') && isPlaceUse(ctx, actor))) continue;
      if (!parties.includes(actor.party)) parties.push(actor.party);
    }
    const type = pickType(group);
    const place = findPlace(ctx, group, clause);
    const host = hostOf(type, place);
    const scopeStart = doc.tokens[left]?.start ?? sentence.start;
    const scopeEnd = right < doc.tokens.length ? doc.tokens[right].start : sentence.end;
    const at = doc.tokens[head.start].start;
    const dateEnd = group.separated ? right : relativeClauseStart(ctx, right, clauseEnd(ctx, tail.end, last, DATE_SCOPE));
    const distinct = group.triggers.some((trigger) => isDistinct(ctx, trigger));
    // The date of the clause a separated or "another round" mention sits in is not its own.
    const outside: OutsideDate = distinct ? 'none' : group.separated ? (group.side ?? 'none') : 'same';
    const date = findDate(ctx, sentence, at, { start: scopeStart, end: Math.max(scopeEnd, dateEnd < doc.tokens.length ? doc.tokens[dateEnd].start : sentence.end) }, outside);
    const modes = group.triggers.map((trigger) => trigger.cue.mode).filter((mode): mode is string => mode !== null);
    mentions.push({
      type,
      mode: modes[0] ?? null,
      status: findStatus(ctx, group, first, last, date),
      parties,
      host: host !== null && !parties.includes(host) ? host : null,
      participants,
      place,
      date,
      duration: findDuration(ctx, group, left, clause),
      outcome: findOutcome(ctx, left, groups[position + 1]?.triggers[0].start ?? last, head.start),
      ordinal: findOrdinal(ctx, head),
      distinct,
      next: group.triggers.some((trigger) => isNextSitting(ctx, trigger)),
      weak: group.triggers.every((trigger) => trigger.cue.weak),
      typeWeight: group.triggers.some((trigger) => trigger.cue.pos === 'verb' || (trigger.cue.type === 'visit' && place !== null)) ? 2 : 1,
      at,
      trigger: spanOf(doc.text, at, doc.tokens[tail.end - 1].end),
      evidence: spanOf(doc.text, sentence.start, sentence.end),
    });
  });
  return mentions;
}

/** Every event mention in the document, in text order. */
export function findEventMentions(ctx: MentionContext): EventMention[] {
  const mentions: EventMention[] = [];
  for (const sentence of ctx.doc.sentences) mentions.push(...sentenceMentions(ctx, sentence));
  return mentions;
}
