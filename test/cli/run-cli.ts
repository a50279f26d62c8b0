// Runs the real `parley` CLI in a child process, as a user would, for end-to-end tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const samplesDir = join(repoRoot, 'samples');
/** The sample articles, feeds and exports (not the corpus's own README). */
export const sampleInputs = ['articles', 'feeds', 'exports'].map((folder) => join(samplesDir, folder));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `parley ARGS…` from the repository root with optional standard input. */
export function runCli(args: readonly string[], options: { input?: string; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, PARLEY_DB: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every object in `value` that looks like a span (`start`, `end`, `text`), wherever it sits. */
export function collectSpans(value: unknown, found: { start: number; end: number; text: string }[] = []): { start: number; end: number; text: string }[] {
  if (Array.isArray(value)) {
    for (const item of value) collectSpans(item, found);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number' && typeof record.text === 'string') {
      found.push({ start: record.start, end: record.end, text: record.text });
    }
    for (const child of Object.values(record)) collectSpans(child, found);
  }
  return found;
}
