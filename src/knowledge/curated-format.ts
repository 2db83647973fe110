// The one canonical text form of a knowledge file: a JSON array, one entity a line, sorted by
// id, keys in schema order. Reviewers read one line per entity in a diff, and a test checks
// that every hand-written file is in this form.
import * as v from 'valibot';
import { Entity } from './schema.js';

const KEY_ORDER = [
  'id', 'kind', 'subkind', 'name', 'aliases', 'description', 'facts', 'roles', 'dates', 'coords', 'country',
  'wikipedia', 'source', 'prior',
] as const;
const ALIAS_KEY_ORDER = ['text', 'form', 'lang', 'common', 'case'] as const;
const ROLE_KEY_ORDER = ['title', 'organization', 'from', 'to'] as const;

function ordered(object: object, keys: readonly string[]): Record<string, unknown> {
  const entries = Object.entries(object);
  const rank = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined).sort(([a], [b]) => rank(a) - rank(b)));
}

export function canonicalEntity(entity: Entity): Record<string, unknown> {
  return ordered(
    {
      ...entity,
      aliases: entity.aliases?.map((alias) => (typeof alias === 'string' ? alias : ordered(alias, ALIAS_KEY_ORDER))),
      roles: entity.roles?.map((role) => ordered(role, ROLE_KEY_ORDER)),
    },
    KEY_ORDER,
  );
}

export function formatEntities(entities: readonly Entity[]): string {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `[\n${sorted.map((entity) => JSON.stringify(canonicalEntity(entity))).join(',\n')}\n]\n`;
}

export interface EntityError {
  /** File name, or "pack" for an imported pack. */
  file: string;
  /** The entry's id when it has one, else its position ("#12"). */
  entry: string;
  /** 1-based line of the entry when the file is in canonical form. */
  line?: number;
  message: string;
}

/** Parses a knowledge file's text. Entities that fail validation are reported, not returned. */
export function parseEntities(file: string, text: string): { entities: Entity[]; errors: EntityError[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { entities: [], errors: [{ file, entry: '(file)', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (!Array.isArray(raw)) return { entities: [], errors: [{ file, entry: '(file)', message: 'must be a JSON array of entities' }] };
  const lines = text.split('\n');
  const entities: Entity[] = [];
  const errors: EntityError[] = [];
  raw.forEach((item: unknown, index) => {
    const parsed = v.safeParse(Entity, item);
    if (parsed.success) {
      entities.push(parsed.output);
      return;
    }
    const id = typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? item.id : `#${index + 1}`;
    const lineIndex = lines.findIndex((line) => line.startsWith(`{"id":${JSON.stringify(id)},`));
    for (const issue of parsed.issues) {
      errors.push({
        file,
        entry: id,
        ...(lineIndex >= 0 ? { line: lineIndex + 1 } : {}),
        message: `${v.getDotPath(issue) ?? '(entry)'}: ${issue.message}`,
      });
    }
  });
  return { entities, errors };
}

export function describeError(error: EntityError): string {
  return `${error.file}${error.line ? `:${error.line}` : ''}: ${error.entry}: ${error.message}`;
}
