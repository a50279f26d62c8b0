// Reconciles one stored document with what came before: its source group, its story, the merged facts it reports, the disputes it raises.
import type { Quantity, Quote, Stance, StanceAct } from '../doc/types.ts';
import type {
  ContradictionRow,
  MemberReport,
  MergedFactRecord,
  MergedFactRow,
  MergedKind,
  ReconcileState,
  ReconcileUpdate,
  Store,
  Tallies,
} from '../store/store.ts';
import { mergedKinds } from '../store/store.ts';
import {
  contradictionTuning,
  eventDispute,
  measureDispute,
  oppositeActsDispute,
  roleConflictOf,
  roleDispute,
  sentenceEvidence,
  stancePolarity,
  valueDispute,
  type DatedClaimReport,
  type QuantityReport,
  type SideReport,
  type StanceReport,
} from './contradictions.ts';
import { stableId } from './hashing.ts';
import { addDays, isIsoDate } from './iso-days.ts';
import { bestMatch, candidateWindow, deriveEvent, eventLookup, eventReport, eventRow, reportTerms, tallyEvent, typeGroupOf, type EventConflicts, type EventReport } from './merged-events.ts';
import {
  mergedFactId,
  quantityKey,
  quantityRow,
  quoteKey,
  quoteRow,
  stanceKey,
  stanceRow,
  tallyQuantity,
  tallyQuote,
  tallyStance,
} from './merged-keyed.ts';
import { bestNearDuplicate, candidateLimit, sketchText } from './near-duplicates.ts';
import { assignStory } from './stories.ts';
import { ranked } from './tallies.ts';
import type { ReconcileDoc } from './types.ts';

export interface ReconcileResult {
  documentId: string;
  /** `not-stored` and `superseded` documents are left alone; reconciling twice changes nothing. */
  status: 'reconciled' | 'already-reconciled' | 'not-stored' | 'superseded';
  sourceGroup: string | null;
  /** The stored document this one copies or rewrites, when there is one. */
  duplicateOf: string | null;
  story: string | null;
  storyCreated: boolean;
  /** Ids of the merged facts the document's reports went into. */
  merged: Record<MergedKind, string[]>;
  /** Subjects of the disputes this document raised or updated. */
  contradictions: string[];
}

/** What one document's reconcile collects before it is written in one go. */
interface Collected {
  facts: Map<string, MergedFactRow>;
  members: { merged: string; fact: string }[];
  contradictions: Map<string, ContradictionRow>;
  resolved: Set<string>;
}

interface Context {
  store: Store;
  doc: ReconcileDoc;
  story: string | null;
  sourceGroup: string;
  published: string | null;
  out: Collected;
}

/** The acts that take a side; demands and proposals never stand in an opposite-acts dispute. */
const polarActs = (['demand', 'propose', 'accept', 'reject', 'support', 'oppose'] as StanceAct[]).filter((act) => stancePolarity(act) !== 0);
/**
 * Bounds on what a dispute check reads, so a fact reported thousands of times costs the same as one
 * reported a dozen times: the earliest reports of a fact (in the days around a report, for opposite
 * acts), the most reported rival figures, and of each figure in a dispute over a number as many
 * reports as a side of a dispute shows.
 */
const disputeReports = 20;
const rivalFigures = 8;
const figureReports = contradictionTuning.sideEvidence;

function factId(documentId: string, kind: MergedKind, ordinal: number): string {
  return `${documentId}:${kind}:${ordinal}`;
}

function emptyMerged(): Record<MergedKind, string[]> {
  return { event: [], stance: [], quantity: [], quote: [] };
}

function addDispute(out: Collected, subject: string, dispute: ContradictionRow | null): void {
  if (dispute) {
    out.contradictions.set(subject, dispute);
    out.resolved.delete(subject);
  } else if (!out.contradictions.has(subject)) {
    out.resolved.add(subject);
  }
}

function sideReport(member: MemberReport, evidence: SideReport['evidence']): SideReport {
  return { documentId: member.documentId, published: member.published, sourceGroup: member.sourceGroup, evidence };
}

// ── events ──

function heldDateClaim(report: EventReport): string | null {
  if (report.event.status !== 'happened' || !report.precise) return null;
  return report.precise.start === report.precise.end ? report.precise.start : `${report.precise.start} to ${report.precise.end}`;
}

