// `parley stats`: what the store holds — documents, versions, facts, sources, date range, size.
import { Command } from 'commander';
import { addDbOption, openWorkspaceStore } from './workspace.ts';
import { printJson, printLines } from './terminal.ts';

interface StatsOptionValues {
  db: string;
  json?: boolean;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function registerStats(program: Command): void {
  const command = program.command('stats').description('counts of what the store holds').option('--json', 'print the statistics as JSON');
  addDbOption(command);
  command.action(async (values: StatsOptionValues) => {
    const store = await openWorkspaceStore(values.db, { mustExist: true });
    try {
      const stats = await store.stats();
      if (values.json) {
        printJson(stats);
        return;
      }
      const sources = stats.bySource.map(({ source, documents }) => `  ${String(documents).padStart(5)}  ${source ?? '(no source)'}`);
      printLines([
        `${values.db} (schema ${stats.schemaVersion}, ${formatBytes(stats.sizeBytes)})`,
        `documents   ${stats.documents} (${stats.versions} versions)`,
        `published   ${stats.published.first ?? '?'} … ${stats.published.last ?? '?'}`,
        `sentences   ${stats.sentences}`,
        `entities    ${stats.entities} (${stats.mentions} mentions)`,
        `dates       ${stats.dates}`,
        `quantities  ${stats.quantities}`,
        `quotes      ${stats.quotes}`,
        `stances     ${stats.stances}`,
        `events      ${stats.events}`,
        'by source',
        ...sources,
      ]);
    } finally {
      await store.close();
    }
  });
}
