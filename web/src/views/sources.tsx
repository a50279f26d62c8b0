// Sources: every stored article by outlet and date; a row opens the article in the reader.
import { apiPath, useApi, type DocumentSummary, type Stats } from '../api.ts';
import { formatDate, plural } from '../format.ts';
import { updateState } from '../url-state.ts';

export function SourcesView(props: { story: string | null; openDocument: string | null }) {
  const documents = useApi<{ documents: DocumentSummary[]; total: number }>(apiPath('/api/documents', { story: props.story, limit: 500 }));
  const stats = useApi<{ stats: Stats }>('/api/stats');
  if (documents.error) return <div class="notice error">{documents.error}</div>;
  if (!documents.data) return <div class="notice">Loading sources…</div>;
  const outlets = new Map<string, number>();
  for (const doc of documents.data.documents) outlets.set(doc.meta.source ?? 'unknown outlet', (outlets.get(doc.meta.source ?? 'unknown outlet') ?? 0) + 1);
  const largest = Math.max(1, ...outlets.values());
  return (
    <section class="view" data-testid="sources-view">
      <div class="view-head">
        <h2>Sources</h2>
        <p class="hint">
          {plural(documents.data.total, 'article')} from {plural(outlets.size, 'outlet')}
          {stats.data?.stats.published.first ? `, published ${formatDate(stats.data.stats.published.first)} – ${formatDate(stats.data.stats.published.last)}` : ''}.
        </p>
      </div>
      <div class="two-columns">
        <table class="outlets">
          <tbody>
            {[...outlets.entries()]
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .map(([outlet, count]) => (
                <tr key={outlet}>
                  <td class="outlet">{outlet}</td>
                  <td class="bar-cell">
                    <span class="bar" style={{ width: `${(100 * count) / largest}%` }} />
                  </td>
                  <td class="num">{count}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <table class="documents">
          <thead>
            <tr>
              <th>Published</th>
              <th>Outlet</th>
              <th>Title</th>
              <th class="num">Sentences</th>
            </tr>
          </thead>
          <tbody>
            {documents.data.documents.map((doc) => (
              <tr
                key={doc.id}
                class={doc.id === props.openDocument ? 'clickable chosen' : 'clickable'}
                onClick={() => updateState({ cell: null, fact: null, event: null, dispute: null, doc: doc.id, at: null })}
              >
                <td class="date">{formatDate(doc.meta.published)}</td>
                <td class="outlet">{doc.meta.source ?? '—'}</td>
                <td>{doc.meta.title ?? doc.meta.file ?? doc.origin}</td>
                <td class="num">{doc.sentenceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
