// The article's date selects the role to show: "In May 2018: President of South Korea".
import type { Role } from '../knowledge/schema.js';

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as the first and last day it can mean. */
function span(date: string): { first: string; last: string } {
  if (date.length === 4) return { first: `${date}-01-01`, last: `${date}-12-31` };
  if (date.length === 7) return { first: `${date}-01`, last: `${date}-31` };
  return { first: date, last: date };
}

function heldOn(role: Role, day: string): boolean {
  const started = role.from === undefined || span(role.from).first <= day;
  const notEnded = role.to === undefined || span(role.to).last >= day;
  return started && notEnded;
}

/** "President of South Korea, 2017–2022", "Chancellor of Germany, since 2021". */
export function describeRole(role: Role): string {
  const title = role.organization ? `${role.title}, ${role.organization}` : role.title;
  const from = role.from?.slice(0, 4);
  const to = role.to?.slice(0, 4);
  if (from && to) return from === to ? `${title}, ${from}` : `${title}, ${from}–${to}`;
  if (from) return `${title}, since ${from}`;
  if (to) return `${title}, until ${to}`;
  return title;
}

/**
 * The role held on `date` (YYYY-MM-DD); of several, the one that began last. Without a date,
 * the role that began last. Undefined when no role was held on that date.
 */
export function roleAt(roles: readonly Role[] | undefined, date: string | undefined): Role | undefined {
  if (!roles || roles.length === 0) return undefined;
  const candidates = date ? roles.filter((role) => heldOn(role, date)) : roles;
  return [...candidates].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0];
}
