// Where the parties stand: the issue × party matrix of merged stances, with the latest act, its trend and how well it is sourced.
import type { MergedFactRecord, Store } from '../store/store.ts';
import { stancePolarity } from '../reconcile/contradictions.ts';
import { daysBetween } from '../reconcile/iso-days.ts';
import { documentsOf, evidenceOf, toStorySummary } from './merged-views.ts';
import { issueLabel, taxonomyIssues } from './phrases.ts';
import type { IssueAxis, PositionAct, PositionsCell, PositionsReport, ReportFilter } from './types.ts';

/**
 * - A shift is a turn from one direction to the other (accepting or supporting against rejecting
 *   or opposing); demands and proposals push a position and do not count either way. The earlier
 *   act must have been last reported at least `shiftDays` before the latest act was first
 *   reported; closer than that, opposite acts are a dispute (see reconcile/contradictions.ts).
 * - Confidence grows with independent sources (each halves the remaining doubt) and shrinks with
 *   sources that report the opposite act.
 */
export const positionTuning = { shiftDays: 7, evidencePerCell: 3 };

type StanceFact = MergedFactRecord<'stance'>;

function byLatest(a: StanceFact, b: StanceFact): number {
  return (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || b.independentSources - a.independentSources || b.attributes.confidence - a.attributes.confidence || a.id.localeCompare(b.id);
}

function trendOf(latest: StanceFact, others: readonly StanceFact[], since: string | null): PositionsCell['trend'] {
  const all = [latest, ...others];
  if (since && all.every((fact) => fact.firstSeen !== null && fact.firstSeen >= since)) return 'new';
  const polarity = stancePolarity(latest.attributes.act);
  const shifted = others.some(
    (fact) =>
      polarity !== 0 &&
      stancePolarity(fact.attributes.act) === -polarity &&
      fact.lastSeen !== null &&
      latest.firstSeen !== null &&
      daysBetween(fact.lastSeen, latest.firstSeen) >= positionTuning.shiftDays,
  );
  return shifted ? 'shifted' : 'steady';
}

function confidenceOf(latest: StanceFact, others: readonly StanceFact[]): number {
  const polarity = stancePolarity(latest.attributes.act);
  const agreeing = polarity === 0 ? [latest] : [latest, ...others.filter((fact) => stancePolarity(fact.attributes.act) === polarity)];
  const opposing = others.filter((fact) => polarity !== 0 && stancePolarity(fact.attributes.act) === -polarity);
  const support = agreeing.reduce((sum, fact) => sum + fact.independentSources, 0);
  const against = opposing.reduce((sum, fact) => sum + fact.independentSources, 0);
  const agreement = support / Math.max(support + against, 1);
  const sourcing = 1 - 0.5 ** latest.independentSources;
  return Math.round(agreement * sourcing * latest.attributes.confidence * 100) / 100;
}

/** The issue × party matrix of the (filtered) store: one cell per party and issue with a stance. */
export async function buildPositions(store: Store, filter: ReportFilter = {}): Promise<PositionsReport> {
  const facts = await store.listMergedFacts('stance', { story: filter.story, until: filter.until });
  const groups = new Map<string, StanceFact[]>();
  for (const fact of facts) {
    const key = `${fact.attributes.issue}|${fact.attributes.party}`;
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  const latestByCell = new Map<string, StanceFact>();
  for (const [key, group] of groups) latestByCell.set(key, [...group].sort(byLatest)[0]);
  const members = await store.listMembers('stance', [...latestByCell.values()].map((fact) => fact.id), { perFact: positionTuning.evidencePerCell, latestFirst: true });

  const since = filter.since ?? null;
  const cells: PositionsCell[] = [];
  for (const [key, group] of groups) {
    const latest = latestByCell.get(key) as StanceFact;
    const others = group.filter((fact) => fact !== latest);
    const ordered = [...group].sort(byLatest);
    const history: PositionAct[] = ordered.map((fact) => ({
      stance: fact.id,
      act: fact.attributes.act,
      firstSeen: fact.firstSeen,
      lastSeen: fact.lastSeen,
      independentSources: fact.independentSources,
      documents: fact.documentCount,
    }));
    const latestMembers = members.get(latest.id) ?? [];
    cells.push({
      issue: latest.attributes.issue,
      party: latest.attributes.party,
      latestAct: latest.attributes.act,
      trend: trendOf(latest, others, since),
      confidence: confidenceOf(latest, others),
      independentSources: latest.independentSources,
      documents: latest.documentCount,
      stances: ordered.map((fact) => fact.id),
      summary: latest.attributes.summary,
      firstSeen: latest.firstSeen,
      lastSeen: latest.lastSeen,
      history,
      evidence: evidenceOf(latestMembers),
      documentRefs: documentsOf(latestMembers),
    });
  }

  const issueOrder = taxonomyIssues().map((issue) => issue.id);
  const issueIds = [...new Set(cells.map((cell) => cell.issue))].sort(
    (a, b) => (issueOrder.indexOf(a) + 1 || Infinity) - (issueOrder.indexOf(b) + 1 || Infinity) || a.localeCompare(b),
  );
  const issues: IssueAxis[] = issueIds.map((id) => ({ id, label: issueLabel(id) }));
  const weight = new Map<string, number>();
  for (const cell of cells) weight.set(cell.party, (weight.get(cell.party) ?? 0) + cell.independentSources);
  const parties = [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([party]) => party);
  cells.sort((a, b) => issueIds.indexOf(a.issue) - issueIds.indexOf(b.issue) || parties.indexOf(a.party) - parties.indexOf(b.party));
  const story = filter.story ? await store.getStory(filter.story) : null;
  return { story: story ? toStorySummary(story) : null, since, issues, parties, cells };
}
