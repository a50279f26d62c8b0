// Reads the JSON files `parley eval` scores: gold annotations and extraction outputs, with one-line errors naming the file.
import { readFileSync } from 'node:fs';
import { InputError } from '../doc/errors.ts';
import { describeJsonError } from '../ingest/json-error.ts';
import { parseGold, parsePrediction, type GoldDocument, type PredictedDocument } from './schema.ts';

function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'eval:not-found' : 'eval:unreadable', path, `cannot read the ${what} (${code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError('eval:invalid-json', path, `the ${what} is not valid JSON: ${describeJsonError(error, text)}`);
  }
}

/** The gold documents of every file in `paths`, in order. */
export function readGoldFiles(paths: readonly string[]): GoldDocument[] {
  return paths.flatMap((path) => parseGold(readJsonFile(path, 'gold file'), path));
}

/** The documents of the extraction output at `path` (`parley extract --format json`, or any output of the contract). */
export function readPredictionFile(path: string): PredictedDocument[] {
  return parsePrediction(readJsonFile(path, 'extraction'), path);
}
