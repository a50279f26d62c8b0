// Finds the words that name events in a sentence, checks each is used as an event name, and groups those naming one event.
import type { EventType } from '../doc/types.ts';
import type { TriggerCue } from './event-lexicon.ts';
import { actorAfter, actorsIn, capitalAt, hasPartyOrPerson, isClauseBreak, nextComma, objectAfter, possessiveAt, withinWindow, type MentionContext } from './event-context.ts';

export interface Trigger {
  start: number;
  end: number;
  cue: TriggerCue;
}

/** Whether a trigger's needs are met where it stands; guards against "met with resistance", "calls for", "spoke to reporters". */
function needsMet(ctx: MentionContext, trigger: Trigger, sentence: { first: number; last: number }): boolean {
  const { lex, words } = ctx;
  const { cue } = trigger;
  const next = words[trigger.end];
  switch (cue.needs) {
    case null:
      return true;
    case 'person': {
      if (cue.type === 'call' && next !== undefined && lex.callExclusions.has(next)) return false;
      if (next !== undefined && lex.notPersonObjects.match(words, trigger.end) !== null) return false;
      return hasPartyOrPerson(objectAfter(ctx, trigger.end, sentence.last, 6));
    }
    case 'participant': {
      const previous = words[trigger.start - 1];
      // "has been met with resistance", "demands were met": a passive "met" is no meeting.
      if (previous !== undefined && lex.passiveMarkers.has(previous) && words[trigger.start] === 'met') return false;
      if (next !== undefined && lex.objectDeterminers.has(next)) {
        const object = words[trigger.end + 1];
        if (object !== undefined && !lex.personNouns.has(object) && !capitalAt(ctx, trigger.end + 1)) return false;
      }
      if (hasPartyOrPerson(actorAfter(ctx, trigger.end, sentence.last, 6))) return true;
      return actorsIn(ctx, Math.max(sentence.first, trigger.start - 12), trigger.start).some((actor) => hasPartyOrPerson(actor));
    }
    case 'destination': {
      const actor = objectAfter(ctx, trigger.end, sentence.last, 4);
      return actor !== null && (actor.place !== null || actor.person !== null);
    }
    case 'arrival': {
      // "is set to arrive next week", "arrived in Lima": an arrival somewhere or at some time, not "arrived late".
      const arriving = actorsIn(ctx, Math.max(sentence.first, trigger.start - 10), trigger.start).some((actor) => hasPartyOrPerson(actor));
      const where = withinWindow(ctx, trigger.end, sentence.last, 6, (index) => ctx.inDate[index] === 1 || ctx.actors[ctx.actorAt[index]]?.place != null);
      return arriving && where;
    }
    case 'with':
      for (let index = trigger.end; index < Math.min(sentence.last, trigger.end + 8); index++) {
        if (words[index] === 'with') return hasPartyOrPerson(actorAfter(ctx, index + 1, sentence.last, 5));
      }
      return false;
    case 'plan':
      return objectNounAfter(ctx, trigger.end, sentence.last, (index) => lex.planNouns.match(words, index) !== null);
    case 'agreement':
      return objectNounAfter(ctx, trigger.end, sentence.last, (index) => lex.agreementNouns.match(words, index) !== null);
    case 'ceasefire-verb':
      return (
        withinWindow(ctx, trigger.end, sentence.last, 4, (index) => lex.ceasefireVerbs.match(words, index) !== null) ||
        withinWindow(ctx, Math.max(sentence.first, trigger.start - 4), trigger.start, 4, (index) => lex.ceasefireVerbs.match(words, index) !== null)
      );
  }
}

/** Whether the verb's object, within four words and before any preposition or negation, is such a noun ("signed a peace deal", not "submitted a reply to the plan"). */
function objectNounAfter(ctx: MentionContext, from: number, limit: number, isNoun: (index: number) => boolean): boolean {
  const { lex, words } = ctx;
  for (let index = from; index < Math.min(limit, from + 4); index++) {
    if (isNoun(index)) return true;
    if (ctx.doc.tokens[index].kind === 'punct' || OBJECT_STOPS.has(words[index]) || lex.negation.match(words, index) !== null) return false;
  }
  return false;
}

