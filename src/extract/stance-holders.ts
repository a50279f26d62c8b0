// Finds who holds a stance: the subject left of a cue, the agent after "by", the possessor of a cue noun, a pronoun's antecedent.
import type { StanceLexicon } from './stance-lexicon.ts';
import type { MentionUnit, StanceTokens } from './stance-tokens.ts';

/** The holders found for a cue; `pronoun` is set when they were reached through a pronoun. */
export interface HolderFind {
  units: MentionUnit[];
  pronoun: boolean;
}

const NONE: HolderFind = { units: [], pronoun: false };
/** A manner adverb ("swiftly", "firmly") may stand between a subject and its verb. */
function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith('ly');
}

/** How many sentences back a "he"/"she" looks for its person. */
const PRONOUN_REACH = 3;
const QUOTE_MARKS = new Set(['"', '\u201c', '\u201d']);

function isPerson(unit: MentionUnit): boolean {
  return unit.entity.kind === 'person';
}

/** Reads holders in one sentence of a document (`floor..ceiling` is the sentence's token range). */
export class HolderFinder {
  /** `insideIssue[i]` is 1 when token i belongs to a named issue: a party named there ("join NATO", "sanctions on Iran") holds nothing. */
  constructor(
    private readonly tokens: StanceTokens,
    private readonly lexicon: StanceLexicon,
    private readonly insideIssue: Uint8Array,
  ) {}

  /** The mention covering token `index` that can hold a stance, or null. */
  unitAt(index: number): MentionUnit | null {
    const unit = this.tokens.unitAt[index];
    if (unit === -1) return null;
    const found = this.tokens.units[unit];
    for (let token = found.first; token <= found.last; token++) if (this.insideIssue[token] === 1) return null;
    return found;
  }

  private unitEndingAt(index: number): MentionUnit | null {
    return this.unitAt(index);
  }

  private unitStartingAt(index: number): MentionUnit | null {
    return this.unitAt(index);
  }

  /** A mention after a preposition ("talks in Moscow") is not a subject, unless it is possessive or opens an -ing clause ("with Russia demanding"). */
  isPrepositional(unit: MentionUnit, floor: number): boolean {
    const { words, possessive } = this.tokens;
    if (possessive[unit.last]) return false;
    let before = unit.first - 1;
    while (before >= floor && this.lexicon.determiners.has(words[before])) before--;
    if (before < floor || !this.lexicon.prepositions.has(words[before])) return false;
    const next = words[unit.last + 1];
    // "for Trump to have called on …": the mention is the subject of the infinitive.
    if (words[before] === 'for' && next === 'to') return false;
    const opensClause = (words[before] === 'with' || words[before] === 'without') && next !== undefined && next.length > 4 && next.endsWith('ing');
    return !opensClause;
  }

  /** `unit` plus the mentions coordinated with it on its left ("Kyiv and its allies", "Paris and Berlin"). */
  withCoordinatedLeft(unit: MentionUnit, floor: number): MentionUnit[] {
    const { words } = this.tokens;
    const found = [unit];
    let current = unit;
    for (;;) {
      let index = current.first - 1;
      while (index >= floor && this.lexicon.determiners.has(words[index])) index--;
      if (index < floor || words[index] !== 'and') break;
      index--;
      while (index >= floor && this.lexicon.determiners.has(words[index])) index--;
      const previous = index >= floor ? this.unitEndingAt(index) : null;
      if (previous === null || this.isPrepositional(previous, floor)) break;
      found.unshift(previous);
      current = previous;
    }
    return found;
  }

  /** The mentions right after `start` ("by Kyiv", "from both Ukraine and Russia"), coordinated rightwards. */
  unitsFrom(start: number, ceiling: number): MentionUnit[] {
    const { words } = this.tokens;
    const found: MentionUnit[] = [];
    let index = start;
    for (;;) {
      while (index < ceiling && this.lexicon.determiners.has(words[index])) index++;
      const unit = index < ceiling ? this.unitStartingAt(index) : null;
      if (unit === null) break;
      found.push(unit);
      index = unit.last + 1;
      if (index < ceiling && words[index] === 'and') index++;
      else break;
    }
    return found;
  }

