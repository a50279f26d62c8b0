// Renders a brief as Markdown: article text is escaped so a quoted sentence can never turn into markup.
import type { StanceAct } from '../doc/types.ts';
import { actVerb, formatDay, formatRange } from './phrases.ts';
import type { Brief, BriefCell, Citation } from './types.ts';

/** Backslash-escapes what Markdown (and HTML inside Markdown) would read as markup. */
export function escapeMarkdown(text: string): string {
  // Brackets are escaped, so parentheses can never complete a link; they stay readable.
  return text.replace(/[\\`*_{}[\]<>|~]/g, (char) => `\\${char}`).replace(/\n+/g, ' ');
}

function documentCount(count: number): string {
  return `${count} document${count === 1 ? '' : 's'}`;
}

function cite(citations: readonly Citation[]): string {
  return citations.map((citation) => `[${citation.source}]`).join('');
}

const trendMarks: Record<BriefCell['trend'], string> = { new: ' (new)', shifted: ' (shifted)', steady: '' };

function cellText(cell: BriefCell): string {
  return `${actVerb(cell.latestAct as StanceAct)}${trendMarks[cell.trend]} · ${cell.independentSources} src · ${cell.confidence.toFixed(2)} ${cite(cell.citations)}`;
}

function sinceLine(brief: Brief): string | null {
  if (!brief.since) return null;
  if (brief.since.reason === 'last-brief') return `What changed since the last brief (${brief.since.date.slice(0, 16).replace('T', ' ')} UTC)`;
  const day = formatDay(brief.since.date);
  return brief.since.reason === 'option' ? `What changed since ${day}` : `What changed in the latest coverage (since ${day})`;
}

/** The brief as Markdown: sections in a fixed order, each statement followed by its source numbers. */
export function renderBriefMarkdown(brief: Brief): string {
  const lines: string[] = [`# ${escapeMarkdown(brief.title)}`, ''];
  const story = brief.story;
  const coverage = story ? `${documentCount(story.documents)}, ${formatRange({ start: story.firstSeen, end: story.lastSeen }) ?? 'undated'}` : null;
  lines.push(`_Generated ${brief.generatedAt.slice(0, 16).replace('T', ' ')} UTC${coverage ? ` · ${coverage}` : ''}${brief.filter.until ? ` · up to ${formatDay(brief.filter.until)}` : ''}._`, '');

  lines.push('## Key takeaways', '');
  if (brief.takeaways.length === 0) lines.push('Nothing to report yet: no facts are stored for this story.');
  for (const takeaway of brief.takeaways) lines.push(`- ${takeaway.novel ? '**New:** ' : ''}${escapeMarkdown(takeaway.text)} ${cite(takeaway.citations)}`);
  lines.push('');

  lines.push('## Where the parties stand', '');
  if (brief.positions.cells.length === 0) {
    lines.push('No stances recorded yet.', '');
  } else {
    const { parties, issues, cells } = brief.positions;
    lines.push(`| Issue | ${parties.map(escapeMarkdown).join(' | ')} |`, `|---|${parties.map(() => '---').join('|')}|`);
    for (const issue of issues) {
      const row = parties.map((party) => {
        const cell = cells.find((candidate) => candidate.issue === issue.id && candidate.party === party);
        return cell ? cellText(cell) : '·';
      });
      lines.push(`| ${escapeMarkdown(issue.label)} | ${row.join(' | ')} |`);
    }
    lines.push('', '_Each cell: latest act (trend) · independent sources · confidence · source numbers._', '');
  }

  const since = sinceLine(brief);
  if (since) {
    lines.push(`## ${since}`, '');
    if (brief.changes.length === 0) lines.push('Nothing new.');
    for (const change of brief.changes) lines.push(`- ${escapeMarkdown(change.text)} ${cite(change.citations)}`);
    lines.push('');
  }

  lines.push('## Timeline', '');
  if (brief.timeline.length === 0) lines.push('No events recorded yet.');
  for (const entry of brief.timeline) {
    const when = formatRange(entry.date) ?? 'date unknown';
    lines.push(`- **${escapeMarkdown(when)}** — ${escapeMarkdown(entry.text)} _(${entry.independentSources} source${entry.independentSources === 1 ? '' : 's'})_ ${cite(entry.citations)}`);
  }
  lines.push('');

  lines.push('## Notable quotes', '');
  if (brief.quotes.length === 0) lines.push('No attributed quotes recorded yet.');
  for (const quote of brief.quotes) lines.push(`> ${escapeMarkdown(quote.text)} ${cite(quote.citations)}`, '');
  lines.push('');

  lines.push('## Disputed facts', '');
  if (brief.disputes.length === 0) lines.push('No disagreements between sources found.');
  for (const dispute of brief.disputes) {
    lines.push(`- **${escapeMarkdown(dispute.about)}** (${dispute.kind}): ${escapeMarkdown(dispute.text)}`);
    for (const side of dispute.sides) {
      lines.push(`  - ${escapeMarkdown(side.claim)}${side.citations.length ? ` ${cite(side.citations)}` : ''}`);
      for (const citation of side.citations) lines.push(`    > “${escapeMarkdown(citation.evidence.text)}” [${citation.source}]`);
    }
  }
  lines.push('');

  lines.push('## Sources', '');
  if (brief.sources.length === 0) lines.push('None cited.');
  for (const { number, document } of brief.sources) {
    const outlet = document.source ? `${escapeMarkdown(document.source)} — ` : '';
    const date = document.published ? ` (${document.published})` : '';
    const safeUrl = document.url && /^https?:\/\//i.test(document.url) ? document.url.replace(/[<>\s]/g, encodeURIComponent) : null;
    const fileName = document.file ? `\`${document.file.replace(/`/g, "'")}\`` : null;
    const title = document.title ? `_${escapeMarkdown(document.title)}_` : (fileName ?? escapeMarkdown(document.id));
    const link = safeUrl ? ` <${safeUrl}>` : document.title && fileName ? ` ${fileName}` : '';
    lines.push(`${number}. ${outlet}${title}${date}${link}`);
  }

  if (brief.otherStories.length > 0) {
    lines.push('', '## Other stories', '');
    for (const other of brief.otherStories) {
      const range = formatRange({ start: other.firstSeen, end: other.lastSeen });
      lines.push(`- ${escapeMarkdown(other.label)} — ${documentCount(other.documents)}${range ? `, ${range}` : ''}: \`parley brief --story ${other.id}\``);
    }
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
