// What a card shows for an entity, as of an article's date.
import type { CompiledEntity } from '../knowledge/bundle.js';
import { describeRole, roleAt } from './time.js';

const MAX_FACTS = 6;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CardContent {
  id: string;
  name: string;
  kind: CompiledEntity['kind'];
  subkind: string;
  description: string;
  roleAtDate: string | null;
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

/** The line about what a person was at the article's date, or what they were last. */
export function roleLine(entity: CompiledEntity, date: string | undefined): string | null {
  const roles = entity.roles ?? [];
  const held = date ? roleAt(roles, date) : undefined;
  if (held && date) return `In ${monthOf(date)}: ${describeRole(held)}`;
  const before = date ? roles.filter((role) => !role.from || role.from <= date) : roles;
  const latest = roleAt(before, undefined);
  return latest ? describeRole(latest) : null;
}

export function buildCard(entity: CompiledEntity, date?: string): CardContent {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    subkind: entity.subkind,
    description: entity.description,
    roleAtDate: roleLine(entity, date),
    facts: Object.entries(entity.facts ?? {}).slice(0, MAX_FACTS),
    wikipedia: entity.wikipedia ?? null,
    coords: entity.coords ?? null,
    country: entity.country ?? null,
    flag: entity.kind === 'place' ? flagOf(entity.country) : null,
  };
}
