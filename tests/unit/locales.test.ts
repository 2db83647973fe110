// Every interface string goes through _locales: each locale has every key of English, with the
// same placeholders, and every key the code asks for exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../src/knowledge/kinds.js';
import { SUBKINDS } from '../../src/knowledge/schema.js';
import { SOURCE_CREDITS } from '../../src/knowledge/credits.js';

type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join('_locales', locale, 'messages.json'), 'utf8')) as Messages;
const english = read('en');
const placeholders = (text: string) => (text.match(/\$\d/g) ?? []).sort().join(' ');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('locales', () => {
  it('has complete English, Ukrainian and Korean locales', () => {
    expect(readdirSync('_locales').sort()).toEqual(['en', 'ko', 'uk']);
  });

  it.each(['uk', 'ko'])('gives %s every English key, with the same placeholders, and no other key', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { message }] of Object.entries(english)) {
      expect(messages[key]?.message.trim(), `${locale}: ${key}`).not.toBe('');
      expect(placeholders(messages[key]?.message ?? ''), `${locale}: ${key}`).toBe(placeholders(message));
    }
  });

  it('has every key the code asks for with t()', () => {
    const asked = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) asked.add(match[1] ?? '');
      for (const match of readFileSync(file, 'utf8').matchAll(/'(kind[A-Z]\w+|packs\w+|popup\w+)'/g)) asked.add(match[1] ?? '');
    }
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((key) => !(key in english))).toEqual([]);
  });

  it('has the manifest’s messages, and a name for every kind and subkind a card can show', () => {
    const manifest = readFileSync('manifest.json', 'utf8');
    const wanted = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] ?? '');
    expect(wanted).toEqual(expect.arrayContaining(['extensionName', 'extensionDescription']));
    for (const key of wanted) expect(english).toHaveProperty(key);
    const codes = /export type PackProblemCode =([^;]+);/.exec(readFileSync('src/knowledge/packs.ts', 'utf8'))?.[1]?.match(/'(\w+)'/g) ?? [];
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(english).toHaveProperty(`packProblem_${code.slice(1, -1)}`);
    for (const source of SOURCE_CREDITS) expect(english).toHaveProperty(`source_${source.id.replaceAll('-', '_')}`);
    for (const kind of ENTITY_KINDS) {
      expect(english).toHaveProperty(`kind_${kind}`);
      for (const subkind of SUBKINDS[kind]) if (subkind !== 'other') expect(english).toHaveProperty(`subkind_${subkind.replaceAll('-', '_')}`);
    }
  });
});