async function eventDisputes(ctx: Context, row: MergedFactRow<'event'>, conflicts: EventConflicts, existing: boolean, own: readonly EventReport[]): Promise<void> {
  const attributes = row.attributes;
  const subjects = { date: `event:${row.id}:date`, place: `event:${row.id}:place` };
  if (!conflicts.date && !conflicts.place) {
    addDispute(ctx.out, subjects.date, null);
    addDispute(ctx.out, subjects.place, null);
    return;
  }
  const members = existing ? ((await ctx.store.listMembers('event', [row.id], { perFact: disputeReports })).get(row.id) ?? []) : [];
  const reports = [
    ...members.map((member) => ({ report: eventReport(member.id, member.documentId, member.published, member.fact), group: member.sourceGroup })),
    ...own.map((report) => ({ report, group: ctx.sourceGroup })),
  ];
  const claims = (claimOf: (report: EventReport) => string | null): DatedClaimReport[] =>
    reports.flatMap(({ report, group }) => {
      const claim = claimOf(report);
      return claim === null ? [] : [{ documentId: report.documentId, published: report.published, sourceGroup: group, evidence: report.event.evidence, claim }];
    });
  addDispute(ctx.out, subjects.date, conflicts.date ? eventDispute(row.id, row.story, attributes, 'date', claims(heldDateClaim)) : null);
  const placeClaims = claims((report) => (report.event.status === 'happened' && report.placeStated ? report.event.place : null));
  addDispute(ctx.out, subjects.place, conflicts.place ? eventDispute(row.id, row.story, attributes, 'place', placeClaims) : null);
}

async function reconcileEvents(ctx: Context): Promise<string[]> {
  const { doc, store } = ctx;
  const used = new Set<string>();
  const merged: string[] = [];
  for (const [ordinal, event] of doc.events.entries()) {
    const report = eventReport(factId(doc.id, 'event', ordinal), doc.id, ctx.published, event);
    const window = candidateWindow(report);
    const terms = reportTerms(report);
    const candidates =
      window && terms.length > 0
        ? await store.findMergedFacts('event', {
            keys: [typeGroupOf(event.type)],
            terms,
            windowFrom: window.from,
            windowTo: window.to,
            startsAfter: window.startsAfter,
            nearest: { day: window.near, perTerm: eventLookup.perTerm, limit: eventLookup.limit },
          })
        : [];
    const match = bestMatch(report, candidates, used);
    const tallies: Tallies = match ? match.tallies : {};
    tallyEvent(tallies, report);
    const derived = deriveEvent(tallies);
    const row = eventRow(match ? match.id : stableId('ev', doc.id, String(ordinal)), match ? match.story ?? ctx.story : ctx.story, tallies, derived);
    ctx.out.facts.set(row.id, row);
    ctx.out.members.push({ merged: row.id, fact: report.factId });
    used.add(row.id);
    merged.push(row.id);
    await eventDisputes(ctx, row, derived.conflicts, match !== null, [report]);
  }
  return merged;
}

// ── stances, numbers, quotes: merged by key within the story ──

interface KeyedSpec<K extends 'stance' | 'quantity' | 'quote', F> {
  kind: K;
  items: readonly F[];
  keyOf: (item: F) => string;
  tally: (tallies: Tallies, item: F, published: string | null) => void;
  row: (id: string, story: string | null, key: string, tallies: Tallies) => MergedFactRow<K>;
}

/** Folds the document's items into the merged facts of its story; returns the written rows by key. */
async function reconcileKeyed<K extends 'stance' | 'quantity' | 'quote', F>(ctx: Context, spec: KeyedSpec<K, F>): Promise<Map<string, { row: MergedFactRow<K>; existed: boolean }>> {
  const byKey = new Map<string, number[]>();
  spec.items.forEach((item, ordinal) => {
    const key = spec.keyOf(item);
    const ordinals = byKey.get(key);
    if (ordinals) ordinals.push(ordinal);
    else byKey.set(key, [ordinal]);
  });
  const rows = new Map<string, { row: MergedFactRow<K>; existed: boolean }>();
  if (byKey.size === 0) return rows;
  const found = await ctx.store.findMergedFacts(spec.kind, { story: ctx.story, keys: [...byKey.keys()] });
  const existing = new Map(found.map((fact) => [fact.key, fact]));
  for (const [key, ordinals] of byKey) {
    const fact = existing.get(key);
    const tallies = fact ? fact.tallies : {};
    for (const ordinal of ordinals) spec.tally(tallies, spec.items[ordinal], ctx.published);
    const row = spec.row(fact ? fact.id : mergedFactId(spec.kind, ctx.story, key), ctx.story, key, tallies);
    ctx.out.facts.set(row.id, row);
    for (const ordinal of ordinals) ctx.out.members.push({ merged: row.id, fact: factId(ctx.doc.id, spec.kind, ordinal) });
    rows.set(key, { row, existed: fact !== undefined });
  }
  return rows;
}

