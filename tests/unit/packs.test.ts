// Personal knowledge packs: parsing JSON and CSV files whole, with errors that name the line and
// the field, and laying packs over the shipped knowledge.
import { describe, expect, it } from 'vitest';
import type { CompiledEntity } from '../../src/knowledge/bundle.js';
import { describeProblem, PACK_LIMITS, packsUseTitles, parseCsvPack, parseJsonPack, parsePackFile, withPacks, type Pack } from '../../src/knowledge/packs.js';

const ZORBLAX = { id: 'zorblax-institute', kind: 'organization', subkind: 'other', name: 'Zorblax Institute', description: 'An invented institute for the pack tests.' };

describe('JSON packs', () => {
  it('accepts an array of entities in the knowledge schema', () => {
    const parsed = parseJsonPack(JSON.stringify([ZORBLAX]));
    expect(parsed).toEqual({ ok: true, entities: [expect.objectContaining({ id: 'zorblax-institute', name: 'Zorblax Institute' })] });
  });

  it('accepts {"entities": [...]}', () => {
    expect(parseJsonPack(JSON.stringify({ entities: [ZORBLAX] })).ok).toBe(true);
  });

  it('names the line and the field of each error, and keeps nothing', () => {
    const text = ['[', JSON.stringify(ZORBLAX) + ',', JSON.stringify({ ...ZORBLAX, id: 'second', kind: 'planet' }) + ',', JSON.stringify({ ...ZORBLAX, id: 'third', description: 42 }), ']'].join('\n');
    const parsed = parseJsonPack(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const lines = parsed.problems.map(describeProblem);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^line 3, kind: /), expect.stringMatching(/^line 4, description: /)]));
  });

  it.each([
    ['invalid JSON', '[{"id": "x",', /not valid JSON/],
    ['a wrong shape', '{"name": "just an object"}', /array of entities/],
    ['no entities', '[]', /no entities/],
    ['a duplicate id', JSON.stringify([ZORBLAX, ZORBLAX]), /used twice/],
    ['an unknown key', JSON.stringify([{ ...ZORBLAX, colour: 'red' }]), /colour/],
    ['a __proto__ key', `[${JSON.stringify(ZORBLAX).slice(0, -1)},"__proto__":{"polluted":true}}]`, /__proto__/],
  ])('refuses %s with a clear message', (_, text, message) => {
    const parsed = parseJsonPack(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map(describeProblem).join('\n')).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over the size limit and a pack over the entity limit', () => {
    const big = parsePackFile('big.json', 'x'.repeat(PACK_LIMITS.fileBytes + 1));
    expect(!big.ok && big.problems[0]?.message).toMatch(/at most 2 MB/);
    const many = Array.from({ length: PACK_LIMITS.entities + 1 }, (_, i) => ({ ...ZORBLAX, id: `e${i}` }));
    const parsed = parseJsonPack(JSON.stringify(many));
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/at most 5000/);
  });

  it('refuses a 50 MB file and a million entries quickly, by their size, before parsing them', () => {
    const started = performance.now();
    const fifty = parsePackFile('huge.json', `[${'"x",'.repeat(12_500_000)}"x"]`);
    expect(!fifty.ok && fifty.problems[0]?.message).toMatch(/is 47\.7 MB; a pack file may be at most 2 MB/);
    const million = parsePackFile('million.json', `[${'{},'.repeat(999_999)}{}]`);
    expect(!million.ok && million.problems[0]?.message).toMatch(/at most 2 MB/);
    const millionSmall = parseJsonPack(`[${'0,'.repeat(999_999)}0]`);
    expect(!millionSmall.ok && millionSmall.problems[0]?.message).toMatch(/1000000 entities; a pack holds at most 5000/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('keeps HTML and scripts in fields as plain text', () => {
    const parsed = parseJsonPack(JSON.stringify([{ ...ZORBLAX, description: '<img src=x onerror=alert(1)> <script>alert(2)</script>' }]));
    expect(parsed.ok && parsed.entities[0]?.description).toBe('<img src=x onerror=alert(1)> <script>alert(2)</script>');
  });
});

describe('CSV packs', () => {
  it('reads name, kind, description, aliases and wikipedia, with quoted fields', () => {
    const csv = 'name,kind,description,aliases,wikipedia\nZorblax Institute,organization,"An invented institute, for tests.",Zorblax|ZI,\n"Quux, the Town",place,"A ""quoted"" place.",,Quux\n';
    const parsed = parseCsvPack(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.entities.map((entity) => [entity.id, entity.name, entity.aliases, entity.description, entity.wikipedia])).toEqual([
      ['zorblax-institute', 'Zorblax Institute', ['Zorblax', 'ZI'], 'An invented institute, for tests.', undefined],
      ['quux-the-town', 'Quux, the Town', undefined, 'A "quoted" place.', 'Quux'],
    ]);
  });

  it('names the line and the column of each error, and keeps nothing', () => {
    const csv = 'name,kind,description\nGood One,person,Fine.\nBad Kind,planet,Fine.\nNo Description,place,\n';
    const parsed = parseCsvPack(csv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(describeProblem)).toEqual([expect.stringMatching(/^line 3, kind: "planet" is not one of/)]);
    const second = parseCsvPack('name,kind,description\nNo Description,place,\n');
    expect(!second.ok && describeProblem(second.problems[0]!)).toMatch(/^line 2, description: /);
  });

  it('refuses a header without the required columns', () => {
    const parsed = parseCsvPack('title,type\nA,b\n');
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/lacks the columns name, kind, description/);
  });
});

