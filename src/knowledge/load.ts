// Loads the knowledge base: validates the data files and the workspace config, merges them, and builds the lookups once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputError } from '../doc/errors.ts';
import { readDataFile } from './data-file.ts';
import { Gazetteer } from './gazetteer.ts';
import { earliestDay, latestDay } from './roles.ts';
import {
  bodiesFileSchema,
  configSchema,
  cuesFileSchema,
  namesFileSchema,
  organizationsFileSchema,
  parseKnowledgeFile,
  partiesFileSchema,
  peopleFileSchema,
  placesFileSchema,
  speechVerbsFileSchema,
  issuesFileSchema,
  titlesFileSchema,
  type ConfigInput,
  type OrganizationInput,
  type PartyInput,
  type PersonInput,
  type PlaceInput,
} from './schema.ts';
import { phraseTokens } from './token-keys.ts';
import { readTitle, type TitleLexicon } from './titles.ts';
import type {
  BodyRecord,
  GazetteerEntry,
  IssueRecord,
  Knowledge,
  ModifierKind,
  OrganizationRecord,
  PartyRecord,
  PersonRecord,
  PlaceRecord,
  RoleRecord,
  TitleRecord,
} from './types.ts';
import { slugify } from './slug.ts';

export interface LoadKnowledgeOptions {
  /** A workspace config (`parley.config.json`) whose parties, people, organisations, places and issues are merged over the defaults. */
  configPath?: string;
}

const DATA_DIR = 'src/knowledge/data';

/** A record read from a file, with where it came from for error messages. */
interface Sourced<T> {
  value: T;
  file: string;
  path: string;
}

let defaultKnowledge: Knowledge | null = null;

