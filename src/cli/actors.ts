// `parley actors`: people and parties across the stored documents, with roles, mention counts and documents.
import { Command, Option, InvalidArgumentError } from 'commander';
import type { EntityKind } from '../doc/types.ts';
import type { EntitySummary } from '../store/store.ts';
import { addDbOption, openWorkspaceStore } from './workspace.ts';
import { printJson, printLines } from './terminal.ts';

interface ActorsOptionValues {
  db: string;
  kind?: EntityKind;
  party?: string;
  limit?: number;
  json?: boolean;
}

const entityKinds: EntityKind[] = ['person', 'country', 'organization', 'group', 'place'];

function parseLimit(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

/** Groups actors under their party, people first, each line with role, mentions and document count. */
function formatActors(actors: readonly EntitySummary[]): string[] {
  const byParty = new Map<string, EntitySummary[]>();
  for (const actor of actors) {
    const party = actor.party ?? '(no party)';
    byParty.set(party, [...(byParty.get(party) ?? []), actor]);
  }
  const parties = [...byParty.entries()].sort(
    ([a, left], [b, right]) => right.reduce((n, x) => n + x.mentions, 0) - left.reduce((n, x) => n + x.mentions, 0) || a.localeCompare(b),
  );
  const lines: string[] = [];
  for (const [party, members] of parties) {
    lines.push(party);
    const ordered = [...members].sort((a, b) => Number(b.kind === 'person') - Number(a.kind === 'person') || b.mentions - a.mentions);
    for (const actor of ordered) {
      const role = actor.roles.length > 0 ? ` — ${actor.roles.join('; ')}` : '';
      lines.push(`  ${actor.name} (${actor.kind})${role}  ${actor.mentions} mentions in ${actor.documents.length} documents`);
    }
  }
  return lines;
}

export function registerActors(program: Command): void {
  const command = program
    .command('actors')
    .description('people and parties found in the stored documents: roles, mention counts and the documents they appear in')
    .addOption(new Option('--kind <kind>', 'only this kind of actor').choices(entityKinds))
    .option('--party <name>', 'only actors of this party (e.g. Russia)')
    .option('--limit <n>', 'at most this many actors, most mentioned first', parseLimit)
    .option('--json', 'print the actors as JSON');
  addDbOption(command);
  command.action(async (values: ActorsOptionValues) => {
    const store = await openWorkspaceStore(values.db, { mustExist: true });
    try {
      const actors = await store.listEntities({ kind: values.kind, party: values.party, limit: values.limit });
      if (values.json) printJson({ actors });
      else printLines(actors.length > 0 ? formatActors(actors) : ['no actors stored yet']);
    } finally {
      await store.close();
    }
  });
}
