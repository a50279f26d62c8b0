// Reads the stances of one document sentence by sentence: cues, their holders, clauses and qualifiers, and the stances they state.
import type { Doc, Stance, StanceAct } from '../doc/types.ts';
import { spanOf } from '../doc/span.ts';
import type { IssueLexicon, IssueMention } from './issue-lexicon.ts';
import type { StanceLexicon } from './stance-lexicon.ts';
import { StanceClauses } from './stance-clauses.ts';
import { HolderFinder } from './stance-holders.ts';
import { planAuthor } from './stance-plan-author.ts';
import { StanceQualifiers } from './stance-qualifiers.ts';
import { isLive, type IssueSource, type Reading, type SentenceContext } from './stance-reading.ts';
import { stanceTokens, type MentionUnit, type StanceTokens } from './stance-tokens.ts';

/** The issue id of the deal as a whole, which a proposer of it authors. */
const PEACE_PLAN = 'peace-plan';
const UPPER_START = /^\p{Lu}/u;

export class StanceReader {
  private readonly tokens: StanceTokens;
  private readonly holders: HolderFinder;
  private readonly clauses: StanceClauses;
  private readonly qualifiers: StanceQualifiers;
  private readonly sentenceIssues: IssueMention[][];

  constructor(
    private readonly doc: Doc,
    private readonly lexicon: StanceLexicon,
    issueLexicon: IssueLexicon,
  ) {
    this.tokens = stanceTokens(doc, (word) => lexicon.determiners.has(word));
    this.sentenceIssues = this.tokens.sentenceRanges.map(([start, end]) => issueLexicon.find(this.tokens, start, end));
    const insideIssue = new Uint8Array(this.tokens.words.length);
    for (const mentions of this.sentenceIssues) {
      for (const mention of mentions) insideIssue.fill(1, mention.first, mention.last + 1);
    }
    this.holders = new HolderFinder(this.tokens, lexicon, insideIssue);
    this.clauses = new StanceClauses(this.tokens, lexicon, this.sentenceIssues);
    this.qualifiers = new StanceQualifiers(this.tokens, lexicon);
  }

  /** Every stance in the document, in text order. */
  read(): Stance[] {
    const stances: Stance[] = [];
    const emitted = new Set<string>();
    const forPlan: Array<{ reading: Reading; context: SentenceContext }> = [];
    const proposers: MentionUnit[] = [];
    const emit = (reading: Reading, context: SentenceContext) => {
      for (const stance of this.stancesOf(reading, context)) {
        const key = `${context.index}|${stance.party}|${stance.issue}|${stance.act}`;
        if (emitted.has(key)) continue;
        emitted.add(key);
        stances.push(stance);
        if (stance.act === 'propose' && stance.issue === PEACE_PLAN) proposers.push(...reading.holders);
      }
    };
    this.tokens.sentenceRanges.forEach(([start, end], index) => {
      const context: SentenceContext = {
        index,
        start,
        end,
        previous: index > 0 ? this.tokens.sentenceRanges[index - 1] : null,
        issues: this.sentenceIssues[index],
      };
      for (const reading of this.readSentence(context)) {
        if (isLive(reading)) emit(reading, context);
        else if (reading.speaksForPlan && !reading.consumed && !reading.embedded && !reading.dropped) forPlan.push({ reading, context });
      }
    });
    const author = forPlan.length > 0 ? planAuthor(this.tokens, this.holders, this.lexicon, proposers) : null;
    if (author !== null) {
      for (const { reading, context } of forPlan) {
        reading.holders = [author];
        emit(reading, context);
      }
      stances.sort((a, b) => a.evidence.start - b.evidence.start);
    }
    return stances;
  }

  /** The readings of one sentence with their holders, qualifiers and clauses. */
  private readSentence(context: SentenceContext): Reading[] {
    const readings = this.findCues(context);
    for (const reading of readings) {
      this.findHolder(reading, context);
      this.qualifiers.qualify(reading, context);
    }
    this.clauses.markEmbedded(readings);
    this.clauses.setRegions(readings, context);
    return readings;
  }

  /** Whether a possessive party mention stands in the few tokens before `index` ("Iran's reply, which was submitted …"). */
  private possessorNear(index: number, floor: number): boolean {
    for (let before = index; before >= Math.max(floor, index - 4); before--) {
      if (this.tokens.possessive[before] && this.tokens.unitAt[before] !== -1) return true;
    }
    return false;
  }