async function oppositeActs(ctx: Context): Promise<void> {
  if (!isIsoDate(ctx.published)) return;
  const pairs = new Map<string, { party: string; issue: string }>();
  for (const stance of ctx.doc.stances) if (stancePolarity(stance.act) !== 0) pairs.set(`${stance.party}|${stance.issue}`, { party: stance.party, issue: stance.issue });
  const from = addDays(ctx.published, -contradictionTuning.oppositeActDays);
  const to = addDays(ctx.published, contradictionTuning.oppositeActDays);
  for (const { party, issue } of pairs.values()) {
    const facts = await ctx.store.findMergedFacts('stance', { story: ctx.story, keys: polarActs.map((act) => stanceKey({ party, issue, act })) });
    // A dispute needs reports of both sides; with no stored stance against one this document takes, there is none to read.
    const own = new Set(ctx.doc.stances.filter((stance) => stance.party === party && stance.issue === issue).map((stance) => stancePolarity(stance.act)));
    if (!facts.some((fact) => own.has(-stancePolarity(fact.attributes.act)))) continue;
    const members = await ctx.store.listMembers('stance', facts.map((fact) => fact.id), { from, to, perFact: disputeReports });
    const reports: StanceReport[] = [...members.values()].flat().map((member) => ({ ...sideReport(member, member.fact.evidence), stance: member.fact }));
    for (const stance of ctx.doc.stances) {
      if (stance.party !== party || stance.issue !== issue) continue;
      reports.push({ documentId: ctx.doc.id, published: ctx.published, sourceGroup: ctx.sourceGroup, evidence: stance.evidence, stance });
    }
    const dispute = oppositeActsDispute(ctx.story, party, issue, reports);
    if (dispute) addDispute(ctx.out, dispute.subject, dispute);
  }
}

function ownQuantityReports(ctx: Context, key: string): QuantityReport[] {
  return ctx.doc.quantities
    .filter((quantity) => quantityKey(quantity) === key)
    .map((quantity) => ({ documentId: ctx.doc.id, published: ctx.published, sourceGroup: ctx.sourceGroup, evidence: quantity.evidence, quantity }));
}

async function quantityReports(ctx: Context, ids: readonly string[], options: { perFact: number; from?: string; to?: string }): Promise<Map<string, QuantityReport[]>> {
  const members = await ctx.store.listMembers('quantity', ids, options);
  return new Map([...members].map(([id, list]) => [id, list.map((member) => ({ ...sideReport(member, member.fact.evidence), quantity: member.fact }))]));
}

async function numberDisputes(ctx: Context, rows: Map<string, { row: MergedFactRow<'quantity'>; existed: boolean }>): Promise<void> {
  for (const [key, { row, existed }] of rows) {
    const measures = ranked(row.tallies, 'measure');
    const subject = `quantity:${row.id}:measure`;
    if (measures.length < 2) {
      addDispute(ctx.out, subject, null);
    } else {
      const members = existed ? ((await quantityReports(ctx, [row.id], { perFact: disputeReports })).get(row.id) ?? []) : [];
      addDispute(ctx.out, subject, measureDispute(row.id, row.story, row.attributes.value, row.attributes.unit, [...members, ...ownQuantityReports(ctx, key)]));
    }
    const measure = row.attributes.measure;
    if (!measure || !isIsoDate(ctx.published)) continue;
    const unitKey = key.slice(0, key.lastIndexOf('|') + 1);
    const days = { from: addDays(ctx.published, -contradictionTuning.numberDays), to: addDays(ctx.published, contradictionTuning.numberDays) };
    const around = await ctx.store.findMergedFacts('quantity', { story: ctx.story, keyPrefix: unitKey, windowFrom: days.from, windowTo: days.to });
    const others = around
      .filter((fact) => fact.id !== row.id && fact.attributes.measure === measure)
      .sort((a, b) => b.independentSources - a.independentSources || a.id.localeCompare(b.id))
      .slice(0, rivalFigures);
    if (others.length === 0) continue;
    // Only reports from the days around this one can disagree with it.
    const reports = await quantityReports(ctx, [...others.map((fact) => fact.id), ...(existed ? [row.id] : [])], { perFact: figureReports, ...days });
    const figures = [
      { value: row.attributes.value, reports: [...(reports.get(row.id) ?? []), ...ownQuantityReports(ctx, key)] },
      ...others.map((fact) => ({ value: fact.attributes.value, reports: reports.get(fact.id) ?? [] })),
    ];
    const dispute = valueDispute(ctx.story, row.attributes.unit, measure, figures);
    if (dispute) addDispute(ctx.out, dispute.subject, dispute);
  }
}

