// The shapes `parley eval` reads — an extraction (EVALUATION.md's contract) and gold annotations — checked with zod.
import { z } from 'zod';
import { InputError } from '../doc/errors.ts';
import { floatLikePython, isTruthy } from './python-values.ts';
import { parseDay } from './dates.ts';

// Predictions are read as leniently as the reference scorer reads them: fields it tolerates as missing or null may be
// missing or null; a field it would trip over (a number where it expects text) is an error naming its JSON path.
const optionalText = z.string().nullish();
const optionalList = <T extends z.ZodType>(item: T) => z.array(item).nullish();

const predictedEntitySchema = z.looseObject({
  kind: optionalText,
  name: optionalText,
  party: optionalText,
  aliases: optionalList(optionalText),
  // Mentions that are not objects, or have no text, are skipped, as the reference scorer skips them.
  mentions: optionalList(z.unknown()).superRefine((mentions, context) => {
    for (const [index, mention] of (mentions ?? []).entries()) {
      if (mention === null || typeof mention !== 'object' || Array.isArray(mention)) continue;
      const text = (mention as Record<string, unknown>).text;
      if (isTruthy(text) && typeof text !== 'string') context.addIssue({ code: 'custom', message: 'expected a string', path: [index, 'text'] });
    }
  }),
});

const predictedStanceSchema = z.looseObject({ party: optionalText, issue: optionalText, act: optionalText });

const predictedEventSchema = z.looseObject({
  type: optionalText,
  parties: optionalList(optionalText),
  place: optionalText,
  date: z.union([z.string(), z.looseObject({ start: z.unknown(), end: z.unknown() })]).nullish(),
});

const predictedQuoteSchema = z.looseObject({ text: optionalText, speakerName: optionalText, speaker_name: optionalText, speaker: optionalText });

const predictedQuantitySchema = z.looseObject({ value: z.unknown() });

const predictedDocumentSchema = z.looseObject({
  file: optionalText,
  path: optionalText,
  id: optionalText,
  text: optionalText,
  entities: optionalList(predictedEntitySchema),
  stances: optionalList(predictedStanceSchema),
  events: optionalList(predictedEventSchema),
  quotes: optionalList(predictedQuoteSchema),
  quantities: optionalList(predictedQuantitySchema),
});

const predictionListSchema = z.array(predictedDocumentSchema);
const predictionObjectSchema = z.looseObject({ documents: predictionListSchema });

export type PredictedDocument = z.infer<typeof predictedDocumentSchema>;
export type PredictedEntity = z.infer<typeof predictedEntitySchema>;
export type PredictedEvent = z.infer<typeof predictedEventSchema>;

// Gold is written by hand, so it is checked strictly: every field the rules read must be there with its type.
const goldFlag = z.boolean().nullish();

const goldDay = z
  .string()
  .nullish()
  .refine((value) => value == null || value === '' || parseDay(value) !== null, { message: 'expected a date as YYYY-MM-DD' });

const goldPersonSchema = z.looseObject({ name: z.string(), aliases: z.array(z.string()).optional(), party: optionalText });

const goldStanceSchema = z.looseObject({ party: z.string(), issue: z.string(), acts: z.array(z.string()), optional: goldFlag, note: optionalText });

const goldEventSchema = z.looseObject({
  types: z.array(z.string()),
  parties: z.array(z.string()).optional(),
  place: optionalText,
  date: z.looseObject({ start: goldDay, end: goldDay }).nullish(),
  optional: goldFlag,
  note: optionalText,
});

const goldQuoteSchema = z.looseObject({ contains: z.string(), speaker: z.string(), optional: goldFlag });

const goldQuantitySchema = z.looseObject({
  value: z.union([z.number(), z.string()]).refine((value) => floatLikePython(value) !== null, { message: 'expected a number' }),
  note: optionalText,
});

const goldDocumentSchema = z.looseObject({
  file: z.string(),
  persons: z.array(goldPersonSchema).optional(),
  not_persons: z.array(z.string()).optional(),
  stances: z.array(goldStanceSchema).optional(),
  events: z.array(goldEventSchema).optional(),
  quotes: z.array(goldQuoteSchema).optional(),
  quantities: z.array(goldQuantitySchema).optional(),
  absent_text: z.array(z.string()).optional(),
});

const goldSchema = z.looseObject({ documents: z.array(goldDocumentSchema) });

export type GoldDocument = z.infer<typeof goldDocumentSchema>;
export type GoldPerson = z.infer<typeof goldPersonSchema>;
export type GoldEvent = z.infer<typeof goldEventSchema>;

/** `documents[3].persons[0].name` for a zod issue path. */
function formatJsonPath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const key of path) formatted += typeof key === 'number' ? `[${key}]` : `${formatted === '' ? '' : '.'}${String(key)}`;
  return formatted === '' ? '(top level)' : formatted;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length > shown.length ? ` (and ${error.issues.length - shown.length} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** The documents of an extraction (an object with `documents`, or a bare list of documents); throws an InputError naming `origin` and the JSON path. */
export function parsePrediction(value: unknown, origin: string): PredictedDocument[] {
  // Checked against one shape or the other, not a union, so an error names the path inside the documents.
  const parsed = Array.isArray(value) ? predictionListSchema.safeParse(value) : predictionObjectSchema.transform((output) => output.documents).safeParse(value);
  if (!parsed.success) throw new InputError('eval:invalid-prediction', origin, `not an extraction: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The documents of a gold file; throws an InputError naming `origin` and the JSON path. */
export function parseGold(value: unknown, origin: string): GoldDocument[] {
  const parsed = goldSchema.safeParse(value);
  if (!parsed.success) throw new InputError('eval:invalid-gold', origin, `not a gold file: ${describeIssues(parsed.error)}`);
  return parsed.data.documents;
}
