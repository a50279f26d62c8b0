// Named plans and proposals ("the 12-point plan", "a 45-day ceasefire proposal"): author, point count, versions and named points, plus a proposal event each.
import type { NegotiationEvent, Plan, Span } from '../doc/types.ts';
import { spanOf } from '../doc/span.ts';
import { ploverCode } from './event-lexicon.ts';
import type { ActorMention } from './event-actors.ts';
import { tokenIndexAt, type MentionContext } from './event-context.ts';

const NUMBER_LED = /^(\d+)[-\u2010\u2011](\p{L}+)$/u;

interface PlanName {
  key: string;
  name: string;
  pointCount: number | null;
  start: number;
  /** Token after the name. */
  end: number;
}

/** A number-led plan name starting at token `index`, or null. */
function planNameAt(ctx: MentionContext, index: number): PlanName | null {
  const { lex, words, doc } = ctx;
  // Only a word opening with a digit can be "12-point": skip the pattern for all others.
  const lead = words[index].charCodeAt(0);
  if (!(lead >= 0x30 && lead <= 0x39)) return null;
  const match = NUMBER_LED.exec(words[index]);
  if (match === null) return null;
  const [, count, suffix] = match;
  let end = -1;
  let key = '';
  if (lex.plans.countSuffixes.has(suffix)) {
    // "12-point plan", "12-point Norwegian peace plan": the plan noun within three words.
    for (let cursor = index + 1; cursor < Math.min(words.length, index + 4); cursor++) {
      const noun = lex.planNouns.match(words, cursor);
      if (noun !== null) {
        end = cursor + noun.length;
        break;
      }
      if (doc.tokens[cursor].kind !== 'word') break;
    }
    key = `${count}-${suffix}`;
  } else if (lex.plans.truceLengthSuffixes.has(suffix) && lex.plans.ceasefireWords.has(words[index + 1] ?? '')) {
    end = index + 2;
    const noun = lex.planNouns.match(words, end);
    if (noun !== null) end += noun.length;
    key = `${count}-${suffix}-${words[index + 1]}`;
  }
  if (end === -1) return null;
  return {
    key,
    name: doc.text.slice(doc.tokens[index].start, doc.tokens[end - 1].end),
    pointCount: lex.plans.countSuffixes.has(suffix) && suffix === 'point' ? Number(count) : null,
    start: index,
    end,
  };
}

function actorBetween(ctx: MentionContext, from: number, to: number): ActorMention | null {
  for (let index = from; index < to; index++) {
    const at = ctx.actorAt[index];
    if (at !== -1 && ctx.actors[at].party !== null && ctx.actors[at].kind !== 'place') return ctx.actors[at];
  }
  return null;
}

/** The party that drew the plan up: "the Norwegian 12-point plan", "Boric's 12-point plan", "a 9-point plan proposed by Lima". */
function authorOf(ctx: MentionContext, name: PlanName, sentenceStart: number): string | null {
  const inside = actorBetween(ctx, name.start + 1, name.end);
  if (inside !== null) return inside.party;
  for (let index = name.start - 1; index >= Math.max(sentenceStart, name.start - 3); index--) {
    const at = ctx.actorAt[index];
    if (at !== -1 && ctx.actors[at].party !== null) return ctx.actors[at].party;
    if (ctx.doc.tokens[index].kind !== 'word') break;
  }
  // "the 17-point framework, drafted by U.S. negotiators"
  const after = ctx.words[name.end] === ',' ? name.end + 1 : name.end;
  const link = ctx.lex.plans.authorLinks.match(ctx.words, after);
  if (link !== null) return actorBetween(ctx, after + link.length, after + link.length + 4)?.party ?? null;
  return null;
}

function tokenRange(ctx: MentionContext, start: number, end: number): { first: number; last: number } {
  return { first: tokenIndexAt(ctx.doc, start), last: tokenIndexAt(ctx.doc, end) };
}

