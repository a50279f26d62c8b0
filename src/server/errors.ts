// The API's error answers: one JSON shape for every status, with a stable code and, for bad parameters, the parameter named.
import type { ParamIssue } from './params.ts';

export type ApiErrorCode =
  | 'bad-parameter'
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'ingest-disabled'
  | 'too-large'
  | 'unsupported-media-type'
  | 'internal';

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 413 | 415 | 500;

/** The body of every error answer. */
export interface ApiErrorBody {
  error: {
    status: ApiErrorStatus;
    code: ApiErrorCode;
    message: string;
    /** The first parameter at fault, for `bad-parameter`. */
    parameter?: string;
    /** Every parameter at fault, for `bad-parameter`. */
    issues?: ParamIssue[];
  };
}

/** An error a handler throws to answer with a status and a message rather than a 500. */
export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: ParamIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A 400 naming the parameters and what is wrong with each. */
  static badParameters(issues: ParamIssue[]): ApiError {
    const message = issues.map((issue) => `${issue.parameter}: ${issue.message}`).join('; ');
    return new ApiError(400, 'bad-parameter', message, issues);
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { error: { status: this.status, code: this.code, message: this.message } };
    if (this.issues.length > 0) {
      body.error.parameter = this.issues[0].parameter;
      body.error.issues = this.issues;
    }
    return body;
  }
}
