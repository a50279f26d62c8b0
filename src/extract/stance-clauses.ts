// The clause of each stance cue: where its issue is looked for, which cues sit inside another's clause, and the issue found.
import { preferSpecific, type IssueMention } from './issue-lexicon.ts';
import type { StanceLexicon } from './stance-lexicon.ts';
import { distinctIssues, isLive, ISSUE_WINDOW, type IssueSource, type Reading, type SentenceContext } from './stance-reading.ts';
import type { StanceTokens } from './stance-tokens.ts';

function isDash(word: string): boolean {
  return word === '—' || word === '–' || word === '--';
}

export class StanceClauses {
  constructor(
    private readonly tokens: StanceTokens,
    private readonly lexicon: StanceLexicon,
    private readonly sentenceIssues: readonly IssueMention[][],
  ) {}


  /** A cue whose subject sits right inside an earlier cue's complement ("Russia wants Ukraine to agree to …") states what the earlier holder asks, not a stance of its own. */
  markEmbedded(readings: Reading[]): void {
    const { words, punctuation } = this.tokens;
    for (let later = 1; later < readings.length; later++) {
      const reading = readings[later];
      if (!isLive(reading)) continue;
      if (reading.kind === 'modal') {
        // "Washington insists it must …": the obligation is what the earlier verb states, in the same clause.
        reading.embedded = readings.some((earlier) => earlier !== reading && earlier.kind === 'verb' && isLive(earlier) && earlier.last < reading.first && reading.first - earlier.last <= ISSUE_WINDOW && !this.hasBreakBetween(earlier.last, reading.first));
        continue;
      }
      if (reading.holderAfter || reading.anchor >= reading.first) continue;
      for (let earlierIndex = later - 1; earlierIndex >= 0; earlierIndex--) {
        const earlier = readings[earlierIndex];
        if (!isLive(earlier) || earlier.last >= reading.anchor) continue;
        const gap = reading.anchor - earlier.last - 1;
        let open = gap <= 3;
        for (let index = earlier.last + 1; open && index < reading.anchor; index++) {
          if (punctuation[index] || this.lexicon.newClauseMarkers.has(words[index])) open = false;
        }
        if (open && (earlier.act === 'demand' || earlier.act === 'propose' || earlier.act === 'support')) reading.embedded = true;
        break;
      }
    }
  }


  /** Each cue's clause ends at a clause break, at the start of the next stance's clause, or after a window of tokens. */
  setRegions(readings: Reading[], context: SentenceContext): void {
    const live = readings.filter(isLive);
    for (const reading of readings) {
      let end = Math.min(context.end, reading.last + 1 + ISSUE_WINDOW);
      let skip: readonly [number, number] | null = null;
      for (const later of live) {
        if (later.first <= reading.last) continue;
        // "rejected an Israeli proposal for …": a cue noun right after the verb is its object, so both share the clause.
        if (later.kind === 'noun' && reading.kind === 'verb' && this.onlyDeterminersBetween(reading.last, later.anchor)) continue;
        const cut = later.anchor > reading.last ? later.anchor : later.first;
        if (cut >= end) continue;
        const aside: readonly [number, number] | null = skip === null ? this.dashAside(cut, reading.last + 1, context.end) : null;
        if (aside !== null) {
          skip = aside;
          end = Math.min(context.end, Math.max(end, aside[1] + ISSUE_WINDOW / 2));
        } else end = cut;
      }
      const ownAside = this.dashAside(reading.kind === 'noun' ? reading.nounStart : reading.first, context.start, context.end);
      if (ownAside !== null) end = Math.min(end, ownAside[1]);
      if (this.opensRelativeClause(reading, context)) {
        for (let index = reading.last + 1; index < end; index++) {
          if (this.tokens.words[index] === ',') {
            end = index;
            break;
          }
        }
      }
      for (let index = reading.last + 1; index < end; index++) {
        if (skip !== null && index >= skip[0] && index <= skip[1]) continue;
        if (this.lexicon.clauseBreaks.matchAt(this.tokens, index, end) !== -1) {
          end = index;
          break;
        }
      }
      reading.regionEnd = end;
      reading.regionSkip = skip !== null && skip[0] < end ? skip : null;
    }
  }


  /** Whether the cue's verb sits in a relative clause set off by commas (", who have pushed for …, said …"). */
  private opensRelativeClause(reading: Reading, context: SentenceContext): boolean {
    const { words } = this.tokens;
    let index = reading.first - 1;
    while (index >= context.start && (this.lexicon.skipBetweenSubjectAndCue.has(words[index]) || words[index].endsWith('ly'))) index--;
    return index > context.start && (words[index] === 'who' || words[index] === 'which') && words[index - 1] === ',';
  }


