// The article reader: one stored document with its outlet and date, the evidence marked and the focused sentence scrolled to.
import { apiPath, useApi, type DocumentView } from './api.ts';
import { ArticleText, type TextRange } from './article-text.tsx';
import { formatDate, safeHttpUrl } from './format.ts';

export function Reader(props: { documentId: string; ranges: readonly TextRange[]; focus: TextRange | null }) {
  const { data, error, loading } = useApi<{ document: DocumentView }>(apiPath(`/api/documents/${encodeURIComponent(props.documentId)}`));
  if (error) return <div class="notice error">Could not load the article: {error}</div>;
  if (!data) return <div class="notice">{loading ? 'Loading the article…' : ''}</div>;
  const doc = data.document;
  const link = safeHttpUrl(doc.meta.url);
  return (
    <article class="reader" data-testid="reader">
      <header>
        <h3>{doc.meta.title ?? doc.meta.file ?? 'Untitled document'}</h3>
        <div class="meta">
          <span class="outlet">{doc.meta.source ?? 'unknown outlet'}</span>
          <span>{formatDate(doc.meta.published)}</span>
          {doc.meta.byline ? <span>{doc.meta.byline}</span> : null}
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer">
              original
            </a>
          ) : null}
        </div>
      </header>
      <ArticleText text={doc.text} ranges={props.ranges} focus={props.focus} />
    </article>
  );
}
