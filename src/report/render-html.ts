// Renders a brief as one self-contained HTML page (no scripts, no external files), readable offline and printable; all text is escaped.
import type { StanceAct } from '../doc/types.ts';
import { actVerb, formatDay, formatRange } from './phrases.ts';
import type { Brief, BriefCell, Citation, StorySummary } from './types.ts';

/** Escapes text for HTML element content and attribute values: article text is never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

const style = `
  body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; margin-top: 2rem; }
  .meta, .note { color: #555; font-size: 0.9rem; }
  sup a { text-decoration: none; color: #0b4f8a; } a { color: #0b4f8a; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; } th, td { border: 1px solid #ccc; padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; }
  td.empty { color: #aaa; text-align: center; } .trend-shifted { color: #9a3b00; font-weight: bold; } .trend-new { color: #1b6b1b; font-weight: bold; }
  .new { background: #e8f3e8; padding: 0 0.25rem; font-size: 0.8rem; }
  blockquote { margin: 0.3rem 0 0.3rem 1rem; padding-left: 0.6rem; border-left: 3px solid #ccc; color: #333; }
  .sources li { margin-bottom: 0.4rem; } .evidence { font-size: 0.85rem; color: #444; margin: 0.2rem 0 0 0; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } h2 { break-after: avoid; } tr, li { break-inside: avoid; } }
`;

function cite(citations: readonly Citation[]): string {
  return citations
    .map((citation) => `<sup><a href="#source-${citation.source}" title="${escapeHtml(citation.evidence.text)}">[${citation.source}]</a></sup>`)
    .join('');
}

function cell(cellValue: BriefCell | undefined): string {
  if (!cellValue) return '<td class="empty">·</td>';
  const trend = cellValue.trend === 'steady' ? '' : ` <span class="trend-${cellValue.trend}">${cellValue.trend}</span>`;
  return `<td title="${escapeHtml(cellValue.summary)}">${escapeHtml(actVerb(cellValue.latestAct as StanceAct))}${trend}<br><span class="note">${cellValue.independentSources} src · ${cellValue.confidence.toFixed(2)}</span> ${cite(cellValue.citations)}</td>`;
}

function otherStoryLine(other: StorySummary): string {
  const range = formatRange({ start: other.firstSeen, end: other.lastSeen });
  const documents = `${other.documents} document${other.documents === 1 ? '' : 's'}`;
  return `${escapeHtml(other.label)} — ${documents}${range ? `, ${escapeHtml(range)}` : ''}: <code>parley brief --story ${escapeHtml(other.id)}</code>`;
}

function list(items: string[], empty: string): string {
  return items.length === 0 ? `<p class="note">${escapeHtml(empty)}</p>` : `<ul>\n${items.map((entry) => `<li>${entry}</li>`).join('\n')}\n</ul>`;
}

/** The brief as one HTML file; every piece of article text goes through `escapeHtml`. */
export function renderBriefHtml(brief: Brief): string {
  const parts: string[] = [];
  const story = brief.story;
  const coverage = story ? `${story.documents} document${story.documents === 1 ? '' : 's'}, ${formatRange({ start: story.firstSeen, end: story.lastSeen }) ?? 'undated'}` : '';
  parts.push(`<h1>${escapeHtml(brief.title)}</h1>`);
  parts.push(`<p class="meta">Generated ${escapeHtml(brief.generatedAt.slice(0, 16).replace('T', ' '))} UTC${coverage ? ` · ${escapeHtml(coverage)}` : ''}${brief.filter.until ? ` · up to ${escapeHtml(formatDay(brief.filter.until))}` : ''}</p>`);

  parts.push('<h2>Key takeaways</h2>');
  parts.push(list(brief.takeaways.map((takeaway) => `${takeaway.novel ? '<span class="new">new</span> ' : ''}${escapeHtml(takeaway.text)} ${cite(takeaway.citations)}`), 'Nothing to report yet: no facts are stored for this story.'));

  parts.push('<h2>Where the parties stand</h2>');
  if (brief.positions.cells.length === 0) {
    parts.push('<p class="note">No stances recorded yet.</p>');
  } else {
    const { parties, issues, cells } = brief.positions;
    const header = `<tr><th>Issue</th>${parties.map((party) => `<th>${escapeHtml(party)}</th>`).join('')}</tr>`;
    const rows = issues.map((issue) => `<tr><th>${escapeHtml(issue.label)}</th>${parties.map((party) => cell(cells.find((c) => c.issue === issue.id && c.party === party))).join('')}</tr>`);
    parts.push(`<table>\n${header}\n${rows.join('\n')}\n</table>`);
    parts.push('<p class="note">Each cell: latest act (and trend), independent sources, confidence, source numbers.</p>');
  }

  if (brief.since) {
    const heading =
      brief.since.reason === 'last-brief'
        ? `What changed since the last brief (${brief.since.date.slice(0, 16).replace('T', ' ')} UTC)`
        : brief.since.reason === 'option'
          ? `What changed since ${formatDay(brief.since.date)}`
          : `What changed in the latest coverage (since ${formatDay(brief.since.date)})`;
    parts.push(`<h2>${escapeHtml(heading)}</h2>`);
    parts.push(list(brief.changes.map((change) => `${escapeHtml(change.text)} ${cite(change.citations)}`), 'Nothing new.'));
  }

  parts.push('<h2>Timeline</h2>');
  parts.push(
    list(
      brief.timeline.map(
        (entry) =>
          `<strong>${escapeHtml(formatRange(entry.date) ?? 'date unknown')}</strong> — ${escapeHtml(entry.text)} <span class="note">(${entry.independentSources} source${entry.independentSources === 1 ? '' : 's'})</span> ${cite(entry.citations)}`,
      ),
      'No events recorded yet.',
    ),
  );

  parts.push('<h2>Notable quotes</h2>');
  parts.push(brief.quotes.length === 0 ? '<p class="note">No attributed quotes recorded yet.</p>' : brief.quotes.map((quote) => `<blockquote>${escapeHtml(quote.text)} ${cite(quote.citations)}</blockquote>`).join('\n'));

  parts.push('<h2>Disputed facts</h2>');
  parts.push(
    list(
      brief.disputes.map((dispute) => {
        const sides = dispute.sides
          .map(
            (side) =>
              `<li>${escapeHtml(side.claim)} ${cite(side.citations)}${side.citations.map((citation) => `<blockquote>${escapeHtml(citation.evidence.text)} <span class="note">[${citation.source}]</span></blockquote>`).join('')}</li>`,
          )
          .join('\n');
        return `<strong>${escapeHtml(dispute.about)}</strong> <span class="note">(${escapeHtml(dispute.kind)})</span>: ${escapeHtml(dispute.text)}<ul>${sides}</ul>`;
      }),
      'No disagreements between sources found.',
    ),
  );

  parts.push('<h2>Sources</h2>');
  const cited = new Map<number, Set<string>>();
  const collect = (citations: readonly Citation[]) => {
    for (const citation of citations) cited.set(citation.source, (cited.get(citation.source) ?? new Set()).add(citation.evidence.text));
  };
  for (const entry of [...brief.takeaways, ...brief.changes, ...brief.timeline, ...brief.quotes]) collect(entry.citations);
  for (const cellValue of brief.positions.cells) collect(cellValue.citations);
  for (const dispute of brief.disputes) for (const side of dispute.sides) collect(side.citations);
  parts.push(
    brief.sources.length === 0
      ? '<p class="note">None cited.</p>'
      : `<ol class="sources">\n${brief.sources
          .map(({ number, document }) => {
            const outlet = document.source ? `${escapeHtml(document.source)} — ` : '';
            const date = document.published ? ` (${escapeHtml(document.published)})` : '';
            const safeUrl = document.url && /^https?:\/\//i.test(document.url) ? document.url : null;
            const fileName = document.file ? `<code>${escapeHtml(document.file)}</code>` : null;
            const title = document.title ? `<em>${escapeHtml(document.title)}</em>` : (fileName ?? escapeHtml(document.id));
            const link = safeUrl ? ` <a href="${escapeHtml(safeUrl)}">${escapeHtml(safeUrl)}</a>` : document.title && fileName ? ` ${fileName}` : '';
            const evidence = [...(cited.get(number) ?? [])].map((text) => `<blockquote class="evidence">${escapeHtml(text)}</blockquote>`).join('');
            return `<li id="source-${number}">${outlet}${title}${date}${link}${evidence}</li>`;
          })
          .join('\n')}\n</ol>`,
  );

  if (brief.otherStories.length > 0) {
    parts.push('<h2>Other stories</h2>');
    parts.push(list(brief.otherStories.map(otherStoryLine), ''));
  }

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(brief.title)}</title>
<style>${style}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
