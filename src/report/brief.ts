// The morning brief: key takeaways, positions, changes, timeline, quotes, disputes and numbered sources — every sentence from facts, every fact cited.
import type { DocumentEvidence, DocumentRef, MergedStance } from '../doc/types.ts';
import type { MemberReport, Store, StoryRecord } from '../store/store.ts';
import { addDays } from '../reconcile/iso-days.ts';
import { buildChanges } from './changes.ts';
import { buildContradictions } from './contradictions.ts';
import { documentsOf, evidenceOf, toStorySummary } from './merged-views.ts';
import { disputeSentence, eventSentence, quoteSentence, shiftSentence, stanceSentence } from './phrases.ts';
import { buildPositions } from './positions.ts';
import { buildTimeline } from './timeline.ts';
import type {
  Brief,
  BriefCell,
  BriefDispute,
  BriefItem,
  BriefQuote,
  BriefTimelineEntry,
  ChangesReport,
  Citation,
  ContradictionView,
  PositionsCell,
  ReportFilter,
  Takeaway,
  TimelineEvent,
} from './types.ts';

/**
 * How much goes into a brief, and how takeaways are ranked: a fact's weight (what kind of
 * news it is), plus its independent sources (log-scaled: the fifth source adds less than the
 * second), plus a bonus when it is new since the brief's cut-off.
 */
export const briefTuning = {
  takeaways: 5,
  takeawaysPerKind: 3,
  timelineEvents: 12,
  quotes: 5,
  /** A quote of a word or two ("productive") is a characterisation, not a notable quote. */
  minQuoteWords: 6,
  disputes: 8,
  matrixParties: 6,
  changes: 10,
  citationsPerItem: 3,
  /** Without a cut-off or an earlier brief, "what changed" covers the last days of coverage. */
  defaultChangeDays: 2,
  novelty: 3,
  /** A steady position is background; a new one weighs as much as a held call. */
  weights: { meeting: 3, agreement: 4, ceasefire: 4, call: 2, proposal: 2.5, statement: 1, shift: 3.5, dispute: 2.5, stance: 1, newStance: 2 } as Record<string, number>,
  timelineTypeGroups: ['meeting', 'call', 'agreement', 'ceasefire', 'proposal'],
};

/** Numbers the documents a brief cites, in order of first citation. */
class SourceRegistry {
  private readonly numbers = new Map<string, number>();
  readonly documents: DocumentRef[] = [];

  cite(evidence: DocumentEvidence, refs: readonly DocumentRef[]): Citation | null {
    let number = this.numbers.get(evidence.documentId);
    if (number === undefined) {
      const document = refs.find((ref) => ref.id === evidence.documentId);
      if (!document) return null;
      this.documents.push(document);
      number = this.documents.length;
      this.numbers.set(evidence.documentId, number);
    }
    return { source: number, evidence };
  }

  /** Citations for up to `limit` pieces of evidence, at most one per document. */
  citeAll(evidence: readonly DocumentEvidence[], refs: readonly DocumentRef[], limit = briefTuning.citationsPerItem): Citation[] {
    const out: Citation[] = [];
    const seen = new Set<string>();
    for (const item of evidence) {
      if (seen.has(item.documentId)) continue;
      const citation = this.cite(item, refs);
      if (!citation) continue;
      seen.add(item.documentId);
      out.push(citation);
      if (out.length >= limit) break;
    }
    return out;
  }
}

interface Candidate {
  kind: Takeaway['kind'];
  fact: string;
  text: string;
  evidence: DocumentEvidence[];
  refs: DocumentRef[];
  novel: boolean;
  independentSources: number;
  weight: number;
}

function score(candidate: Candidate): number {
  return Math.round((candidate.weight + 1.5 * Math.log2(1 + candidate.independentSources) + (candidate.novel ? briefTuning.novelty : 0)) * 100) / 100;
}

function eventCandidate(event: TimelineEvent, novel: boolean): Candidate {
  const group = event.type === 'talks' || event.type === 'visit' || event.type === 'summit' ? 'meeting' : event.type;
  const weight = (briefTuning.weights[group] ?? 1) * (event.status === 'planned' ? 0.8 : 1);
  return {
    kind: group === 'proposal' || group === 'agreement' ? 'plan' : 'event',
    fact: event.id,
    text: eventSentence(event),
    evidence: event.evidence,
    refs: event.documents,
    novel,
    independentSources: event.independentSources,
    weight,
  };
}

