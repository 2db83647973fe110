// Compiles the bundled knowledge file from the hand-written entries and the generated sources.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { KNOWLEDGE_FORMAT, type CompiledAlias, type CompiledEntity, type KnowledgeBundle } from '../bundle.js';
import { describeError, parseEntities } from '../curated-format.js';
import { Entity, type AliasObject } from '../schema.js';
import { SOURCE_CREDITS } from '../credits.js';
import { EntityIndex, mergeWordNetEntity } from './merge.js';
import { loadCities, MIN_CITY_POPULATION } from './sources/cities.js';
import { cityStateCodes, loadCountries } from './sources/countries.js';
import { loadSubdivisions } from './sources/subdivisions.js';
import { loadWordNet } from './sources/wordnet.js';

/** Hand-written facts are checked as true at this date. */
export const KNOWLEDGE_AS_OF = '2025-12';
const CURATED_PRIOR = 0.8;
// WordNet places a British town by its nation ("a city in northwestern England").
const UK_NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'];
const WORDNET_PRIOR = 0.3;

// Words that can never be a name on their own, whatever a source says.
const STOPWORDS = new Set(
  'a an and are as at be but by for from had has have he her his i if in is it its my no not of on or our she so than that the their them they this to was we were what when which who will with you'.split(' '),
);

export interface CompileOptions {
  curatedDir: string;
  wordnetDir: string;
  minCityPopulation?: number;
}

export interface Rejection {
  id: string;
  reason: string;
}

export interface CompileResult {
  bundle: KnowledgeBundle;
  rejected: Rejection[];
  merges: number;
  curatedErrors: string[];
}

async function loadCurated(dir: string): Promise<{ entities: Entity[]; errors: string[] }> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  const entities: Entity[] = [];
  const errors: string[] = [];
  const seenIds = new Map<string, string>();
  const seenTitles = new Map<string, string>();
  for (const file of files) {
    const parsed = parseEntities(file, await readFile(join(dir, file), 'utf8'));
    errors.push(...parsed.errors.map(describeError));
    for (const entity of parsed.entities) {
      const otherFile = seenIds.get(entity.id);
      if (otherFile) errors.push(`${file}: ${entity.id}: duplicate id (also in ${otherFile})`);
      const title = entity.wikipedia?.toLowerCase();
      const sameTitle = title ? seenTitles.get(title) : undefined;
      if (sameTitle) errors.push(`${file}: ${entity.id}: same Wikipedia article as ${sameTitle}`);
      seenIds.set(entity.id, file);
      if (title) seenTitles.set(title, entity.id);
      entities.push({ ...entity, source: 'curated', prior: entity.prior ?? CURATED_PRIOR });
    }
  }
  return { entities, errors };
}

function aliasProblem(text: string, form: string): string | undefined {
  if ([...text].length < 2) return 'is shorter than two characters';
  if (!/\p{L}/u.test(text) && !/^\d+\/\d+$/.test(text)) return 'has no letter';
  if (form !== 'acronym' && STOPWORDS.has(text.toLowerCase())) return 'is a function word';
  if (/\p{Script=Latin}/u.test(text) && !/\p{Lu}/u.test(text)) return 'has no capital letter, so it would fire on ordinary text';
  return undefined;
}

/** Spells out the aliases (name first), marks common words, and drops aliases that cannot work. */
/**
 * Whether an alias is also an ordinary word. For generated sources, any ordinary sense counts
 * (Turkey, Chad); hand-written entries mark such aliases themselves, and the compiler adds only
 * words with several ordinary senses (Moon, Trump), not one rare one (politico).
 */
function isCommonWord(text: string, entity: Entity, commonWords: Map<string, number>): boolean {
  const senses = commonWords.get(text.toLowerCase()) ?? 0;
  return entity.source === 'curated' ? senses >= CURATED_COMMON_MIN_SENSES : senses > 0;
}
const CURATED_COMMON_MIN_SENSES = 2;

// Names that open with a country's initials are written both ways: "US Flag Code", "U.S. Flag Code".
const DOTTABLE_INITIALS = /^(US|UK|UN|EU)(?= \p{Lu})/u;
function withDottedInitials(text: string): string | undefined {
  return DOTTABLE_INITIALS.test(text) ? text.replace(DOTTABLE_INITIALS, (initials) => `${[...initials].join('.')}.`) : undefined;
}

