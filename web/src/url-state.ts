// The page's state lives in the address (view, story, filters, selection, search), so any view can be shared as a link.
import { useEffect, useState } from 'preact/hooks';

export const views = ['brief', 'positions', 'timeline', 'actors', 'sources', 'disputed', 'changes'] as const;
export type View = (typeof views)[number];

export interface PageState {
  view: View;
  story: string | null;
  /** Timeline window, ISO dates. */
  from: string | null;
  to: string | null;
  /** Timeline status filter: planned, happened, cancelled. */
  status: string | null;
  /** "What changed" since this date. */
  since: string | null;
  /** Selected matrix cell as `issue|party`. */
  cell: string | null;
  /** Within a selected cell: the merged stance (one act of its history) whose evidence is shown. */
  fact: string | null;
  /** Selected merged event or contradiction id. */
  event: string | null;
  dispute: string | null;
  /** Document open in the reader, and the span highlighted in it (`start-end`). */
  doc: string | null;
  at: string | null;
  /** Search box text. */
  q: string | null;
}

const keys: (keyof PageState)[] = ['view', 'story', 'from', 'to', 'status', 'since', 'cell', 'fact', 'event', 'dispute', 'doc', 'at', 'q'];

export function readState(search: string = window.location.search): PageState {
  const params = new URLSearchParams(search);
  const text = (name: string) => {
    const value = params.get(name);
    return value === null || value === '' ? null : value;
  };
  const view = text('view');
  return {
    view: (views as readonly string[]).includes(view ?? '') ? (view as View) : 'brief',
    story: text('story'),
    from: text('from'),
    to: text('to'),
    status: text('status'),
    since: text('since'),
    cell: text('cell'),
    fact: text('fact'),
    event: text('event'),
    dispute: text('dispute'),
    doc: text('doc'),
    at: text('at'),
    q: text('q'),
  };
}

function toSearch(state: PageState): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = state[key];
    if (value !== null && !(key === 'view' && value === 'brief')) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : window.location.pathname;
}

type Listener = (state: PageState) => void;
const listeners = new Set<Listener>();
let current: PageState = readState();

window.addEventListener('popstate', () => {
  current = readState();
  for (const listener of listeners) listener(current);
});

/**
 * Changes part of the state. A new entry in the history for navigation (so Back works),
 * a replaced one for typing (`replace`), so each keystroke is not a page of history.
 */
export function updateState(change: Partial<PageState>, options: { replace?: boolean } = {}): void {
  current = { ...current, ...change };
  const url = toSearch(current);
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const listener of listeners) listener(current);
}

/** The current state, re-rendering the caller when it changes. */
export function usePageState(): PageState {
  const [state, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => void listeners.delete(setState);
  }, []);
  return state;
}

/** `start-end` → a range, or null when malformed. */
export function parseRange(value: string | null): { start: number; end: number } | null {
  const match = /^(\d+)-(\d+)$/.exec(value ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : null;
}
