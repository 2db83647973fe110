// Personal knowledge packs: a reader's own entities, imported from a JSON file (the knowledge
// schema, as in src/knowledge/curated/) or a CSV file (name, kind, description, aliases,
// wikipedia). A file is checked whole before anything is kept: every error names its line and
// field, and one error means nothing is imported. Pack entities extend the shipped knowledge or
// override an entity with the same id or the same Wikipedia title.
import * as v from 'valibot';
import type { CompiledAlias, CompiledEntity } from './bundle.js';
import { ENTITY_KINDS, type EntityKind } from './kinds.js';
import { Entity } from './schema.js';

export const PACK_LIMITS = {
  /** The largest file accepted. */
  fileBytes: 2 * 1024 * 1024,
  /** Entities in one pack. */
  entities: 5_000,
  /** Packs kept at once. */
  packs: 20,
  /** Errors listed before the rest are summarised. */
  errorsShown: 20,
} as const;

/** Pack entities win over shipped ones that are equally likely. */
const PACK_PRIOR = 0.9;
const PACK_SOURCE_PREFIX = 'pack:';

export type PackEntity = v.InferOutput<typeof Entity>;

export interface Pack {
  id: string;
  name: string;
  enabled: boolean;
  /** ISO date-time of the import. */
  importedAt: string;
  entities: PackEntity[];
}

/** What went wrong, for an interface to word in its language (the English `message` says the same). */
export type PackProblemCode =
  | 'notJson'
  | 'notAList'
  | 'empty'
  | 'tooManyEntities'
  | 'duplicateId'
  | 'schema'
  | 'csvMissingColumns'
  | 'csvUnknownColumns'
  | 'csvTooManyFields'
  | 'badKind'
  | 'tooBig'
  | 'wrongType';

export interface PackProblem {
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field, as a dotted path ("aliases.2.lang"), or the CSV column. */
  field?: string;
  code: PackProblemCode;
  /** The values the message names, in order. */
  params: string[];
  message: string;
}

export type PackParse = { ok: true; entities: PackEntity[] } | { ok: false; problems: PackProblem[] };

export function describeProblem(problem: PackProblem): string {
  const where = [problem.line !== undefined ? `line ${problem.line}` : '', problem.field ?? ''].filter(Boolean).join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** The 1-based line on which each element of a top-level JSON array starts. */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') continue;
    if (depth === 1 && expectElement && char !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1 && char === '[') expectElement = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

function checkEntities(items: readonly unknown[], lineOf: (index: number) => number | undefined): PackParse {
  const problems: PackProblem[] = [];
  const entities: PackEntity[] = [];
  const seen = new Map<string, number>();
  if (items.length === 0) return { ok: false, problems: [{ code: 'empty', params: [], message: 'the file holds no entities' }] };
  if (items.length > PACK_LIMITS.entities) {
    return { ok: false, problems: [{ code: 'tooManyEntities', params: [String(items.length), String(PACK_LIMITS.entities)], message: `the file holds ${items.length} entities; a pack holds at most ${PACK_LIMITS.entities}` }] };
  }
  items.forEach((item, index) => {
    const line = lineOf(index);
    const parsed = v.safeParse(Entity, item);
    if (!parsed.success) {
      for (const issue of parsed.issues) problems.push({ ...(line !== undefined ? { line } : {}), field: v.getDotPath(issue) ?? 'entity', code: 'schema', params: [issue.expected ?? '', issue.received], message: issue.message });
      return;
    }
    const earlier = seen.get(parsed.output.id);
    if (earlier !== undefined) {
      problems.push({ ...(line !== undefined ? { line } : {}), field: 'id', code: 'duplicateId', params: [parsed.output.id, String(earlier)], message: `"${parsed.output.id}" is used twice (first on line ${earlier})` });
      return;
    }
    seen.set(parsed.output.id, line ?? index + 1);
    entities.push({ ...parsed.output, source: undefined, prior: undefined });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entities };
}

/** A JSON pack: an array of entities, or {"entities": [...]}. */
export function parseJsonPack(text: string): PackParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ code: 'notJson', params: [error instanceof Error ? error.message : String(error)], message: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
  const items = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray(Reflect.get(value, 'entities')) ? (Reflect.get(value, 'entities') as unknown[]) : undefined;
  if (!items) return { ok: false, problems: [{ code: 'notAList', params: [], message: 'a JSON pack is an array of entities, or an object with an "entities" array' }] };
  const lines = Array.isArray(value) ? arrayElementLines(text) : [];
  return checkEntities(items, (index) => lines[index]);
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
function csvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at++;
      fields.push(field);
      if (fields.some((value) => value.trim() !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += char;
  }
  fields.push(field);
  if (fields.some((value) => value.trim() !== '')) records.push({ line: recordLine, fields });
  return records;
}

const CSV_COLUMNS = ['name', 'kind', 'description', 'aliases', 'wikipedia'] as const;
/** What a CSV row's kind becomes (a CSV has no subkind column). */
const CSV_SUBKIND: Record<EntityKind, string> = { person: 'other', place: 'other', organization: 'other', event: 'other', other: 'other' };

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** A CSV pack: a header row naming the columns name, kind, description, aliases (separated by "|"), wikipedia. */
export function parseCsvPack(text: string): PackParse {
  const [header, ...rows] = csvRecords(text.replace(/^\uFEFF/, ''));
  if (!header) return { ok: false, problems: [{ code: 'empty', params: [], message: 'the file is empty' }] };
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((name) => name !== 'aliases' && name !== 'wikipedia' && !columns.includes(name));
  if (missing.length > 0) return { ok: false, problems: [{ line: header.line, code: 'csvMissingColumns', params: [missing.join(', '), CSV_COLUMNS.join(', ')], message: `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected: ${CSV_COLUMNS.join(', ')})` }] };
  const unknown = columns.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0) return { ok: false, problems: [{ line: header.line, code: 'csvUnknownColumns', params: [unknown.join(', '), CSV_COLUMNS.join(', ')], message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (expected: ${CSV_COLUMNS.join(', ')})` }] };
  const problems: PackProblem[] = [];
  const items: unknown[] = [];
  const lines: number[] = [];
  for (const row of rows) {
    const cell = (name: (typeof CSV_COLUMNS)[number]) => {
      const index = columns.indexOf(name);
      return index >= 0 ? (row.fields[index] ?? '').trim() : '';
    };
    if (row.fields.length > columns.length) {
      problems.push({ line: row.line, code: 'csvTooManyFields', params: [String(row.fields.length), String(columns.length)], message: `${row.fields.length} fields, but the header names ${columns.length} (quote a field that holds a comma)` });
      continue;
    }
    const kind = cell('kind').toLowerCase();
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) {
      problems.push({ line: row.line, field: 'kind', code: 'badKind', params: [cell('kind'), ENTITY_KINDS.join(', ')], message: `"${cell('kind')}" is not one of ${ENTITY_KINDS.join(', ')}` });
      continue;
    }
    const name = cell('name');
    const aliases = cell('aliases')
      .split('|')
      .map((alias) => alias.trim())
      .filter(Boolean);
    const wikipedia = cell('wikipedia');
    items.push({
      id: slug(name) || `row-${row.line}`,
      kind,
      subkind: CSV_SUBKIND[kind as EntityKind],
      name,
      ...(aliases.length > 0 ? { aliases } : {}),
      description: cell('description'),
      ...(wikipedia ? { wikipedia } : {}),
    });
    lines.push(row.line);
  }
  if (problems.length > 0) return { ok: false, problems };
  const checked = checkEntities(items, (index) => lines[index]);
  // The CSV's columns, not the schema's field paths, are what the reader wrote.
  if (checked.ok) return checked;
  return {
    ok: false,
    problems: checked.problems.map(({ field, ...problem }) => (field === undefined ? problem : { ...problem, field: field === 'id' ? 'name' : (field.split('.')[0] ?? field) })),
  };
}

/** Parses a pack file by its name and content, within the size limit. */
export function parsePackFile(fileName: string, text: string): PackParse {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > PACK_LIMITS.fileBytes) {
    return { ok: false, problems: [{ code: 'tooBig', params: [(bytes / 1024 / 1024).toFixed(1), String(PACK_LIMITS.fileBytes / 1024 / 1024)], message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a pack file may be at most ${PACK_LIMITS.fileBytes / 1024 / 1024} MB` }] };
  }
  if (/\.csv$/i.test(fileName)) return parseCsvPack(text);
  if (/\.json$/i.test(fileName)) return parseJsonPack(text);
  return { ok: false, problems: [{ code: 'wrongType', params: [], message: 'a pack is a .json or .csv file' }] };
}