/** The knowledge base: the default data, plus the workspace config when `configPath` is given. The default alone is built once and shared. */
export function loadKnowledge(options?: LoadKnowledgeOptions): Knowledge {
  if (options?.configPath === undefined) {
    defaultKnowledge ??= buildKnowledge(null, null);
    return defaultKnowledge;
  }
  const configPath = options.configPath;
  let raw: string;
  try {
    raw = readFileSync(configPath, 'utf8');
  } catch (error) {
    throw new InputError('knowledge:unreadable', configPath, `cannot read the workspace config: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InputError('knowledge:invalid', configPath, `not valid JSON: ${(error as Error).message}`);
  }
  return buildKnowledge(parseKnowledgeFile(configSchema, json, configPath), configPath);
}

function dataFile<T>(name: string, schema: Parameters<typeof parseKnowledgeFile>[0]): T {
  return parseKnowledgeFile(schema, readDataFile<unknown>(name), `${DATA_DIR}/${name}`) as T;
}

function sourced<T>(values: readonly T[], file: string, listName: string): Sourced<T>[] {
  return values.map((value, index) => ({ value, file, path: `${listName}[${index}]` }));
}

function union(...lists: (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

/** Merges config records over defaults by key: scalars from the config win, lists are joined. */
function mergeByKey<T extends object>(defaults: Sourced<T>[], additions: Sourced<T>[], keyOf: (value: T) => string, listFields: readonly (keyof T)[]): Sourced<T>[] {
  const merged = new Map<string, Sourced<T>>();
  for (const item of defaults) merged.set(keyOf(item.value), item);
  for (const item of additions) {
    const key = keyOf(item.value);
    const existing = merged.get(key);
    if (existing === undefined) {
      merged.set(key, item);
      continue;
    }
    const value = { ...existing.value, ...item.value };
    for (const field of listFields) {
      (value as Record<keyof T, unknown>)[field] = union(existing.value[field] as string[] | undefined, item.value[field] as string[] | undefined);
    }
    merged.set(key, { value, file: item.file, path: item.path });
  }
  return [...merged.values()];
}


function buildKnowledge(config: ConfigInput | null, configPath: string | null): Knowledge {
  const partiesFile = dataFile<{ parties: PartyInput[] }>('parties.json', partiesFileSchema);
  const peopleFile = dataFile<{ people: PersonInput[] }>('people.json', peopleFileSchema);
  const bodiesFile = dataFile<{ bodies: BodyRecord[] }>('bodies.json', bodiesFileSchema);
  const organizationsFile = dataFile<{ organizations: OrganizationInput[] }>('organizations.json', organizationsFileSchema);
  const placesFile = dataFile<{ places: PlaceInput[] }>('places.json', placesFileSchema);
  const titlesFile = dataFile<{
    titles: { title: string; kind: TitleRecord['kind']; forms: string[]; beforeName?: boolean }[];
    modifiers: Record<ModifierKind, string[]>;
    domains: string[];
  }>('titles.json', titlesFileSchema);
  const namesFile = dataFile<{ particles: string[]; suffixes: string[]; familyNameFirst: string[]; notNames: string[] }>('names.json', namesFileSchema);
  const cuesFile = dataFile<Record<string, string[]>>('entity-cues.json', cuesFileSchema);
  const speechFile = dataFile<{ verbs: string[]; phrases: string[] }>('speech-verbs.json', speechVerbsFileSchema);
  const issuesFile = dataFile<{ issues: IssueRecord[] }>('issues.json', issuesFileSchema);

  const configFile = configPath ?? '';
  const partyInputs = mergeByKey(
    sourced(partiesFile.parties, `${DATA_DIR}/parties.json`, 'parties'),
    sourced(config?.parties ?? [], configFile, 'parties'),
    (party) => party.name.toLowerCase(),
    ['aliases', 'demonyms', 'metonyms', 'ambiguous'],
  );
  const peopleInputs = mergeByKey(
    sourced(peopleFile.people, `${DATA_DIR}/people.json`, 'people'),
    sourced(config?.people ?? [], configFile, 'people'),
    (person) => person.id,
    ['variants', 'aliases'],
  );
  const organizationInputs = mergeByKey(
    sourced(organizationsFile.organizations, `${DATA_DIR}/organizations.json`, 'organizations'),
    sourced(config?.organizations ?? [], configFile, 'organizations'),
    (organization) => organization.name.toLowerCase(),
    ['aliases'],
  );
  const placeInputs = mergeByKey(
    sourced(placesFile.places, `${DATA_DIR}/places.json`, 'places'),
    sourced(config?.places ?? [], configFile, 'places'),
    (place) => place.name.toLowerCase(),
    ['aliases'],
  );

  const parties: PartyRecord[] = partyInputs.map(({ value }) => ({
    name: value.name,
    kind: value.kind,
    official: value.official ?? null,
    aliases: value.aliases ?? [],
    demonyms: value.demonyms ?? [],
    capital: value.capital ?? null,
    capitalIsMetonym: value.capitalIsMetonym ?? true,
    metonyms: value.metonyms ?? [],
    ambiguous: value.ambiguous ?? [],
    european: value.european ?? false,
    definite: value.definite ?? false,
  }));
  const partyByName = new Map<string, PartyRecord>();
  for (const party of parties) {
    for (const name of [party.name, party.official, ...party.aliases]) {
      if (name !== null && !partyByName.has(name.toLowerCase())) partyByName.set(name.toLowerCase(), party);
    }
  }
  const requireParty = (name: string | null | undefined, file: string, path: string): string | null => {
    if (name === null || name === undefined) return null;
    const party = partyByName.get(name.toLowerCase());
    if (party === undefined) throw new InputError('knowledge:unknown-party', file, `${path}: unknown party "${name}" (add it to the parties first)`);
    return party.name;
  };

  const titles: TitleRecord[] = titlesFile.titles.map((title) => ({ ...title, beforeName: title.beforeName ?? true }));
  const titleByForm = new Map<string, TitleRecord>();
  let longestTitleForm = 1;
  for (const title of titles) {
    for (const form of title.forms) {
      const { keys } = phraseTokens(form);
      longestTitleForm = Math.max(longestTitleForm, keys.length);
      const key = keys.join(' ');
      if (!titleByForm.has(key)) titleByForm.set(key, title);
    }
  }
  const modifiers = new Map<string, ModifierKind>();
  for (const kind of ['former', 'acting', 'rank', 'degree'] as const) {
    for (const form of titlesFile.modifiers[kind]) {
      const key = phraseTokens(form).keys.join(' ');
      if (!modifiers.has(key)) modifiers.set(key, kind);
    }
  }
  const domains = new Set(titlesFile.domains.map((domain) => phraseTokens(domain).keys.join(' ')));
  const titleLexicon: TitleLexicon = { titleByForm, longestTitleForm, modifiers, domains };

  const people: PersonRecord[] = peopleInputs.map(({ value, file, path }) => {
    const party = requireParty(value.party, file, `${path}.party`);
    const roles: RoleRecord[] = (value.roles ?? []).map((role, index) => {
      const rolePath = `${path}.roles[${index}]`;
      if (role.from !== undefined && role.to !== undefined && latestDay(role.to) < earliestDay(role.from)) {
        throw new InputError('knowledge:invalid', file, `${rolePath}: ends (${role.to}) before it starts (${role.from})`);
      }
      const roleParty = role.party === undefined ? party : requireParty(role.party, file, `${rolePath}.party`);
      const reading = readTitle(titleLexicon, phraseTokens(role.title).keys);
      return {
        title: role.title,
        label: role.label ?? (roleParty === null ? role.title : `${role.title} of ${displayName(partyByName.get(roleParty.toLowerCase()))}`),
        party: roleParty,
        from: role.from === undefined ? null : earliestDay(role.from),
        to: role.to === undefined ? null : latestDay(role.to),
        surelyFrom: role.from === undefined ? null : latestDay(role.from),
        surelyTo: role.to === undefined ? null : earliestDay(role.to),
        kind: reading?.kind ?? 'official',
        titleKey: reading?.key ?? role.title.toLowerCase(),
      };
    });
    return { id: value.id, name: value.name, variants: value.variants ?? [], aliases: value.aliases ?? [], party, roles };
  });

  const organizations: OrganizationRecord[] = organizationInputs.map(({ value, file, path }) => ({
    id: `org:${slugify(value.name)}`,
    name: value.name,
    kind: value.kind,
    party: requireParty(value.party, file, `${path}.party`),
    aliases: value.aliases ?? [],
  }));
  const places: PlaceRecord[] = placeInputs.map(({ value, file, path }) => ({
    id: `place:${slugify(value.name)}`,
    name: value.name,
    country: requireParty(value.country, file, `${path}.country`),
    kind: value.kind,
    aliases: value.aliases ?? [],
  }));
  const bodies: BodyRecord[] = bodiesFile.bodies;
  // The default taxonomy with the workspace's issues over it: the same id replaces, a new id is added.
  const issueById = new Map<string, IssueRecord>();
  for (const issue of issuesFile.issues) issueById.set(issue.id, issue);
  for (const issue of (config?.issues ?? []) as IssueRecord[]) issueById.set(issue.id, issue);
  const issues = [...issueById.values()];

  const names = {
    particles: new Set(namesFile.particles.map((word) => word.toLowerCase())),
    suffixes: new Set(namesFile.suffixes.map((word) => word.toLowerCase())),
    familyNameFirst: new Set(namesFile.familyNameFirst.map((word) => word.toLowerCase())),
    notNames: new Set(namesFile.notNames.map((word) => word.toLowerCase())),
  };
  const lowerSet = (words: string[]): Set<string> => new Set(words.map((word) => word.toLowerCase()));
  const cues = {
    locatives: lowerSet(cuesFile.locatives),
    venueNouns: lowerSet(cuesFile.venueNouns),
    addresseeVerbs: lowerSet(cuesFile.addresseeVerbs),
    roleLinks: lowerSet(cuesFile.roleLinks),
    analystOrgWords: lowerSet(cuesFile.analystOrgWords),
    businessOrgWords: lowerSet(cuesFile.businessOrgWords),
    mediaOrgWords: lowerSet(cuesFile.mediaOrgWords),
    creditCues: lowerSet(cuesFile.creditCues),
    sourcePhrases: cuesFile.sourcePhrases.map((cue) => phraseTokens(cue).keys),
    speechGapWords: lowerSet(cuesFile.speechGapWords),
    orgEndWords: lowerSet(cuesFile.orgEndWords),
    speechVerbs: lowerSet(speechFile.verbs),
    speechPhrases: speechFile.phrases.map((cue) => phraseTokens(cue).keys),
  };

  const gazetteer = buildGazetteer({ parties, people, bodies, organizations, places, titles, titlesFile });
  const personById = new Map(people.map((person) => [person.id, person]));
  const personByNameKey = new Map<string, PersonRecord[]>();
  for (const person of people) {
    for (const name of [person.name, ...person.variants]) {
      const key = personNameKey(phraseTokens(name).keys, { suffixes: names.suffixes, titleByForm });
      if (key === '') continue;
      const list = personByNameKey.get(key) ?? [];
      if (!list.includes(person)) list.push(person);
      personByNameKey.set(key, list);
    }
  }

  const version = createHash('sha1')
    .update(JSON.stringify([partyInputs, peopleInputs, organizationInputs, placeInputs, bodies, titlesFile, namesFile, cuesFile, speechFile, issues]))
    .digest('hex')
    .slice(0, 12);

  return {
    version,
    parties,
    people,
    bodies,
    organizations,
    places,
    titles,
    issues,
    names,
    cues,
    partyByName,
    personById,
    personByNameKey,
    titleByForm,
    longestTitleForm,
    modifiers,
    domains,
    gazetteer,
  };
}

function displayName(party: PartyRecord | undefined): string {
  if (party === undefined) return '';
  return party.definite ? `the ${party.name}` : party.name;
}

/**
 * The lookup key of a personal name given as token keys: leading titles ("sir", "sheikh"),
 * initials ("j", "j.d."), suffixes ("jr") and punctuation dropped, the rest joined by spaces.
 */
export function personNameKey(keys: readonly string[], lexicon: { suffixes: ReadonlySet<string>; titleByForm: ReadonlyMap<string, TitleRecord> }): string {
  const words: string[] = [];
  for (const key of keys) {
    if (!hasLetter(key)) continue;
    if (words.length === 0 && lexicon.titleByForm.has(key)) continue;
    // An initial is one letter (one or two code units) or letters each with a full stop.
    if ((key.length <= 2 || key.endsWith('.')) && (SINGLE_LETTER.test(key) || DOTTED_INITIALS.test(key))) continue;
    if (lexicon.suffixes.has(key.endsWith('.') ? key.slice(0, -1) : key)) continue;
    words.push(key);
  }
  return words.join(' ');
}

const ANY_LETTER = /\p{L}/u;
const SINGLE_LETTER = /^\p{L}$/u;
const DOTTED_INITIALS = /^(?:\p{L}\.)+$/u;

function hasLetter(key: string): boolean {
  // Name keys are lower-case: an ASCII lower-case first letter settles it without the Unicode pattern.
  const first = key.charCodeAt(0);
  return (first >= 0x61 && first <= 0x7a) || ANY_LETTER.test(key);
}

interface GazetteerSources {
  parties: readonly PartyRecord[];
  people: readonly PersonRecord[];
  bodies: readonly BodyRecord[];
  organizations: readonly OrganizationRecord[];
  places: readonly PlaceRecord[];
  titles: readonly TitleRecord[];
  titlesFile: { modifiers: Record<ModifierKind, string[]>; domains: string[] };
}

function buildGazetteer(sources: GazetteerSources): Gazetteer<GazetteerEntry> {
  const gazetteer = new Gazetteer<GazetteerEntry>();
  for (const person of sources.people) {
    gazetteer.add(person.name, { type: 'person', person, form: 'name' });
    for (const variant of person.variants) gazetteer.add(variant, { type: 'person', person, form: 'variant' });
    for (const alias of person.aliases) gazetteer.add(alias, { type: 'person', person, form: 'alias' });
  }
  for (const party of sources.parties) {
    const ambiguous = new Set(party.ambiguous.map((form) => form.toLowerCase()));
    const add = (form: string, kind: 'name' | 'official' | 'alias' | 'demonym' | 'capital' | 'metonym'): void => {
      gazetteer.add(form, { type: 'party', party, form: kind, ambiguous: ambiguous.has(form.toLowerCase()) });
    };
    add(party.name, 'name');
    if (party.official !== null) add(party.official, 'official');
    for (const alias of party.aliases) add(alias, 'alias');
    for (const demonym of party.demonyms) add(demonym, 'demonym');
    if (party.capital !== null) add(party.capital, 'capital');
    for (const metonym of party.metonyms) add(metonym, 'metonym');
  }
  for (const organization of sources.organizations) {
    gazetteer.add(organization.name, { type: 'organization', organization });
    for (const alias of organization.aliases) gazetteer.add(alias, { type: 'organization', organization });
  }
  for (const place of sources.places) {
    gazetteer.add(place.name, { type: 'place', place });
    for (const alias of place.aliases) gazetteer.add(alias, { type: 'place', place });
  }
  for (const body of sources.bodies) {
    for (const form of body.forms) gazetteer.add(form, { type: 'body', body });
  }
  for (const title of sources.titles) {
    for (const form of title.forms) gazetteer.add(form, { type: 'title', title });
  }
  for (const modifier of ['former', 'acting', 'rank', 'degree'] as const) {
    for (const form of sources.titlesFile.modifiers[modifier]) gazetteer.add(form, { type: 'modifier', modifier }, 'any');
  }
  for (const domain of sources.titlesFile.domains) gazetteer.add(domain, { type: 'domain' }, 'any');
  return gazetteer;
}
