// Text and party normalisation exactly as the reference scorer (eval/score.py) applies it before comparing strings.
import { readFileSync } from 'node:fs';

interface ScoringRules {
  partyAliases: Record<string, string[]>;
  europeanParties: string[];
  meetingTypes: string[];
}

const rules = JSON.parse(readFileSync(new URL('./scoring-rules.json', import.meta.url), 'utf8')) as ScoringRules;

// Python's str.isspace() set, which both str.strip() and the regex \s of score.py use; JavaScript's \s differs
// (it has U+FEFF but not U+001C–U+001F or U+0085), and a differing character would change a match.
const pythonSpace = '[\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const leadingOrTrailingSpace = new RegExp(`^${pythonSpace}+|${pythonSpace}+$`, 'g');
const spaceRun = new RegExp(`${pythonSpace}+`, 'g');

const aliasToParty = new Map<string, string>();
for (const [party, aliases] of Object.entries(rules.partyAliases)) {
  // The first party in file order that lists a name wins, as in score.py's loop.
  for (const name of [party, ...aliases]) if (!aliasToParty.has(name)) aliasToParty.set(name, party);
}
const europeanParties = new Set(rules.europeanParties);
const meetingTypes = new Set(rules.meetingTypes);

/** Trimmed, lower-cased, inner whitespace collapsed to one space; null and undefined become "". */
export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(leadingOrTrailingSpace, '').toLowerCase().replace(spaceRun, ' ');
}

/** The canonical (lower-case) party a name or metonym stands for ("Kremlin" → "russia"), or the normalised name itself. */
export function canonicalParty(name: string | null | undefined): string {
  const normalized = normalizeText(name);
  return aliasToParty.get(normalized) ?? normalized;
}

/** Whether a predicted party counts as the gold one: the same canonical party, or a European state for "Europe". */
export function partyMatches(predicted: string | null | undefined, gold: string | null | undefined): boolean {
  const predictedParty = canonicalParty(predicted);
  const goldParty = canonicalParty(gold);
  return predictedParty === goldParty || (goldParty === 'europe' && europeanParties.has(predictedParty));
}

/** Whether an event type (normalised) is one of the meeting-like types the event score covers. */
export function isMeetingType(normalizedType: string): boolean {
  return meetingTypes.has(normalizedType);
}
