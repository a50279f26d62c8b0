// Date-bounded roles: which roles a person held on a day, and the party they spoke for then.
import type { PersonRecord, RoleRecord } from './types.ts';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The first day a YYYY, YYYY-MM or YYYY-MM-DD bound can mean. */
export function earliestDay(bound: string): string {
  if (bound.length === 4) return `${bound}-01-01`;
  if (bound.length === 7) return `${bound}-01`;
  return bound;
}

/** The last day a YYYY, YYYY-MM or YYYY-MM-DD bound can mean. */
export function latestDay(bound: string): string {
  if (bound.length === 4) return `${bound}-12-31`;
  if (bound.length === 7) {
    const year = Number(bound.slice(0, 4));
    const month = Number(bound.slice(5, 7));
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
    return `${bound}-${String(days).padStart(2, '0')}`;
  }
  return bound;
}

/** Whether `role` may have been held on `day` (ISO date); undated bounds are open. */
export function mayHoldOn(role: RoleRecord, day: string): boolean {
  return (role.from === null || role.from <= day) && (role.to === null || day <= role.to);
}

/** Whether `role` was certainly held on `day`: its start is known and before, and it had surely not ended. */
export function surelyHeldOn(role: RoleRecord, day: string): boolean {
  return role.surelyFrom !== null && role.surelyFrom <= day && (role.surelyTo === null || day < role.surelyTo);
}

/** Whether `role` was certainly not held on `day` (it surely had not started or had surely ended). */
export function surelyNotHeldOn(role: RoleRecord, day: string): boolean {
  return (role.from !== null && day < role.from) || (role.to !== null && day > role.to);
}

/** The roles `person` may have held on `day`; all roles still held (no end) when the day is unknown. */
export function rolesOn(person: PersonRecord, day: string | null): RoleRecord[] {
  if (day === null) return person.roles.filter((role) => role.to === null);
  return person.roles.filter((role) => mayHoldOn(role, day));
}

/** The party `person` spoke for on `day`: that of the latest-starting role held then, else their usual party. */
export function partyOn(person: PersonRecord, day: string | null): string | null {
  let best: RoleRecord | null = null;
  for (const role of rolesOn(person, day)) {
    if (role.party === null) continue;
    if (best === null || (role.from ?? '') >= (best.from ?? '')) best = role;
  }
  return best?.party ?? person.party;
}
