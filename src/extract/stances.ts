// The stance stage: where each party stands on each issue (demand, propose, accept, reject, support, oppose), with evidence.
import type { Doc } from '../doc/types.ts';
import type { IssueRecord } from '../knowledge/types.ts';
import type { Stage, StageContext } from './stage.ts';
import { buildIssueLexicon, defaultIssueLexicon, defaultIssues, defaultVerbSenses, type IssueDefinition, type IssueLexicon } from './issue-lexicon.ts';
import { defaultStanceLexicon, type StanceLexicon } from './stance-lexicon.ts';
import { StanceReader } from './stance-reader.ts';

export interface StanceStageOptions {
  /** The issue taxonomy to use instead of src/knowledge/data/issues.json and the workspace's issues. */
  issues?: readonly IssueDefinition[];
  /** The cue lexicon to use instead of src/knowledge/data/stance-cues.json. */
  lexicon?: StanceLexicon;
}

/** The stances of `doc`, read from its sentences, tokens and party-bearing entity mentions. */
export function extractStances(doc: Doc, options?: { issues?: IssueLexicon; lexicon?: StanceLexicon }): Doc['stances'] {
  const reader = new StanceReader(doc, options?.lexicon ?? defaultStanceLexicon(), options?.issues ?? defaultIssueLexicon());
  return reader.read();
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The default taxonomy with a workspace's issues merged over it: a known id takes the workspace's label and adds its
 * cues; a new id is a new issue (its label defaults to the id).
 */
export function mergeIssues(defaults: readonly IssueDefinition[], workspace: readonly IssueRecord[]): IssueDefinition[] {
  const merged = new Map(defaults.map((issue) => [issue.id, { ...issue, cues: [...issue.cues], broadCues: [...(issue.broadCues ?? [])] }]));
  for (const record of workspace) {
    const known = merged.get(record.id);
    const label = typeof record.label === 'string' ? record.label : (known?.label ?? record.id);
    merged.set(record.id, {
      id: record.id,
      label,
      cues: [...(known?.cues ?? []), ...stringList(record.cues)],
      broadCues: [...(known?.broadCues ?? []), ...stringList(record.broadCues)],
    });
  }
  return [...merged.values()];
}

/** Builds the stance stage; by default it reads the knowledge files (built once) plus the workspace's issues in `ctx.kb`. */
export function createStanceStage(options?: StanceStageOptions): Stage {
  const fixed = options?.issues === undefined ? undefined : buildIssueLexicon(options.issues, { verbSenses: defaultVerbSenses() });
  const byWorkspace = new WeakMap<readonly IssueRecord[], IssueLexicon>();
  const issuesFor = (ctx: StageContext): IssueLexicon => {
    if (fixed !== undefined) return fixed;
    const workspace = ctx.kb.issues;
    if (workspace.length === 0) return defaultIssueLexicon();
    let lexicon = byWorkspace.get(workspace);
    if (lexicon === undefined) {
      lexicon = buildIssueLexicon(mergeIssues(defaultIssues(), workspace), { verbSenses: defaultVerbSenses() });
      byWorkspace.set(workspace, lexicon);
    }
    return lexicon;
  };
  return {
    name: 'stances',
    requires: ['text', 'sentences', 'tokens', 'entities'],
    assigns: ['stances'],
    run(doc: Doc, ctx: StageContext): Doc {
      return { ...doc, stances: extractStances(doc, { issues: issuesFor(ctx), lexicon: options?.lexicon }) };
    },
  };
}

export const stanceStage: Stage = createStanceStage();
