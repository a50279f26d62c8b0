// Coded errors raised by stores: the CLI prints them as one line, tests match on the code.

/** Stable codes: what went wrong, independent of the backend. */
export type StoreErrorCode =
  | 'store:open'
  | 'store:newer-schema'
  | 'store:closed'
  | 'store:invalid-doc'
  | 'store:constraint'
  | 'store:empty-query'
  | 'store:batch'
  | 'store:write';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'StoreError';
    this.code = code;
  }

  /** The one line a user sees: `reason [code]`. */
  toLine(): string {
    return `${this.message} [${this.code}]`;
  }
}
