// `parley eval`: scores an extraction (a saved JSON output, or documents extracted on the spot) against gold annotations.
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { Command } from 'commander';
import { readInputs } from '../ingest/index.ts';
import { defaultStages, processRawDocument } from '../extract/index.ts';
import { toContractDocument } from '../report/extraction.ts';
import { UsageError } from '../doc/errors.ts';
import { formatFindings, formatScoreTable, parsePrediction, readGoldFiles, readPredictionFile, scoreExtraction, type PredictedDocument } from '../eval/index.ts';
import { addConfigOption, addReadOptions, loadWorkspaceKnowledge, toIngestOptions, type ReadOptionValues } from './workspace.ts';
import { EXIT_OK, EXIT_SOME_FAILED, printJson, printLines, startProgress } from './terminal.ts';

interface EvalOptionValues extends ReadOptionValues {
  gold?: string[];
  json?: boolean;
  verbose?: boolean;
  extract?: boolean;
  config?: string;
}

/** One existing `.json` file is a saved extraction unless --extract says to read it as articles (a JSON export). */
function isSavedExtraction(inputs: readonly string[], values: EvalOptionValues): boolean {
  if (values.extract || inputs.length !== 1 || extname(inputs[0]).toLowerCase() !== '.json') return false;
  try {
    return statSync(inputs[0]).isFile();
  } catch {
    return false;
  }
}

/** Extracts every input with the default pipeline, as `parley extract` does; failed inputs are named on stderr. */
async function extractInputs(inputs: string[], values: EvalOptionValues): Promise<{ documents: PredictedDocument[]; failed: number }> {
  const kb = loadWorkspaceKnowledge(values.config);
  const contractDocuments: unknown[] = [];
  let failed = 0;
  const progress = startProgress({ enabled: !values.json, unit: 'documents' });
  try {
    for await (const result of readInputs(inputs, toIngestOptions(values))) {
      if (!result.ok) {
        failed += 1;
        progress.log(`parley: ${result.error.toLine()}`);
        continue;
      }
      try {
        contractDocuments.push(toContractDocument(processRawDocument(result.doc, defaultStages, { kb })));
      } catch (error) {
        failed += 1;
        progress.log(`parley: ${result.doc.origin}: extraction failed: ${error instanceof Error ? error.message : String(error)} [extract:failed]`);
      }
      progress.tick(result.doc.origin);
    }
  } finally {
    progress.stop();
  }
  // Our own output goes through the same check as a saved one, so both are scored from the same shape.
  return { documents: parsePrediction(contractDocuments, 'extraction'), failed };
}

export function registerEval(program: Command): void {
  const command = program
    .command('eval')
    .description('score an extraction against gold annotations (persons, stances, events, quotes, numbers, boilerplate)')
    .argument('<inputs...>', 'a saved extraction (`parley extract --format json` output), or files and folders to extract and score')
    .option('--gold <file>', 'gold annotations (JSON, the format of corpus/seeds/gold.json); repeat for several files', (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .option('--json', 'print the metrics as JSON (with --verbose, the findings too)')
    .option('--verbose', 'list every miss, false positive and wrong attribute before the table')
    .option('--extract', 'extract a single .json input as articles (a JSON export) instead of reading it as a saved extraction');
  addReadOptions(command);
  addConfigOption(command);
  command.addHelpText(
    'after',
    `
The scoring rules are those of EVALUATION.md; the numbers agree with the reference
scorer eval/score.py to the third decimal, and the table has the same layout.
Gold documents are matched to predictions by file name; a gold document without a
prediction counts in missing_docs and its facts as misses.`,
  );
  command.action(async (inputs: string[], values: EvalOptionValues) => {
    if (values.gold === undefined) throw new UsageError('eval: give at least one --gold FILE');
    const gold = readGoldFiles(values.gold);
    let predictions: PredictedDocument[];
    let failed = 0;
    if (isSavedExtraction(inputs, values)) {
      if (values.manifest !== undefined || values.published !== undefined || values.source !== undefined) {
        throw new UsageError('eval: --manifest, --published and --source apply only when extracting; the saved extraction already holds its metadata');
      }
      predictions = readPredictionFile(inputs[0]);
    } else {
      ({ documents: predictions, failed } = await extractInputs(inputs, values));
    }
    const { metrics, findings } = scoreExtraction(predictions, gold);
    if (values.json) {
      printJson(values.verbose ? { ...metrics, findings } : metrics);
    } else {
      if (values.verbose) printLines(formatFindings(findings));
      printLines(formatScoreTable(metrics));
    }
    process.exitCode = failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  });
}
