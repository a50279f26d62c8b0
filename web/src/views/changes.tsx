// What changed since a date: new and held events, new plans, shifted and new positions, new disputes.
import type { ComponentChildren } from 'preact';
import { apiPath, useApi, useIssueLabels, type ChangesReport, type MergedStance, type Stats, type TimelineEvent } from '../api.ts';
import { openSentence } from '../evidence-panel.tsx';
import { actVerb, dayBefore, formatDate, formatDateRange, issueLabel, plural } from '../format.ts';
import { updateState, type PageState } from '../url-state.ts';

function EventItems(props: { events: readonly TimelineEvent[] }) {
  return (
    <ul class="change-list">
      {props.events.map((event) => (
        <li key={event.id}>
          <button type="button" class="change" onClick={() => updateState({ event: event.id, cell: null, fact: null, dispute: null, doc: null, at: null })}>
            <span class="date">{formatDateRange(event.date)}</span>
            <span class={`status-badge status-${event.status}`}>{event.status}</span>
            <span class="type">{event.type}</span>
            <span>{event.parties.join(' – ')}</span>
            {event.place ? <span class="muted">{event.place}</span> : null}
            <span class="count">{plural(event.independentSources, 'source')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function StanceItem(props: { stance: MergedStance; prefix?: ComponentChildren }) {
  const { stance } = props;
  const labels = useIssueLabels();
  const first = stance.evidence[0];
  return (
    <button type="button" class="change" disabled={!first} onClick={() => first && openSentence(first)}>
      {props.prefix}
      <span class={`act-badge act-${stance.act}`}>{stance.act}</span>
      <span>
        {stance.party} {actVerb(stance.act)} · {labels.get(stance.issue) ?? issueLabel(stance.issue)}
      </span>
      <span class="muted summary">“{stance.summary}”</span>
      <span class="count">{plural(stance.independentSources, 'source')}</span>
    </button>
  );
}

function Section(props: { title: string; count: number; children: ComponentChildren }) {
  if (props.count === 0) return null;
  return (
    <section class="section-card">
      <h3>
        {props.title} <span class="count">{props.count}</span>
      </h3>
      {props.children}
    </section>
  );
}

export function ChangesView(props: { state: PageState }) {
  const { state } = props;
  const stats = useApi<{ stats: Stats }>('/api/stats');
  const latest = stats.data?.stats.published.last ?? null;
  const since = state.since ?? (latest ? dayBefore(latest) : null);
  const { data, error } = useApi<ChangesReport>(since ? apiPath('/api/changes', { since, story: state.story }) : null);
  const total = data
    ? data.newEvents.length + data.heldEvents.length + data.newPlans.length + data.newStances.length + data.shiftedStances.length + data.newDisputes.length
    : 0;
  return (
    <section class="view" data-testid="changes-view">
      <div class="view-head">
        <h2>What changed</h2>
        <form class="filters" onSubmit={(event) => event.preventDefault()}>
          <label>
            since <input type="date" data-testid="changes-since" value={since ?? ''} onChange={(event) => updateState({ since: event.currentTarget.value || null }, { replace: true })} />
          </label>
          {data ? <span class="count">{plural(total, 'change')}</span> : null}
        </form>
      </div>
      {error ? <div class="notice error">{error}</div> : null}
      {!data && !error ? <div class="notice">{since ? 'Loading…' : 'No articles yet.'}</div> : null}
      {data && total === 0 ? <p class="notice">Nothing new since {formatDate(data.since)}.</p> : null}
      {data ? (
        <>
          <Section title="Planned, now held" count={data.heldEvents.length}>
            <EventItems events={data.heldEvents} />
          </Section>
          <Section title="New events" count={data.newEvents.length}>
            <EventItems events={data.newEvents} />
          </Section>
          <Section title="New plans and agreements" count={data.newPlans.length}>
            <EventItems events={data.newPlans} />
          </Section>
          <Section title="Shifted positions" count={data.shiftedStances.length}>
            <ul class="change-list">
              {data.shiftedStances.map((shift) => (
                <li key={`${shift.issue}|${shift.party}`}>
                  <StanceItem
                    stance={shift.after}
                    prefix={
                      <span class={`act-badge act-${shift.from}`} title="before">
                        {shift.from} →
                      </span>
                    }
                  />
                </li>
              ))}
            </ul>
          </Section>
          <Section title="New positions" count={data.newStances.length}>
            <ul class="change-list">
              {data.newStances.map((stance) => (
                <li key={stance.id}>
                  <StanceItem stance={stance} />
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Newly disputed" count={data.newDisputes.length}>
            <ul class="change-list">
              {data.newDisputes.map((dispute) => (
                <li key={dispute.id}>
                  <button type="button" class="change" onClick={() => updateState({ dispute: dispute.id, cell: null, fact: null, event: null, doc: null, at: null })}>
                    <span class="kind-badge">{dispute.kind}</span>
                    <span>{dispute.about}</span>
                    <span class="muted">{dispute.sides.map((side) => side.claim).join(' vs ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </section>
  );
}