  /** Where the noun phrase ending in the cue at `first` starts: back over determiners, party words and two modifiers ("a long-standing Russian demand"). */
  private nounPhraseStart(first: number, floor: number): number {
    const { words, punctuation, unitAt } = this.tokens;
    let modifiers = 0;
    let index = first - 1;
    while (index >= floor && !punctuation[index]) {
      if (unitAt[index] !== -1) {
        index = this.tokens.units[unitAt[index]].first - 1;
        continue;
      }
      if (!this.lexicon.determiners.has(words[index])) {
        if (modifiers === 2 || this.lexicon.prepositions.has(words[index])) break;
        modifiers++;
      }
      index--;
    }
    return index + 1;
  }


  /** Whether a comma, semicolon or clause break stands strictly between tokens `left` and `right`. */
  private hasBreakBetween(left: number, right: number): boolean {
    const { words, punctuation } = this.tokens;
    for (let index = left + 1; index < right; index++) {
      if ((punctuation[index] && words[index] !== "'" && words[index] !== '"') || this.lexicon.clauseBreaks.hasWord(words[index])) return true;
    }
    return false;
  }


  /** Whether only determiners stand strictly between tokens `left` and `right`. */
  private onlyDeterminersBetween(left: number, right: number): boolean {
    for (let index = left + 1; index < right; index++) if (!this.lexicon.determiners.has(this.tokens.words[index])) return false;
    return right > left;
  }


  /** The dashes around token `position` when it sits in a short aside ("— a long-standing Russian wish —") that opens after `floor`. */
  private dashAside(position: number, floor: number, ceiling: number): readonly [number, number] | null {
    const { words } = this.tokens;
    let open = -1;
    for (let index = position - 1; index >= Math.max(floor, position - 3); index--) {
      if (isDash(words[index])) {
        open = index;
        break;
      }
    }
    if (open === -1) return null;
    for (let index = position + 1; index < Math.min(ceiling, position + 8); index++) {
      if (isDash(words[index])) return [open, index];
    }
    return null;
  }


  private issuesBetween(context: SentenceContext, start: number, end: number, skip: readonly [number, number] | null = null): IssueMention[] {
    const inRange = context.issues.filter(
      (mention) => mention.first >= start && mention.last < end && (skip === null || mention.last < skip[0] || mention.first > skip[1]),
    );
    return distinctIssues(preferSpecific(inRange));
  }


  /** The issue named nearest before `position` (at most `maxDistance` tokens away) in its clause, with the issues coordinated with it ("shrink its army and cede land"). */
  private issuesBefore(context: SentenceContext, position: number, maxDistance = ISSUE_WINDOW): IssueMention[] {
    const { words, punctuation } = this.tokens;
    let floor = Math.max(context.start, position - ISSUE_WINDOW);
    for (let index = position - 1; index >= floor; index--) {
      if (words[index] === ';' || this.lexicon.clauseBreaks.hasWord(words[index]) && !punctuation[index] && words[index] !== 'who') {
        floor = index + 1;
        break;
      }
    }
    const before = context.issues.filter((mention) => mention.last < position && mention.first >= floor);
    if (before.length === 0 || position - before[before.length - 1].last > maxDistance) return [];
    const group = [before[before.length - 1]];
    for (let index = before.length - 2; index >= 0; index--) {
      const mention = before[index];
      const gapStart = mention.last + 1;
      const gapEnd = group[0].first;
      let joined = gapEnd - gapStart <= 1;
      if (!joined && gapEnd - gapStart <= 3) {
        for (let gap = gapStart; gap < gapEnd; gap++) if (words[gap] === 'and' || words[gap] === 'or') joined = true;
      }
      if (!joined) break;
      group.unshift(mention);
    }
    return distinctIssues(preferSpecific(group));
  }


  /** Issues named before a ":" that opens the sentence ("Troop caps: Washington floats …"). */
  private topicIssues(context: SentenceContext): IssueMention[] {
    const { words } = this.tokens;
    for (let index = context.start; index < Math.min(context.end, context.start + 8); index++) {
      if (words[index] === ':') return this.issuesBetween(context, context.start, index);
    }
    return [];
  }


  /** The single issue the previous sentence names, when this sentence names none ("… a cap of 500,000 troops. Moscow finds that hard to swallow."). */
  private previousSentenceIssue(context: SentenceContext): IssueMention[] {
    if (context.issues.length > 0 || context.index === 0) return [];
    const previous = distinctIssues(preferSpecific(this.sentenceIssues[context.index - 1]));
    return previous.length === 1 ? previous : [];
  }


  /** The issues named in a reading's clause after it. */
  private issuesInRegion(reading: Reading, context: SentenceContext): IssueMention[] {
    return this.issuesBetween(context, reading.last + 1, reading.regionEnd, reading.regionSkip);
  }


