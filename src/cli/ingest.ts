// `parley ingest`: read inputs, clean, extract and store them, with progress and one line per failed input.
import { Command } from 'commander';
import { readInputs, listInputFiles } from '../ingest/index.ts';
import { ingestBatchLimits, ingestDocument, ingestInBatches } from '../reconcile/ingest-document.ts';
import type { PutStatus } from '../store/store.ts';
import { InputError } from '../doc/errors.ts';
import { addConfigOption, addDbOption, addReadOptions, loadWorkspaceKnowledge, openWorkspaceStore, toIngestOptions, type ReadOptionValues } from './workspace.ts';
import { EXIT_OK, EXIT_SOME_FAILED, printJson, printLines, reportInputError, startProgress } from './terminal.ts';

interface IngestOptionValues extends ReadOptionValues {
  db: string;
  config?: string;
  json?: boolean;
  progress: boolean;
}

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('read articles (text, Markdown, HTML, RSS/Atom, JSON/JSONL, folders, URLs, - for stdin), clean and extract them, and store them')
    .argument('<inputs...>', 'files, folders, http(s) URLs or - for stdin')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)');
  addDbOption(command);
  addReadOptions(command);
  addConfigOption(command);
  command.addHelpText(
    'after',
    `
Re-ingesting an unchanged article changes nothing; a changed article at the same URL
(or file name) is stored as a new version. A failed input is named on stderr and the
rest of the batch goes on; the exit code is then 1. Work is committed every
${ingestBatchLimits.documents} articles or ${ingestBatchLimits.milliseconds / 1000} s: an interrupted run keeps all but its last batch,
and running it again finishes the rest.`,
  );
  command.action(async (inputs: string[], values: IngestOptionValues) => {
    const kb = loadWorkspaceKnowledge(values.config);
    const ingestOptions = toIngestOptions(values);
    const store = await openWorkspaceStore(values.db);
    const counts: Record<PutStatus | 'failed', number> = { inserted: 0, unchanged: 0, 'new-version': 0, failed: 0 };
    const failures: { input: string; code: string; reason: string }[] = [];
    const progress = startProgress({ enabled: values.progress && !values.json, unit: 'inputs' });
    try {
      progress.setTotal(await listInputFiles(inputs).then((files) => files.length));
      // Committed in batches (see ingestInBatches): an interrupted run keeps all but its last second of work.
      await ingestInBatches(store, readInputs(inputs, ingestOptions), async (result) => {
        if (!result.ok) {
          counts.failed += 1;
          failures.push({ input: result.error.input, code: result.error.code, reason: result.error.message });
          if (values.json) reportInputError(result.error);
          else progress.log(`parley: ${result.error.toLine()}`);
          progress.tick(result.error.input);
          return;
        }
        const stored = await ingestDocument(store, result.doc, kb);
        if (stored instanceof InputError) {
          counts.failed += 1;
          failures.push({ input: stored.input, code: stored.code, reason: stored.message });
          if (values.json) reportInputError(stored);
          else progress.log(`parley: ${stored.toLine()}`);
        } else {
          counts[stored.status] += 1;
        }
        progress.tick(result.doc.origin);
      });
    } finally {
      progress.stop();
      await store.close();
    }
    if (values.json) {
      printJson({ db: values.db, ...counts, failures });
    } else {
      printLines([`${values.db}: ${counts.inserted} new, ${counts['new-version']} new versions, ${counts.unchanged} unchanged, ${counts.failed} failed`]);
    }
    process.exitCode = counts.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  });
}
