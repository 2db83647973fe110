// What a card shows for an entity, as of an article's date.
import type { CompiledEntity } from '../knowledge/bundle.js';
import type { Role } from '../knowledge/schema.js';
import { describeRole, roleAt } from './time.js';

const MAX_FACTS = 6;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CardContent {
  id: string;
  name: string;
  kind: CompiledEntity['kind'];
  subkind: string;
  description: string;
  /** In English, for the command line: "In May 2018: President of South Korea, 2017–2022". */
  roleAtDate: string | null;
  /** The same role as data, for an interface that words it in its own language. */
  role: { title: string; organization: string | null; from: string | null; to: string | null; atDate: string | null } | null;
  facts: [string, string][];
  wikipedia: string | null;
  coords: [number, number] | null;
  country: string | null;
  flag: string | null;
}

/** "2018-05-27" -> "May 2018". */
export function monthOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${MONTHS[month - 1] ?? ''} ${day.slice(0, 4)}`.trim();
}

/** The flag of a country as two regional-indicator letters (rendered as an emoji flag). */
export function flagOf(country: string | undefined): string | null {
  if (!country || !/^[A-Z]{2}$/.test(country)) return null;
  return String.fromCodePoint(...[...country].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
}

/** The role a person held at the article's date (atDate set), or the last one they held before it. */
function cardRole(entity: CompiledEntity, date: string | undefined): { role: Role; atDate: string | null } | null {
  const roles = entity.roles ?? [];
  const held = date ? roleAt(roles, date) : undefined;
  if (held && date) return { role: held, atDate: date };
  const before = date ? roles.filter((role) => !role.from || role.from <= date) : roles;
  const latest = roleAt(before, undefined);
  return latest ? { role: latest, atDate: null } : null;
}

/** The line about what a person was at the article's date, or what they were last. */
export function roleLine(entity: CompiledEntity, date: string | undefined): string | null {
  const found = cardRole(entity, date);
  if (!found) return null;
  return found.atDate ? `In ${monthOf(found.atDate)}: ${describeRole(found.role)}` : describeRole(found.role);
}

function roleData(entity: CompiledEntity, date: string | undefined): CardContent['role'] {
  const found = cardRole(entity, date);
  if (!found) return null;
  const { title, organization, from, to } = found.role;
  return { title, organization: organization ?? null, from: from ?? null, to: to ?? null, atDate: found.atDate };
}

export function buildCard(entity: CompiledEntity, date?: string): CardContent {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    subkind: entity.subkind,
    description: entity.description,
    roleAtDate: roleLine(entity, date),
    role: roleData(entity, date),
    facts: Object.entries(entity.facts ?? {}).slice(0, MAX_FACTS),
    wikipedia: entity.wikipedia ?? null,
    coords: entity.coords ?? null,
    country: entity.country ?? null,
    flag: entity.kind === 'place' ? flagOf(entity.country) : null,
  };
}