function compileAliases(entity: Entity, commonWords: Map<string, number>, rejected: Rejection[]): CompiledAlias[] {
  const written: AliasObject[] = [{ text: entity.name }, ...(entity.aliases ?? []).map((alias) => (typeof alias === 'string' ? { text: alias } : alias))];
  const objects = written.flatMap((alias) => {
    const dotted = withDottedInitials(alias.text);
    return dotted ? [alias, { ...alias, text: dotted }] : [alias];
  });
  // One alias per text and form; the languages of its spellings are united ("Italia": it es pt),
  // and a spelling without a language makes it apply in every language.
  const byKey = new Map<string, { alias: AliasObject; langs: Set<string> | undefined }>();
  for (const alias of objects) {
    const form = alias.form ?? 'name';
    const problem = aliasProblem(alias.text, form);
    if (problem) {
      rejected.push({ id: entity.id, reason: `alias "${alias.text}" ${problem}` });
      continue;
    }
    const key = `${alias.text}\u0000${form}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { alias, langs: alias.lang ? new Set([alias.lang]) : undefined });
    else if (!alias.lang) known.langs = undefined;
    else known.langs?.add(alias.lang);
  }
  return [...byKey.values()].map(({ alias, langs }): CompiledAlias => {
    const form = alias.form ?? 'name';
    const common = alias.common ?? (form !== 'acronym' && isCommonWord(alias.text, entity, commonWords));
    return {
      text: alias.text,
      form,
      ...(langs ? { lang: [...langs].sort().join(' ') } : {}),
      ...(common ? { common: true as const } : {}),
      ...(alias.case ? { case: alias.case } : {}),
    };
  });
}

export async function compileKnowledge(options: CompileOptions): Promise<CompileResult> {
  const curated = await loadCurated(options.curatedDir);
  const wordnet = await loadWordNet(options.wordnetDir);
  const countries = loadCountries();
  const countryNames = new Map(countries.flatMap((country) => (country.country ? [[country.country, country.name] as const] : [])));
  const territoryNames = new Set(countries.filter((country) => country.subkind === 'territory').map((country) => country.name));
  const subdivisions = loadSubdivisions(countryNames, territoryNames);
  const usStates = new Map(
    subdivisions.filter((entity) => entity.country === 'US').map((entity) => [entity.id.replace('subdivision:us-', '').toUpperCase(), entity.name] as const),
  );
  const cities = loadCities({ countryNames, usStates }, options.minCityPopulation ?? MIN_CITY_POPULATION);

  const index = new EntityIndex();
  for (const entity of curated.entities) index.add(entity);
  for (const entity of [...countries, ...subdivisions]) index.addOrMergeByTitle(entity);
  const cityStates = cityStateCodes();
  for (const city of cities) {
    const country = city.country ? index.withTitle(countries.find((c) => c.country === city.country)?.wikipedia) : undefined;
    if (country && city.country && cityStates.has(city.country) && city.subkind === 'city' && index.byId.get(country)?.name === city.name) {
      index.mergeInto(country, city, 'a city-state is its capital');
    } else index.addOrMergeByTitle(city);
  }
  const englishNames = (entity: Entity | undefined) =>
    entity ? [entity.name, ...(entity.aliases ?? []).flatMap((alias) => (typeof alias === 'string' ? [alias] : []))] : [];
  const countryById = new Map(countries.map((country) => [country.country, country] as const));
  const placeWords = (place: Entity) => [
    ...(place.subkind === 'country' ? [place.name] : englishNames(countryById.get(place.country))),
    ...(place.country === 'GB' ? UK_NATIONS : []),
    ...(place.facts?.State ? [place.facts.State] : []),
  ];
  for (const entity of wordnet.entities) mergeWordNetEntity(index, { ...entity, prior: WORDNET_PRIOR }, placeWords);

  const rejected: Rejection[] = index.report.dropped.map(({ id, reason }) => ({ id, reason: `dropped: ${reason}` }));
  const entities: CompiledEntity[] = [];
  for (const entity of index.byId.values()) {
    const checked = v.safeParse(Entity, entity);
    if (!checked.success) {
      rejected.push({ id: entity.id, reason: checked.issues.map((issue) => `${v.getDotPath(issue) ?? 'entry'}: ${issue.message}`).join('; ') });
      continue;
    }
    const aliases = compileAliases(entity, wordnet.commonWords, rejected);
    if (aliases.length === 0) {
      rejected.push({ id: entity.id, reason: 'no usable alias' });
      continue;
    }
    const { aliases: _, prior, source, ...rest } = checked.output;
    entities.push({ ...rest, aliases, source: source ?? 'unknown', prior: prior ?? WORDNET_PRIOR });
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    bundle: { format: KNOWLEDGE_FORMAT, asOf: KNOWLEDGE_AS_OF, sources: SOURCE_CREDITS, entities },
    rejected,
    merges: index.report.merged.length,
    curatedErrors: curated.errors,
  };
}