async function roleDisputes(ctx: Context): Promise<void> {
  const found = new Map<string, { phrase: string; knowledge: string; reports: SideReport[] }>();
  for (const message of ctx.doc.messages) {
    const conflict = roleConflictOf(message);
    if (!conflict || !message.place) continue;
    const evidence = sentenceEvidence(ctx.doc.text, ctx.doc.sentences, message.place);
    const entry = found.get(conflict.phrase) ?? { ...conflict, reports: [] };
    entry.reports.push({ documentId: ctx.doc.id, published: ctx.published, sourceGroup: ctx.sourceGroup, evidence });
    found.set(conflict.phrase, entry);
  }
  for (const { phrase, knowledge, reports } of found.values()) {
    const fresh = roleDispute(ctx.story, phrase, knowledge, reports);
    const [stored] = await ctx.store.findContradictions({ subjects: [fresh.subject] });
    const earlier: SideReport[] = (stored?.sides[0]?.evidence ?? []).map((evidence) => ({
      documentId: evidence.documentId,
      published: null,
      sourceGroup: evidence.documentId,
      evidence: { start: evidence.start, end: evidence.end, text: evidence.text },
    }));
    const dispute = roleDispute(stored?.story ?? ctx.story, phrase, knowledge, [...earlier, ...reports]);
    addDispute(ctx.out, dispute.subject, dispute);
  }
}

// ── superseded versions ──

function foldMembers(kind: MergedKind, members: readonly MemberReport[]): Tallies {
  const tallies: Tallies = {};
  for (const member of members) {
    if (kind === 'event') tallyEvent(tallies, eventReport(member.id, member.documentId, member.published, (member as MemberReport<'event'>).fact));
    else if (kind === 'stance') tallyStance(tallies, (member as MemberReport<'stance'>).fact, member.published);
    else if (kind === 'quantity') tallyQuantity(tallies, (member as MemberReport<'quantity'>).fact, member.published);
    else tallyQuote(tallies, (member as MemberReport<'quote'>).fact, member.published);
  }
  return tallies;
}

function rebuiltRow(fact: MergedFactRecord, tallies: Tallies): MergedFactRow {
  if (fact.kind === 'event') return eventRow(fact.id, fact.story, tallies);
  if (fact.kind === 'stance') return stanceRow(fact.id, fact.story, fact.key, tallies);
  if (fact.kind === 'quantity') return quantityRow(fact.id, fact.story, fact.key, tallies);
  return quoteRow(fact.id, fact.story, fact.key, tallies);
}

/** Takes a superseded version out of every merged fact and dispute, recomputing them from the reports that remain. */
async function detachVersion(store: Store, state: ReconcileState): Promise<void> {
  const facts: MergedFactRow[] = [];
  for (const kind of mergedKinds) {
    const found: MergedFactRecord[] = await store.findMergedFacts(kind, { document: state.documentId });
    const members = await store.listMembers(kind, found.map((fact) => fact.id));
    for (const fact of found) {
      const remaining = (members.get(fact.id) ?? []).filter((member) => member.documentId !== state.documentId);
      facts.push(rebuiltRow(fact, foldMembers(kind, remaining)));
    }
  }
  const contradictions: ContradictionRow[] = [];
  const resolved: string[] = [];
  for (const record of await store.findContradictions({ document: state.documentId })) {
    const sides = record.sides.map((side) => ({ claim: side.claim, evidence: side.evidence.filter((evidence) => evidence.documentId !== state.documentId) }));
    const emptied = record.sides.some((side, i) => side.evidence.length > 0 && sides[i].evidence.length === 0);
    if (emptied) resolved.push(record.subject);
    else contradictions.push({ id: record.id, subject: record.subject, kind: record.kind, about: record.about, story: record.story, sides });
  }
  await store.applyReconcile({
    documentId: state.documentId,
    sourceGroup: state.sourceGroup,
    story: null,
    sketch: null,
    detach: true,
    stories: [],
    storyFeatures: [],
    facts,
    members: [],
    contradictions,
    resolved,
  });
}