  /** "the zone envisioned in the plan": a participle right after a common noun modifies it and has no subject of its own. */
  private modifiesNoun(first: number, floor: number): boolean {
    const { words, punctuation, unitAt } = this.tokens;
    const before = first - 1;
    if (before < floor || punctuation[before] || unitAt[before] !== -1) return false;
    const word = words[before];
    if (!/\p{Ll}/u.test(this.doc.text[this.doc.tokens[before].start]) || word.endsWith('ly')) return false;
    const lexicon = this.lexicon;
    return !(lexicon.skipBetweenSubjectAndCue.has(word) || lexicon.personPronouns.has(word) || lexicon.partyPronouns.has(word) || lexicon.agentNouns.has(word) || lexicon.determiners.has(word) || lexicon.prepositions.has(word) || lexicon.coordinators.hasWord(word) || word === 'who' || word === 'which' || word === 'that');
  }

  /** Whether the subject of a verb cue is a plan ("the draft also proposes", "it calls for" after naming the plan). */
  private hasPlanSubject(reading: Reading, context: SentenceContext): boolean {
    const { words, unitAt } = this.tokens;
    let index = reading.first - 1;
    while (index >= context.start && this.lexicon.skipBetweenSubjectAndCue.has(words[index]) && words[index] !== 'to') index--;
    if (index < context.start) return false;
    if (this.lexicon.planNouns.has(words[index])) return true;
    if (words[index] !== 'it') return false;
    for (let before = index - 1; before >= context.start; before--) {
      if (unitAt[before] !== -1) return false;
      if (this.lexicon.planNouns.has(words[before])) return true;
    }
    return false;
  }

  /** Cue phrases in the sentence, outside entity names; a cue right after another one is part of its chain ("refuses to accept"). */
  private findCues(context: SentenceContext): Reading[] {
    const { words, unitAt } = this.tokens;
    const readings: Reading[] = [];
    for (const match of this.lexicon.cues.findAll(this.tokens, context.start, context.end)) {
      let insideName = false;
      for (let index = match.first; index <= match.last; index++) if (unitAt[index] !== -1) insideName = true;
      if (insideName || this.inProperName(match.first, context)) continue;
      const previous = readings[readings.length - 1];
      let consumed = false;
      // A verb governs the cue right after it ("refuses to accept", "dismissed the demands"); a noun only through "to" ("refusal to accept").
      if (previous !== undefined && match.value.kind !== 'modal' && match.first - previous.last <= 3) {
        let throughTo = words[previous.last] === 'to';
        consumed = true;
        for (let index = previous.last + 1; index < match.first; index++) {
          if (words[index] === 'to') throughTo = true;
          else if (!this.lexicon.determiners.has(words[index]) && words[index] !== 'be') consumed = false;
        }
        const governs = previous.kind === 'verb' && !this.readsAsNoun(previous.first, previous.last, context.start);
        if (!governs && !throughTo) consumed = false;
      }
      readings.push({
        first: match.first,
        last: match.last,
        act: match.value.act,
        kind: match.value.kind,
        issue: match.value.issue,
        holders: [],
        anchor: match.first,
        holderAfter: false,
        pronoun: false,
        nounStart: match.first,
        passive: false,
        consumed,
        embedded: false,
        speaksForPlan: false,
        negated: false,
        hedged: false,
        dropped: false,
        regionEnd: context.end,
        regionSkip: null,
      });
    }
    return readings;
  }

  /** A capitalised cue word between capitalised words is part of a name ("Joint Comprehensive Plan of Action"). */
  private inProperName(index: number, context: SentenceContext): boolean {
    return index > context.start && this.capitalisedAt(index, context) && (this.capitalisedAt(index - 1, context) || this.capitalisedAt(index + 1, context));
  }

  /** Whether token `at` of the sentence starts with an upper-case letter. */
  private capitalisedAt(at: number, context: SentenceContext): boolean {
    return at >= context.start && at < context.end && UPPER_START.test(this.doc.text[this.doc.tokens[at].start]);
  }

