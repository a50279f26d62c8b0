// Gold and extraction files are checked on reading: a wrong shape is one error naming the file and the JSON path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/doc/errors.ts';
import { parseGold, parsePrediction, readGoldFiles, readPredictionFile } from '../../src/eval/index.ts';

let workDir: string;
before(() => (workDir = mkdtempSync(join(tmpdir(), 'parley-eval-schema-'))));
after(() => rmSync(workDir, { recursive: true, force: true }));

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an error');
}

test('a gold person without a name is an error at its JSON path', () => {
  const error = inputError(() => parseGold({ documents: [{ file: 'a.txt', persons: [{ aliases: [] }] }] }, 'gold.json'));
  assert.equal(error.code, 'eval:invalid-gold');
  assert.equal(error.input, 'gold.json');
  assert.match(error.message, /documents\[0\]\.persons\[0\]\.name/);
});

test('a gold date that is not a real day, and a gold quantity that is not a number, are refused', () => {
  const badDate = inputError(() => parseGold({ documents: [{ file: 'a.txt', events: [{ types: ['talks'], date: { start: '2025-02-30' } }] }] }, 'g.json'));
  assert.match(badDate.message, /documents\[0\]\.events\[0\]\.date\.start: expected a date/);
  const badValue = inputError(() => parseGold({ documents: [{ file: 'a.txt', quantities: [{ value: 'many' }] }] }, 'g.json'));
  assert.match(badValue.message, /documents\[0\]\.quantities\[0\]\.value: expected a number/);
});

test('a prediction may be a bare list, and may leave out or null what the reference scorer tolerates', () => {
  const documents = parsePrediction([{ file: 'a.txt', entities: null, stances: [{ party: null, issue: 'ceasefire', act: null }], events: [{ type: 'talks', date: null }] }], 'p.json');
  assert.equal(documents.length, 1);
  assert.equal(parsePrediction({ documents: [] }, 'p.json').length, 0);
});

test('a prediction field of the wrong type is named with its path inside the documents', () => {
  const kind = inputError(() => parsePrediction({ documents: [{ file: 'a.txt' }, { file: 'b.txt', entities: [{ name: 'X', kind: 3 }] }] }, 'p.json'));
  assert.equal(kind.code, 'eval:invalid-prediction');
  assert.match(kind.message, /documents\[1\]\.entities\[0\]\.kind/);
  const mention = inputError(() => parsePrediction([{ file: 'a.txt', entities: [{ kind: 'person', mentions: [{ text: 7 }] }] }], 'p.json'));
  assert.match(mention.message, /\[0\]\.entities\[0\]\.mentions\[0\]\.text/);
  assert.match(inputError(() => parsePrediction({ results: [] }, 'p.json')).message, /documents/);
});

test('unreadable and malformed files are errors naming the file', () => {
  const missing = join(workDir, 'missing.json');
  assert.equal(inputError(() => readGoldFiles([missing])).code, 'eval:not-found');
  const broken = join(workDir, 'broken.json');
  writeFileSync(broken, '{"documents": [');
  const error = inputError(() => readPredictionFile(broken));
  assert.equal(error.code, 'eval:invalid-json');
  assert.equal(error.input, broken);
  assert.match(error.message, /line 1/);
});