/** Whether a sentence ending at token `last` refers to a plan (by name or, when it is the only one, by "the draft") and then says what a point holds. */
function namesPoint(ctx: MentionContext, last: number, references: readonly number[]): boolean {
  for (const reference of references) {
    // The verb of the plan's clause, after an apposition if any ("the framework, drafted by X, includes …").
    for (let index = reference; index < Math.min(last, reference + POINT_VERB_WINDOW); index++) {
      if (ctx.lex.plans.pointVerbs.match(ctx.words, index) !== null) return true;
      const mark = ctx.words[index];
      if (mark === ';' || mark === ':' || mark === '.') break;
    }
  }
  return false;
}

/** The named plans of a document, each with the sentences that report its versions and points. */
export function findPlans(ctx: MentionContext): Plan[] {
  const { doc, lex, words } = ctx;
  const plans = new Map<string, Plan>();
  // Per sentence, the plans named in it and the token after each name.
  const named: { plan: Plan; end: number }[][] = doc.sentences.map(() => []);
  doc.sentences.forEach((sentence, position) => {
    const { first, last } = tokenRange(ctx, sentence.start, sentence.end);
    for (let index = first; index < last; index++) {
      const name = planNameAt(ctx, index);
      if (name === null) continue;
      const span: Span = spanOf(doc.text, doc.tokens[name.start].start, doc.tokens[name.end - 1].end);
      let plan = plans.get(name.key);
      if (plan === undefined) {
        plan = {
          id: `plan:${name.key}`,
          name: name.name,
          author: null,
          pointCount: name.pointCount,
          versions: [],
          points: [],
          mentions: [],
          evidence: spanOf(doc.text, sentence.start, sentence.end),
        };
        plans.set(name.key, plan);
      }
      plan.mentions.push(span);
      plan.author ??= authorOf(ctx, name, first);
      named[position].push({ plan, end: name.end });
      index = name.end - 1;
    }
  });
  if (plans.size === 0) return [];
  const only = plans.size === 1 ? [...plans.values()][0] : null;
  doc.sentences.forEach((sentence, position) => {
    const { first, last } = tokenRange(ctx, sentence.start, sentence.end);
    const references = new Map<Plan, number[]>();
    for (const { plan, end } of named[position]) references.set(plan, [...(references.get(plan) ?? []), end]);
    if (only !== null) {
      for (let index = first; index < last; index++) {
        const reference = lex.plans.references.match(words, index);
        if (reference !== null && (words[index] !== 'it' || index === first)) references.set(only, [...(references.get(only) ?? []), index + reference.length]);
      }
    }
    if (references.size === 0) return;
    const evidence = spanOf(doc.text, sentence.start, sentence.end);
    const versioned = hasVersionCue(ctx, first, last);
    for (const [plan, ends] of references) {
      if (versioned) plan.versions.push(evidence);
      if (namesPoint(ctx, last, ends)) plan.points.push(evidence);
    }
  });
  return [...plans.values()];
}

const POINT_VERB_WINDOW = 10;

function hasVersionCue(ctx: MentionContext, first: number, last: number): boolean {
  for (let index = first; index < last; index++) if (ctx.lex.plans.versionCues.has(ctx.words[index])) return true;
  return false;
}

/** A proposal event for each plan whose author the text names, unless a proposal by that party is already reported. */
export function planEvents(plans: readonly Plan[], events: readonly NegotiationEvent[]): NegotiationEvent[] {
  const added: NegotiationEvent[] = [];
  for (const plan of plans) {
    if (plan.author === null) continue;
    const author = plan.author;
    if (events.some((event) => event.type === 'proposal' && event.parties.includes(author))) continue;
    const event: NegotiationEvent = {
      type: 'proposal',
      status: 'happened',
      parties: [author],
      participants: [],
      place: null,
      date: null,
      duration: null,
      outcome: null,
      evidence: plan.evidence,
    };
    const plover = ploverCode('proposal', null);
    if (plover !== null) event.plover = plover;
    added.push(event);
  }
  return added;
}
