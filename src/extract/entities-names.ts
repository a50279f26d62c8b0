// Personal-name spans: runs of capitalised name words, and known people from the gazetteer with the first names written before them.
import type { PersonRecord } from '../knowledge/index.ts';
import { personNameKey } from '../knowledge/index.ts';
import { chunkCovering, entryOf, isMark, sameSentence, surfaceOf, type Chunk, type EntityContext } from './entities-context.ts';

/** A stretch of tokens read as one personal name. */
export interface NameSpan {
  start: number;
  end: number;
  /** The known person it names, or null for someone not in the knowledge base. */
  person: PersonRecord | null;
  /**
   * For a sentence-initial word before a known surname ("Afterwards Zelensky", "Hunter
   * Biden"): the known person the surname alone names, taken when the whole run turns out
   * not to be a person of its own.
   */
  fallback?: { person: PersonRecord; start: number };
}

const ACRONYM = /^[\p{Lu}\d.&-]+$/u;
const PARTICLE_PREFIX = /^(?:al|el|bin|ben|abu|ibn|ad|as|ash|an)-\p{L}/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const HYPHEN = 0x2d;

function isAsciiLowerCase(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** Whether token `i` is a single capital letter followed by a full stop ("J" "."). */
function isInitial(ctx: EntityContext, i: number): boolean {
  const key = ctx.view.keys[i];
  return ctx.view.tokens[i].kind === 'word' && key.length === 1 && ctx.view.capitalized[i] && isMark(ctx, i + 1, '.');
}

/** Whether a chunk may sit inside a personal name: an ambiguous party form ("Jordan") or a first name that is also a place. */
function chunkAllowsName(chunk: Chunk): boolean {
  for (const entry of chunk.entries) {
    if (entry.type !== 'party' || !entry.ambiguous) return false;
  }
  return true;
}

/** Whether token `i` can be a word of a personal name (not counting particles and initials). */
export function isNameWord(ctx: EntityContext, i: number): boolean {
  if (i < 0 || i >= ctx.view.tokens.length || ctx.view.tokens[i].kind !== 'word') return false;
  const chunk = chunkCovering(ctx, i);
  if (chunk !== null && !chunkAllowsName(chunk)) return false;
  const key = ctx.view.keys[i];
  // The patterns are tried only where they can match: a particle prefix has its hyphen third or fourth, initials end in a full stop, an acronym has no lower-case letter.
  if ((key.charCodeAt(2) === HYPHEN || key.charCodeAt(3) === HYPHEN) && PARTICLE_PREFIX.test(key)) return true;
  if (!ctx.view.capitalized[i]) return false;
  const surface = surfaceOf(ctx, i);
  if (surface.endsWith('.') && INITIALS.test(surface)) return true;
  if (surface.length > 1 && !isAsciiLowerCase(surface.charCodeAt(1)) && ACRONYM.test(surface)) return false;
  return !ctx.kb.names.notNames.has(ctx.view.bases[i]);
}

/**
 * Maximal runs of name words in one sentence: capitalised words, initials ("J." "D."),
 * particles between name words ("bin", "dos") and a closing suffix ("Jr.", "III"). A
 * possessive word ends the run.
 */
export function findNameRuns(ctx: EntityContext): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  const { particles, suffixes } = ctx.kb.names;
  const count = ctx.view.tokens.length;
  let i = 0;
  while (i < count) {
    if (!isNameWord(ctx, i)) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    let words = 0;
    while (end < count && sameSentence(ctx, start, end) && words < 7) {
      if (isInitial(ctx, end)) {
        end += 2;
        words++;
        continue;
      }
      if (isNameWord(ctx, end)) {
        words++;
        end++;
        if (ctx.view.possessive[end - 1]) break;
        continue;
      }
      const key = ctx.view.keys[end];
      if (end > start && particles.has(key) && !ctx.view.capitalized[end]) {
        // Particles may come in pairs ("van der", "de la") but must lead to a name word.
        let next = end + 1;
        if (particles.has(ctx.view.keys[next] ?? '') && !ctx.view.capitalized[next]) next++;
        if (isNameWord(ctx, next)) {
          end = next;
          continue;
        }
      }
      if (end > start && suffixes.has(key) && ctx.view.tokens[end].kind === 'word') {
        end += isMark(ctx, end + 1, '.') ? 2 : 1;
        break;
      }
      break;
    }
    runs.push({ start, end });
    i = end;
  }
  return runs;
}

/** Whether token `i` is the first word of its sentence (an opening quote or dash may come first). */
function startsSentence(ctx: EntityContext, i: number): boolean {
  let previous = i - 1;
  while (previous >= 0 && sameSentence(ctx, previous, i) && (ctx.view.tokens[previous].kind === 'quote' || ctx.view.tokens[previous].kind === 'punct')) previous--;
  return previous < 0 || !sameSentence(ctx, previous, i);
}

