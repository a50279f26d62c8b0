// `parley timeline`: merged events in date order — one per real-world meeting, call or visit, with the documents that report it.
import { Command } from 'commander';
import { buildTimeline } from '../report/index.ts';
import { renderTimelineText } from '../report/render-text.ts';
import { addReportFilterOptions, openReportStore, reportFilterFrom, type ReportFilterValues } from './brief.ts';
import { printJson, printLines } from './terminal.ts';
import { addDbOption } from './workspace.ts';

interface TimelineOptionValues extends ReportFilterValues {
  db: string;
  json?: boolean;
}

export function registerTimeline(program: Command): void {
  const command = program
    .command('timeline')
    .description('merged events in date order: type, status (planned → happened), parties, place, date, documents and independent sources')
    .option('--json', 'print {"events": [...]} with each event\'s documents and evidence');
  addReportFilterOptions(command);
  addDbOption(command);
  command.addHelpText(
    'after',
    `
Reports of one meeting in many articles are one event; an announced meeting later
reported as held is one event with status happened. Copies and rewrites of one story
count as one independent source.

Examples:
  $ parley timeline
  $ parley timeline --since 2025-12-01 --until 2025-12-07
  $ parley timeline --json > timeline.json`,
  );
  command.action(async (values: TimelineOptionValues) => {
    const filter = reportFilterFrom(values);
    const store = await openReportStore(values.db, filter);
    try {
      const report = await buildTimeline(store, filter);
      if (values.json) printJson(report);
      else printLines(renderTimelineText(report));
    } finally {
      await store.close();
    }
  });
}
