// Who may ask: a token on every request when the server listens beyond loopback, loopback Host names otherwise, and no cross-site writes.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ApiError } from './errors.ts';

export const tokenCookie = 'parley_token';
export const tokenQueryParameter = 'token';

/** Whether a host name or address stays on this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** The host name of a Host header value (`[::1]:8080` → `[::1]`, `localhost:80` → `localhost`). */
function hostName(hostHeader: string): string {
  const bracketed = /^(\[[^\]]*\])(:\d+)?$/.exec(hostHeader);
  if (bracketed) return bracketed[1];
  return hostHeader.replace(/:\d+$/, '');
}

/** The host of an Origin header, or null when it names none (`null`, malformed). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

/**
 * With a token: every request must carry it (`Authorization: Bearer`, or the cookie set when a
 * page is opened with `?token=`). Without one the server is loopback-only, so a Host header
 * naming another machine is refused: a web page cannot reach it through a rebound DNS name.
 * Writes from another origin are always refused.
 */
export function accessControl(options: { token: string | null }): MiddlewareHandler {
  return async (context, next) => {
    const url = new URL(context.req.url);
    const hostHeader = context.req.header('host') ?? url.host;
    if (context.req.method !== 'GET' && context.req.method !== 'HEAD') {
      const origin = context.req.header('origin');
      if (origin !== undefined && originHost(origin) !== hostHeader) {
        throw new ApiError(403, 'forbidden', `cross-origin ${context.req.method} from ${origin} refused`);
      }
    }
    if (options.token === null) {
      if (!isLoopbackHost(hostName(hostHeader))) {
        throw new ApiError(403, 'forbidden', `this server answers only to loopback host names, not "${hostHeader}"; start it with --host and a token to serve others`);
      }
      return next();
    }
    const fromQuery = url.searchParams.get(tokenQueryParameter);
    if (fromQuery !== null && context.req.method === 'GET' && sameToken(fromQuery, options.token)) {
      // Trade the token in the address for a cookie, so it leaves the address bar, the history and shared links.
      setCookie(context, tokenCookie, fromQuery, { httpOnly: true, sameSite: 'Strict', path: '/' });
      url.searchParams.delete(tokenQueryParameter);
      return context.redirect(`${url.pathname}${url.search}`, 303);
    }
    const given = bearerToken(context.req.header('authorization')) ?? getCookie(context, tokenCookie) ?? null;
    if (given === null || !sameToken(given, options.token)) {
      context.header('WWW-Authenticate', 'Bearer realm="parley"');
      throw new ApiError(401, 'unauthorized', 'a token is required: send "Authorization: Bearer TOKEN", or open the dashboard once with ?token=TOKEN');
    }
    return next();
  };
}