/** Whether token `i` is in a headline-style line where most words are capitalised ("Zelensky Meets Trump As Envoys Push For Deal"). */
function inTitleCase(ctx: EntityContext, i: number): boolean {
  let words = 0;
  let capitalised = 0;
  for (let k = i - 1; k >= 0 && sameSentence(ctx, k, i); k--) {
    if (ctx.view.tokens[k].kind !== 'word') continue;
    words++;
    if (ctx.view.capitalized[k]) capitalised++;
  }
  for (let k = i + 1; k < ctx.view.tokens.length && sameSentence(ctx, k, i); k++) {
    if (ctx.view.tokens[k].kind !== 'word') continue;
    words++;
    if (ctx.view.capitalized[k]) capitalised++;
  }
  return words >= 4 && capitalised >= 0.7 * words;
}

/** The run's words as name-key words (initials and suffixes dropped by personNameKey). */
export function runKey(ctx: EntityContext, start: number, end: number): string {
  return personNameKey(ctx.view.bases.slice(start, end), { suffixes: ctx.kb.names.suffixes, titleByForm: ctx.kb.titleByForm });
}

function levenshtein(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

// First names depend only on the record: read once per record, not per mention.
const firstNamesOf = new WeakMap<PersonRecord, string[]>();

function firstNames(person: PersonRecord): string[] {
  let names = firstNamesOf.get(person);
  if (names === undefined) {
    names = [person.name, ...person.variants].map((name) => name.split(/\s+/)[0].toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
    firstNamesOf.set(person, names);
  }
  return names;
}

/** Whether `word` can be a spelling of one of the person's first names ("Volodymr" of "Volodymyr"). */
export function isFirstNameOf(person: PersonRecord, word: string): boolean {
  const key = word.toLowerCase();
  for (const first of firstNames(person)) {
    if (first === key) return true;
    if (first[0] === key[0] && Math.min(first.length, key.length) >= 4 && levenshtein(first, key) <= 2) return true;
  }
  return false;
}

function namesOtherPerson(chunk: Chunk, person: PersonRecord): boolean {
  for (const entry of chunk.entries) {
    if (entry.type === 'person' && entry.person !== person) return true;
  }
  return false;
}

/**
 * Known people named in the text. A gazetteer name stands alone; a short alias ("Zelenskyy")
 * takes in the first names written before it when they fit the person ("Volodymr
 * Zelenskyy"); otherwise those words and the alias name someone else ("Hunter Biden")
 * and are left to the run reader. A run that is not in the gazetteer but whose key is a
 * known name ("John F. Kirby") names that person too.
 */
export function findNameSpans(ctx: EntityContext): NameSpan[] {
  const runs = findNameRuns(ctx);
  const runEndingAt = new Map<number, { start: number; end: number }>();
  for (const run of runs) runEndingAt.set(run.end, run);
  const spans: NameSpan[] = [];
  const absorbed = new Set<{ start: number; end: number }>();
  for (const chunk of ctx.chunks) {
    const entry = entryOf(chunk, 'person');
    if (entry === null) continue;
    // A short form two known people share ("Sinwar") is left to coreference.
    if (namesOtherPerson(chunk, entry.person)) continue;
    const person = entry.person;
    let start = chunk.start;
    const prefix = runEndingAt.get(chunk.start);
    if (prefix !== undefined && sameSentence(ctx, prefix.start, chunk.start) && !ctx.view.possessive[prefix.end - 1]) {
      const firstWord = ctx.view.bases[prefix.start];
      if (entry.form === 'alias' && isFirstNameOf(person, firstWord)) {
        start = prefix.start;
        absorbed.add(prefix);
      } else if (entry.form === 'alias' && prefix.end - prefix.start <= 3) {
        // Another person with the same surname: the run reader takes the whole name.
        absorbed.add(prefix);
        const span: NameSpan = { start: prefix.start, end: chunk.end, person: null };
        if (prefix.end - prefix.start === 1 && (startsSentence(ctx, prefix.start) || inTitleCase(ctx, prefix.start))) span.fallback = { person, start: chunk.start };
        spans.push(span);
        continue;
      }
    }
    const suffixAt = chunk.end;
    if (!chunk.possessive && ctx.kb.names.suffixes.has(ctx.view.keys[suffixAt] ?? '') && !ctx.view.possessive[suffixAt - 1]) {
      // "Donald Trump Jr." is not Donald Trump.
      spans.push({ start, end: suffixAt + (isMark(ctx, suffixAt + 1, '.') ? 2 : 1), person: null });
      continue;
    }
    spans.push({ start, end: chunk.end, person });
  }
  for (const run of runs) {
    if (absorbed.has(run)) continue;
    const candidates = ctx.kb.personByNameKey.get(runKey(ctx, run.start, run.end));
    spans.push({ start: run.start, end: run.end, person: candidates?.length === 1 ? candidates[0] : null });
  }
  spans.sort((a, b) => a.start - b.start);
  return spans;
}
