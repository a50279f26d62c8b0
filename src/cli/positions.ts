// `parley positions`: the issue × party matrix — each party's latest act on each issue, its trend, confidence and sources.
import { Command } from 'commander';
import { buildPositions } from '../report/index.ts';
import { renderPositionsText } from '../report/render-text.ts';
import { addReportFilterOptions, openReportStore, reportFilterFrom, type ReportFilterValues } from './brief.ts';
import { printJson, printLines } from './terminal.ts';
import { addDbOption } from './workspace.ts';

interface PositionsOptionValues extends ReportFilterValues {
  db: string;
  json?: boolean;
}

export function registerPositions(program: Command): void {
  const command = program
    .command('positions')
    .description('where each party stands on each issue: latest act, trend (new, steady, shifted), confidence and independent sources')
    .option('--json', 'print the matrix as JSON (issues, parties and cells with their evidence)');
  addReportFilterOptions(command);
  addDbOption(command);
  command.addHelpText(
    'after',
    `
With --since, positions first reported on or after that day are marked new. A party that
turned from accepting to rejecting (or the reverse) over a week or more is marked shifted.
The id at the end of each line can be passed to \`parley show\`.

Examples:
  $ parley positions
  $ parley positions --story russia-ukraine-united-states --since 2025-12-01
  $ parley positions --json`,
  );
  command.action(async (values: PositionsOptionValues) => {
    const filter = reportFilterFrom(values);
    const store = await openReportStore(values.db, filter);
    try {
      const report = await buildPositions(store, filter);
      if (values.json) printJson(report);
      else printLines(renderPositionsText(report));
    } finally {
      await store.close();
    }
  });
}
