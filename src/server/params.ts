// Request parameters declared once: a zod schema that validates them and the OpenAPI description generated from it.
import { z } from 'zod';

/** The JSON Schema subset the OpenAPI document uses for a parameter. */
export interface ParamSchema {
  type: 'string' | 'integer';
  format?: 'date';
  pattern?: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: string | number;
}

/** One query or path parameter: how it is checked, and how the API document describes it. */
export interface Param<T> {
  schema: z.ZodType<T, string | undefined>;
  description: string;
  required: boolean;
  openapi: ParamSchema;
}

export type ParamValues<Q extends Record<string, Param<unknown>>> = { [K in keyof Q]: Q[K] extends Param<infer T> ? T : never };

/** One thing wrong with a request, named by the parameter it is about. */
export interface ParamIssue {
  parameter: string;
  message: string;
}

const wholeNumber = /^\d+$/;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function describeValue(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function integerSchema(min: number, max: number): z.ZodType<number, string> {
  return z
    .string()
    .refine((value) => wholeNumber.test(value) && Number(value) >= min && Number(value) <= max, {
      error: (issue) => `expected a whole number from ${min} to ${max}, got ${describeValue(String(issue.input))}`,
    })
    .transform(Number);
}

/** A whole number within bounds, with a default when absent. */
export function integerParam(options: { description: string; min: number; max: number; default: number }): Param<number> {
  return {
    schema: integerSchema(options.min, options.max).optional().transform((value) => value ?? options.default),
    description: options.description,
    required: false,
    openapi: { type: 'integer', minimum: options.min, maximum: options.max, default: options.default },
  };
}

const dateSchema = z.string().refine(isIsoDate, {
  error: (issue) => `expected a date as YYYY-MM-DD, got ${describeValue(String(issue.input))}`,
});

/** An ISO date, optional. */
export function dateParam(options: { description: string }): Param<string | undefined> {
  return { schema: dateSchema.optional(), description: options.description, required: false, openapi: { type: 'string', format: 'date' } };
}

/** An ISO date that must be given. */
export function requiredDateParam(options: { description: string }): Param<string> {
  return {
    schema: z.string({ error: 'is required (a date as YYYY-MM-DD)' }).pipe(dateSchema),
    description: options.description,
    required: true,
    openapi: { type: 'string', format: 'date' },
  };
}

function textSchema(maxLength: number): z.ZodType<string, string> {
  return z
    .string()
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, { error: 'must not be empty' })
    .refine((value) => value.length <= maxLength, { error: `must be at most ${maxLength} characters` });
}

/** Free text (a source name, a party…), trimmed, optional. */
export function textParam(options: { description: string; maxLength?: number }): Param<string | undefined> {
  const maxLength = options.maxLength ?? 200;
  return { schema: textSchema(maxLength).optional(), description: options.description, required: false, openapi: { type: 'string', minLength: 1, maxLength } };
}

/** Free text that must be given (a search query). */
export function requiredTextParam(options: { description: string; maxLength: number }): Param<string> {
  return {
    schema: z.string({ error: 'is required' }).pipe(textSchema(options.maxLength)),
    description: options.description,
    required: true,
    openapi: { type: 'string', minLength: 1, maxLength: options.maxLength },
  };
}

/** One of a fixed set of words, optional. */
export function enumParam<T extends string>(options: { description: string; values: readonly T[] }): Param<T | undefined> {
  const allowed = new Set<string>(options.values);
  return {
    schema: z
      .string()
      .refine((value) => allowed.has(value), {
        error: (issue) => `expected one of ${options.values.join(', ')}, got ${describeValue(String(issue.input))}`,
      })
      .transform((value) => value as T)
      .optional(),
    description: options.description,
    required: false,
    openapi: { type: 'string', enum: options.values },
  };
}

/** An identifier in the path: letters, digits and `:_.-`, as document and fact ids are written. */
export function idParam(options: { description: string }): Param<string> {
  const pattern = '^[A-Za-z0-9:_.\\-]{1,200}$';
  const matcher = new RegExp(pattern);
  return {
    schema: z.string().refine((value) => matcher.test(value), {
      error: (issue) => `expected an id of letters, digits and ":_.-" (at most 200), got ${describeValue(String(issue.input))}`,
    }),
    description: options.description,
    required: true,
    openapi: { type: 'string', pattern },
  };
}

/**
 * Checks raw string parameters against their declarations: every unknown name and every
 * bad value is an issue; otherwise the typed values.
 */
export function parseParams<Q extends Record<string, Param<unknown>>>(
  declared: Q,
  raw: Record<string, string | undefined>,
): { ok: true; values: ParamValues<Q> } | { ok: false; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  for (const name of Object.keys(raw)) {
    if (!Object.hasOwn(declared, name)) {
      const known = Object.keys(declared);
      issues.push({ parameter: name, message: `unknown parameter${known.length ? ` (expected ${known.join(', ')})` : ' (this endpoint takes none)'}` });
    }
  }
  const values: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(declared)) {
    const result = param.schema.safeParse(raw[name]);
    if (result.success) values[name] = result.data;
    else issues.push({ parameter: name, message: result.error.issues[0]?.message ?? 'is not valid' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values: values as ParamValues<Q> };
}
