// The issue taxonomy as a token trie: which issue a stretch of words names, built once from issues.json or a workspace's list.
import { readDataFile } from '../knowledge/data-file.ts';
import { PhraseTrie, type MatchableWords } from './stance-phrase-trie.ts';

/** One issue of the taxonomy: a fixed id, a label, and the phrases that name it. */
export interface IssueDefinition {
  id: string;
  label: string;
  /** Phrases that name this issue on their own. */
  cues: string[];
  /** Phrases that name this issue only when no ordinary cue of any issue is near ("deal", "talks"). */
  broadCues?: string[];
}

interface IssueFile {
  about: string;
  issues: IssueDefinition[];
  verbSenses?: string[];
}

/** An issue named in the text: tokens `first..last` (inclusive). */
export interface IssueMention {
  first: number;
  last: number;
  issue: string;
  broad: boolean;
}

interface IssueCue {
  issue: string;
  broad: boolean;
}

export interface IssueLexicon {
  readonly issues: readonly IssueDefinition[];
  /** Issues named in tokens `start..end`, longest phrase first, left to right. */
  find(text: MatchableWords, start: number, end: number): IssueMention[];
}

/**
 * Builds the matcher for `issues`; an ordinary cue wins over a broad cue of the same phrase. `verbSenses` are
 * one-word cues that are verbs right after "to" ("ready to deal with") and then name no issue.
 */
export function buildIssueLexicon(issues: readonly IssueDefinition[], options?: { verbSenses?: readonly string[] }): IssueLexicon {
  const verbSenses = new Set(options?.verbSenses ?? []);
  const trie = new PhraseTrie<IssueCue>();
  for (const issue of issues) {
    for (const cue of issue.cues) trie.add(cue, { issue: issue.id, broad: false });
  }
  for (const issue of issues) {
    for (const cue of issue.broadCues ?? []) trie.add(cue, { issue: issue.id, broad: true });
  }
  return {
    issues,
    find(text, start, end) {
      const mentions: IssueMention[] = [];
      for (const match of trie.findAll(text, start, end)) {
        const verbSense = match.first === match.last && match.first > start && text.words[match.first - 1] === 'to' && verbSenses.has(text.words[match.first]);
        if (verbSense) continue;
        mentions.push({ first: match.first, last: match.last, issue: match.value.issue, broad: match.value.broad });
      }
      return mentions;
    },
  };
}

/** The default taxonomy of src/knowledge/data/issues.json. */
export function defaultIssues(): IssueDefinition[] {
  return readDataFile<IssueFile>('issues.json').issues;
}

/** The one-word cues of issues.json that are verbs after "to". */
export function defaultVerbSenses(): string[] {
  return readDataFile<IssueFile>('issues.json').verbSenses ?? [];
}

let defaultLexicon: IssueLexicon | null = null;

/** The matcher for the default taxonomy, built on first use. */
export function defaultIssueLexicon(): IssueLexicon {
  defaultLexicon ??= buildIssueLexicon(defaultIssues(), { verbSenses: defaultVerbSenses() });
  return defaultLexicon;
}

/** Keeps the ordinary mentions when there are any, else the broad ones: a specific issue outranks "the deal". */
export function preferSpecific(mentions: readonly IssueMention[]): IssueMention[] {
  const specific = mentions.filter((mention) => !mention.broad);
  return specific.length > 0 ? specific : [...mentions];
}
