// When an event is, how long it lasted and whether it is planned, happened or was cancelled.
import type { DateValue, EventStatus, Sentence } from '../doc/types.ts';
import { tenseAround } from './date-tense.ts';
import { APPROXIMATORS, dateIndexAt, isClauseBreak, numberAt, phraseEnd, type MentionContext } from './event-context.ts';
import type { Group } from './event-triggers.ts';
import { loadUnits } from './quantity-words.ts';

/** Which dates outside its own clause an event may take: none, the main clause's as is, or a few days' window to one side of it. */
export type OutsideDate = 'none' | 'same' | 'earlier' | 'later';

const SIDE_WINDOW_DAYS = 3;

function shiftDay(iso: string, days: number): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The date of an event: the resolved date mention nearest its trigger, preferring its own clause. */
export function findDate(ctx: MentionContext, sentence: Sentence, at: number, scope: { start: number; end: number }, outside: OutsideDate): DateValue | null {
  const value = nearestDate(ctx, sentence, at, scope, outside !== 'none');
  if (value === null || !value.outside || value.value.start === null || value.value.end === null) return value?.value ?? null;
  // "after Thursday's meeting" and "the day before the talks": the main clause's day bounds the event on one side.
  if (outside === 'earlier') return { ...value.value, start: shiftDay(value.value.start, -SIDE_WINDOW_DAYS), precision: 'range' };
  if (outside === 'later') return { ...value.value, end: shiftDay(value.value.end, SIDE_WINDOW_DAYS), precision: 'range' };
  return value.value;
}

function nearestDate(
  ctx: MentionContext,
  sentence: Sentence,
  at: number,
  scope: { start: number; end: number },
  allowOutside: boolean,
): { value: DateValue; outside: boolean } | null {
  let best: { value: DateValue; distance: number; outside: boolean } | null = null;
  for (let index = dateIndexAt(ctx, sentence.start); index < ctx.dates.length; index++) {
    const mention = ctx.dates[index];
    if (mention.span.start >= sentence.end) break;
    // "after Thursday's meeting": a date expression may begin with the separator that opens the clause.
    const inScope = mention.span.end > scope.start && mention.span.start < scope.end;
    // Outside its own clause only the main clause before it can date an event, never a later clause.
    if (!inScope && (!allowOutside || mention.span.start >= scope.end)) continue;
    const distance = Math.abs(mention.span.start - at) + (inScope ? 0 : 10_000);
    if (best === null || distance < best.distance) {
      best = { value: { start: mention.start, end: mention.end, text: mention.text, precision: mention.precision ?? null }, distance, outside: !inScope };
    }
  }
  return best === null ? null : { value: best.value, outside: best.outside };
}

function isoDuration(value: number, unit: string): string | null {
  switch (unit) {
    case 'minutes':
      return `PT${value}M`;
    case 'hours':
      return `PT${value}H`;
    case 'days':
      return `P${value}D`;
    case 'weeks':
      return `P${value}W`;
    case 'months':
      return `P${value}M`;
    default:
      return null;
  }
}

/** "<n> <unit>" at `index`: the ISO duration and the token after it, or null. */
function durationAt(ctx: MentionContext, index: number): { value: string; end: number } | null {
  const value = numberAt(ctx, index);
  if (value === null) return null;
  const unit = loadUnits().measures.get(ctx.words[index + 1] ?? '');
  if (unit === undefined || !unit.time) return null;
  const iso = isoDuration(value, unit.unit);
  return iso === null ? null : { value: iso, end: index + 2 };
}

/** How long the event lasted: "five hours of talks", "for over five hours", "lasted six hours", "after just two hours". */
export function findDuration(ctx: MentionContext, group: Group, from: number, to: number): string | null {
  const { lex, words } = ctx;
  const first = group.triggers[0];
  // "<n> <unit> of (intense) <trigger>"
  for (let index = first.start - 1; index >= Math.max(from, first.start - 5); index--) {
    if (words[index] !== 'of') continue;
    const found = durationAt(ctx, index - 2);
    if (found !== null && found.end === index) return found.value;
  }
  const after = group.triggers[group.triggers.length - 1].end;
  const stop = Math.min(to, after + 12);
  for (let index = Math.max(from, first.start - 6); index < stop; index++) {
    // Another verb's duration ("a war raging for six months") is not the event's.
    if (index > after && words[index].length > 5 && words[index].endsWith('ing')) break;
    if (!lex.durationLeads.has(words[index])) continue;
    if (lex.durationBlockers.matchEndingAt(words, index + 1, 4) !== null) continue;
    let cursor = index + 1;
    while (cursor < to && APPROXIMATORS.has(words[cursor]) && cursor - index < 5) {
      const found = durationAt(ctx, cursor);
      if (found !== null) return found.value;
      cursor++;
    }
    const found = durationAt(ctx, cursor);
    if (found !== null) return found.value;
  }
  return null;
}

/** Planned, happened or cancelled, from the cue words around the trigger, the date and the tense. */
export function findStatus(ctx: MentionContext, group: Group, first: number, last: number, date: DateValue | null): EventStatus {
  const { lex, words, doc } = ctx;
  const start = group.triggers[0].start;
  const end = group.triggers[group.triggers.length - 1].end;
  // The verb after the event's phrase ("Talks between A and B are scheduled …"); a statement's status is the saying's.
  const rightStop = group.triggers[0].cue.type === 'statement' ? end : Math.min(last, phraseEnd(ctx, end, Math.min(last, end + 12)) + 3);
  for (let index = Math.max(first, start - 8); index < Math.max(rightStop, Math.min(last, end + 6)); index++) {
    if (lex.cancelled.match(words, index) !== null) return 'cancelled';
  }
  const published = doc.meta.published;
  if (date !== null && date.start !== null && date.end !== null && published !== null) {
    if (date.start > published) return 'planned';
    if (date.end < published) return 'happened';
  }
  for (let index = start - 1; index >= Math.max(first, start - 6); index--) {
    if (isClauseBreak(ctx, index)) break;
    if (lex.planned.match(words, index) !== null && !lex.pastBlockers.has(words[index - 1] ?? '')) return 'planned';
  }
  for (let index = end; index < rightStop; index++) {
    if (isClauseBreak(ctx, index) || words[index] === ',') break;
    if (lex.planned.match(words, index) !== null && !lex.pastBlockers.has(words[index - 1] ?? '')) return 'planned';
  }
  // "Chile proposed that the two teams meet in Lima": a bare verb after a proposing verb is a plan.
  if (group.triggers[0].cue.pos === 'verb' && lex.baseVerbForms.has(words[start])) {
    for (let index = start - 1; index >= Math.max(first, start - 15); index--) {
      if (lex.plannedGovernors.has(words[index])) return 'planned';
    }
  }
  // A trigger verb in the past ("met", "headed to") reports what happened, whatever else the sentence plans.
  const verb = group.triggers[0].cue.pos === 'verb' ? words[start] : '';
  if (verb.endsWith('ed') || lex.pastForms.has(verb)) return 'happened';
  const tense = tenseAround(doc, doc.tokens[start].start, doc.tokens[end - 1].end);
  return tense === 'future' ? 'planned' : 'happened';
}
