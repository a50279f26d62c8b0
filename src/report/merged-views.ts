// Turns stored merged facts and their member reports into the cross-document types reports show.
import type { DocumentEvidence, DocumentRef, MergedStance } from '../doc/types.ts';
import type { ContradictionRecord, MemberReport, MergedFactRecord, StoryRecord } from '../store/store.ts';
import type { ContradictionView, StorySummary, TimelineEvent } from './types.ts';

/** The distinct documents of a list of member reports, in order. */
export function documentsOf(members: readonly MemberReport[]): DocumentRef[] {
  const seen = new Map<string, DocumentRef>();
  for (const member of members) if (!seen.has(member.documentId)) seen.set(member.documentId, member.document);
  return [...seen.values()];
}

export function evidenceOf(members: readonly MemberReport[]): DocumentEvidence[] {
  return members.map((member) => ({ documentId: member.documentId, start: member.fact.evidence.start, end: member.fact.evidence.end, text: member.fact.evidence.text }));
}

function base(fact: MergedFactRecord, members: readonly MemberReport[]) {
  return {
    id: fact.id,
    documents: documentsOf(members),
    independentSources: fact.independentSources,
    firstSeen: fact.firstSeen,
    lastSeen: fact.lastSeen,
    evidence: evidenceOf(members),
  };
}

export function toTimelineEvent(fact: MergedFactRecord<'event'>, members: readonly MemberReport<'event'>[]): TimelineEvent {
  const { attributes } = fact;
  return {
    ...base(fact, members),
    type: attributes.type,
    status: attributes.status,
    parties: attributes.parties,
    participants: attributes.participants,
    place: attributes.place,
    date: { start: attributes.date?.start ?? null, end: attributes.date?.end ?? null },
    duration: attributes.duration,
    outcome: attributes.outcome,
    story: fact.story,
  };
}

export function toMergedStance(fact: MergedFactRecord<'stance'>, members: readonly MemberReport<'stance'>[]): MergedStance {
  const { attributes } = fact;
  return { ...base(fact, members), party: attributes.party, issue: attributes.issue, act: attributes.act, actors: attributes.actors, summary: attributes.summary };
}

export function toContradictionView(record: ContradictionRecord): ContradictionView {
  return {
    id: record.id,
    kind: record.kind,
    about: record.about,
    sides: record.sides.map((side) => ({ claim: side.claim, evidence: side.evidence, documents: side.documents })),
    story: record.story,
    firstSeen: record.firstSeen,
    lastSeen: record.lastSeen,
  };
}

export function toStorySummary(story: StoryRecord): StorySummary {
  return {
    id: story.id,
    label: story.label,
    parties: story.parties,
    issues: story.issues,
    places: story.places,
    documents: story.documentCount,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
  };
}
