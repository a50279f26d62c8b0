// The side panel: the evidence behind what was clicked (a cell, an event, a dispute, a search hit), and the article it sits in.
import type { ComponentChildren } from 'preact';
import type { DocumentEvidence, DocumentRef } from './api.ts';
import { formatDate } from './format.ts';
import { Reader } from './reader.tsx';
import { parseRange, updateState, type PageState } from './url-state.ts';

export interface EvidenceEntry {
  key: string;
  evidence: DocumentEvidence;
  document: DocumentRef | null;
  /** What this piece of evidence supports, shown above the sentence. */
  label?: ComponentChildren;
}

/** Clears the selection and closes the reader. */
export function closeSelection(): void {
  updateState({ cell: null, fact: null, event: null, dispute: null, doc: null, at: null });
}

export function openEvidence(evidence: { documentId: string; start: number; end: number }, options: { replace?: boolean } = {}): void {
  updateState({ doc: evidence.documentId, at: `${evidence.start}-${evidence.end}` }, options);
}

/** Opens one sentence in the reader on its own, leaving any cell, event or dispute. */
export function openSentence(evidence: { documentId: string; start: number; end: number }): void {
  updateState({ cell: null, fact: null, event: null, dispute: null, doc: evidence.documentId, at: `${evidence.start}-${evidence.end}` });
}

export function EvidencePanel(props: { state: PageState; heading: ComponentChildren; entries: readonly EvidenceEntry[]; emptyText?: string }) {
  const { state, entries } = props;
  const focus = parseRange(state.at);
  const chosen =
    entries.find((entry) => entry.evidence.documentId === state.doc && focus && entry.evidence.start === focus.start && entry.evidence.end === focus.end) ??
    (state.doc === null ? entries[0] : undefined);
  const documentId = state.doc ?? chosen?.evidence.documentId ?? null;
  const focusRange = focus ?? (chosen ? { start: chosen.evidence.start, end: chosen.evidence.end } : null);
  const ranges = entries.filter((entry) => entry.evidence.documentId === documentId).map((entry) => entry.evidence);
  return (
    <aside class="panel" data-testid="evidence-panel" aria-label="Evidence">
      <div class="panel-head">
        <div class="panel-title">{props.heading}</div>
        <button type="button" class="icon-button" title="Close" aria-label="Close the evidence panel" onClick={closeSelection}>
          ×
        </button>
      </div>
      {entries.length > 0 ? (
        <ol class="evidence-list" data-testid="evidence-list">
          {entries.map((entry) => (
            <li key={entry.key}>
              <button
                type="button"
                class={entry === chosen ? 'evidence-item chosen' : 'evidence-item'}
                onClick={() => openEvidence(entry.evidence, { replace: true })}
              >
                {entry.label ? <div class="evidence-label">{entry.label}</div> : null}
                <div class="evidence-sentence">{entry.evidence.text}</div>
                <div class="evidence-source">
                  <span class="outlet">{entry.document?.source ?? 'unknown outlet'}</span>
                  <span>{formatDate(entry.document?.published)}</span>
                  {entry.document?.title ? <span class="title">{entry.document.title}</span> : null}
                </div>
              </button>
            </li>
          ))}
        </ol>
      ) : props.emptyText ? (
        <p class="notice">{props.emptyText}</p>
      ) : null}
      {documentId ? <Reader documentId={documentId} ranges={ranges} focus={focusRange} /> : null}
    </aside>
  );
}
