// The timeline: merged events (meetings, calls, talks…) in date order, planned vs happened, filtered to a date window.
import { apiPath, useApi, type MergedEvent, type TimelineReport } from '../api.ts';
import type { EvidenceEntry } from '../evidence-panel.tsx';
import { formatDateRange, formatDuration, plural } from '../format.ts';
import { updateState, type PageState } from '../url-state.ts';

export type TimelineAnswer = TimelineReport;

export function timelinePath(story: string | null): string {
  return apiPath('/api/timeline', { story });
}

const statuses = ['happened', 'planned', 'cancelled'] as const;

/** The day an event is filed under: its own date, else when it was first reported. */
function eventDay(event: MergedEvent): string | null {
  return event.date?.start ?? event.date?.end ?? null;
}

/** Events whose dates touch the window [from, to]; undated events only when no window is set. */
export function eventsInWindow(events: readonly MergedEvent[], window: { from: string | null; to: string | null; status: string | null }): MergedEvent[] {
  return events.filter((event) => {
    if (window.status && event.status !== window.status) return false;
    if (!window.from && !window.to) return true;
    const start = event.date?.start ?? event.date?.end ?? null;
    const end = event.date?.end ?? event.date?.start ?? null;
    if (!start || !end) return false;
    return (!window.from || end >= window.from) && (!window.to || start <= window.to);
  });
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** A strip of the window: one mark per event, filled when it happened, hollow when planned. */
function TimelineStrip(props: { events: readonly MergedEvent[]; selected: string | null; from: string | null; to: string | null }) {
  const dated = props.events.filter((event) => eventDay(event) !== null);
  if (dated.length === 0) return null;
  const days = dated.map((event) => dayNumber(eventDay(event)!));
  // The window, when set, is the axis: an event that began before it sits at its left edge.
  const first = props.from ? dayNumber(props.from) : Math.min(...days);
  const last = Math.max(props.to ? dayNumber(props.to) : Math.max(...days), first + 1);
  const width = 1000;
  const x = (day: number) => 12 + ((day - first) / (last - first)) * (width - 24);
  const ticks: number[] = [];
  const step = Math.max(1, Math.ceil((last - first) / 10));
  for (let day = first; day <= last; day += step) ticks.push(day);
  const rowOf = new Map<number, number>();
  return (
    <svg class="strip" viewBox={`0 0 ${width} 64`} preserveAspectRatio="none" role="img" aria-label="Events over time">
      <line x1="0" x2={width} y1="44" y2="44" class="axis" />
      {ticks.map((day) => (
        <g key={day}>
          <line x1={x(day)} x2={x(day)} y1="44" y2="48" class="axis" />
          <text x={x(day)} y="60" class="tick">
            {new Date(day * 86_400_000).toISOString().slice(5, 10)}
          </text>
        </g>
      ))}
      {dated.map((event) => {
        const day = Math.min(last, Math.max(first, dayNumber(eventDay(event)!)));
        const row = rowOf.get(day) ?? 0;
        rowOf.set(day, row + 1);
        return (
          <circle
            key={event.id}
            cx={x(day)}
            cy={36 - (row % 4) * 9}
            r="4"
            class={`dot status-${event.status}${props.selected === event.id ? ' chosen' : ''}`}
            onClick={() => updateState({ event: event.id, cell: null, fact: null, dispute: null, doc: null, at: null })}
          >
            <title>{`${event.type} · ${event.parties.join(' – ')}${event.place ? ` · ${event.place}` : ''}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}

export function TimelineView(props: { state: PageState }) {
  const { state } = props;
  const { data, error } = useApi<TimelineAnswer>(timelinePath(state.story));
  if (error) return <div class="notice error">{error}</div>;
  if (!data) return <div class="notice">Loading the timeline…</div>;
  const shown = eventsInWindow(data.events, state);
  return (
    <section class="view" data-testid="timeline-view">
      <div class="view-head">
        <h2>Timeline</h2>
        <form class="filters" onSubmit={(event) => event.preventDefault()}>
          <label>
            From <input type="date" data-testid="timeline-from" value={state.from ?? ''} onChange={(event) => updateState({ from: event.currentTarget.value || null }, { replace: true })} />
          </label>
          <label>
            to <input type="date" data-testid="timeline-to" value={state.to ?? ''} onChange={(event) => updateState({ to: event.currentTarget.value || null }, { replace: true })} />
          </label>
          <span class="segmented" role="group" aria-label="Status">
            {[null, ...statuses].map((status) => (
              <button type="button" key={status ?? 'all'} class={state.status === status ? 'on' : ''} onClick={() => updateState({ status }, { replace: true })}>
                {status ?? 'all'}
              </button>
            ))}
          </span>
          {state.from || state.to || state.status ? (
            <button type="button" class="link-button" onClick={() => updateState({ from: null, to: null, status: null }, { replace: true })}>
              clear
            </button>
          ) : null}
          <span class="count" data-testid="timeline-count">
            {plural(shown.length, 'event')} of {data.events.length}
          </span>
        </form>
      </div>
      <TimelineStrip events={shown} selected={state.event} from={state.from} to={state.to} />
      {shown.length === 0 ? <p class="notice">No events in this window.</p> : null}
      <table class="events" data-testid="timeline-events">
        <tbody>
          {shown.map((event) => (
            <tr
              key={event.id}
              class={`clickable${state.event === event.id ? ' chosen' : ''}`}
              data-event={event.id}
              onClick={() => updateState({ event: event.id, cell: null, fact: null, dispute: null, doc: null, at: null })}
            >
              <td class="date">{formatDateRange(event.date)}</td>
              <td>
                <span class={`status-badge status-${event.status}`}>{event.status}</span>
              </td>
              <td class="type">{event.type}</td>
              <td class="parties">{event.parties.join(' – ') || '—'}</td>
              <td class="place">{event.place ?? ''}</td>
              <td class="detail">{[formatDuration(event.duration), event.outcome].filter(Boolean).join(' · ')}</td>
              <td class="num" title="independent sources">
                {plural(event.independentSources, 'source')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function eventEvidence(data: TimelineAnswer, id: string): { event: MergedEvent | null; entries: EvidenceEntry[] } {
  const event = data.events.find((candidate) => candidate.id === id) ?? null;
  if (!event) return { event: null, entries: [] };
  const documents = new Map(event.documents.map((doc) => [doc.id, doc]));
  return {
    event,
    entries: event.evidence.map((evidence, index) => ({ key: `${event.id}#${index}`, evidence, document: documents.get(evidence.documentId) ?? null })),
  };
}
