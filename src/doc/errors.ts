// Coded errors about one input: the CLI prints them as one line naming the input and the problem.

/** A problem with one input (file, URL, feed item…) that stops that input but not the batch. */
export class InputError extends Error {
  readonly code: string;
  readonly input: string;

  constructor(code: string, input: string, reason: string) {
    super(reason);
    this.name = 'InputError';
    this.code = code;
    this.input = input;
  }

  /** The one line a user sees: `INPUT: reason [code]`. */
  toLine(): string {
    return `${this.input}: ${this.message} [${this.code}]`;
  }
}

/** A wrong command line: exit code 2. */
export class UsageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UsageError';
  }
}
