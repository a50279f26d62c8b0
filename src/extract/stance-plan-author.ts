// The author of the plan a document discusses, who holds what "the draft proposes …" states.
import type { StanceLexicon } from './stance-lexicon.ts';
import type { HolderFinder } from './stance-holders.ts';
import type { MentionUnit, StanceTokens } from './stance-tokens.ts';

/**
 * The party a plan of this document comes from: the one most often named right before a draft noun, with only plan
 * modifiers between ("the US draft plan", "Washington's plan", "a US-backed plan"), or as proposing the plan, when
 * one party leads; null otherwise.
 */
export function planAuthor(tokens: StanceTokens, holders: HolderFinder, lexicon: StanceLexicon, proposers: readonly MentionUnit[]): MentionUnit | null {
  const { words, punctuation, possessive } = tokens;
  const votes = new Map<string, { count: number; unit: MentionUnit }>();
  const vote = (unit: MentionUnit) => {
    const party = unit.entity.party;
    if (party === null) return;
    const entry = votes.get(party);
    if (entry === undefined) votes.set(party, { count: 1, unit });
    else entry.count++;
  };
  for (const unit of proposers) vote(unit);
  tokens.sentenceRanges.forEach(([start, end]) => {
    for (let index = start; index < end; index++) {
      if (!lexicon.draftNouns.has(words[index])) continue;
      for (let before = index - 1; before >= Math.max(start, index - 4); before--) {
        const unit = holders.unitAt(before);
        if (unit !== null) {
          if (possessive[unit.last] || !holders.isPrepositional(unit, start)) vote(unit);
          break;
        }
        const compound = tokens.compoundHeads.get(before);
        if (compound !== undefined && lexicon.authorSuffixes.has(compound.rest.replace(/^[\u2010\u2011]/, '-'))) {
          vote({ first: before, last: before, entity: compound.entity });
          break;
        }
        const word = words[before];
        const modifier = lexicon.planModifiers.has(word) || lexicon.planNouns.has(word) || /\d/.test(word);
        if (punctuation[before] || possessive[before] || !modifier) break;
      }
    }
  });
  const ranked = [...votes.values()].sort((a, b) => b.count - a.count);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1].count === ranked[0].count)) return null;
  return ranked[0].unit;
}
