// The events stage: meetings, talks, calls, visits, summits, statements, proposals, agreements and ceasefires, merged per document, plus the named plans.
import type { Doc, NegotiationEvent, Plan } from '../doc/types.ts';
import type { Stage } from './stage.ts';
import { findActorMentions, type ActorKnowledge } from './event-actors.ts';
import { mentionContext } from './event-context.ts';
import { findEventMentions } from './event-mentions.ts';
import { mergeEventMentions } from './event-merge.ts';
import { findPlans, planEvents } from './plans.ts';

export { findEventMentions, sentenceMentions, type EventMention } from './event-mentions.ts';
export { mentionContext, type MentionContext } from './event-context.ts';
export { mergeEventMentions, placesCompatible, type MergeOptions } from './event-merge.ts';
export { findActorMentions, type ActorKnowledge, type ActorMention, type PlaceRef } from './event-actors.ts';
export { findPlans } from './plans.ts';
export { ploverCode } from './event-lexicon.ts';

export interface EventFindings {
  events: NegotiationEvent[];
  plans: Plan[];
}

export interface FindEventsOptions {
  /** Parties and places to read (the loaded knowledge base, with a workspace's additions); the bundled data by default. */
  knowledge?: ActorKnowledge;
}

/** The events and plans of `doc`, which must already carry its entities and dates. */
export function findEvents(doc: Doc, options?: FindEventsOptions): EventFindings {
  const ctx = mentionContext(doc, findActorMentions(doc, options?.knowledge));
  const plans = findPlans(ctx);
  const events = mergeEventMentions(findEventMentions(ctx), { published: doc.meta.published });
  return { events: [...events, ...planEvents(plans, events)].sort((a, b) => a.evidence.start - b.evidence.start), plans };
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['text', 'sentences', 'tokens', 'entities', 'dates', 'quantities'],
  assigns: ['events', 'plans'],
  run(doc, ctx) {
    const { events, plans } = findEvents(doc, { knowledge: ctx.kb });
    return { ...doc, events, plans };
  },
};
