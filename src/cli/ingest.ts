// `parley ingest`: read inputs, clean, extract and store them, with progress and one line per failed input.
import { Command } from 'commander';
import { readInputs, listInputFiles } from '../ingest/index.ts';
import { defaultStages, processRawDocument } from '../extract/index.ts';
import { openStore } from '../store/open.ts';
import { reconcileDocument } from '../reconcile/index.ts';
import type { PutStatus, Store } from '../store/store.ts';
import { StoreError } from '../store/errors.ts';
import { InputError } from '../doc/errors.ts';
import type { RawDocument } from '../doc/types.ts';
import type { Knowledge } from '../knowledge/index.ts';
import { addConfigOption, addDbOption, addReadOptions, loadWorkspaceKnowledge, toIngestOptions, type ReadOptionValues } from './workspace.ts';
import { EXIT_OK, EXIT_SOME_FAILED, printJson, printLines, reportInputError, startProgress } from './terminal.ts';

interface IngestOptionValues extends ReadOptionValues {
  db: string;
  config?: string;
  json?: boolean;
  progress: boolean;
}

/**
 * Extracts and stores one document. A document the extraction or the store refuses is
 * that input's failure (the store rolled it back); a store that cannot be written at all stops the run.
 */
async function storeRawDocument(store: Store, raw: RawDocument, kb: Knowledge): Promise<PutStatus | InputError> {
  try {
    const doc = processRawDocument(raw, defaultStages, { kb });
    const put = await store.putDocument(doc);
    await reconcileDocument(store, doc);
    return put.status;
  } catch (error) {
    if (error instanceof StoreError && error.code !== 'store:invalid-doc' && error.code !== 'store:constraint') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return new InputError(error instanceof StoreError ? error.code : 'extract:failed', raw.origin, reason);
  }
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
rest of the batch goes on; the exit code is then 1.`,
  );
  command.action(async (inputs: string[], values: IngestOptionValues) => {
    const kb = loadWorkspaceKnowledge(values.config);
    const ingestOptions = toIngestOptions(values);
    const store = await openStore(values.db);
    const counts: Record<PutStatus | 'failed', number> = { inserted: 0, unchanged: 0, 'new-version': 0, failed: 0 };
    const failures: { input: string; code: string; reason: string }[] = [];
    const progress = startProgress({ enabled: values.progress && !values.json, unit: 'inputs' });
    try {
      progress.setTotal(await listInputFiles(inputs).then((files) => files.length));
      for await (const result of readInputs(inputs, ingestOptions)) {
        if (!result.ok) {
          counts.failed += 1;
          failures.push({ input: result.error.input, code: result.error.code, reason: result.error.message });
          if (values.json) reportInputError(result.error);
          else progress.log(`parley: ${result.error.toLine()}`);
          progress.tick(result.error.input);
          continue;
        }
        const stored = await storeRawDocument(store, result.doc, kb);
        if (stored instanceof InputError) {
          counts.failed += 1;
          failures.push({ input: stored.input, code: stored.code, reason: stored.message });
          if (values.json) reportInputError(stored);
          else progress.log(`parley: ${stored.toLine()}`);
        } else {
          counts[stored] += 1;
        }
        progress.tick(result.doc.origin);
      }
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
