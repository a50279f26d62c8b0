// Paging answers: totals where the store can count, and `next`/`previous` links that keep every other parameter.
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

export interface PageInfo {
  limit: number;
  offset: number;
  /** Items in the whole listing, when known. */
  total: number | null;
  /** The link to the following page, or null on the last one. */
  next: string | null;
  previous: string | null;
}

function linkWithOffset(context: Context, offset: number): string {
  const url = new URL(context.req.url);
  url.searchParams.set('offset', String(offset));
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** Paging fields for a page starting at `offset`; `hasMore` says whether items follow it. */
export function pageInfo(context: Context, page: { limit: number; offset: number; total: number | null; hasMore: boolean }): PageInfo {
  return {
    limit: page.limit,
    offset: page.offset,
    total: page.total,
    next: page.hasMore ? linkWithOffset(context, page.offset + page.limit) : null,
    previous: page.offset > 0 ? linkWithOffset(context, Math.max(0, page.offset - page.limit)) : null,
  };
}

/** A 400 when a date window is upside down. */
export function checkDateWindow(window: { since?: string; until?: string }): void {
  if (window.since !== undefined && window.until !== undefined && window.since > window.until) {
    throw ApiError.badParameters([{ parameter: 'until', message: `must not be before since (${window.since})` }]);
  }
}
