// The shipped knowledge in two parts (see KNOWLEDGE_NAMES_FILE in bundle.ts): names, with the
// precomputed alias index, and cards, in the same order as the entities. The names part is
// written compactly, one array per entity and its aliases in one string, because a cold start
// spends its time in JSON.parse making objects, not in reading bytes.
import { precomputeIndex, type PrecomputedIndex } from '../engine/alias-index.js';
import { KNOWLEDGE_FORMAT, type CardFields, type CompiledAlias, type CompiledEntity, type KnowledgeBundle } from './bundle.js';
import { readKnowledgeJson } from './load.js';

/**
 * Between aliases, and between an alias's text and its flags: marks no name has (the build
 * refuses one that does), and which JSON writes as they are (a control character would take six
 * bytes, and parsing would have to decode it).
 */
const ALIAS_SEPARATOR = '^';
const FLAG_SEPARATOR = '#';
const FORM_FLAGS = { short: 's', acronym: 'a' } as const;

/**
 * id, kind and subkind (a position in `kinds`), aliases, country, source (a position in
 * `sourceIds`), prior, US state (a city's "State" fact), and the name when it is not the first
 * alias (a name that cannot be an alias: "2008 financial crisis").
 */
type NameRow = [string, number, string, string | null, number, number, string | null, string | null];
const ROW_WIDTH = 8;

export interface NamesFile {
  format: typeof KNOWLEDGE_FORMAT;
  asOf: string;
  sources: KnowledgeBundle['sources'];
  index: PrecomputedIndex;
  /** "kind/subkind" pairs that rows point at. */
  kinds: string[];
  sourceIds: string[];
  /** Every row's cells one after another (one array to parse, not one per entity). */
  cells: NameRow[number][];
}

/** A list of the distinct values, and each value's position in it. */
function table(values: Iterable<string>): { list: string[]; position: Map<string, number> } {
  const list = [...new Set(values)];
  return { list, position: new Map(list.map((value, i) => [value, i])) };
}

function encodeAlias(alias: CompiledAlias): string {
  if (alias.text.includes(ALIAS_SEPARATOR) || alias.text.includes(FLAG_SEPARATOR)) throw new Error(`alias "${alias.text}" holds "${ALIAS_SEPARATOR}" or "${FLAG_SEPARATOR}", which the names file uses between aliases`);
  const flags = `${alias.form === 'name' ? '' : FORM_FLAGS[alias.form]}${alias.common ? 'c' : ''}${alias.case === 'any' ? 'i' : ''}${alias.lang ? `@${alias.lang}` : ''}`;
  return flags ? `${alias.text}${FLAG_SEPARATOR}${flags}` : alias.text;
}

function decodeAlias(encoded: string): CompiledAlias {
  const at = encoded.indexOf(FLAG_SEPARATOR);
  if (at < 0) return { text: encoded, form: 'name' };
  const flags = encoded.slice(at + 1);
  const langAt = flags.indexOf('@');
  const marks = langAt < 0 ? flags : flags.slice(0, langAt);
  return {
    text: encoded.slice(0, at),
    form: marks.includes('s') ? 'short' : marks.includes('a') ? 'acronym' : 'name',
    ...(langAt >= 0 ? { lang: flags.slice(langAt + 1) } : {}),
    ...(marks.includes('c') ? { common: true as const } : {}),
    ...(marks.includes('i') ? { case: 'any' as const } : {}),
  };
}

export function splitKnowledge(bundle: KnowledgeBundle): { names: NamesFile; cards: CardFields[] } {
  const kinds = table(bundle.entities.map((entity) => `${entity.kind}/${entity.subkind}`));
  const sourceIds = table(bundle.entities.map((entity) => entity.source));
  const rows = bundle.entities.map((entity): NameRow => {
    // The name is usually the first alias (the compiler writes it so): then it is written once.
    const nameIsFirstAlias = entity.aliases[0]?.text === entity.name;
    return [
      entity.id,
      kinds.position.get(`${entity.kind}/${entity.subkind}`) ?? 0,
      entity.aliases.map(encodeAlias).join(ALIAS_SEPARATOR),
      entity.country ?? null,
      sourceIds.position.get(entity.source) ?? 0,
      entity.prior,
      entity.facts?.State ?? null,
      nameIsFirstAlias ? null : entity.name,
    ];
  });
  const cards = bundle.entities.map(({ description, facts, roles, dates, coords, wikipedia }) => ({
    description,
    ...(facts ? { facts } : {}),
    ...(roles ? { roles } : {}),
    ...(dates ? { dates } : {}),
    ...(coords ? { coords } : {}),
    ...(wikipedia ? { wikipedia } : {}),
  }));
  const { format, asOf, sources } = bundle;
  return { names: { format, asOf, sources, index: precomputeIndex(bundle.entities), kinds: kinds.list, sourceIds: sourceIds.list, cells: rows.flat() }, cards };
}