const OBJECT_STOPS = new Set(['to', 'of', 'on', 'for', 'with', 'by', 'from', 'in', 'at', 'that']);

/** The trigger phrases of one sentence, left to right, each the longest that fits. */
export function findTriggers(ctx: MentionContext, first: number, last: number): Trigger[] {
  const { lex, words } = ctx;
  const found: Trigger[] = [];
  for (let index = first; index < last; index++) {
    if (ctx.doc.tokens[index].kind !== 'word') continue;
    const matches = lex.triggers.matchAll(words, index);
    if (matches.length === 0) continue;
    let chosen: Trigger | null = null;
    // Among phrases of one length, a cue whose needs are met beats a bare one ("visits Lima" is the verb).
    for (const match of matches) {
      const trigger = { start: index, end: index + match.length, cue: match.value };
      if (chosen !== null && trigger.end < chosen.end) break;
      if (!needsMet(ctx, trigger, { first, last }) || !standsAsEvent(ctx, trigger)) continue;
      if (chosen === null || (chosen.cue.needs === null && trigger.cue.needs !== null)) chosen = trigger;
    }
    if (chosen === null || isNegated(ctx, chosen, first)) continue;
    found.push(chosen);
    index = chosen.end - 1;
  }
  return found;
}

/**
 * Whether the trigger word is used as an event name here: not a noun used as a verb ("the minister talks of a deal", "to visit"),
 * not a participle used as an adjective ("the proposed plan"), not a modifier ("negotiating team"), not "rounds of shelling".
 */
function standsAsEvent(ctx: MentionContext, trigger: Trigger): boolean {
  const { lex, words } = ctx;
  const next = words[trigger.end] ?? '';
  const previous = words[trigger.start - 1] ?? '';
  if (lex.attributiveNouns.has(next)) return false;
  if (trigger.cue.pos === 'noun') {
    if (previous === 'to') return false;
    if (words[trigger.start] === 'talks' && (next === 'of' || next === 'about' || next === 'up')) return false;
    if (trigger.cue.weak && next === 'of') return false;
    return true;
  }
  return !lex.objectDeterminers.has(previous) && !possessiveAt(ctx, trigger.start - 1);
}

function isNegated(ctx: MentionContext, trigger: Trigger, first: number): boolean {
  const { lex, words } = ctx;
  for (let index = trigger.start - 1; index >= Math.max(first, trigger.start - 4); index--) {
    if (isClauseBreak(ctx, index) || words[index] === ',') return false;
    if (words[index].endsWith("n't") || lex.negation.match(words, index) !== null) return true;
  }
  return false;
}

export interface Group {
  triggers: Trigger[];
  /** The clause starts after a "following"/"after" separator: the sentence subject is not this event's unless "with" says so. */
  separated: boolean;
  separatorEnd: number;
  /** Which side of the main clause's time a separated event lies on. */
  side: 'earlier' | 'later' | null;
}

/** Joins triggers that name one event ("visit Paris … for talks", "travel to Lima to meet"); splits at "following", "after". */
export function groupTriggers(ctx: MentionContext, triggers: Trigger[], first: number): Group[] {
  const { lex, words } = ctx;
  const groups: Group[] = [];
  for (const trigger of triggers) {
    const separator = separatorBefore(ctx, trigger, first);
    const previous = groups[groups.length - 1];
    if (previous !== undefined && separator === null) {
      const last = previous.triggers[previous.triggers.length - 1];
      const gap = trigger.start - last.end;
      const joined =
        gap <= 6 &&
        (lex.joiners.matchEndingAt(words, trigger.start, 2) !== null || lex.joiners.matchEndingAt(words, trigger.start - 1, 2) !== null);
      // A clause opened by "after"/"before" ends at its comma; the event after it is another one.
      if (joined && !previous.separated && !hasClauseBreak(ctx, last.end, trigger.start) && nextComma(ctx, last.end, trigger.start) === trigger.start) {
        previous.triggers.push(trigger);
        continue;
      }
    }
    groups.push({ triggers: [trigger], separated: separator !== null, separatorEnd: separator?.end ?? trigger.start, side: separator?.side ?? null });
  }
  return groups;
}

