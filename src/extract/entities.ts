// The entity stage: people, parties, organisations, bodies and places of a document, with their mentions, party and roles.
import type { Doc, Entity, Message, Span } from '../doc/types.ts';
import { spanOf } from '../doc/span.ts';
import { isInOrder, isStrictlyInOrder } from '../text/order.ts';
import type { Knowledge } from '../knowledge/index.ts';
import type { Stage } from './stage.ts';
import { buildEntityContext, spanBounds, type EntityContext } from './entities-context.ts';
import { findPeople, type PersonBuild } from './entities-people.ts';
import { findThingMentions } from './entities-parties.ts';
import { mergeSurnamePeople, resolvePendingNames, resolveTitleMentions } from './coreference.ts';

function byPosition(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

function uniqueSpans(spans: Span[]): Span[] {
  // Mentions mostly arrive in text order already; sorting allocates, so it is skipped then.
  if (isStrictlyInOrder(spans, byPosition)) return spans;
  spans.sort(byPosition);
  return spans.filter((span, index) => index === 0 || span.start !== spans[index - 1].start || span.end !== spans[index - 1].end);
}

const WHITESPACE_RUN = /\s+/g;
/** Whitespace that single-spacing would change: a run of two, or a break or tab. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;

function aliasesOf(name: string, mentions: readonly Span[]): string[] {
  const seen = new Set<string>([name]);
  const aliases: string[] = [];
  for (const mention of mentions) {
    const text = UNEVEN_SPACE.test(mention.text) ? mention.text.replace(WHITESPACE_RUN, ' ') : mention.text;
    if (!seen.has(text)) {
      seen.add(text);
      aliases.push(text);
    }
  }
  return aliases;
}

function personEntity(ctx: EntityContext, person: PersonBuild): Entity {
  const mentions = uniqueSpans(
    person.mentions.map((mention) => {
      const bounds = spanBounds(ctx, mention.start, mention.end);
      return spanOf(ctx.doc.text, bounds.start, bounds.end);
    }),
  );
  return {
    id: person.id,
    name: person.name,
    kind: 'person',
    party: person.party,
    roles: [...new Set(person.roles)],
    aliases: aliasesOf(person.name, mentions),
    mentions,
  };
}

function byFirstMention(a: Entity, b: Entity): number {
  return a.mentions[0].start - b.mentions[0].start;
}

/** The entities of `doc` and the messages about them (role conflicts with the knowledge base). */
export function extractEntities(doc: Doc, kb: Knowledge): { entities: Entity[]; messages: Message[] } {
  if (doc.tokens.length === 0) return { entities: [], messages: [] };
  const ctx = buildEntityContext(doc, kb);
  const people = findPeople(ctx);
  mergeSurnamePeople(people);
  resolvePendingNames(people);
  const taken = new Uint8Array(doc.tokens.length);
  for (const person of people.people) {
    for (const mention of person.mentions) taken.fill(1, mention.start, mention.end);
  }
  resolveTitleMentions(ctx, people.people, taken);

  const entities: Entity[] = people.people.map((person) => personEntity(ctx, person));
  const things = new Map<string, Entity>();
  for (const thing of findThingMentions(ctx, taken)) {
    let entity = things.get(thing.id);
    if (entity === undefined) {
      entity = { id: thing.id, name: thing.name, kind: thing.kind, party: thing.party, roles: [], aliases: [], mentions: [] };
      things.set(thing.id, entity);
      entities.push(entity);
    }
    entity.mentions.push(spanOf(doc.text, thing.start, thing.end));
  }
  for (const entity of things.values()) {
    entity.mentions = uniqueSpans(entity.mentions);
    entity.aliases = aliasesOf(entity.name, entity.mentions);
  }
  if (!isInOrder(entities, byFirstMention)) entities.sort(byFirstMention);
  return { entities, messages: people.messages };
}

/** The stage: requires the text stage's tokens and sentences, assigns `entities` (role conflicts go to `messages`). */
export const entityStage: Stage = {
  name: 'entities',
  requires: ['text', 'sentences', 'tokens'],
  assigns: ['entities'],
  run(doc: Doc, ctx: { kb: Knowledge }): Doc {
    const { entities, messages } = extractEntities(doc, ctx.kb);
    return { ...doc, entities, messages: messages.length === 0 ? doc.messages : [...doc.messages, ...messages] };
  },
};
