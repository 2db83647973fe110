// Merging the same thing across sources into one card: the hand-written entry wins field by
// field, generated sources fill the gaps, aliases are united.
import type { AliasObject, Entity } from '../schema.js';
import { CITIES_SOURCE } from './sources/cities.js';
import { COUNTRIES_SOURCE } from './sources/countries.js';
import { SUBDIVISIONS_SOURCE } from './sources/subdivisions.js';
import { WORDNET_SOURCE } from './sources/wordnet.js';

export interface MergeReport {
  merged: { into: string; from: string; reason: string }[];
  dropped: { id: string; reason: string }[];
}

function titleKey(title: string): string {
  return title.replaceAll('_', ' ').toLowerCase();
}

function aliasText(alias: string | AliasObject): string {
  return typeof alias === 'string' ? alias : alias.text;
}

function allNames(entity: Entity): string[] {
  return [entity.name, ...(entity.aliases ?? []).filter((alias) => typeof alias === 'string' || !alias.form || alias.form === 'name').map(aliasText)];
}

// Sources whose descriptions are templates ("City in Japan.") rather than written text.
const TEMPLATE_SOURCES = new Set([COUNTRIES_SOURCE, SUBDIVISIONS_SOURCE, CITIES_SOURCE]);

/** `extra`'s knowledge added to `base`, where `base` says nothing. */
function absorb(base: Entity, extra: Entity): Entity {
  const seen = new Set([base.name, ...(base.aliases ?? []).map((alias) => `${aliasText(alias)}\u0000${typeof alias === 'string' ? '' : (alias.lang ?? '')}`)]);
  const aliases = [...(base.aliases ?? [])];
  for (const alias of [extra.name, ...(extra.aliases ?? [])]) {
    const key = `${aliasText(alias)}\u0000${typeof alias === 'string' ? '' : (alias.lang ?? '')}`;
    if (seen.has(key) || seen.has(aliasText(alias))) continue;
    seen.add(key);
    aliases.push(alias);
  }
  // A generated template ("City in Japan.") gives way to a WordNet gloss; a written one never does.
  const description =
    TEMPLATE_SOURCES.has(base.source ?? '') && extra.source === WORDNET_SOURCE && extra.subkind === base.subkind
      ? extra.description
      : base.description;
  const merged: Entity = {
    ...extra,
    ...base,
    description,
    aliases,
    // A fact that only repeats the name ("Country: Singapore" on Singapore) says nothing.
    facts: Object.fromEntries(Object.entries({ ...extra.facts, ...base.facts }).filter(([, value]) => value !== base.name)),
  };
  const prior = Math.max(base.prior ?? 0, extra.prior ?? 0);
  if (prior > 0) merged.prior = prior;
  return merged;
}

export class EntityIndex {
  readonly byId = new Map<string, Entity>();
  private readonly byTitle = new Map<string, string>();
  private readonly byName = new Map<string, Set<string>>();

  constructor(readonly report: MergeReport = { merged: [], dropped: [] }) {}

  add(entity: Entity): void {
    this.byId.set(entity.id, entity);
    if (entity.wikipedia) this.byTitle.set(titleKey(entity.wikipedia), entity.id);
    for (const name of allNames(entity)) {
      const ids = this.byName.get(name) ?? new Set();
      ids.add(entity.id);
      this.byName.set(name, ids);
    }
  }

  mergeInto(id: string, extra: Entity, reason: string): void {
    const base = this.byId.get(id);
    if (!base) throw new Error(`no entity ${id} to merge into`);
    // An alias that already names another entity of the same kind is the other one's
    // (WordNet lists "China" for Taiwan): it would only make two cards compete.
    const ownName = (text: string) => this.named(text).every((other) => other.id === id || other.kind !== base.kind);
    const aliases = (extra.aliases ?? []).filter((alias) => ownName(aliasText(alias)));
    // The other source's name becomes an alias only where it names nothing else.
    const name = ownName(extra.name) ? extra.name : base.name;
    this.add(absorb(base, { ...extra, name, aliases }));
    this.report.merged.push({ into: id, from: extra.id, reason });
  }

  withTitle(title: string | undefined): string | undefined {
    return title ? this.byTitle.get(titleKey(title)) : undefined;
  }

  named(name: string): Entity[] {
    return [...(this.byName.get(name) ?? [])].flatMap((id) => this.byId.get(id) ?? []);
  }

  /** Adds a generated entity, or merges it into the entity with the same Wikipedia article. */
  addOrMergeByTitle(entity: Entity): void {
    const same = this.withTitle(entity.wikipedia);
    if (same) {
      this.mergeInto(same, entity, `same Wikipedia article "${entity.wikipedia}"`);
      return;
    }
    // A generated place without a title is the hand-written place of the same name, subkind
    // and country, if there is exactly one ("London" the GeoNames city and the written card).
    const written = this.named(entity.name).filter(
      (other) => other.source === 'curated' && other.kind === entity.kind && other.subkind === entity.subkind && other.country === entity.country,
    );
    const [only] = written;
    if (!entity.wikipedia && written.length === 1 && only) this.mergeInto(only.id, entity, 'same name, kind and country');
    else this.add(entity);
  }
}

const COMPATIBLE_PLACE_SUBKINDS: Record<string, string[]> = {
  city: ['city'],
  country: ['country', 'territory'],
  region: ['region', 'territory', 'district'],
  island: ['island', 'country', 'territory', 'region'],
  continent: ['continent'],
  'body-of-water': ['body-of-water'],
  mountain: ['mountain'],
  celestial: ['celestial'],
};

/**
 * WordNet's instances overlap every other source. One that names the same thing as an existing
 * entity is merged into it; a place that might be one of several existing places is dropped
 * rather than shown as a second card for the same name.
 */
export function mergeWordNetEntity(index: EntityIndex, entity: Entity, placeWords: (place: Entity) => string[]): void {
  const candidates = allNames(entity)
    .flatMap((name) => index.named(name))
    .filter((candidate, i, list) => list.indexOf(candidate) === i && candidate.kind === entity.kind);
  if (candidates.length === 0) {
    index.add(entity);
    return;
  }
  // One candidate called exactly this (not merely known by it as an alias) is the one.
  const sameName = candidates.filter((candidate) => candidate.name === entity.name);
  const [only] = sameName.length === 1 ? sameName : candidates;
  if ((candidates.length === 1 || sameName.length === 1) && only) {
    index.mergeInto(only.id, entity, 'same name and kind');
    return;
  }
  if (entity.kind !== 'place') {
    index.report.dropped.push({ id: entity.id, reason: `"${entity.name}" could be any of ${candidates.length} entities` });
    return;
  }
  const compatible = COMPATIBLE_PLACE_SUBKINDS[entity.subkind];
  const fitting = candidates.filter((candidate) => !compatible || compatible.includes(candidate.subkind));
  // A place whose gloss names where it is ("a city in northwestern England") goes to the place there.
  const located = fitting.filter((candidate) => placeWords(candidate).some((word) => entity.description.includes(word)));
  const choice = located.length > 0 ? located : fitting;
  const best = choice.sort((a, b) => (b.prior ?? 0) - (a.prior ?? 0))[0];
  if (best && (choice.length === 1 || located.length > 0)) {
    index.mergeInto(best.id, entity, 'same place name');
  } else {
    index.report.dropped.push({ id: entity.id, reason: `place "${entity.name}" could be any of ${candidates.length} places` });
  }
}