/**
 * Reconciles a stored document: finds the copy it rewrites (its source group), its story, the
 * merged events, stances, numbers and quotes its reports join, and the disputes they raise, and
 * writes it all in one transaction. An earlier version of the same article is taken out first.
 * Runs once per stored version: called again, it changes nothing.
 */
export async function reconcileDocument(store: Store, doc: ReconcileDoc): Promise<ReconcileResult> {
  const result: ReconcileResult = { documentId: doc.id, status: 'reconciled', sourceGroup: null, duplicateOf: null, story: null, storyCreated: false, merged: emptyMerged(), contradictions: [] };
  const state = await store.getReconcileState(doc.id);
  if (state) return { ...result, status: 'already-reconciled', sourceGroup: state.sourceGroup, story: state.story };
  const versions = await store.listVersions(doc.id);
  const self = versions.find((version) => version.id === doc.id);
  if (!self) return { ...result, status: 'not-stored' };
  if (!self.current) return { ...result, status: 'superseded' };

  let inherited: ReconcileState | null = null;
  for (const version of versions.filter((v) => v.version < self.version)) {
    const earlier = await store.getReconcileState(version.id);
    if (!earlier) continue;
    if (earlier.story !== null || !inherited) inherited = earlier;
    await detachVersion(store, earlier);
  }

  const sketch = sketchText(doc.text);
  const candidates = sketch ? await store.findSketchCandidates(sketch.bandKeys, { limit: candidateLimit }) : [];
  const duplicate = sketch ? bestNearDuplicate(sketch, candidates, new Set(versions.map((v) => v.id))) : null;
  const sourceGroup = inherited?.sourceGroup ?? duplicate?.sourceGroup ?? doc.id;
  const assignment = await assignStory(store, doc, { sameAs: inherited?.story ?? duplicate?.story ?? null });
  const story = assignment?.story.id ?? null;

  const out: Collected = { facts: new Map(), members: [], contradictions: new Map(), resolved: new Set() };
  const ctx: Context = { store, doc, story, sourceGroup, published: isIsoDate(doc.meta.published) ? doc.meta.published.slice(0, 10) : null, out };
  const merged = emptyMerged();
  merged.event = await reconcileEvents(ctx);
  const stances = await reconcileKeyed<'stance', Stance>(ctx, { kind: 'stance', items: doc.stances, keyOf: stanceKey, tally: tallyStance, row: stanceRow });
  merged.stance = [...stances.values()].map(({ row }) => row.id);
  await oppositeActs(ctx);
  const quantities = await reconcileKeyed<'quantity', Quantity>(ctx, { kind: 'quantity', items: doc.quantities, keyOf: quantityKey, tally: tallyQuantity, row: quantityRow });
  merged.quantity = [...quantities.values()].map(({ row }) => row.id);
  await numberDisputes(ctx, quantities);
  const quotes = await reconcileKeyed<'quote', Quote>(ctx, { kind: 'quote', items: doc.quotes, keyOf: quoteKey, tally: tallyQuote, row: quoteRow });
  merged.quote = [...quotes.values()].map(({ row }) => row.id);
  await roleDisputes(ctx);

  const update: ReconcileUpdate = {
    documentId: doc.id,
    sourceGroup,
    story,
    sketch,
    stories: assignment ? [assignment.story] : [],
    storyFeatures: assignment ? [{ story: assignment.story.id, features: assignment.features }] : [],
    facts: [...out.facts.values()],
    members: out.members,
    contradictions: [...out.contradictions.values()],
    resolved: [...out.resolved],
  };
  await store.applyReconcile(update);
  return {
    ...result,
    sourceGroup,
    duplicateOf: duplicate?.documentId ?? null,
    story,
    storyCreated: assignment?.created ?? false,
    merged,
    contradictions: [...out.contradictions.keys()],
  };
}

/** Reconciles every current document not yet reconciled (stored before reconcile existed, or when a run stopped midway), oldest first. */
export async function reconcilePending(store: Store, options: { batch?: number } = {}): Promise<ReconcileResult[]> {
  const results: ReconcileResult[] = [];
  const batch = options.batch ?? 200;
  for (;;) {
    const ids = await store.listUnreconciled({ limit: batch });
    if (ids.length === 0) return results;
    let progressed = false;
    for (const id of ids) {
      const stored = await store.getDocument(id);
      if (!stored) continue;
      const result = await reconcileDocument(store, stored);
      if (result.status === 'reconciled') progressed = true;
      results.push(result);
    }
    if (!progressed) return results;
  }
}
