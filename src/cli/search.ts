// `parley search`: ranked full-text hits, each with its sentence and document.
import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../doc/errors.ts';
import { StoreError } from '../store/errors.ts';
import { parseSearchQuery } from '../store/search-query.ts';
import { addDbOption, openWorkspaceStore } from './workspace.ts';
import { printJson, printLines } from './terminal.ts';

interface SearchOptionValues {
  db: string;
  limit: number;
  offset: number;
  json?: boolean;
}

function parseCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number');
  return number;
}

/** A query with no word to look for is a mistake in the command line, not a failed search: a usage error (exit 2). */
function checkQuery(query: string): void {
  try {
    parseSearchQuery(query);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'store:empty-query') throw new UsageError(error.message);
    throw error;
  }
}

export function registerSearch(program: Command): void {
  const command = program
    .command('search')
    .description('full-text search over the stored sentences, best matches first')
    .argument('<query...>', 'words to find; "quoted words" match as a phrase')
    .option('--limit <n>', 'how many hits', parseCount, 10)
    .option('--offset <n>', 'skip this many hits (for paging)', parseCount, 0)
    .option('--json', 'print the hits as JSON');
  addDbOption(command);
  command.addHelpText(
    'after',
    `
Spelling variants match each other (demilitarised = demilitarized). A sentence that several
articles carry word for word (copies of a wire story) is one hit per article, ranked alike:
among equals the latest published comes first.`,
  );
  command.action(async (words: string[], values: SearchOptionValues) => {
    const query = words.join(' ');
    checkQuery(query);
    const store = await openWorkspaceStore(values.db, { mustExist: true });
    try {
      // Bold on a terminal; plain ** markers when piped, so the output stays readable as text.
      const mark = process.stdout.isTTY ? { open: '\x1b[1m', close: '\x1b[22m' } : { open: '**', close: '**' };
      const hits = await store.search(query, { limit: values.limit, offset: values.offset, mark });
      if (values.json) {
        printJson({ query, hits });
        return;
      }
      if (hits.length === 0) {
        printLines([`no matches for ${JSON.stringify(query)}`]);
        return;
      }
      printLines(
        hits.flatMap((hit, index) => [
          `${values.offset + index + 1}. ${hit.snippet}`,
          `   ${[hit.title ?? '(untitled)', hit.source, hit.published].filter(Boolean).join(' · ')}  [doc ${hit.documentId.slice(0, 12)} @${hit.sentence.start}-${hit.sentence.end}]`,
        ]),
      );
    } finally {
      await store.close();
    }
  });
}