  /** The issues a reading is about and where they came from. */
  issuesOf(reading: Reading, context: SentenceContext): { issues: IssueMention[]; source: IssueSource } {
    const { words, punctuation } = this.tokens;
    const after = reading.last + 1;
    if (reading.issue !== null) return { issues: [{ first: reading.first, last: reading.last, issue: reading.issue, broad: false }], source: 'clause' };
    let issues: IssueMention[] = [];
    switch (reading.kind) {
      case 'verb': {
        if (reading.passive) {
          issues = this.issuesBefore(context, reading.nounStart);
          break;
        }
        issues = this.issuesInRegion(reading, context);
        const atClauseEnd = after >= context.end || punctuation[after] || words[after] === 'and' || words[after] === 'but';
        // A clause-final verb right after its subject ("a summit, which Kyiv had long sought") is about what precedes it.
        if (issues.length === 0 && atClauseEnd) issues = this.issuesBefore(context, reading.anchor, 6);
        break;
      }
      case 'noun': {
        const opensComplement = this.opensComplement(reading, context);
        const modifiesNext = words[reading.last].endsWith('ed') && after < context.end && !punctuation[after];
        if (opensComplement || modifiesNext) issues = this.issuesInRegion(reading, context);
        if (issues.length === 0) {
          const phraseStart = this.nounPhraseStart(reading.first, context.start);
          const before = phraseStart - 1;
          const appositive = before >= context.start && punctuation[before] && this.lexicon.appositiveDelimiters.has(words[before]);
          if (appositive) issues = this.issuesBefore(context, phraseStart);
        }
        if (issues.length === 0) {
          issues = distinctIssues(context.issues.filter((mention) => mention.first <= reading.last && mention.last >= reading.first));
        }
        break;
      }
      case 'judgement': {
        issues = this.issuesBefore(context, reading.holderAfter ? reading.first : Math.min(reading.anchor, reading.first));
        if (issues.length === 0) issues = this.issuesBefore(context, reading.first);
        if (issues.length === 0) issues = this.issuesInRegion(reading, context);
        break;
      }
      case 'modal': {
        const start = reading.holderAfter ? context.start : reading.anchor;
        issues = this.issuesBetween(context, start, reading.regionEnd);
        break;
      }
    }
    if (issues.length > 0) return { issues, source: 'clause' };
    const topic = this.topicIssues(context);
    if (topic.length > 0 && topic[0].last < reading.first) return { issues: topic, source: 'topic' };
    if (!this.pointsBack(reading, context)) return { issues: [], source: 'clause' };
    return { issues: this.previousSentenceIssue(context), source: 'previous-sentence' };
  }


  /**
   * Whether the cue's clause refers to something named before: an anaphor, or a definite noun phrase as a verb's object
   * ("rejected it", "wants the inquiry dropped", "finds that hard to swallow") or no object at all ("Kyiv
   * refused."). A clause that names a party of its own ("denied it had pressured Ukraine") is about that, not the issue.
   */
  private pointsBack(reading: Reading, context: SentenceContext): boolean {
    const { words, punctuation } = this.tokens;
    const after = reading.last + 1;
    const clauseEnds = after >= context.end || punctuation[after] || words[after] === 'and' || words[after] === 'but';
    if (reading.kind === 'modal' || reading.kind === 'noun') return false;
    if (reading.kind === 'judgement' || reading.passive) {
      for (let index = reading.first - 1; index >= Math.max(context.start, reading.first - 4); index--) {
        if (this.anaphorAt(index, context)) return true;
      }
      return reading.kind === 'judgement' ? clauseEnds : false;
    }
    if (clauseEnds) {
      // "an idea that Israel opposes": the object of a relative clause is its head, named in this sentence.
      const beforeHolder = words[reading.anchor - 1];
      return reading.anchor === reading.first || !(beforeHolder === 'that' || beforeHolder === 'which' || beforeHolder === 'who');
    }
    for (let index = after; index < Math.min(after + 4, reading.regionEnd); index++) if (this.tokens.unitAt[index] !== -1) return false;
    for (let index = after; index < Math.min(after + 4, reading.regionEnd); index++) {
      if (index === after && words[index] === 'that') continue;
      const objectStart = index === after || (words[after] === 'to' && index === after + 2);
      if (this.anaphorAt(index, context) || (words[index] === 'the' && objectStart && reading.kind === 'verb')) return true;
    }
    return false;
  }


  /** Whether an anaphor ("it", "the idea") starts at token `index` of the sentence. */
  private anaphorAt(index: number, context: SentenceContext): boolean {
    return index >= context.start && index < context.end && this.lexicon.anaphors.matchAt(this.tokens, index, context.end) !== -1;
  }


  /** Whether a cue noun opens a complement ("demand for …", "proposals are that …", "offer: …"). */
  opensComplement(reading: Reading, context: SentenceContext): boolean {
    const { words } = this.tokens;
    const after = reading.last + 1;
    return this.lexicon.complementStarters.hasWord(words[reading.last]) || (after < context.end && this.lexicon.complementStarters.matchAt(this.tokens, after, context.end) !== -1);
  }
}
