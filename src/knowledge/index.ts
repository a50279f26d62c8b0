// The knowledge base: loader, record types and the lookups stages use.
export { loadKnowledge, personNameKey, type LoadKnowledgeOptions } from './load.ts';
export { Gazetteer, defaultCaseRule, type CaseRule, type GazetteerMatch } from './gazetteer.ts';
export { tokenKey, tokenView, possessiveBase, phraseTokens, type TokenView } from './token-keys.ts';
export { readTitle, type TitleReading, type TitleLexicon } from './titles.ts';
export { rolesOn, partyOn, mayHoldOn, surelyHeldOn, surelyNotHeldOn, earliestDay, latestDay } from './roles.ts';
export type {
  Knowledge,
  PartyRecord,
  PartyKind,
  PersonRecord,
  RoleRecord,
  BodyRecord,
  OrganizationRecord,
  PlaceRecord,
  TitleRecord,
  TitleKind,
  ModifierKind,
  IssueRecord,
  NameLexicon,
  EntityCues,
  GazetteerEntry,
} from './types.ts';
