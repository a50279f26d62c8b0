// Actors: the people who speak for each party, with their roles and how often the articles mention them.
import { apiPath, useApi, type Actor } from '../api.ts';
import { plural } from '../format.ts';

function byParty(actors: readonly Actor[]): [string, Actor[]][] {
  const groups = new Map<string, Actor[]>();
  for (const actor of actors) {
    const party = actor.party ?? 'No party';
    groups.set(party, [...(groups.get(party) ?? []), actor]);
  }
  const weight = (members: Actor[]) => members.reduce((sum, actor) => sum + actor.mentions, 0);
  return [...groups.entries()].sort(([a, left], [b, right]) => Number(a === 'No party') - Number(b === 'No party') || weight(right) - weight(left) || a.localeCompare(b));
}

export function ActorsView(props: { story: string | null }) {
  const people = useApi<{ actors: Actor[] }>(apiPath('/api/actors', { kind: 'person', story: props.story, limit: 1000 }));
  const parties = useApi<{ actors: Actor[] }>(apiPath('/api/actors', { kind: 'country', story: props.story, limit: 1000 }));
  if (people.error) return <div class="notice error">{people.error}</div>;
  if (!people.data) return <div class="notice">Loading actors…</div>;
  const groups = byParty(people.data.actors);
  const countries = parties.data?.actors ?? [];
  return (
    <section class="view" data-testid="actors-view">
      <div class="view-head">
        <h2>Actors</h2>
        <p class="hint">People by the party they speak for, most mentioned first. Roles as the articles give them.</p>
      </div>
      {groups.length === 0 ? <p class="notice">No people found yet.</p> : null}
      <div class="party-grid">
        {groups.map(([party, members]) => (
          <section class="party-card" key={party}>
            <h3>
              {party} <span class="count">{plural(members.length, 'person', 'people')}</span>
            </h3>
            <ul>
              {members.map((actor) => (
                <li key={actor.id} title={actor.aliases.length ? `Also: ${actor.aliases.join(', ')}` : undefined}>
                  <div class="actor-line">
                    <span class="actor-name">{actor.name}</span>
                    <span class="count">{actor.mentions}×</span>
                  </div>
                  {actor.roles.length ? <div class="actor-roles">{actor.roles.join(' · ')}</div> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {countries.length ? (
        <div class="subsection">
          <h3>Parties and places named</h3>
          <p class="chips">
            {countries.map((actor) => (
              <span class="chip" key={actor.id}>
                {actor.name} <span class="count">{actor.mentions}</span>
              </span>
            ))}
          </p>
        </div>
      ) : null}
    </section>
  );
}
