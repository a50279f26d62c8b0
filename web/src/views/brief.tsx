// The morning brief: takeaways, the matrix, what changed, the timeline, quotes and disputes — every line citing its sources.
import { apiPath, useApi, type Brief, type PositionsReport } from '../api.ts';
import { Citations } from '../citations.tsx';
import { formatDate, formatDateRange, plural } from '../format.ts';
import { updateState, type PageState } from '../url-state.ts';
import { ActLegend, Matrix, positionsPath } from './positions.tsx';

const sinceReasons: Record<NonNullable<Brief['since']>['reason'], string> = {
  option: 'as asked',
  'last-brief': 'since the last brief',
  'latest-coverage': 'the latest day of coverage',
};

export function BriefView(props: { state: PageState }) {
  const { state } = props;
  const { data: brief, error } = useApi<Brief>(apiPath('/api/brief', { story: state.story }));
  // The brief is about one story (the largest when none is chosen): its matrix is that story's.
  const positions = useApi<PositionsReport>(brief ? positionsPath(state.story ?? brief.story?.id ?? null) : null);
  if (error) return <div class="notice error">{error}</div>;
  if (!brief) return <div class="notice">Loading the brief…</div>;
  const titles = new Map(brief.sources.map((source) => [source.number, `${source.document.source ?? 'unknown outlet'}, ${formatDate(source.document.published)}`]));
  return (
    <section class="view brief" data-testid="brief-view">
      <div class="view-head">
        <h2>{brief.title}</h2>
        <p class="hint">
          {brief.story ? `${plural(brief.story.documents, 'article')}, ${formatDate(brief.story.firstSeen, { withYear: false })} – ${formatDate(brief.story.lastSeen)}` : null}
          {brief.since ? ` · new since ${formatDate(brief.since.date)} (${sinceReasons[brief.since.reason]})` : null}
        </p>
      </div>
      <div class="brief-grid">
        <div class="brief-main">
          <section class="section-card">
            <h3>Key takeaways</h3>
            {brief.takeaways.length === 0 ? <p class="notice">Nothing stands out yet.</p> : null}
            <ul class="takeaways">
              {brief.takeaways.map((takeaway) => (
                <li key={takeaway.fact}>
                  {takeaway.novel ? <span class="new-badge">new</span> : null}
                  <span>{takeaway.text}</span> <Citations citations={takeaway.citations} titles={titles} />
                </li>
              ))}
            </ul>
          </section>
          {positions.data && positions.data.cells.length > 0 ? (
            <section class="section-card">
              <div class="card-head">
                <h3>Where the parties stand</h3>
                <button type="button" class="link-button" onClick={() => updateState({ view: 'positions' })}>
                  full matrix →
                </button>
              </div>
              <Matrix data={positions.data} selected={state.cell} compact story={state.story ? null : (brief.story?.id ?? null)} />
              <ActLegend />
            </section>
          ) : null}
          {brief.changes.length ? (
            <section class="section-card">
              <div class="card-head">
                <h3>What changed</h3>
                <button type="button" class="link-button" onClick={() => updateState({ view: 'changes' })}>
                  details →
                </button>
              </div>
              <ul>
                {brief.changes.map((item, index) => (
                  <li key={`${item.fact}-${index}`}>
                    {item.text} <Citations citations={item.citations} titles={titles} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <div class="brief-side">
          {brief.timeline.length ? (
            <section class="section-card">
              <div class="card-head">
                <h3>Timeline</h3>
                <button type="button" class="link-button" onClick={() => updateState({ view: 'timeline' })}>
                  all events →
                </button>
              </div>
              <table class="brief-timeline">
                <tbody>
                  {brief.timeline.map((entry) => (
                    <tr key={entry.fact}>
                      <td class="date">{formatDateRange(entry.date)}</td>
                      <td>
                        <span class={`status-dot status-${entry.status}`} title={entry.status} /> {entry.text} <Citations citations={entry.citations} titles={titles} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          {brief.quotes.length ? (
            <section class="section-card">
              <h3>Notable quotes</h3>
              {brief.quotes.map((quote) => (
                <blockquote key={quote.fact} class="quote">
                  <p>“{quote.quote}”</p>
                  <footer>
                    — {quote.speakerName ?? 'unattributed'} <Citations citations={quote.citations} titles={titles} />
                  </footer>
                </blockquote>
              ))}
            </section>
          ) : null}
          {brief.disputes.length ? (
            <section class="section-card">
              <h3>Disputed</h3>
              <ul>
                {brief.disputes.map((dispute) => (
                  <li key={dispute.fact}>
                    <button type="button" class="link-button" onClick={() => updateState({ dispute: dispute.fact, cell: null, fact: null, event: null, doc: null, at: null })}>
                      {dispute.about}
                    </button>
                    : {dispute.sides.map((side) => side.claim).join(' vs ')}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section class="section-card">
            <h3>Sources</h3>
            <ol class="sources-list">
              {brief.sources.map((source) => (
                <li key={source.number} value={source.number}>
                  <button type="button" class="link-button" onClick={() => updateState({ cell: null, fact: null, event: null, dispute: null, doc: source.document.id, at: null })}>
                    {source.document.title ?? source.document.file ?? source.document.id}
                  </button>{' '}
                  <span class="muted">
                    {source.document.source ?? 'unknown outlet'}, {formatDate(source.document.published)}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </section>
  );
}
