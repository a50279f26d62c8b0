// Stances, numbers and quotes merge by what they say within a story: the same party, issue and act; the same figure; the same words.
import type { Quantity, Quote, Stance } from '../doc/types.ts';
import type { MergedFactRow, MergedQuantityAttributes, MergedQuoteAttributes, MergedStanceAttributes, Tallies } from '../store/store.ts';
import { stableId } from './hashing.ts';
import { measureOf } from './measures.ts';
import { wordsOf } from './shingles.ts';
import { bump, bumpOpen, count, dayOf, ranked, top, widenDay } from './tallies.ts';

/** A quote is identified by its first words: rewrites trim or extend quotes at the end more often than at the start. */
const quoteKeyWords = 40;

type KeyedKind = 'stance' | 'quantity' | 'quote';

export function stanceKey(stance: Pick<Stance, 'party' | 'issue' | 'act'>): string {
  return `${stance.party}|${stance.issue}|${stance.act}`;
}

export function quantityKey(quantity: Pick<Quantity, 'unit' | 'value'>): string {
  return `${(quantity.unit ?? '').toLowerCase()}|${quantity.value}`;
}

export function quoteKey(quote: Pick<Quote, 'text'>): string {
  return wordsOf(quote.text).slice(0, quoteKeyWords).join(' ');
}

export function mergedFactId(kind: KeyedKind, story: string | null, key: string): string {
  const prefix = { stance: 'st', quantity: 'qt', quote: 'qu' }[kind];
  return stableId(prefix, story ?? '', key);
}

/**
 * Counts a report and widens the days the fact was reported on to include its day (see widenDay).
 * Facts stored with a count per day (`published`) have it folded into the two ends on their next report.
 */
function tallyPublished(tallies: Tallies, published: string | null): void {
  bump(tallies, 'reports', 'all');
  for (const day of [...Object.keys(tallies.published ?? {}), ...(published ? [published] : [])]) {
    widenDay(tallies, 'firstSeen', day, 'earliest');
    widenDay(tallies, 'lastSeen', day, 'latest');
  }
  delete tallies.published;
}

function windowOf(tallies: Tallies): { start: string | null; end: string | null } {
  return { start: dayOf(tallies, 'firstSeen', 'earliest'), end: dayOf(tallies, 'lastSeen', 'latest') };
}

export function tallyStance(tallies: Tallies, stance: Stance, published: string | null): void {
  tallyPublished(tallies, published);
  if (stance.actor) bumpOpen(tallies, 'actor', stance.actor);
  // Summaries are weighed by confidence, so the most confident wording names the merged stance.
  bumpOpen(tallies, 'summary', stance.summary, Math.max(stance.confidence, 0.01));
  bump(tallies, 'confidence', 'sum', stance.confidence);
  if (stance.hedged) bump(tallies, 'hedged', 'reports');
}

export function stanceRow(id: string, story: string | null, key: string, tallies: Tallies): MergedFactRow<'stance'> {
  const [party, issue, act] = key.split('|');
  const reports = Math.max(count(tallies, 'reports', 'all'), 1);
  const attributes: MergedStanceAttributes = {
    party,
    issue,
    act: act as MergedStanceAttributes['act'],
    actors: ranked(tallies, 'actor').map(([actor]) => actor),
    summary: top(tallies, 'summary') ?? '',
    confidence: Math.round((count(tallies, 'confidence', 'sum') / reports) * 100) / 100,
  };
  const window = windowOf(tallies);
  return { id, kind: 'stance', story, key, windowStart: window.start, windowEnd: window.end, date: window.end, attributes, tallies };
}

export function tallyQuantity(tallies: Tallies, quantity: Quantity, published: string | null): void {
  tallyPublished(tallies, published);
  if (quantity.about) bumpOpen(tallies, 'about', quantity.about);
  if (quantity.unit) bumpOpen(tallies, 'unit', quantity.unit);
  bumpOpen(tallies, 'text', quantity.text);
  const measure = measureOf(quantity);
  if (measure) bumpOpen(tallies, 'measure', measure);
}

export function quantityRow(id: string, story: string | null, key: string, tallies: Tallies): MergedFactRow<'quantity'> {
  const value = Number(key.slice(key.lastIndexOf('|') + 1));
  const attributes: MergedQuantityAttributes = { value, unit: top(tallies, 'unit'), about: top(tallies, 'about'), measure: top(tallies, 'measure') };
  const window = windowOf(tallies);
  return { id, kind: 'quantity', story, key, windowStart: window.start, windowEnd: window.end, date: window.end, attributes, tallies };
}

export function tallyQuote(tallies: Tallies, quote: Quote, published: string | null): void {
  tallyPublished(tallies, published);
  if (quote.speaker) bumpOpen(tallies, 'speaker', quote.speaker);
  if (quote.speakerName) bumpOpen(tallies, 'speakerName', quote.speakerName);
  bumpOpen(tallies, 'text', quote.text);
}

export function quoteRow(id: string, story: string | null, key: string, tallies: Tallies): MergedFactRow<'quote'> {
  const attributes: MergedQuoteAttributes = { speaker: top(tallies, 'speaker'), speakerName: top(tallies, 'speakerName'), text: top(tallies, 'text') ?? '' };
  const window = windowOf(tallies);
  return { id, kind: 'quote', story, key, windowStart: window.start, windowEnd: window.end, date: window.end, attributes, tallies };
}
