// The code's shape, as ARCHITECTURE.md describes it: checked, so that it stays true.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? match[2] ?? '',
  );
}

describe('module boundaries', () => {
  it('imports webextension-polyfill in src/platform/browser.ts and nowhere else (the content script\'s stand-in takes only its types)', () => {
    const importers = sourceFiles('src').filter((file) => imports(file).includes('webextension-polyfill'));
    expect(importers.sort()).toEqual(['src/platform/browser.native.ts', 'src/platform/browser.ts']);
    const native = readFileSync('src/platform/browser.native.ts', 'utf8');
    for (const line of native.split('\n').filter((text) => text.includes("'webextension-polyfill'"))) expect(line).toMatch(/^(import|export) type /);
  });

  it('keeps the engine pure: it imports only the engine and the knowledge model', () => {
    for (const file of sourceFiles('src/engine')) {
      for (const specifier of imports(file)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/|^\.\.\/knowledge\/(bundle|kinds|schema|load)\.js$/);
      }
    }
  });

  it('keeps the knowledge model pure: only the compiler reads files (it may use the pure engine)', () => {
    for (const file of sourceFiles('src/knowledge').filter((name) => !name.startsWith('src/knowledge/compiler/'))) {
      for (const specifier of imports(file)) expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/|^\.\.\/engine\/|^valibot$/);
    }
  });

  it('reaches the extension APIs only through src/platform', () => {
    for (const file of sourceFiles('src').filter((name) => !name.startsWith('src/platform/'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\b(chrome|browser)\.(runtime|tabs|storage|scripting|permissions)\b/);
    }
  });
});