  /** Whether a verb cue stands where a noun would ("its push for", "the proposed plan", "a sign of hope that"). */
  private readsAsNoun(first: number, last: number, floor: number): boolean {
    const { words, unitAt, possessive, punctuation } = this.tokens;
    const before = words[first - 1];
    if (first > floor && before !== 'to' && this.lexicon.prepositions.has(before)) return true;
    // "the leaked Washington draft": a bare form after a party word that follows a determiner is the head of a noun phrase.
    const bare = first === last && !/(?:s|ed|ing)$/.test(words[first]);
    const modifier = first - 1 >= floor ? unitAt[first - 1] : -1;
    if (bare && modifier !== -1) {
      const unitFirst = this.tokens.units[modifier].first;
      for (let index = unitFirst - 1; index >= Math.max(floor, unitFirst - 2); index--) {
        if (this.tokens.punctuation[index] || words[index] === 'that') break;
        if (this.lexicon.determiners.has(words[index]) || this.lexicon.planModifiers.has(words[index])) return true;
      }
    }
    // "a letter to the cabinet demanding talks": an -ing form is a noun only right after its determiner; "the draft calls
    // for" has a plan as its subject.
    const reach = words[first].endsWith('ing') || this.lexicon.planNouns.has(before) ? 1 : 2;
    for (let index = first - 1; index >= floor && index >= first - reach; index--) {
      const word = words[index];
      if (possessive[index]) return true;
      if (unitAt[index] !== -1) return false;
      if (punctuation[index] || this.lexicon.personPronouns.has(word) || this.lexicon.partyPronouns.has(word)) return false;
      if (word === 'that' && index < first - 1) return false;
      if (this.lexicon.determiners.has(word) || this.lexicon.possessivePronouns.has(word)) return true;
      if (this.lexicon.prepositions.has(word) || this.lexicon.skipBetweenSubjectAndCue.has(word)) return false;
    }
    return false;
  }

  private findHolder(reading: Reading, context: SentenceContext): void {
    const { words } = this.tokens;
    const { start, end, previous } = context;
    if (reading.kind === 'verb' && this.readsAsNoun(reading.first, reading.last, start)) reading.kind = 'noun';
    switch (reading.kind) {
      case 'verb': {
        let next = reading.last + 1;
        if (next < end && (words[next] === 'upon' || words[next] === 'on')) next++;
        if (next < end && words[next] === 'by') {
          const agents = this.holders.unitsFrom(next + 1, end);
          if (agents.length > 0) {
            reading.holders = agents;
            reading.holderAfter = true;
            reading.passive = true;
            return;
          }
        }
        const participle = reading.first === reading.last && words[reading.first].endsWith('ed');
        // "points were agreed to": a passive without its agent names no holder (a proposal's agent is the plan's author).
        const agentless = participle && reading.first > start && this.lexicon.passiveAuxiliaries.has(words[reading.first - 1]);
        if (agentless) {
          reading.speaksForPlan = reading.act === 'propose' && !this.possessorNear(reading.first - 1, start);
          return;
        }
        if (participle && this.modifiesNoun(reading.first, start)) return;
        if ((reading.act === 'propose' || reading.act === 'demand') && this.hasPlanSubject(reading, context)) {
          reading.speaksForPlan = true;
          return;
        }
        this.takeSubject(reading, context);
        return;
      }
      case 'noun': {
        const found = this.holders.nounHolder(reading.first, reading.last, start, end, previous);
        reading.holders = found.units;
        reading.pronoun = found.pronoun;
        reading.nounStart = found.nounStart;
        if (found.units.length === 0 && reading.act === 'propose' && this.lexicon.planNouns.has(words[reading.first])) {
          reading.speaksForPlan = this.clauses.opensComplement(reading, context);
        }
        if (found.units.length > 0) {
          reading.holderAfter = found.units[0].first > reading.last;
          reading.anchor = reading.holderAfter ? found.nounStart : Math.min(found.units[0].first, found.nounStart);
        }
        return;
      }
      case 'judgement': {
        let next = reading.last + 1;
        const phraseEndsInPreposition = this.lexicon.addresseePrepositions.has(words[reading.last]);
        if (!phraseEndsInPreposition && next < end && this.lexicon.addresseePrepositions.has(words[next])) next++;
        if (phraseEndsInPreposition || next > reading.last + 1) {
          const addressees = this.holders.unitsFrom(next, end);
          if (addressees.length > 0) {
            reading.holders = addressees;
            reading.holderAfter = true;
            return;
          }
        }
        this.takeSubject(reading, context);
        return;
      }
      case 'modal': {
        this.takeSpeaker(reading, context);
        return;
      }
    }
  }

