// Search as you type: ranked sentences from /api/search, matched words marked, a click opens the sentence in its article.
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiPath, useApi, type SearchHit } from './api.ts';
import { segmentText } from './article-text.tsx';
import { openSentence } from './evidence-panel.tsx';
import { formatDate } from './format.ts';
import { updateState } from './url-state.ts';

const typingPauseMs = 180;

function HitSentence(props: { hit: SearchHit }) {
  const { sentence, highlights } = props.hit;
  const ranges = highlights.map((span) => ({ start: span.start - sentence.start, end: span.end - sentence.start }));
  return (
    <span class="hit-sentence">
      {segmentText(sentence.text.length, ranges, null).map((segment) => {
        const text = sentence.text.slice(segment.start, segment.end);
        return segment.marked ? <mark key={segment.start}>{text}</mark> : text;
      })}
    </span>
  );
}

export function SearchBox(props: { query: string | null }) {
  const [text, setText] = useState(props.query ?? '');
  const [open, setOpen] = useState(false);
  const [debounced, setDebounced] = useState(props.query ?? '');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setText(props.query ?? ''), [props.query]);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(text.trim());
      if ((props.query ?? '') !== text.trim()) updateState({ q: text.trim() || null }, { replace: true });
    }, typingPauseMs);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key === '/' && target?.tagName !== 'INPUT' && target?.tagName !== 'TEXTAREA') {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { data, error, loading } = useApi<{ hits: SearchHit[]; next: string | null }>(debounced.length >= 2 ? apiPath('/api/search', { q: debounced, limit: 12 }) : null);
  const showResults = open && debounced.length >= 2;

  return (
    <div class="search" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <input
        ref={input}
        type="search"
        placeholder="Search sentences  ( / )"
        aria-label="Search the articles"
        data-testid="search-input"
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
      />
      {showResults ? (
        <div class="search-results" data-testid="search-results" role="listbox">
          {error ? <div class="notice error">{error}</div> : null}
          {data && data.hits.length === 0 ? <div class="notice">No sentence has all of these words. Whole words match; "quoted words" match as a phrase.</div> : null}
          {!data && loading ? <div class="notice">Searching…</div> : null}
          {data?.hits.map((hit) => (
            <button
              type="button"
              role="option"
              class="search-hit"
              key={`${hit.documentId}:${hit.sentence.index}`}
              onClick={() => {
                setOpen(false);
                openSentence({ documentId: hit.documentId, start: hit.sentence.start, end: hit.sentence.end });
              }}
            >
              <HitSentence hit={hit} />
              <span class="hit-source">
                <span class="outlet">{hit.source ?? 'unknown outlet'}</span> · {formatDate(hit.published)} · {hit.title ?? ''}
              </span>
            </button>
          ))}
          {data?.next ? <div class="notice">Showing the best {data.hits.length}; refine the words to narrow down.</div> : null}
        </div>
      ) : null}
    </div>
  );
}
