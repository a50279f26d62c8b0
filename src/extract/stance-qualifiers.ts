// Negation, hedges, conditions and indirect questions around a stance cue, and the cues they turn into no stance.
import type { StanceLexicon } from './stance-lexicon.ts';
import { MODIFIER_WINDOW, type Reading, type SentenceContext } from './stance-reading.ts';
import type { StanceTokens } from './stance-tokens.ts';

export class StanceQualifiers {
  constructor(
    private readonly tokens: StanceTokens,
    private readonly lexicon: StanceLexicon,
  ) {}


  /**
   * Sets negation and hedging. Dropped: a negated cue with no opposite act, a negated cue inside a condition, a cue in
   * an indirect question ("unclear whether Moscow would consent"), and a verb that only reports speech ("suggested that").
   */
  qualify(reading: Reading, context: SentenceContext): void {
    reading.negated = this.isNegated(reading, context);
    const { hedged, conditional, question } = this.hedgeOf(reading, context);
    reading.hedged = hedged;
    reading.dropped = question || this.reportsSpeech(reading, context) || (reading.negated && (conditional || this.lexicon.negatedAct[reading.act] === null));
  }


  /** Whether a negator stands right before the cue (or before its noun phrase): "has not accepted", "no interest in", "dropped its demands". */
  private isNegated(reading: Reading, context: SentenceContext): boolean {
    const { words, punctuation, unitAt } = this.tokens;
    const start = reading.kind === 'noun' ? Math.min(reading.first, reading.nounStart) : reading.first;
    const floor = Math.max(context.start, start - MODIFIER_WINDOW);
    for (let index = reading.first - 1; index >= floor; index--) {
      if (punctuation[index] && words[index] !== "'") return false;
      if (unitAt[index] !== -1 && reading.kind !== 'noun') return false;
      if (this.lexicon.negators.matchEndingAt(this.tokens, index, floor) !== -1) return true;
      if (reading.kind === 'noun' && this.lexicon.abandonVerbs.matchEndingAt(this.tokens, index, floor) !== -1) return true;
    }
    return false;
  }


  /** Whether a hedge ("may", "reportedly"), a condition ("if", "unless") or an indirect question ("whether") qualifies the cue's clause. */
  private hedgeOf(reading: Reading, context: SentenceContext): { hedged: boolean; conditional: boolean; question: boolean } {
    const { words } = this.tokens;
    let clauseStart = context.start;
    for (let index = reading.first - 1; index >= context.start; index--) {
      if (words[index] === ';' || (this.lexicon.clauseBreaks.hasWord(words[index]) && words[index] !== 'who')) {
        clauseStart = index + 1;
        break;
      }
    }
    let hedged = false;
    let conditional = false;
    let question = false;
    for (let index = clauseStart; index < reading.first; index++) {
      if (this.lexicon.conditionals.matchAt(this.tokens, index, reading.first) !== -1) conditional = true;
      if (this.lexicon.questionMarkers.matchAt(this.tokens, index, reading.first) !== -1) question = true;
      if (index >= reading.first - MODIFIER_WINDOW - 2 && this.lexicon.hedges.matchAt(this.tokens, index, reading.first) !== -1) hedged = true;
    }
    for (let index = context.start; index < context.end; index++) if (words[index] === 'reportedly') hedged = true;
    return { hedged: hedged || conditional, conditional, question };
  }


  private reportsSpeech(reading: Reading, context: SentenceContext): boolean {
    if (reading.kind !== 'verb' || !this.lexicon.reportingSenses.has(this.tokens.words[reading.last])) return false;
    for (let index = reading.last + 1; index < Math.min(context.end, reading.last + 4); index++) {
      if (this.tokens.words[index] === 'that') return true;
    }
    return false;
  }
}