  private takeSubject(reading: Reading, context: SentenceContext): void {
    const found = this.holders.subjectBefore(reading.first, context.start, context.previous);
    reading.holders = found.units;
    reading.pronoun = found.pronoun;
    if (found.units.length > 0 && !found.pronoun) reading.anchor = Math.min(found.units[0].first, reading.first);
  }

  /** The holder of an obligation ("… must …") is whoever the sentence reports as saying it, before or right after it. */
  private takeSpeaker(reading: Reading, context: SentenceContext): void {
    const { words } = this.tokens;
    for (let index = reading.first - 1; index >= context.start; index--) {
      if (!this.lexicon.speechVerbs.has(words[index])) continue;
      const found = this.holders.subjectBefore(index, context.start, context.previous);
      reading.holders = found.units;
      reading.pronoun = found.pronoun;
      reading.anchor = index + 1;
      return;
    }
    // An attribution after the clause: "…, Lavrov said." or "…,” said Lavrov."
    const { punctuation } = this.tokens;
    for (let index = reading.last + 1; index < context.end; index++) {
      if (!this.lexicon.speechVerbs.has(words[index])) continue;
      const speakerBefore = this.holders.unitAt(index - 1);
      if (speakerBefore !== null && speakerBefore.first > reading.last && punctuation[speakerBefore.first - 1]) {
        reading.holders = [speakerBefore];
        reading.holderAfter = true;
        return;
      }
      if (punctuation[index - 1]) {
        reading.holders = this.holders.unitsFrom(index + 1, context.end);
        reading.holderAfter = true;
      }
      return;
    }
  }

  /** Whether "in exchange for" stands between the cue and the issue: what a party asks in return is a demand. */
  private askedInReturn(reading: Reading, issue: IssueMention): boolean {
    for (let index = reading.last + 1; index < issue.first; index++) {
      if (this.lexicon.exchangeMarkers.matchAt(this.tokens, index, issue.first) !== -1) return true;
    }
    return false;
  }

  private stancesOf(reading: Reading, context: SentenceContext): Stance[] {
    const { negated, hedged } = reading;
    const stated = negated ? this.lexicon.negatedAct[reading.act] : reading.act;
    if (stated === null) return [];
    const { issues, source } = this.clauses.issuesOf(reading, context);
    if (issues.length === 0) return [];
    const text = this.doc.text;
    const sentence = this.doc.sentences[context.index];
    const evidence = spanOf(text, sentence.start, sentence.end);
    let confidence = reading.kind === 'modal' ? 0.6 : 0.8;
    if (source !== 'clause') confidence *= 0.75;
    if (hedged) confidence *= 0.7;
    if (reading.pronoun) confidence *= 0.8;
    if (reading.speaksForPlan) confidence *= 0.75;
    const stances: Stance[] = [];
    for (const unit of reading.holders) {
      const party = unit.entity.party;
      if (party === null) continue;
      for (const issue of issues) {
        const act: StanceAct = issue.first > reading.last && this.askedInReturn(reading, issue) ? 'demand' : stated;
        const stance: Stance = {
          party,
          actor: unit.entity.kind === 'person' ? unit.entity.id : null,
          issue: issue.issue,
          act,
          summary: this.summaryOf(reading, issue, source, context),
          evidence,
          confidence: Math.round(confidence * 100) / 100,
        };
        if (negated) stance.negated = true;
        if (hedged) stance.hedged = true;
        stances.push(stance);
      }
    }
    return stances;
  }

  /** What is asked, in the source's words: from the cue to the issue (or the issue to the cue), at most a clause. */
  private summaryOf(reading: Reading, issue: IssueMention, source: IssueSource, context: SentenceContext): string {
    const tokens = this.doc.tokens;
    let first = Math.min(reading.first, reading.holders[0].first);
    let last = Math.max(reading.last, reading.holders[reading.holders.length - 1].last);
    if (source === 'clause') {
      first = Math.min(reading.first, issue.first);
      last = Math.max(reading.last, issue.last);
    }
    first = Math.max(first, context.start);
    last = Math.min(last, context.end - 1);
    return this.doc.text.slice(tokens[first].start, tokens[last].end);
  }
}
