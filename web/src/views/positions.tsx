// The issue × party matrix: each cell coloured by the party's latest act on the issue; a click opens the sentences behind it.
import { apiPath, useApi, type FactAnswer, type PositionsCell, type PositionsReport } from '../api.ts';
import { EvidencePanel, type EvidenceEntry } from '../evidence-panel.tsx';
import { acts, actVerb, formatDate, plural } from '../format.ts';
import { updateState, type PageState } from '../url-state.ts';

export function positionsPath(story: string | null): string {
  return apiPath('/api/positions', { story });
}

export function cellKey(issue: string, party: string): string {
  return `${issue}|${party}`;
}

export function ActLegend() {
  return (
    <div class="legend" aria-label="Colour key">
      {acts.map((act) => (
        <span class="legend-item" key={act}>
          <span class={`swatch act-${act}`} /> {act}
        </span>
      ))}
      <span class="legend-item">
        <span class="trend-mark shifted">↻</span> shifted
      </span>
      <span class="legend-item">
        <span class="trend-mark new">●</span> new
      </span>
      <span class="legend-item">
        <span class="sources-sample">3</span> independent sources
      </span>
    </div>
  );
}

function cellLabel(cell: PositionsCell, issueName: string): string {
  return `${cell.party} ${actVerb(cell.latestAct)} — ${issueName}: “${cell.summary}”; ${plural(cell.independentSources, 'independent source')}, ${plural(cell.documents, 'article')}, last ${formatDate(cell.lastSeen)}`;
}

/** The matrix table; `story` is set on a click when the matrix is one story's (the brief's) while the page shows all. */
export function Matrix(props: { data: PositionsReport; selected: string | null; compact?: boolean; story?: string | null }) {
  const { data } = props;
  const cells = new Map(data.cells.map((cell) => [cellKey(cell.issue, cell.party), cell]));
  return (
    <div class="matrix-scroll">
      <table class={props.compact ? 'matrix compact' : 'matrix'} data-testid="matrix">
        <thead>
          <tr>
            <th class="corner">Issue</th>
            {data.parties.map((party) => (
              <th key={party} scope="col">
                {party}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.issues.map((issue) => (
            <tr key={issue.id}>
              <th scope="row" title={issue.label}>
                {issue.label}
              </th>
              {data.parties.map((party) => {
                const key = cellKey(issue.id, party);
                const cell = cells.get(key);
                if (!cell) return <td key={party} class="empty" />;
                const label = cellLabel(cell, issue.label);
                return (
                  <td key={party} class={`cell act-${cell.latestAct}${props.selected === key ? ' chosen' : ''}`}>
                    <button
                      type="button"
                      title={label}
                      aria-label={label}
                      data-cell={key}
                      style={{ opacity: String(0.6 + 0.4 * Math.max(0, Math.min(1, cell.confidence))) }}
                      onClick={() => updateState({ cell: key, event: null, dispute: null, doc: null, at: null, fact: null, ...(props.story ? { story: props.story } : {}) })}
                    >
                      <span class="act">{cell.latestAct}</span>
                      <span class="cell-meta">
                        {cell.trend === 'shifted' ? <span class="trend-mark shifted" title="shifted: the act changed over time">↻</span> : null}
                        {cell.trend === 'new' ? <span class="trend-mark new" title="new in this window">●</span> : null}
                        <span class="sources">{cell.independentSources}</span>
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PositionsView(props: { story: string | null; selected: string | null }) {
  const { data, error } = useApi<PositionsReport>(positionsPath(props.story));
  if (error) return <div class="notice error">{error}</div>;
  if (!data) return <div class="notice">Loading positions…</div>;
  return (
    <section class="view" data-testid="positions-view">
      <div class="view-head">
        <h2>Where the parties stand</h2>
        <ActLegend />
      </div>
      {data.cells.length === 0 ? <p class="notice">No stances found yet. Ingest articles about the talks and they appear here.</p> : <Matrix data={data} selected={props.selected} />}
      <p class="hint footnote">Each cell is the party’s latest act on the issue; paler cells are less certain. Click a cell for the sentences behind it.</p>
    </section>
  );
}

function factEntries(answer: FactAnswer, label: EvidenceEntry['label']): EvidenceEntry[] {
  const documents = new Map(answer.documents.map((doc) => [doc.id, doc]));
  const entries = answer.evidence.map((evidence, index) => ({
    key: `${answer.fact.id}#${index}`,
    evidence: { documentId: evidence.documentId, start: evidence.start, end: evidence.end, text: evidence.text },
    document: documents.get(evidence.documentId) ?? null,
    label,
  }));
  // Newest report first: the analyst reads the latest wording first.
  return entries.sort((a, b) => (b.document?.published ?? '').localeCompare(a.document?.published ?? ''));
}

/** The side panel for a cell: the act's history, and the evidence of the chosen act (the latest by default). */
export function CellPanel(props: { state: PageState; cellKey: string }) {
  const { state } = props;
  const positions = useApi<PositionsReport>(positionsPath(state.story));
  const cell = positions.data?.cells.find((candidate) => cellKey(candidate.issue, candidate.party) === props.cellKey) ?? null;
  const chosenStance = cell ? (cell.stances.includes(state.fact ?? '') ? state.fact! : cell.stances[0]) : null;
  const fact = useApi<FactAnswer>(chosenStance ? `/api/facts/${encodeURIComponent(chosenStance)}` : null);
  if (!positions.data) return <EvidencePanel state={state} heading="Loading…" entries={[]} />;
  if (!cell) return <EvidencePanel state={state} heading="This cell is not in the current matrix" entries={[]} />;
  const issue = positions.data.issues.find((candidate) => candidate.id === cell.issue)?.label ?? cell.issue;
  const chosenAct = cell.history.find((act) => act.stance === chosenStance) ?? cell.history[0];
  const entries = fact.data ? factEntries(fact.data, <span class={`act-badge act-${chosenAct.act}`}>{chosenAct.act}</span>) : [];
  const heading = (
    <>
      <span class={`act-badge act-${cell.latestAct}`}>{cell.latestAct}</span> {cell.party} · {issue}
      <div class="panel-sub">
        {plural(cell.independentSources, 'independent source')} · {plural(cell.documents, 'article')} · {cell.trend} · confidence {Math.round(cell.confidence * 100)}%
      </div>
      <div class="panel-summary">“{cell.summary}”</div>
      {cell.history.length > 1 ? (
        <div class="history" aria-label="Acts over time">
          {[...cell.history].reverse().map((act) => (
            <button
              type="button"
              key={act.stance}
              class={`history-act act-${act.act}${act.stance === chosenStance ? ' on' : ''}`}
              title={`${plural(act.independentSources, 'independent source')}, ${plural(act.documents, 'article')}`}
              onClick={() => updateState({ fact: act.stance, doc: null, at: null }, { replace: true })}
            >
              <span class="act">{act.act}</span> {formatDate(act.firstSeen, { withYear: false })}
              {act.lastSeen && act.lastSeen !== act.firstSeen ? `–${formatDate(act.lastSeen, { withYear: false })}` : ''}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
  return <EvidencePanel state={state} heading={heading} entries={entries} emptyText={fact.loading ? 'Loading the evidence…' : fact.error ?? undefined} />;
}
