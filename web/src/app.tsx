// The dashboard: a top bar (story, search), one view at a time, and the evidence panel for whatever is selected.
import { apiPath, useApi, type Stats, type StorySummary } from './api.ts';
import { EvidencePanel, type EvidenceEntry } from './evidence-panel.tsx';
import { formatDate, formatDateRange, plural } from './format.ts';
import { SearchBox } from './search-box.tsx';
import { updateState, usePageState, views, type PageState, type View } from './url-state.ts';
import { ActorsView } from './views/actors.tsx';
import { BriefView } from './views/brief.tsx';
import { ChangesView } from './views/changes.tsx';
import { contradictionsPath, disputeEvidence, DisputedView, type ContradictionsAnswer } from './views/disputed.tsx';
import { CellPanel, PositionsView } from './views/positions.tsx';
import { SourcesView } from './views/sources.tsx';
import { eventEvidence, TimelineView, timelinePath, type TimelineAnswer } from './views/timeline.tsx';

const viewLabels: Record<View, string> = {
  brief: 'Brief',
  positions: 'Positions',
  timeline: 'Timeline',
  actors: 'Actors',
  sources: 'Sources',
  disputed: 'Disputed',
  changes: 'What changed',
};

function StorySwitcher(props: { story: string | null; stories: readonly StorySummary[] }) {
  return (
    <label class="story-switcher">
      <span class="sr-only">Story</span>
      <select
        data-testid="story-switcher"
        value={props.story ?? ''}
        onChange={(event) => updateState({ story: event.currentTarget.value || null, cell: null, fact: null, event: null, dispute: null, doc: null, at: null })}
      >
        <option value="">All stories</option>
        {props.stories.map((story) => (
          <option value={story.id} key={story.id}>
            {story.label} ({story.documents})
          </option>
        ))}
      </select>
    </label>
  );
}

function EventPanel(props: { state: PageState; id: string }) {
  const { data } = useApi<TimelineAnswer>(timelinePath(props.state.story));
  if (!data) return <EvidencePanel state={props.state} heading="Loading…" entries={[]} />;
  const { event, entries } = eventEvidence(data, props.id);
  const heading = event ? (
    <>
      <span class={`status-badge status-${event.status}`}>{event.status}</span> {event.type}: {event.parties.join(' – ')}
      <div class="panel-sub">
        {formatDateRange(event.date)}
        {event.place ? ` · ${event.place}` : ''} · {plural(event.independentSources, 'independent source')}
      </div>
    </>
  ) : (
    'This event is not in the current timeline'
  );
  return <EvidencePanel state={props.state} heading={heading} entries={entries} />;
}

function DisputePanel(props: { state: PageState; id: string }) {
  const { data } = useApi<ContradictionsAnswer>(contradictionsPath(props.state.story));
  if (!data) return <EvidencePanel state={props.state} heading="Loading…" entries={[]} />;
  const { contradiction, entries } = disputeEvidence(data, props.id);
  return <EvidencePanel state={props.state} heading={contradiction ? <>Disputed: {contradiction.about}</> : 'This dispute is not in the current list'} entries={entries} />;
}

function SelectionPanel(props: { state: PageState }) {
  const { state } = props;
  if (state.cell) return <CellPanel state={state} cellKey={state.cell} />;
  if (state.event) return <EventPanel state={state} id={state.event} />;
  if (state.dispute) return <DisputePanel state={state} id={state.dispute} />;
  if (state.doc) return <EvidencePanel state={state} heading="Article" entries={[] as EvidenceEntry[]} />;
  return null;
}

export function App() {
  const state = usePageState();
  const stats = useApi<{ stats: Stats }>('/api/stats');
  const stories = useApi<{ stories: StorySummary[] }>(apiPath('/api/stories'));
  const storyList = stories.data?.stories ?? [];
  const hasPanel = Boolean(state.cell || state.event || state.dispute || state.doc);
  const published = stats.data?.stats.published;

  return (
    <div class={hasPanel ? 'shell with-panel' : 'shell'}>
      <header class="topbar">
        <a class="brand" href="?" onClick={(event) => (event.preventDefault(), updateState({ view: 'brief', cell: null, fact: null, event: null, dispute: null, doc: null, at: null }))}>
          Parley
        </a>
        <StorySwitcher story={state.story} stories={storyList} />
        <SearchBox query={state.q} />
        <div class="store-summary" data-testid="store-summary">
          {stats.data ? (
            <>
              {plural(stats.data.stats.documents, 'article')} · {stats.data.stats.bySource.length} outlets
              {published?.first ? ` · ${formatDate(published.first, { withYear: false })} – ${formatDate(published.last)}` : ''}
            </>
          ) : stats.error ? (
            <span class="error">{stats.error}</span>
          ) : null}
        </div>
      </header>
      <nav class="tabs" aria-label="Views">
        {views.map((view) => (
          <button type="button" key={view} class={state.view === view ? 'tab on' : 'tab'} aria-current={state.view === view ? 'page' : undefined} onClick={() => updateState({ view })}>
            {viewLabels[view]}
          </button>
        ))}
      </nav>
      <div class="body">
        <main class="main">
          {state.view === 'brief' ? <BriefView state={state} /> : null}
          {state.view === 'positions' ? <PositionsView story={state.story} selected={state.cell} /> : null}
          {state.view === 'timeline' ? <TimelineView state={state} /> : null}
          {state.view === 'actors' ? <ActorsView story={state.story} /> : null}
          {state.view === 'sources' ? <SourcesView story={state.story} openDocument={state.doc} /> : null}
          {state.view === 'disputed' ? <DisputedView story={state.story} selected={state.dispute} /> : null}
          {state.view === 'changes' ? <ChangesView state={state} /> : null}
        </main>
        <SelectionPanel state={state} />
      </div>
    </div>
  );
}
