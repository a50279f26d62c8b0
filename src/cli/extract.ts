// `parley extract`: stateless — documents in, the extraction contract (EVALUATION.md) out as JSON.
import { Command, Option } from 'commander';
import { readInputs } from '../ingest/index.ts';
import { defaultStages, processRawDocument } from '../extract/index.ts';
import { toContractDocument, type ContractOutput } from '../report/extraction.ts';
import { addConfigOption, addReadOptions, loadWorkspaceKnowledge, toIngestOptions, type ReadOptionValues } from './workspace.ts';
import { EXIT_OK, EXIT_SOME_FAILED, reportInputError } from './terminal.ts';

interface ExtractOptionValues extends ReadOptionValues {
  format: 'json' | 'jsonl';
  config?: string;
}

export function registerExtract(program: Command): void {
  const command = program
    .command('extract')
    .description('extract entities, dates, numbers, quotes, stances and events from documents and print them as JSON (nothing is stored)')
    .argument('<inputs...>', 'files, folders, URLs or - for stdin')
    .addOption(new Option('--format <format>', 'json: one object with all documents; jsonl: one document per line').choices(['json', 'jsonl']).default('json'));
  addReadOptions(command);
  addConfigOption(command);
  command.action(async (inputs: string[], values: ExtractOptionValues) => {
    const kb = loadWorkspaceKnowledge(values.config);
    const output: ContractOutput = { documents: [], errors: [] };
    for await (const result of readInputs(inputs, toIngestOptions(values))) {
      if (!result.ok) {
        reportInputError(result.error);
        output.errors.push({ input: result.error.input, code: result.error.code, reason: result.error.message });
        continue;
      }
      const document = toContractDocument(processRawDocument(result.doc, defaultStages, { kb }));
      if (values.format === 'jsonl') process.stdout.write(`${JSON.stringify(document)}\n`);
      else output.documents.push(document);
    }
    if (values.format === 'json') process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    process.exitCode = output.errors.length > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  });
}