/** A pack entity as the engine uses it: aliases spelled out, the name first. */
export function compilePackEntity(entity: PackEntity, packId: string): CompiledEntity {
  const aliases: CompiledAlias[] = [{ text: entity.name, form: 'name' }];
  for (const alias of entity.aliases ?? []) {
    const object = typeof alias === 'string' ? { text: alias } : alias;
    if (aliases.some((known) => known.text === object.text && known.form === (object.form ?? 'name'))) continue;
    aliases.push({
      text: object.text,
      form: object.form ?? 'name',
      ...(object.lang ? { lang: object.lang } : {}),
      ...(object.common ? { common: true as const } : {}),
      ...(object.case ? { case: object.case } : {}),
    });
  }
  const { source: _source, prior: _prior, aliases: _aliases, ...rest } = entity;
  return { ...rest, aliases, source: PACK_SOURCE_PREFIX + packId, prior: PACK_PRIOR };
}

/** Whether an enabled pack names any entry by its Wikipedia title (then the shipped titles are needed). */
export function packsUseTitles(packs: readonly Pack[]): boolean {
  return packs.some((pack) => pack.enabled && pack.entities.some((entity) => entity.wikipedia));
}

/**
 * The shipped entities with the enabled packs laid over them: a pack entity with the id or the
 * Wikipedia title of a shipped one replaces it; the others are added. Later packs win.
 * `shippedTitles` (title -> id) is for shipped entities that do not carry their titles (the
 * extension's names file keeps them with the cards).
 */
export function withPacks(shipped: readonly CompiledEntity[], packs: readonly Pack[], shippedTitles?: ReadonlyMap<string, string>): CompiledEntity[] {
  const enabled = packs.filter((pack) => pack.enabled);
  if (enabled.length === 0) return [...shipped];
  const replacements = new Map<string, CompiledEntity>();
  const byTitle = new Map<string, string>(shippedTitles);
  for (const entity of shipped) if (entity.wikipedia) byTitle.set(entity.wikipedia, entity.id);
  const added: CompiledEntity[] = [];
  for (const pack of enabled) {
    for (const entity of pack.entities) {
      const compiled = compilePackEntity(entity, pack.id);
      const target = (entity.wikipedia && byTitle.get(entity.wikipedia)) || entity.id;
      replacements.set(target, { ...compiled, id: target });
    }
  }
  const result = shipped.map((entity) => {
    const replacement = replacements.get(entity.id);
    if (replacement) replacements.delete(entity.id);
    return replacement ?? entity;
  });
  for (const entity of replacements.values()) added.push(entity);
  return [...result, ...added];
}
