// The report objects the CLI, the JSON API and the web page all render: plain data, every statement with its evidence.
import type { Contradiction, DocumentEvidence, DocumentRef, MergedEvent, MergedStance, PositionCell, StanceAct } from '../doc/types.ts';

/** Which part of the store a report covers. Dates are ISO days; a fact counts when its coverage reaches into the window. */
export interface ReportFilter {
  story?: string;
  since?: string;
  until?: string;
}

export interface StorySummary {
  id: string;
  label: string;
  parties: string[];
  issues: string[];
  places: string[];
  documents: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A merged event as reports show it: the cross-document `MergedEvent` plus its story. */
export interface TimelineEvent extends MergedEvent {
  story: string | null;
}

/** `parley timeline --json`: merged events in date order (undated last). */
export interface TimelineReport {
  events: TimelineEvent[];
}

export interface IssueAxis {
  id: string;
  label: string;
}

/** One act a party took on an issue, as the matrix cell's history lists it. */
export interface PositionAct {
  stance: string;
  act: StanceAct;
  firstSeen: string | null;
  lastSeen: string | null;
  independentSources: number;
  documents: number;
}

/** A matrix cell with what a reader needs to check it: the acts over time and the latest act's evidence. */
export interface PositionsCell extends PositionCell {
  /** The latest act's wording, in the source's words. */
  summary: string;
  firstSeen: string | null;
  lastSeen: string | null;
  history: PositionAct[];
  evidence: DocumentEvidence[];
  documentRefs: DocumentRef[];
}

/** The issue × party matrix. `cells` is sparse: a party with no stance on an issue has no cell. */
export interface PositionsReport {
  story: StorySummary | null;
  /** Cells first seen on or after this day are `new`. */
  since: string | null;
  issues: IssueAxis[];
  parties: string[];
  cells: PositionsCell[];
}

/** A contradiction with its story and when it arose. */
export interface ContradictionView extends Contradiction {
  story: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface ContradictionsReport {
  contradictions: ContradictionView[];
}

/** How `since` is compared: with publication dates, or (since the last brief) with the time documents were stored. */
export type ChangeBasis = 'published' | 'ingested';

export interface ChangesOptions extends ReportFilter {
  since: string;
  basis?: ChangeBasis;
  /** At most this many items per list (default 20). */
  limit?: number;
}

export interface PositionShift {
  issue: string;
  party: string;
  from: StanceAct;
  to: StanceAct;
  /** The stances behind the earlier and the later act. */
  before: MergedStance;
  after: MergedStance;
}

/** What is new since a date or since the last brief. */
export interface ChangesReport {
  since: string;
  basis: ChangeBasis;
  story: string | null;
  /** Events first reported since. */
  newEvents: TimelineEvent[];
  /** Events announced before and reported as held since. */
  heldEvents: TimelineEvent[];
  /** Proposals, plans and agreements first reported since. */
  newPlans: TimelineEvent[];
  newStances: MergedStance[];
  shiftedStances: PositionShift[];
  newDisputes: ContradictionView[];
}

/** A numbered source of a brief and the evidence a citation points at. */
export interface Citation {
  /** Number of the source in `Brief.sources`. */
  source: number;
  evidence: DocumentEvidence;
}

/** One sentence of a brief, built from a fact, with its citations. */
export interface BriefItem {
  text: string;
  /** The merged fact, position cell or contradiction it states. */
  fact: string;
  citations: Citation[];
}

export interface Takeaway extends BriefItem {
  kind: 'event' | 'plan' | 'shift' | 'stance' | 'dispute';
  /** New since the brief's `since`. */
  novel: boolean;
  independentSources: number;
  score: number;
}

export interface BriefCell {
  issue: string;
  party: string;
  latestAct: StanceAct;
  trend: PositionCell['trend'];
  confidence: number;
  independentSources: number;
  summary: string;
  citations: Citation[];
}

export interface BriefTimelineEntry extends BriefItem {
  date: { start: string | null; end: string | null };
  status: MergedEvent['status'];
  type: MergedEvent['type'];
  independentSources: number;
}

export interface BriefQuote extends BriefItem {
  quote: string;
  speaker: string | null;
  speakerName: string | null;
  independentSources: number;
}

export interface BriefDisputeSide {
  claim: string;
  citations: Citation[];
}

export interface BriefDispute {
  fact: string;
  kind: Contradiction['kind'];
  about: string;
  text: string;
  sides: BriefDisputeSide[];
}

export interface BriefSource {
  number: number;
  document: DocumentRef;
}

export interface Brief {
  title: string;
  generatedAt: string;
  filter: ReportFilter;
  story: StorySummary | null;
  /** Other stories in the store, for a pointer at the end. */
  otherStories: StorySummary[];
  since: { date: string; basis: ChangeBasis; reason: 'option' | 'last-brief' | 'latest-coverage' } | null;
  takeaways: Takeaway[];
  positions: { issues: IssueAxis[]; parties: string[]; cells: BriefCell[] };
  changes: BriefItem[];
  timeline: BriefTimelineEntry[];
  quotes: BriefQuote[];
  disputes: BriefDispute[];
  sources: BriefSource[];
}
