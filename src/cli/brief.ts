// `parley brief`: the morning brief — takeaways, positions, changes, timeline, quotes, disputes, sources — as Markdown, HTML or JSON.
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../doc/errors.ts';
import { reconcilePending } from '../reconcile/index.ts';
import { buildBrief, renderBriefHtml, renderBriefMarkdown, type ReportFilter } from '../report/index.ts';
import type { Store } from '../store/store.ts';
import { printJson } from './terminal.ts';
import { addDbOption, openWorkspaceStore } from './workspace.ts';

export interface ReportFilterValues {
  story?: string;
  since?: string;
  until?: string;
}

function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

/** Adds `--story`, `--since` and `--until`, shared by the commands that print reports. */
export function addReportFilterOptions(command: Command): Command {
  return command
    .option('--story <id>', 'only this story (ids are listed at the end of a brief)')
    .option('--since <date>', 'what changed since this day (YYYY-MM-DD)', parseDay)
    .option('--until <date>', 'only coverage published up to this day (YYYY-MM-DD)', parseDay);
}

export function reportFilterFrom(values: ReportFilterValues): ReportFilter {
  const filter: ReportFilter = {};
  if (values.story !== undefined) filter.story = values.story;
  if (values.since !== undefined) filter.since = values.since;
  if (values.until !== undefined) filter.until = values.until;
  if (filter.since && filter.until && filter.since > filter.until) throw new UsageError(`--since ${filter.since} is after --until ${filter.until}`);
  return filter;
}

/**
 * Opens the store for a report, reconciling first any document stored without it (by an older
 * Parley, or by a run that stopped midway), and checks that a named story exists.
 */
export async function openReportStore(db: string, filter: ReportFilter): Promise<Store> {
  const store = await openWorkspaceStore(db, { mustExist: true });
  try {
    await reconcilePending(store);
    if (filter.story !== undefined && !(await store.getStory(filter.story))) {
      const known = (await store.listStories({ limit: 10 })).map((story) => `${story.id} (${story.label})`);
      throw new UsageError(`--story ${filter.story}: no such story${known.length ? `; stories: ${known.join(', ')}` : ''}`);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

interface BriefOptionValues extends ReportFilterValues {
  db: string;
  format: 'md' | 'html' | 'json';
  out?: string;
  record: boolean;
}

export function registerBrief(program: Command): void {
  const command = program
    .command('brief')
    .description('the morning brief: key takeaways, where the parties stand, what changed, timeline, quotes, disputed facts and sources')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'json']).default('md'))
    .option('--out <file>', 'write the brief to this file instead of standard output')
    .option('--no-record', 'do not remember this brief as the last one (the next brief then reports changes since the one before)');
  addReportFilterOptions(command);
  addDbOption(command);
  command.addHelpText(
    'after',
    `
Every statement in the brief is built from extracted facts and cites numbered sources;
the JSON holds each citation's evidence (document id and character offsets).
Without --story the brief covers the story with the most documents; the others are
listed at the end. Without --since it reports what changed since the last brief (or,
the first time, over the last days of coverage).

Examples:
  $ parley brief
  $ parley brief --since 2025-12-01 --format html --out brief.html
  $ parley brief --story egypt-hamas-israel --format json`,
  );
  command.action(async (values: BriefOptionValues) => {
    const filter = reportFilterFrom(values);
    const store = await openReportStore(values.db, filter);
    try {
      const now = new Date();
      const brief = await buildBrief(store, filter, { now });
      const output = values.format === 'json' ? `${JSON.stringify(brief, null, 2)}\n` : values.format === 'html' ? renderBriefHtml(brief) : renderBriefMarkdown(brief);
      if (values.out) writeFileSync(values.out, output);
      else if (values.format === 'json') printJson(brief);
      else process.stdout.write(output);
      if (values.record && !filter.until) await store.recordBrief(now.toISOString());
    } finally {
      await store.close();
    }
  });
}
