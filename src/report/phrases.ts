// Turns merged facts into the brief's sentences: every word either fixed wording or a value taken from a fact.
import type { EventType, MergedEvent, StanceAct } from '../doc/types.ts';
import { readDataFile } from '../knowledge/data-file.ts';
import type { IssueAxis } from './types.ts';

interface PartiesFile {
  parties: { name: string; definite?: boolean }[];
}

interface IssuesFile {
  issues: { id: string; label?: string }[];
}

let definiteParties: Set<string> | null = null;
let issueAxes: IssueAxis[] | null = null;

function definite(): Set<string> {
  definiteParties ??= new Set(readDataFile<PartiesFile>('parties.json').parties.filter((party) => party.definite).map((party) => party.name));
  return definiteParties;
}

/** The issues of the taxonomy in its order, with their labels. */
export function taxonomyIssues(): IssueAxis[] {
  issueAxes ??= readDataFile<IssuesFile>('issues.json').issues.map((issue) => ({ id: issue.id, label: issue.label ?? humanise(issue.id) }));
  return issueAxes;
}

function humanise(id: string): string {
  const text = id.replace(/[-_]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function issueLabel(id: string): string {
  return taxonomyIssues().find((issue) => issue.id === id)?.label ?? humanise(id);
}

/** A party as it reads in running text ("the United States"). */
export function partyName(party: string): string {
  return definite().has(party) ? `the ${party}` : party;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A list in prose: "A, B and C". */
export function partyList(parties: readonly string[]): string {
  const names = parties.map(partyName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2 December 2025". */
export function formatDay(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return `${day} ${months[month - 1]} ${year}`;
}

/** "2 December 2025", "4–6 December 2025", "30 November – 2 December 2025". */
export function formatRange(range: { start: string | null; end: string | null } | null): string | null {
  if (!range?.start) return null;
  const end = range.end ?? range.start;
  if (end === range.start) return formatDay(range.start);
  const [startYear, startMonth, startDay] = range.start.split('-').map(Number);
  const [endYear, endMonth, endDay] = end.split('-').map(Number);
  if (startYear === endYear && startMonth === endMonth) return `${startDay}–${endDay} ${months[endMonth - 1]} ${endYear}`;
  if (startYear === endYear) return `${startDay} ${months[startMonth - 1]} – ${endDay} ${months[endMonth - 1]} ${endYear}`;
  return `${formatDay(range.start)} – ${formatDay(end)}`;
}

const durationUnits: [RegExp, string][] = [
  [/(\d+(?:\.\d+)?)D/, 'day'],
  [/T(?:.*?)(\d+(?:\.\d+)?)H/, 'hour'],
  [/T(?:.*?)(\d+(?:\.\d+)?)M/, 'minute'],
  [/^P(?:.*?)(\d+(?:\.\d+)?)W/, 'week'],
];

/** "5 hours" for PT5H, "2 days" for P2D; null for what it cannot read. */
export function formatDuration(duration: string | null): string | null {
  if (!duration) return null;
  const parts: string[] = [];
  for (const [pattern, unit] of durationUnits) {
    const match = pattern.exec(duration);
    if (match) parts.push(`${match[1]} ${unit}${match[1] === '1' ? '' : 's'}`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

const eventNouns: Record<EventType, { noun: string; plural: boolean }> = {
  meeting: { noun: 'a meeting', plural: false },
  talks: { noun: 'talks', plural: true },
  visit: { noun: 'a visit', plural: false },
  summit: { noun: 'a summit', plural: false },
  call: { noun: 'a call', plural: false },
  statement: { noun: 'a statement', plural: false },
  proposal: { noun: 'a proposal', plural: false },
  agreement: { noun: 'an agreement', plural: false },
  ceasefire: { noun: 'a ceasefire', plural: false },
};

const heldVerbs: Partial<Record<EventType, string>> = { proposal: 'was put forward', statement: 'was made', agreement: 'was reached', ceasefire: 'took effect' };
const singleParty: EventType[] = ['proposal', 'statement', 'agreement'];

/** One event as a sentence: "<Type> between <parties> in <place> took place on <date>, lasting <duration>." */
export function eventSentence(event: Pick<MergedEvent, 'type' | 'status' | 'parties' | 'place' | 'date' | 'duration'>, options: { withDate?: boolean } = {}): string {
  const { noun, plural } = eventNouns[event.type];
  const who = event.parties.length >= 2 ? ` between ${partyList(event.parties)}` : event.parties.length === 1 ? ` ${singleParty.includes(event.type) ? 'by' : 'involving'} ${partyName(event.parties[0])}` : '';
  const where = event.place ? ` in ${event.place}` : '';
  const when = options.withDate === false ? null : formatRange(event.date);
  let predicate: string;
  if (event.status === 'happened') predicate = `${heldVerbs[event.type] ?? 'took place'}${when ? ` on ${when}` : ''}`;
  else if (event.status === 'planned') predicate = `${plural ? 'are' : 'is'} planned${when ? ` for ${when}` : ''}`;
  else predicate = `${plural ? 'were' : 'was'} called off${when ? ` (it was set for ${when})` : ''}`;
  const duration = formatDuration(event.duration);
  const lasting = event.status === 'happened' && duration ? `, lasting ${duration}` : '';
  return `${capitalise(noun)}${who}${where} ${predicate}${lasting}.`;
}

const minSummaryWords = 3;
const actVerbs: Record<StanceAct, string> = { demand: 'demands', propose: 'proposes', accept: 'accepts', reject: 'rejects', support: 'supports', oppose: 'opposes' };
const actPast: Record<StanceAct, string> = { demand: 'demanding', propose: 'proposing', accept: 'accepting', reject: 'rejecting', support: 'supporting', oppose: 'opposing' };

export function actVerb(act: StanceAct): string {
  return actVerbs[act];
}

/** One stance as a sentence: "<Party> <act>s (<issue label>): “<summary>”." */
export function stanceSentence(stance: { party: string; issue: string; act: StanceAct; summary: string }): string {
  // A summary of a word or two ("draft") says nothing the act and issue do not.
  const summary = stance.summary.trim().split(/\s+/).length >= minSummaryWords ? stance.summary.trim() : '';
  return `${capitalise(partyName(stance.party))} ${actVerbs[stance.act]} (${issueLabel(stance.issue).toLowerCase()})${summary ? `: “${summary}”` : ''}.`;
}

/** A shift as a sentence: "<Party> moved from <old act> to <new act> on <issue label>." */
export function shiftSentence(shift: { party: string; issue: string; from: StanceAct; to: StanceAct; since: string | null }): string {
  const when = shift.since ? ` (from ${formatDay(shift.since)})` : '';
  return `${capitalise(partyName(shift.party))} moved from ${actPast[shift.from]} to ${actPast[shift.to]} on ${issueLabel(shift.issue).toLowerCase()}${when}.`;
}

function documentCount(count: number): string {
  return `${count} document${count === 1 ? '' : 's'}`;
}

/** A dispute as a sentence: "Sources disagree on <subject>: <claim> (<n> documents) against <claim> (<n> documents)." */
export function disputeSentence(dispute: { kind: string; about: string; sides: { claim: string; documents: number }[] }): string {
  if (dispute.kind === 'role') {
    const [article, knowledge] = dispute.sides;
    return `${capitalise(documentCount(article?.documents ?? 0))} ${article?.documents === 1 ? 'writes' : 'write'} “${dispute.about}”, at odds with the ${knowledge?.claim ?? 'knowledge base'}.`;
  }
  const sides = dispute.sides.map((side) => `${side.claim} (${documentCount(side.documents)})`);
  return `Sources disagree on ${dispute.about}: ${sides.join(' against ')}.`;
}

export function quoteSentence(quote: { text: string; speakerName: string | null }): string {
  return `“${quote.text.trim()}”${quote.speakerName ? ` — ${quote.speakerName}` : ''}`;
}