function sidesOf(dispute: ContradictionView): { claim: string; documents: number }[] {
  return dispute.sides.map((side) => ({ claim: side.claim, documents: side.documents.length }));
}

function disputeEvidence(dispute: ContradictionView): { evidence: DocumentEvidence[]; refs: DocumentRef[] } {
  // One piece of evidence from each side first, so a citation list never shows only one side.
  const perSide = dispute.sides.map((side) => side.evidence);
  const evidence: DocumentEvidence[] = [];
  for (let i = 0; perSide.some((side) => i < side.length); i++) for (const side of perSide) if (side[i]) evidence.push(side[i]);
  return { evidence, refs: dispute.sides.flatMap((side) => side.documents) };
}

function stanceCandidate(cell: PositionsCell): Candidate {
  return {
    kind: 'stance',
    fact: cell.stances[0],
    text: stanceSentence({ party: cell.party, issue: cell.issue, act: cell.latestAct, summary: cell.summary }),
    evidence: cell.evidence,
    refs: cell.documentRefs,
    novel: cell.trend === 'new',
    independentSources: cell.independentSources,
    weight: cell.trend === 'new' ? briefTuning.weights.newStance : briefTuning.weights.stance,
  };
}

function shiftEvidence(before: MergedStance, after: MergedStance): { evidence: DocumentEvidence[]; refs: DocumentRef[] } {
  return { evidence: [...after.evidence.slice(0, 2), ...before.evidence.slice(0, 1)], refs: [...after.documents, ...before.documents] };
}

/** Picks the top candidates by score, at most a few of each kind and one per fact. */
function rankTakeaways(candidates: readonly Candidate[], sources: SourceRegistry): Takeaway[] {
  const ranked = candidates.map((candidate) => ({ candidate, score: score(candidate) })).sort((a, b) => b.score - a.score || a.candidate.fact.localeCompare(b.candidate.fact));
  const chosen: Takeaway[] = [];
  const perKind = new Map<string, number>();
  const facts = new Set<string>();
  for (const { candidate, score: value } of ranked) {
    if (chosen.length >= briefTuning.takeaways) break;
    if (facts.has(candidate.fact) || (perKind.get(candidate.kind) ?? 0) >= briefTuning.takeawaysPerKind) continue;
    const citations = sources.citeAll(candidate.evidence, candidate.refs);
    if (citations.length === 0) continue;
    facts.add(candidate.fact);
    perKind.set(candidate.kind, (perKind.get(candidate.kind) ?? 0) + 1);
    chosen.push({ kind: candidate.kind, fact: candidate.fact, text: candidate.text, citations, novel: candidate.novel, independentSources: candidate.independentSources, score: value });
  }
  return chosen;
}

function item(sources: SourceRegistry, fact: string, text: string, evidence: readonly DocumentEvidence[], refs: readonly DocumentRef[]): BriefItem | null {
  const citations = sources.citeAll(evidence, refs);
  return citations.length > 0 ? { text, fact, citations } : null;
}

function changeItems(changes: ChangesReport, sources: SourceRegistry): BriefItem[] {
  const items: (BriefItem | null)[] = [
    ...changes.heldEvents.map((event) => item(sources, event.id, `Now reported held: ${eventSentence(event)}`, event.evidence, event.documents)),
    ...changes.newEvents.map((event) => item(sources, event.id, `New: ${eventSentence(event)}`, event.evidence, event.documents)),
    ...changes.newPlans.map((event) => item(sources, event.id, `New on the table: ${eventSentence(event)}`, event.evidence, event.documents)),
    ...changes.shiftedStances.map((shift) => {
      const { evidence, refs } = shiftEvidence(shift.before, shift.after);
      return item(sources, shift.after.id, `Shift: ${shiftSentence({ ...shift, since: shift.after.firstSeen })}`, evidence, refs);
    }),
    ...changes.newStances.map((stance) => item(sources, stance.id, `New position: ${stanceSentence(stance)}`, stance.evidence, stance.documents)),
    ...changes.newDisputes.map((dispute) => {
      const { evidence, refs } = disputeEvidence(dispute);
      return item(sources, dispute.id, `Newly disputed: ${disputeSentence({ kind: dispute.kind, about: dispute.about, sides: sidesOf(dispute) })}`, evidence, refs);
    }),
  ];
  const seen = new Set<string>();
  return items.filter((entry): entry is BriefItem => entry !== null && !seen.has(entry.fact) && Boolean(seen.add(entry.fact))).slice(0, briefTuning.changes);
}

