// The state the stance reader keeps per cue and per sentence, shared by its clause, qualifier and holder steps.
import type { StanceAct } from '../doc/types.ts';
import type { IssueMention } from './issue-lexicon.ts';
import type { CueKind } from './stance-lexicon.ts';
import type { MentionUnit } from './stance-tokens.ts';

/** How far (in tokens) from a cue its issue may be named. */
export const ISSUE_WINDOW = 16;
/** How many tokens before a cue a negator or hedge is looked for. */
export const MODIFIER_WINDOW = 4;

/** Where a stance's issue was found: its own clause, a topic before a colon, or the sentence before. */
export type IssueSource = 'clause' | 'topic' | 'previous-sentence';

/** A cue found in a sentence, with what the stage has learned about it so far. */
export interface Reading {
  first: number;
  last: number;
  act: StanceAct;
  kind: CueKind;
  /** The issue the cue names itself, if any. */
  issue: string | null;
  holders: MentionUnit[];
  /** Where the holder's clause starts (the subject or possessor), for cutting the previous cue's clause. */
  anchor: number;
  /** The holder comes after the cue ("turned down by Kyiv", "unacceptable to Moscow"). */
  holderAfter: boolean;
  pronoun: boolean;
  /** Where the cue's noun phrase starts, for nouns. */
  nounStart: number;
  passive: boolean;
  consumed: boolean;
  embedded: boolean;
  negated: boolean;
  hedged: boolean;
  /** Stated by a plan rather than a party ("the draft proposes …"): the holder is the plan's author, found once the whole document is read. */
  speaksForPlan: boolean;
  /** Negated into no stance, or negated inside a condition ("sanctions follow if Moscow does not accept a truce" states a threat's condition). */
  dropped: boolean;
  /** First token after the clause the issue is looked for in. */
  regionEnd: number;
  /** A parenthetical inside the clause that belongs to another stance ("— a long-standing Russian wish —"). */
  regionSkip: readonly [number, number] | null;
}

/** One sentence: its index, token range, the previous sentence's range and the issues named in it. */
export interface SentenceContext {
  index: number;
  start: number;
  end: number;
  previous: readonly [number, number] | null;
  issues: IssueMention[];
}

/** Whether a reading states a stance: not part of another cue's chain or complement, with a holder, not negated away. */
export function isLive(reading: Reading): boolean {
  return !reading.consumed && !reading.embedded && !reading.dropped && reading.holders.length > 0;
}

/** Distinct issue ids of `mentions`, in order. */
export function distinctIssues(mentions: readonly IssueMention[]): IssueMention[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => !seen.has(mention.issue) && seen.add(mention.issue) !== undefined);
}
