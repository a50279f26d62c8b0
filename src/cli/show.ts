// `parley show`: one fact with the sentences behind it and the documents they come from.
import { Command } from 'commander';
import { UsageError } from '../doc/errors.ts';
import { buildShow, renderShowText } from '../report/index.ts';
import { openReportStore } from './brief.ts';
import { printJson, printLines } from './terminal.ts';
import { addDbOption } from './workspace.ts';

interface ShowOptionValues {
  db: string;
  json?: boolean;
}

export function registerShow(program: Command): void {
  const command = program
    .command('show')
    .description('one fact and its evidence: a merged event, stance, number or quote, a disputed fact, or a single stored fact')
    .argument('<fact-id>', 'an id printed by `timeline` or `positions` or found in `brief --format json` (ev-…, st-…, qt-…, qu-…, cx-…), or a stored fact id (DOCUMENT-ID:KIND:N)')
    .option('--json', 'print the fact as JSON');
  addDbOption(command);
  command.addHelpText(
    'after',
    `
Each evidence sentence is printed with its document and its character offsets into the
document's cleaned text.

Examples:
  $ parley show ev-3f2a9c01d4e5
  $ parley show cx-0b1c2d3e4f50 --json`,
  );
  command.action(async (id: string, values: ShowOptionValues) => {
    const store = await openReportStore(values.db, {});
    try {
      const shown = await buildShow(store, id);
      if (!shown) throw new UsageError(`no fact with id ${id}: ids are printed by \`parley timeline\` and \`parley positions\`, and listed in \`parley brief --format json\``);
      if (values.json) printJson(shown);
      else printLines(renderShowText(shown));
    } finally {
      await store.close();
    }
  });
}