  /** The party the clause ending before token `position` is about: the nearest subject mention on the left. */
  subjectBefore(position: number, floor: number, previousSentence: readonly [number, number] | null): HolderFind {
    const { words, punctuation } = this.tokens;
    const lexicon = this.lexicon;
    let onlySkippable = true;
    let sawPartyPronoun = false;
    for (let index = position - 1; index >= floor; index--) {
      const unit = this.unitEndingAt(index);
      if (unit !== null) {
        // "the American export controls": a party word right before a named issue modifies it.
        const modifiesIssue = !this.tokens.possessive[unit.last] && this.insideIssue[unit.last + 1] === 1;
        if (this.isPrepositional(unit, floor) || modifiesIssue) {
          index = unit.first;
          onlySkippable = false;
          continue;
        }
        return { units: this.withCoordinatedLeft(unit, floor), pronoun: false };
      }
      const word = words[index];
      if (word === ';') break;
      if (onlySkippable && (word === 'and' || word === 'but')) return this.clauseSubject(index, floor);
      if (onlySkippable && (word === 'who' || word === 'which')) return this.relativeHead(index, floor);
      if (onlySkippable && lexicon.vagueSubjects.has(word)) return NONE;
      if (lexicon.personPronouns.has(word)) return this.personAntecedent(index, floor, previousSentence);
      if (onlySkippable && lexicon.partyPronouns.has(word)) sawPartyPronoun = true;
      if (onlySkippable && punctuation[index] && lexicon.appositiveDelimiters.has(word) && word !== '(') {
        const opening = this.openingDelimiter(index, floor, word);
        const before = opening > floor ? this.unitEndingAt(opening - 1) : null;
        if (before !== null && !this.isPrepositional(before, floor)) {
          return { units: this.withCoordinatedLeft(before, floor), pronoun: false };
        }
      }
      if (!lexicon.skipBetweenSubjectAndCue.has(word) && !isAdverb(word)) onlySkippable = false;
    }
    if (sawPartyPronoun && previousSentence !== null) {
      const unit = this.firstSubjectIn(previousSentence, (candidate) => candidate.entity.kind !== 'person');
      if (unit !== null) return { units: [unit], pronoun: true };
    }
    return NONE;
  }

  /**
   * "… met the envoy, and then urged …", "… is open to talks but rules out …": a verb joined to the clause without a
   * subject of its own shares the clause's subject, the mention that opens the clause (after a leading phrase such as
   * "In an interview,"). A clause that opens with a noun that names no party ("the president has …") gives none.
   */
  private clauseSubject(conjunction: number, floor: number): HolderFind {
    const { words, punctuation } = this.tokens;
    let start = floor;
    for (let index = conjunction - 1; index >= floor; index--) {
      const word = words[index];
      if (word === ';' || word === ':' || word === 'that' || (!punctuation[index] && this.lexicon.clauseBreaks.hasWord(word) && word !== 'but')) {
        start = index + 1;
        break;
      }
    }
    if (start < conjunction && this.lexicon.prepositions.has(words[start])) {
      let comma = start;
      while (comma < conjunction && words[comma] !== ',') comma++;
      start = comma + 1;
    }
    while (start < conjunction && this.lexicon.determiners.has(words[start])) start++;
    const unit = start < conjunction ? this.unitStartingAt(start) : null;
    return unit === null ? NONE : { units: this.withCoordinatedLeft(unit, floor), pronoun: false };
  }

  /** "Kyiv, which wants …" holds through its relative pronoun; "partners who seek …" and "allies of Kyiv who …" name no party. */
  private relativeHead(pronoun: number, floor: number): HolderFind {
    let index = pronoun - 1;
    if (index >= floor && this.tokens.words[index] === ',') index--;
    const unit = index >= floor ? this.unitEndingAt(index) : null;
    if (unit === null || this.isPrepositional(unit, floor)) return NONE;
    return { units: this.withCoordinatedLeft(unit, floor), pronoun: false };
  }

  /** The matching opening delimiter for the closing one at `closing`, or -1. */
  private openingDelimiter(closing: number, floor: number, delimiter: string): number {
    const { words } = this.tokens;
    const wanted = delimiter === ')' ? '(' : delimiter;
    for (let index = closing - 1; index >= floor; index--) {
      if (words[index] === wanted) return index;
      if (words[index] === ';') return -1;
    }
    return -1;
  }