function hasClauseBreak(ctx: MentionContext, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (isClauseBreak(ctx, index)) return true;
  return false;
}

/** A separator ("following", "after", "ahead of") within three words before the trigger: the token after it and its side, or null. */
function separatorBefore(ctx: MentionContext, trigger: Trigger, first: number): { end: number; side: 'earlier' | 'later' | null } | null {
  for (let end = trigger.start; end >= Math.max(first + 1, trigger.start - 3); end--) {
    const found = ctx.lex.separators.matchEndingAt(ctx.words, end, 2);
    if (found !== null) return { end, side: found.value };
  }
  return null;
}

/** The token after the object a trigger needs ("spoke to Boric", "spent a week with the envoy"), or the trigger's end. */
export function neededObjectEnd(ctx: MentionContext, trigger: Trigger, limit: number): number {
  const { needs } = trigger.cue;
  if (needs === 'person' || needs === 'destination') return objectAfter(ctx, trigger.end, limit, 6)?.tokenEnd ?? trigger.end;
  if (needs === 'with') {
    for (let index = trigger.end; index < Math.min(limit, trigger.end + 8); index++) {
      if (ctx.words[index] === 'with') return actorAfter(ctx, index + 1, limit, 5)?.tokenEnd ?? trigger.end;
    }
  }
  return trigger.end;
}

/** "second round", "first day": the ordinal of a sitting, keyed by what it counts. */
export function findOrdinal(ctx: MentionContext, trigger: Trigger): string | null {
  const { lex, words } = ctx;
  for (let index = trigger.start - 1; index >= Math.max(0, trigger.start - 4); index--) {
    const value = lex.ordinals.get(words[index]);
    if (value === undefined) continue;
    const counted = words[index + 1] === 'day' || words[index + 1] === 'days' ? 'day' : 'round';
    return `${counted}:${value}`;
  }
  return null;
}

/** Whether a word of `modifiers` modifies the trigger: right before it, or across "round of"-like words, never across a verb or a date. */
function hasModifier(ctx: MentionContext, trigger: Trigger, modifiers: ReadonlySet<string>): boolean {
  const { lex, words } = ctx;
  for (let index = trigger.start - 1; index >= Math.max(0, trigger.start - 4); index--) {
    if (ctx.inDate[index] === 1) return false;
    if (modifiers.has(words[index])) return true;
    if (!lex.modifierBridge.has(words[index])) return false;
  }
  return false;
}

/** "when talks resume", "met again". */
function resumes(ctx: MentionContext, trigger: Trigger): boolean {
  for (let index = trigger.end; index < trigger.end + 2; index++) {
    if (ctx.lex.distinctAfter.has(ctx.words[index] ?? '')) return true;
  }
  return false;
}

export function isNextSitting(ctx: MentionContext, trigger: Trigger): boolean {
  return hasModifier(ctx, trigger, ctx.lex.nextSitting) || resumes(ctx, trigger);
}

export function isDistinct(ctx: MentionContext, trigger: Trigger): boolean {
  return hasModifier(ctx, trigger, ctx.lex.distinct) || resumes(ctx, trigger);
}

/** A joined group is named by its first trigger ("visit … for talks" is a visit), except that a weak word yields to a strong one. */
export function pickType(group: Group): EventType {
  const strong = group.triggers.find((trigger) => !trigger.cue.weak);
  return (strong ?? group.triggers[0]).cue.type;
}
