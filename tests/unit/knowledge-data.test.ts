// The hand-written knowledge is linted like code: schema, canonical form, no duplicates, and
// spot checks of facts. The compiled file is checked against the knowledge targets.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBundle } from '../../src/knowledge/bundle.js';
import { formatEntities, parseEntities } from '../../src/knowledge/curated-format.js';
import type { Entity } from '../../src/knowledge/schema.js';
import { parseKnowledge } from '../../src/knowledge/load.js';

const CURATED_DIR = 'src/knowledge/curated';
const files = readdirSync(CURATED_DIR).filter((file) => file.endsWith('.json')).sort();
const curated = files.map((file) => {
  const text = readFileSync(join(CURATED_DIR, file), 'utf8');
  return { file, text, ...parseEntities(file, text) };
});
const all: Entity[] = curated.flatMap((file) => file.entities);
const byId = new Map(all.map((entity) => [entity.id, entity]));

describe.each(curated)('src/knowledge/curated/$file', ({ text, entities, errors }) => {
  it('passes the schema', () => {
    expect(errors).toEqual([]);
  });

  it('is in canonical form (sorted by id, one entity a line)', () => {
    expect(text).toBe(formatEntities(entities));
  });
});

describe('the hand-written knowledge as a whole', () => {
  it('has no id twice', () => {
    const seen = new Set<string>();
    const twice = all.filter((entity) => seen.size === seen.add(entity.id).size).map((entity) => entity.id);
    expect(twice).toEqual([]);
  });

  it('has no Wikipedia article twice', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const entity of all) {
      if (!entity.wikipedia) continue;
      const other = seen.get(entity.wikipedia);
      if (other) twice.push(`${other} and ${entity.id}: ${entity.wikipedia}`);
      seen.set(entity.wikipedia, entity.id);
    }
    expect(twice).toEqual([]);
  });

  it('gives every person dated roles', () => {
    const undated = all.filter((entity) => entity.kind === 'person' && !(entity.roles ?? []).some((role) => role.from || role.to));
    expect(undated.map((entity) => entity.id)).toEqual([]);
  });

  it('has no two entities of one kind and subkind with the same full name and country (an unresolved collision)', () => {
    const seen = new Map<string, string>();
    const collisions: string[] = [];
    for (const entity of all) {
      const key = `${entity.kind}|${entity.subkind}|${entity.name}|${entity.country ?? ''}`;
      const other = seen.get(key);
      if (other) collisions.push(`${other} / ${entity.id}`);
      seen.set(key, entity.id);
    }
    expect(collisions).toEqual([]);
  });

  it('repeats no name among an entity’s aliases', () => {
    const repeated = all.filter((entity) =>
      (entity.aliases ?? []).some((alias) => (typeof alias === 'string' ? alias : alias.text) === entity.name && (typeof alias === 'string' || !alias.lang)),
    );
    expect(repeated.map((entity) => entity.id)).toEqual([]);
  });
});

describe('facts that must be right', () => {
  it('Moon Jae-in was President of South Korea from 2017-05-10 to 2022-05-09', () => {
    expect(byId.get('moon-jae-in')?.roles).toContainEqual(
      expect.objectContaining({ title: 'President of South Korea', from: '2017-05-10', to: '2022-05-09' }),
    );
  });

  it('KCNA is North Korea’s state news agency', () => {
    const kcna = all.find((entity) => entity.wikipedia === 'Korean Central News Agency');
    expect(kcna).toMatchObject({ kind: 'organization', subkind: 'news-media', country: 'KP' });
    expect(kcna?.description).toMatch(/state/i);
    expect(kcna?.aliases).toContainEqual(expect.objectContaining({ text: 'KCNA', form: 'acronym' }));
  });

  it('Panmunjom lies in the Korean Demilitarized Zone', () => {
    const panmunjom = all.find((entity) => entity.wikipedia === 'Panmunjom');
    expect(panmunjom?.description).toMatch(/Demilitari[sz]ed Zone|DMZ/);
    expect(panmunjom?.aliases).toContainEqual(expect.objectContaining({ text: '판문점' }));
  });

  it('Donald Trump was President of the United States in 2017-2021 and again from 2025', () => {
    const trump = all.find((entity) => entity.wikipedia === 'Donald Trump');
    expect(trump?.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'President of the United States', from: '2017-01-20', to: '2021-01-20' }),
        expect.objectContaining({ title: 'President of the United States', from: '2025-01-20' }),
      ]),
    );
  });

  it('Heather Nauert was the State Department’s spokesperson in 2018', () => {
    const nauert = all.find((entity) => entity.wikipedia === 'Heather Nauert');
    expect(nauert?.roles?.some((role) => /spokes/i.test(role.title) && (role.from ?? '') <= '2018' && (role.to ?? '9') >= '2018')).toBe(true);
  });
});

describe('the compiled knowledge file (dist/knowledge.json)', () => {
  const text = readFileSync('dist/knowledge.json', 'utf8');
  const bundle: KnowledgeBundle = parseKnowledge(text);

  it('holds at least 20,000 entities with a description, 1,500 of them hand-written', () => {
    expect(bundle.entities.filter((entity) => entity.description.length > 0).length).toBeGreaterThanOrEqual(20_000);
    expect(bundle.entities.filter((entity) => entity.source === 'curated').length).toBeGreaterThanOrEqual(1_500);
  });

  it('is at most 4 MB gzipped', () => {
    expect(gzipSync(text).length).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('credits every source it draws on', () => {
    const credited = new Set(bundle.sources.map((source) => source.id));
    for (const entity of bundle.entities) expect(credited.has(entity.source), entity.source).toBe(true);
  });
});
