// Disputed facts: where sources disagree (numbers, dates, places, roles, opposite acts), each side with its evidence.
import { apiPath, useApi, type Contradiction, type ContradictionsReport } from '../api.ts';
import type { EvidenceEntry } from '../evidence-panel.tsx';
import { plural } from '../format.ts';
import { updateState } from '../url-state.ts';

export type ContradictionsAnswer = ContradictionsReport;

export function contradictionsPath(story: string | null): string {
  return apiPath('/api/contradictions', { story });
}

export function DisputedView(props: { story: string | null; selected: string | null }) {
  const { data, error } = useApi<ContradictionsAnswer>(contradictionsPath(props.story));
  if (error) return <div class="notice error">{error}</div>;
  if (!data) return <div class="notice">Loading disputed facts…</div>;
  return (
    <section class="view" data-testid="disputed-view">
      <div class="view-head">
        <h2>Disputed facts</h2>
        <p class="hint">Where the sources disagree. Each side lists the articles that say it.</p>
      </div>
      {data.contradictions.length === 0 ? <p class="notice">No disagreements between sources found.</p> : null}
      <ul class="disputes">
        {data.contradictions.map((contradiction) => (
          <li key={contradiction.id}>
            <button
              type="button"
              class={`dispute${props.selected === contradiction.id ? ' chosen' : ''}`}
              onClick={() => updateState({ dispute: contradiction.id, cell: null, fact: null, event: null, doc: null, at: null })}
            >
              <div class="dispute-head">
                <span class="kind-badge">{contradiction.kind}</span>
                <span class="about">{contradiction.about}</span>
              </div>
              <div class="sides">
                {contradiction.sides.map((side, index) => (
                  <div class="side" key={index}>
                    <span class="claim">{side.claim}</span>
                    {side.documents.length ? <span class="count">{plural(side.documents.length, 'article')}</span> : null}
                  </div>
                ))}
              </div>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function disputeEvidence(data: ContradictionsAnswer, id: string): { contradiction: Contradiction | null; entries: EvidenceEntry[] } {
  const contradiction = data.contradictions.find((candidate) => candidate.id === id) ?? null;
  if (!contradiction) return { contradiction: null, entries: [] };
  const entries: EvidenceEntry[] = [];
  contradiction.sides.forEach((side, sideIndex) => {
    const documents = new Map(side.documents.map((doc) => [doc.id, doc]));
    side.evidence.forEach((evidence, index) =>
      entries.push({ key: `${sideIndex}#${index}`, evidence, document: documents.get(evidence.documentId) ?? null, label: <span class="claim">{side.claim}</span> }),
    );
  });
  return { contradiction, entries };
}
