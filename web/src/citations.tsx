// Citation marks [n] after a statement of the brief: each opens the sentence it cites, in its article.
import type { DocumentEvidence } from './api.ts';
import { openSentence } from './evidence-panel.tsx';

export interface CitationLike {
  source: number;
  evidence: DocumentEvidence;
}

export function Citations(props: { citations: readonly CitationLike[]; titles?: ReadonlyMap<number, string> }) {
  if (props.citations.length === 0) return null;
  return (
    <span class="citations">
      {props.citations.map((citation, index) => (
        <button
          type="button"
          class="citation"
          key={`${citation.source}-${index}`}
          title={`${props.titles?.get(citation.source) ?? `Source ${citation.source}`}: “${citation.evidence.text}”`}
          onClick={() => openSentence(citation.evidence)}
        >
          {citation.source}
        </button>
      ))}
    </span>
  );
}