  /**
   * "he"/"she": the nearest person named as a subject earlier in the sentence, else the first person named in the
   * sentences before (the last one when the pronoun is inside a quotation, where the speaker says "I", not "he").
   */
  private personAntecedent(pronoun: number, floor: number, previousSentence: readonly [number, number] | null): HolderFind {
    const { possessive, words } = this.tokens;
    for (let index = pronoun - 1; index >= floor; index--) {
      const unit = this.unitEndingAt(index);
      if (unit === null) continue;
      index = unit.first;
      if (unit.entity.kind !== 'person' || possessive[unit.last] || this.isPrepositional(unit, floor)) continue;
      return { units: [unit], pronoun: true };
    }
    if (previousSentence === null) return NONE;
    let quoted = false;
    for (let index = floor; index < pronoun; index++) if (QUOTE_MARKS.has(words[index])) quoted = !quoted;
    let range: readonly [number, number] | null = previousSentence;
    for (let back = 0; back < PRONOUN_REACH && range !== null; back++) {
      const unit = quoted ? this.lastMentionIn(range, isPerson) : this.firstSubjectIn(range, isPerson);
      if (unit !== null) return { units: [unit], pronoun: true };
      range = this.sentenceBefore(range);
    }
    return NONE;
  }

  /** The token range of the sentence before the one at `range`, or null. */
  private sentenceBefore(range: readonly [number, number]): readonly [number, number] | null {
    const ranges = this.tokens.sentenceRanges;
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (ranges[middle][0] < range[0]) low = middle + 1;
      else high = middle - 1;
    }
    return low > 0 ? ranges[low - 1] : null;
  }

  /** The last mention in a sentence that passes `accept`. */
  private lastMentionIn(range: readonly [number, number], accept: (unit: MentionUnit) => boolean): MentionUnit | null {
    for (let index = range[1] - 1; index >= range[0]; index--) {
      const unit = this.unitEndingAt(index);
      if (unit === null) continue;
      index = unit.first;
      if (accept(unit)) return unit;
    }
    return null;
  }

  /** The first non-prepositional mention in a sentence that passes `accept`. */
  private firstSubjectIn(range: readonly [number, number], accept: (unit: MentionUnit) => boolean): MentionUnit | null {
    for (let index = range[0]; index < range[1]; index++) {
      const unit = this.unitStartingAt(index);
      if (unit === null) continue;
      index = unit.last;
      if (accept(unit) && !this.isPrepositional(unit, range[0])) return unit;
    }
    return null;
  }

  /**
   * The holder of a cue noun: its possessor ("Kyiv's hopes", "its push" → the subject), a party word before it
   * ("a Russian demand"), an agent after it ("objections from Kyiv"), or the subject of the verb governing it
   * ("Trump expressed opposition"). `nounStart` is returned so the caller knows where the noun phrase begins.
   */
  nounHolder(first: number, last: number, floor: number, ceiling: number, previousSentence: readonly [number, number] | null): HolderFind & { nounStart: number } {
    const { words, possessive, punctuation } = this.tokens;
    const lexicon = this.lexicon;
    let index = first - 1;
    let modifiers = 0;
    while (index >= floor) {
      const unit = this.unitEndingAt(index);
      if (unit !== null) {
        if (possessive[unit.last] || !this.isPrepositional(unit, floor)) return { units: [unit], pronoun: false, nounStart: unit.first };
        break;
      }
      const word = words[index];
      if (lexicon.possessivePronouns.has(word)) {
        return { ...this.subjectBefore(index, floor, previousSentence), nounStart: index };
      }
      if (possessive[index] || punctuation[index] || lexicon.prepositions.has(word)) break;
      if (lexicon.lightVerbs.matchEndingAt(this.tokens, index, floor) !== -1) break;
      if (word === 'that' && index < first - 1) break;
      if (!lexicon.determiners.has(word)) {
        if (modifiers >= 2) break;
        modifiers++;
      }
      index--;
    }
    const nounStart = index + 1;
    const insidePhrase = index >= floor && lexicon.prepositions.has(words[index]);
    const after = last + 1;
    // "the plan by Kyiv" after a preposition is usually the agent of an earlier verb ("edits made to the draft by Kyiv").
    if (after < ceiling && lexicon.agentPrepositions.has(words[after]) && !(insidePhrase && words[after] === 'by')) {
      const agents = this.unitsFrom(after + 1, ceiling);
      if (agents.length > 0) return { units: agents, pronoun: false, nounStart };
    }
    const governor = index >= floor ? lexicon.lightVerbs.matchEndingAt(this.tokens, index, floor) : -1;
    if (governor === -1) return { ...NONE, nounStart };
    return { ...this.subjectBefore(governor, floor, previousSentence), nounStart };
  }
}
