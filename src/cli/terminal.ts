// Printing for the CLI: results to stdout, one-line problems to stderr, progress bars only on a terminal.
import { SingleBar, Presets } from 'cli-progress';
import { InputError, UsageError } from '../doc/errors.ts';
import { StoreError } from '../store/errors.ts';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * A reader that stops early (`parley extract … | head`) closes the pipe under the next write: stop there, as
 * command-line tools do, instead of dying with a stack trace, with the exit code so far (0 unless an input had
 * already failed). A store being written keeps its committed batches.
 */
export function stopWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit();
    });
  }
}

/** Prints a value as pretty JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints lines of human-readable output on stdout. */
export function printLines(lines: readonly string[]): void {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}

/** One line on stderr naming the input and the problem. */
export function reportInputError(error: InputError): void {
  process.stderr.write(`parley: ${error.toLine()}\n`);
}

/** Prints an unexpected or usage error as one line and returns the exit code to use. */
export function reportFatal(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`parley: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof InputError) {
    reportInputError(error);
    return EXIT_SOME_FAILED;
  }
  if (error instanceof StoreError) {
    process.stderr.write(`parley: ${error.toLine()}\n`);
    return EXIT_SOME_FAILED;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`parley: ${message}\n`);
  if (process.env.PARLEY_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_SOME_FAILED;
}

export interface Progress {
  setTotal(total: number): void;
  tick(label: string): void;
  /** Prints a line above the bar without garbling it. */
  log(line: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal and `enabled`; otherwise a silent stand-in. */
export function startProgress(options: { enabled: boolean; total?: number; unit: string }): Progress {
  if (!options.enabled || !process.stderr.isTTY) {
    return { setTotal: () => {}, tick: () => {}, log: (line) => process.stderr.write(`${line}\n`), stop: () => {} };
  }
  const bar = new SingleBar(
    {
      format: `{bar} {value}/{total} ${options.unit} | {eta_formatted} left | {label}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let total = options.total ?? 0;
  let done = 0;
  bar.start(total, 0, { label: '' });
  return {
    setTotal: (value) => {
      total = value;
      bar.setTotal(total);
    },
    tick: (label) => {
      // Feeds and exports hold several items per file, so the total can only be an estimate: grow it when passed.
      done += 1;
      if (done > total) bar.setTotal((total = done));
      bar.increment(1, { label: label.length > 40 ? `…${label.slice(-39)}` : label });
    },
    log: (line) => {
      // cli-progress redraws on the next update; clearing the line first keeps the log readable.
      process.stderr.write(`\r\x1b[K${line}\n`);
    },
    stop: () => bar.stop(),
  };
}