function isNamesFile(value: unknown): value is NamesFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<NamesFile>;
  return (
    file.format === KNOWLEDGE_FORMAT &&
    Array.isArray(file.cells) &&
    file.cells.length % ROW_WIDTH === 0 &&
    Array.isArray(file.sources) &&
    Array.isArray(file.kinds) &&
    Array.isArray(file.sourceIds) &&
    typeof file.index === 'object' &&
    file.index !== null
  );
}

/** An entity of the names file. Its aliases are spelled out when first needed: most entities'
 * aliases are never looked at in a session. */
class NameEntity implements CompiledEntity {
  readonly id: string;
  readonly kind: CompiledEntity['kind'];
  readonly subkind: string;
  readonly description = '';
  readonly country?: string;
  readonly facts?: Record<string, string>;
  readonly source: string;
  readonly prior: number;
  #encoded: string;
  #aliases: CompiledAlias[] | undefined;
  /** The name when written apart from the aliases; otherwise found in them when first asked for. */
  #name: string | null;

  /** Reads the row that starts at `at` in the names file's cells. */
  constructor(cells: readonly NameRow[number][], at: number, kinds: readonly (readonly [string, string])[], sourceIds: readonly string[]) {
    const id = cells[at] as string;
    const kind = cells[at + 1] as number;
    const aliases = cells[at + 2] as string;
    const country = cells[at + 3] as string | null;
    const source = cells[at + 4] as number;
    const prior = cells[at + 5] as number;
    const state = cells[at + 6] as string | null;
    const name = cells[at + 7] as string | null;
    const kindPair = kinds[kind];
    this.id = id;
    this.kind = (kindPair?.[0] ?? 'other') as CompiledEntity['kind'];
    this.subkind = kindPair?.[1] ?? 'other';
    this.#name = name || null;
    if (country) this.country = country;
    if (state) this.facts = { State: state };
    this.source = sourceIds[source] ?? '';
    this.prior = prior;
    this.#encoded = aliases;
  }

  get name(): string {
    // Unless written apart, the name is the first alias: up to its flags, if any.
    if (this.#name === null) {
      const aliases = this.#encoded;
      const flags = aliases.indexOf(FLAG_SEPARATOR);
      const next = aliases.indexOf(ALIAS_SEPARATOR);
      const end = flags < 0 ? next : next < 0 ? flags : Math.min(flags, next);
      this.#name = end < 0 ? aliases : aliases.slice(0, end);
    }
    return this.#name;
  }

  get aliases(): CompiledAlias[] {
    this.#aliases ??= this.#encoded.split(ALIAS_SEPARATOR).map(decodeAlias);
    return this.#aliases;
  }
}

/** The names file as entities without their cards (description empty until the card is read). */
export function parseNamesFile(text: string): KnowledgeBundle {
  const value = readKnowledgeJson(text, 'names file', isNamesFile);
  const { sourceIds } = value;
  const kinds = value.kinds.map((pair) => pair.split('/') as [string, string]);
  const { cells } = value;
  const entities: CompiledEntity[] = [];
  for (let at = 0; at < cells.length; at += ROW_WIDTH) entities.push(new NameEntity(cells, at, kinds, sourceIds));
  return { format: value.format, asOf: value.asOf, sources: value.sources, entities, index: value.index };
}

/** An entity of the names file made whole again with its card. */
export function withCard(entity: CompiledEntity, card: CardFields | undefined): CompiledEntity {
  return card ? { ...entity, name: entity.name, aliases: entity.aliases, ...card } : entity;
}