describe('packs over the shipped knowledge', () => {
  const shipped: CompiledEntity[] = [
    { id: 'seoul', kind: 'place', subkind: 'city', name: 'Seoul', aliases: [{ text: 'Seoul', form: 'name' }], description: 'Capital of South Korea.', wikipedia: 'Seoul', source: 'curated', prior: 0.8 },
  ];
  const pack = (enabled: boolean, entities: Pack['entities']): Pack => ({ id: 'p1', name: 'My beat', enabled, importedAt: '2026-11-28T00:00:00Z', entities });

  it('adds new entities and overrides one with the same Wikipedia title', () => {
    const mine = [
      { ...ZORBLAX, kind: 'organization' as const, aliases: ['Zorblax'] },
      { id: 'my-seoul', kind: 'place' as const, subkind: 'city', name: 'Seoul', description: 'My own note on Seoul.', wikipedia: 'Seoul' },
    ];
    const merged = withPacks(shipped, [pack(true, mine)]);
    expect(merged.map((entity) => [entity.id, entity.description, entity.source])).toEqual([
      ['seoul', 'My own note on Seoul.', 'pack:p1'],
      ['zorblax-institute', 'An invented institute for the pack tests.', 'pack:p1'],
    ]);
    expect(merged[1]?.aliases).toEqual([{ text: 'Zorblax Institute', form: 'name' }, { text: 'Zorblax', form: 'name' }]);
  });

  it('overrides by Wikipedia title also where the shipped entities carry no titles (the names file), given them apart', () => {
    const withoutTitles = shipped.map(({ wikipedia: _title, ...entity }) => entity);
    const mine = [{ id: 'my-seoul', kind: 'place' as const, subkind: 'city', name: 'Seoul', description: 'My own note on Seoul.', wikipedia: 'Seoul' }];
    expect(packsUseTitles([pack(true, mine)])).toBe(true);
    expect(packsUseTitles([pack(false, mine), pack(true, [ZORBLAX as Pack['entities'][number]])])).toBe(false);
    const merged = withPacks(withoutTitles, [pack(true, mine)], new Map([['Seoul', 'seoul']]));
    expect(merged.map((entity) => [entity.id, entity.description])).toEqual([['seoul', 'My own note on Seoul.']]);
  });

  it('leaves the shipped knowledge alone when a pack is disabled', () => {
    expect(withPacks(shipped, [pack(false, [ZORBLAX as Pack['entities'][number]])])).toEqual(shipped);
  });
});
