// Labels for ids and dates as an analyst reads them.
import type { StanceAct } from './api.ts';

/** `security-guarantees` → `Security guarantees`; known short forms kept upper-case. */
export function issueLabel(issue: string): string {
  const words = issue.split('-').map((word) => (word === 'nato' || word === 'eu' ? word.toUpperCase() : word));
  const label = words.join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export const acts: readonly StanceAct[] = ['demand', 'propose', 'accept', 'support', 'oppose', 'reject'];

const actVerbs: Record<StanceAct, string> = {
  demand: 'demands',
  propose: 'proposes',
  accept: 'accepts',
  support: 'supports',
  oppose: 'opposes',
  reject: 'rejects',
};

export function actVerb(act: StanceAct): string {
  return actVerbs[act];
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-12-03` → `3 Dec 2025`; the year left out when `withYear` is false. */
export function formatDate(iso: string | null | undefined, options: { withYear?: boolean } = {}): string {
  if (!iso) return 'undated';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const day = String(Number(match[3]));
  const month = monthNames[Number(match[2]) - 1] ?? match[2];
  return options.withYear === false ? `${day} ${month}` : `${day} ${month} ${match[1]}`;
}

/** A date range as one label: `2–3 Dec 2025`, or a single day. */
export function formatDateRange(range: { start: string | null; end: string | null } | null): string {
  if (!range || (!range.start && !range.end)) return 'undated';
  if (!range.end || range.start === range.end) return formatDate(range.start);
  if (!range.start) return `by ${formatDate(range.end)}`;
  if (range.start.slice(0, 7) === range.end.slice(0, 7)) return `${Number(range.start.slice(8, 10))}–${formatDate(range.end)}`;
  return `${formatDate(range.start, { withYear: range.start.slice(0, 4) !== range.end.slice(0, 4) })} – ${formatDate(range.end)}`;
}

/** `PT5H30M` → `5 h 30 min`. */
export function formatDuration(duration: string | null): string | null {
  if (!duration) return null;
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration);
  if (!match) return duration;
  const parts = [match[1] && `${match[1]} d`, match[2] && `${match[2]} h`, match[3] && `${match[3]} min`].filter(Boolean);
  return parts.length ? parts.join(' ') : duration;
}

/** The day before `iso`. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** Only http(s) addresses become links: an article's URL is data and could be `javascript:`. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
