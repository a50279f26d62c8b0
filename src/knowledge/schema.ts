// Zod schemas for the knowledge data files and the workspace config, and a parse that names the file and the path of every error.
import { z } from 'zod';
import { InputError } from '../doc/errors.ts';

const isoBound = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => {
    const [year, month = 1, day = 1] = value.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'not a real date');

const phrase = z.string().trim().min(1, 'must not be empty');
const phrases = z.array(phrase);

export const partySchema = z.strictObject({
  name: phrase,
  kind: z.enum(['country', 'organization', 'group']),
  official: phrase.optional(),
  aliases: phrases.optional(),
  demonyms: phrases.optional(),
  capital: phrase.optional(),
  capitalIsMetonym: z.boolean().optional(),
  metonyms: phrases.optional(),
  ambiguous: phrases.optional(),
  european: z.boolean().optional(),
  definite: z.boolean().optional(),
});

export const roleSchema = z.strictObject({
  title: phrase,
  label: phrase.optional(),
  party: phrase.nullable().optional(),
  from: isoBound.optional(),
  to: isoBound.optional(),
});

export const personSchema = z.strictObject({
  id: z.string().regex(/^person:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected person:firstname-lastname (lower-case letters, digits and hyphens)'),
  name: phrase,
  variants: phrases.optional(),
  aliases: phrases.optional(),
  party: phrase.nullable(),
  roles: z.array(roleSchema).optional(),
});

const titleKind = z.enum([
  'head-of-state', 'head-of-government', 'deputy-head', 'minister', 'diplomat', 'envoy', 'negotiator', 'spokesperson', 'aide',
  'official', 'legislator', 'local-official', 'military', 'royal', 'religious', 'honorific', 'relative', 'analyst', 'journalist', 'business', 'citizen',
]);

export const titlesFileSchema = z.strictObject({
  about: z.string().optional(),
  titles: z.array(z.strictObject({ title: phrase, kind: titleKind, forms: phrases.min(1), beforeName: z.boolean().optional() })),
  modifiers: z.strictObject({ former: phrases, acting: phrases, rank: phrases, degree: phrases }),
  domains: phrases,
});

export const partiesFileSchema = z.strictObject({ about: z.string().optional(), parties: z.array(partySchema) });
export const peopleFileSchema = z.strictObject({ about: z.string().optional(), people: z.array(personSchema) });

export const bodiesFileSchema = z.strictObject({
  about: z.string().optional(),
  bodies: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), name: phrase, kind: phrase, forms: phrases.min(1) })),
});

export const organizationSchema = z.strictObject({ name: phrase, kind: phrase, party: phrase.nullable(), aliases: phrases.optional() });
export const organizationsFileSchema = z.strictObject({ about: z.string().optional(), organizations: z.array(organizationSchema) });

export const placeSchema = z.strictObject({ name: phrase, country: phrase.nullable(), kind: phrase, aliases: phrases.optional() });
export const placesFileSchema = z.strictObject({ about: z.string().optional(), places: z.array(placeSchema) });

export const namesFileSchema = z.strictObject({
  about: z.string().optional(),
  particles: phrases,
  suffixes: phrases,
  familyNameFirst: phrases,
  notNames: phrases,
});

export const cuesFileSchema = z.strictObject({
  about: z.string().optional(),
  locatives: phrases,
  venueNouns: phrases,
  addresseeVerbs: phrases,
  roleLinks: phrases,
  analystOrgWords: phrases,
  businessOrgWords: phrases,
  mediaOrgWords: phrases,
  creditCues: phrases,
  sourcePhrases: phrases,
  speechGapWords: phrases,
  orgEndWords: phrases,
});

export const speechVerbsFileSchema = z.looseObject({ verbs: phrases, phrases: phrases });

export const issueSchema = z.looseObject({ id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case id with hyphens') });

export const issuesFileSchema = z.looseObject({ issues: z.array(issueSchema) });

/** The workspace configuration (`parley.config.json`): additions merged over the default knowledge. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  about: z.string().optional(),
  parties: z.array(partySchema).optional(),
  people: z.array(personSchema).optional(),
  organizations: z.array(organizationSchema).optional(),
  places: z.array(placeSchema).optional(),
  issues: z.array(issueSchema).optional(),
});

export type PartyInput = z.infer<typeof partySchema>;
export type PersonInput = z.infer<typeof personSchema>;
export type OrganizationInput = z.infer<typeof organizationSchema>;
export type PlaceInput = z.infer<typeof placeSchema>;
export type ConfigInput = z.infer<typeof configSchema>;

/** "people[3].roles[0].from" for a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Validates `value` (the parsed contents of `file`); throws an InputError naming the file and each failing path. */
export function parseKnowledgeFile<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
  throw new InputError('knowledge:invalid', file, problems.join('; ') + more);
}
