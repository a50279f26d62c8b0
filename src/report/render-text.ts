// Plain-text renderings for the terminal: the positions matrix by issue, the timeline by date, one fact with its evidence.
import type { DocumentRef, StanceAct } from '../doc/types.ts';
import { actVerb, formatRange, issueLabel } from './phrases.ts';
import type { ShownFact, ShownReport } from './show.ts';
import type { PositionsReport, TimelineReport } from './types.ts';

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}

function documentLine(document: DocumentRef): string {
  return [document.source ?? document.file ?? document.id.slice(0, 12), document.published, document.title].filter(Boolean).join(' · ');
}

/** One block per issue, one line per party: latest act, trend, sources, confidence and the latest wording. */
export function renderPositionsText(report: PositionsReport): string[] {
  if (report.cells.length === 0) return ['no stances stored yet'];
  const lines: string[] = [];
  const partyWidth = Math.max(...report.cells.map((cell) => cell.party.length)) + 2;
  for (const issue of report.issues) {
    lines.push(issue.label);
    for (const cell of report.cells.filter((candidate) => candidate.issue === issue.id)) {
      const trend = cell.trend === 'steady' ? '' : ` (${cell.trend})`;
      lines.push(
        `  ${pad(cell.party, partyWidth)}${pad(`${actVerb(cell.latestAct as StanceAct)}${trend}`, 20)}${pad(`${cell.independentSources} src`, 8)}${cell.confidence.toFixed(2)}  “${cell.summary}”  [${cell.stances[0]}]`,
      );
    }
  }
  return lines;
}

/** One line per merged event, in date order. */
export function renderTimelineText(report: TimelineReport): string[] {
  if (report.events.length === 0) return ['no events stored yet'];
  return report.events.map((event) => {
    const when = formatRange(event.date) ?? 'undated';
    const details = [event.type, event.status, event.place, event.parties.join(', ')].filter(Boolean).join(' · ');
    return `${pad(when, 26)}${details}  — ${event.documents.length} docs, ${event.independentSources} source${event.independentSources === 1 ? '' : 's'}  [${event.id}]`;
  });
}

function reportLines(report: ShownReport): string[] {
  return [`  ${documentLine(report.document)}  [${report.id}]`, `    “${report.evidence.text}” @${report.evidence.start}-${report.evidence.end}`];
}

/** A fact, what it says, and each sentence behind it with its document. */
export function renderShowText(shown: ShownFact): string[] {
  if (shown.kind === 'contradiction') {
    const { contradiction } = shown;
    const lines = [`${contradiction.id}  disputed ${contradiction.kind}: ${contradiction.about}`];
    for (const side of contradiction.sides) {
      lines.push(`- ${side.claim}`);
      for (const evidence of side.evidence) {
        const document = side.documents.find((doc) => doc.id === evidence.documentId);
        lines.push(`  ${document ? documentLine(document) : evidence.documentId}`, `    “${evidence.text}” @${evidence.start}-${evidence.end}`);
      }
    }
    return lines;
  }
  if (shown.kind === 'stored') {
    return [
      `${shown.report.id}  ${shown.factKind}${shown.mergedInto ? `, merged into ${shown.mergedInto}` : ''}`,
      `  ${JSON.stringify(shown.report.fact, (key, value) => (key === 'evidence' || key === 'span' ? undefined : value))}`,
      ...reportLines(shown.report),
    ];
  }
  const attributes = shown.attributes as unknown as Record<string, unknown>;
  const headline =
    shown.factKind === 'event'
      ? [attributes.type, attributes.status, attributes.place, formatRange(attributes.date as { start: string | null; end: string | null } | null)].filter(Boolean).join(' · ')
      : shown.factKind === 'stance'
        ? `${attributes.party} ${actVerb(attributes.act as StanceAct)} (${issueLabel(String(attributes.issue))})`
        : shown.factKind === 'quote'
          ? `“${attributes.text}” — ${attributes.speakerName ?? 'unattributed'}`
          : `${attributes.value} ${attributes.unit ?? ''}${attributes.measure ? ` ${attributes.measure}` : ''}`.trim();
  return [
    `${shown.id}  ${shown.factKind}: ${headline}`,
    `  ${shown.documents} documents, ${shown.independentSources} independent source${shown.independentSources === 1 ? '' : 's'}, first seen ${shown.firstSeen ?? '?'}, last seen ${shown.lastSeen ?? '?'}`,
    ...shown.reports.flatMap(reportLines),
  ];
}