/**
 * The most quoted attributed quotes of the story, people who speak for a party first (the story's
 * profile lists them as `actor:` features), then analysts; more sources first, then the latest.
 */
async function notableQuotes(store: Store, story: StoryRecord | null, scope: ReportFilter, sources: SourceRegistry): Promise<BriefQuote[]> {
  const facts = (await store.listMergedFacts('quote', { story: scope.story, until: scope.until, order: 'sources', limit: briefTuning.quotes * 10 })).filter(
    (fact) => fact.attributes.speakerName && fact.attributes.text.trim().split(/\s+/).length >= briefTuning.minQuoteWords,
  );
  const speaksForParty = (speaker: string | null) => (speaker !== null && story !== null && `actor:${speaker}` in story.profile ? 1 : 0);
  facts.sort(
    (a, b) =>
      speaksForParty(b.attributes.speaker) - speaksForParty(a.attributes.speaker) ||
      b.independentSources - a.independentSources ||
      (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') ||
      a.id.localeCompare(b.id),
  );
  const chosen = facts.slice(0, briefTuning.quotes);
  const members = await store.listMembers('quote', chosen.map((fact) => fact.id), { perFact: 2, latestFirst: true });
  const quotes: BriefQuote[] = [];
  for (const fact of chosen) {
    const list: MemberReport<'quote'>[] = members.get(fact.id) ?? [];
    const citations = sources.citeAll(evidenceOf(list), documentsOf(list), 2);
    if (citations.length === 0) continue;
    quotes.push({
      text: quoteSentence(fact.attributes),
      fact: fact.id,
      citations,
      quote: fact.attributes.text,
      speaker: fact.attributes.speaker,
      speakerName: fact.attributes.speakerName,
      independentSources: fact.independentSources,
    });
  }
  return quotes;
}

async function chooseSince(store: Store, filter: ReportFilter, story: StoryRecord | null): Promise<Brief['since']> {
  if (filter.since) return { date: filter.since, basis: 'published', reason: 'option' };
  const last = await store.getLastBriefAt();
  if (last) return { date: last, basis: 'ingested', reason: 'last-brief' };
  const latest = story?.lastSeen ?? (await store.stats()).published.last;
  if (!latest) return null;
  const until = filter.until && filter.until < latest ? filter.until : latest;
  return { date: addDays(until, -briefTuning.defaultChangeDays), basis: 'published', reason: 'latest-coverage' };
}

/**
 * The brief for one story (the one with the most documents unless `filter.story` names one),
 * up to `filter.until`, with what changed since `filter.since` — or since the last brief, or
 * over the last days of coverage. Reads the store only; the caller records the brief's time.
 */
export async function buildBrief(store: Store, filter: ReportFilter = {}, options: { now?: Date } = {}): Promise<Brief> {
  const stories = await store.listStories({ until: filter.until });
  const story = filter.story ? await store.getStory(filter.story) : (stories[0] ?? null);
  const storyId = story?.id ?? filter.story;
  const scope: ReportFilter = { story: storyId, until: filter.until };
  const since = await chooseSince(store, filter, story);
  const sources = new SourceRegistry();

  const positions = await buildPositions(store, { ...scope, since: since?.basis === 'published' ? since.date : undefined });
  const changes = since ? await buildChanges(store, { ...scope, since: since.date, basis: since.basis, limit: briefTuning.changes }) : null;
  const timeline = await buildTimeline(store, scope, { limit: briefTuning.timelineEvents, documentsPerEvent: 6, typeGroups: briefTuning.timelineTypeGroups, datedOnly: true });
  const disputes = (await buildContradictions(store, scope, { limit: briefTuning.disputes })).contradictions;

  const novelEvents = new Set([...(changes?.newEvents ?? []), ...(changes?.heldEvents ?? []), ...(changes?.newPlans ?? [])].map((event) => event.id));
  const novelDisputes = new Set((changes?.newDisputes ?? []).map((dispute) => dispute.id));
  const candidates: Candidate[] = [
    // An event with neither date nor place ("talks took place") says too little to lead a brief.
    ...[...timeline.events, ...(changes?.heldEvents ?? []), ...(changes?.newEvents ?? []), ...(changes?.newPlans ?? [])]
      .filter((event) => event.date?.start || event.place)
      .map((event) => eventCandidate(event, novelEvents.has(event.id))),
    ...(changes?.shiftedStances ?? []).map((shift): Candidate => ({
      kind: 'shift',
      fact: shift.after.id,
      text: shiftSentence({ ...shift, since: shift.after.firstSeen }),
      ...shiftEvidence(shift.before, shift.after),
      novel: true,
      independentSources: shift.after.independentSources,
      weight: briefTuning.weights.shift,
    })),
    ...disputes.map((dispute): Candidate => ({
      kind: 'dispute',
      fact: dispute.id,
      text: disputeSentence({ kind: dispute.kind, about: dispute.about, sides: sidesOf(dispute) }),
      ...disputeEvidence(dispute),
      novel: novelDisputes.has(dispute.id),
      independentSources: new Set(dispute.sides.flatMap((side) => side.documents.map((doc) => doc.id))).size,
      weight: briefTuning.weights.dispute,
    })),
    ...positions.cells.filter((cell) => cell.independentSources >= 2 || cell.trend !== 'steady').map(stanceCandidate),
  ];
  const takeaways = rankTakeaways(candidates, sources);

  const parties = positions.parties.slice(0, briefTuning.matrixParties);
  const matrixCells: BriefCell[] = positions.cells
    .filter((cell) => parties.includes(cell.party))
    .map((cell) => ({
      issue: cell.issue,
      party: cell.party,
      latestAct: cell.latestAct,
      trend: cell.trend,
      confidence: cell.confidence,
      independentSources: cell.independentSources,
      summary: cell.summary,
      citations: sources.citeAll(cell.evidence, cell.documentRefs, 2),
    }))
    .filter((cell) => cell.citations.length > 0);
  const issues = positions.issues.filter((issue) => matrixCells.some((cell) => cell.issue === issue.id));

  const changeList = changes ? changeItems(changes, sources) : [];
  const timelineEntries: BriefTimelineEntry[] = timeline.events.flatMap((event) => {
    const citations = sources.citeAll(event.evidence, event.documents);
    return citations.length === 0
      ? []
      : [{ text: eventSentence(event, { withDate: false }), fact: event.id, citations, date: event.date ?? { start: null, end: null }, status: event.status, type: event.type, independentSources: event.independentSources }];
  });
  const quotes = await notableQuotes(store, story, scope, sources);
  const briefDisputes: BriefDispute[] = disputes.map((dispute) => ({
    fact: dispute.id,
    kind: dispute.kind,
    about: dispute.about,
    text: disputeSentence({ kind: dispute.kind, about: dispute.about, sides: sidesOf(dispute) }),
    sides: dispute.sides.map((side) => ({ claim: side.claim, citations: sources.citeAll(side.evidence, side.documents, briefTuning.citationsPerItem) })),
  }));

  return {
    title: story ? `Brief: ${story.label}` : 'Brief: all stories',
    generatedAt: (options.now ?? new Date()).toISOString(),
    filter,
    story: story ? toStorySummary(story) : null,
    otherStories: stories.filter((other) => other.id !== story?.id).slice(0, 5).map(toStorySummary),
    since,
    takeaways,
    positions: { issues, parties: parties.filter((party) => matrixCells.some((cell) => cell.party === party)), cells: matrixCells },
    changes: changeList,
    timeline: timelineEntries,
    quotes,
    disputes: briefDisputes,
    sources: sources.documents.map((document, i) => ({ number: i + 1, document })),
  };
}
