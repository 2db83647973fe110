// Checks the build's real output in dist/ (npm test builds before it runs the unit tests).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseNamesFile, withCard } from '../../src/knowledge/split.js';

type Json = Record<string, unknown>;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const source = readJson('manifest.json');
const chrome = readJson('dist/chrome/manifest.json');
const firefox = readJson('dist/firefox/manifest.json');

/** Every file path the manifest names. */
function referencedFiles(manifest: Json): string[] {
  const text = JSON.stringify(manifest);
  return [...new Set([...text.matchAll(/"([\w/-]+\.(?:js|html|png|css))"/g)].map((match) => match[1] ?? ''))];
}

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the Chrome build', () => {
  it('ships manifest.json exactly as written', () => {
    expect(chrome).toEqual(source);
  });

  it('is Manifest V3 with the version of package.json', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.version).toBe(readJson('package.json').version);
  });
});

describe('the Firefox build', () => {
  it('differs from Chrome only in the background key, the gecko settings and the content script\'s modules (bundled in Firefox)', () => {
    const { background: chromeBackground, web_accessible_resources: chromeResources, ...chromeRest } = chrome;
    expect(chromeResources).toEqual([{ resources: ['content-main.js', 'card-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }]);
    expect(firefox).not.toHaveProperty('web_accessible_resources');
    const { background: firefoxBackground, browser_specific_settings: gecko, ...firefoxRest } = firefox;
    expect(firefoxRest).toEqual(chromeRest);
    expect(chromeBackground).toEqual({ service_worker: 'background.js' });
    expect(firefoxBackground).toEqual({ scripts: ['background.js'] });
    expect(gecko).toMatchObject({
      gecko: {
        id: expect.stringMatching(/@/),
        strict_min_version: expect.stringMatching(/^\d+\.\d+$/),
        data_collection_permissions: { required: ['none'] },
      },
    });
  });
});

describe.each(['chrome', 'firefox'])('dist/%s', (browser) => {
  const manifest = browser === 'chrome' ? chrome : firefox;

  it('contains every file its manifest names', () => {
    const files = referencedFiles(manifest);
    expect(files).toEqual(expect.arrayContaining(['background.js', 'content.js', 'popup/popup.html', 'icons/icon-16.png']));
    for (const file of files) expect(existsSync(join('dist', browser, file)), file).toBe(true);
  });

  it('ships the knowledge gzipped in two parts that together are dist/knowledge.json', () => {
    const names = parseNamesFile(readFileSync(join('dist', browser, 'knowledge-names.json'), 'utf8'));
    const cards = JSON.parse(gunzipSync(readFileSync(join('dist', browser, 'knowledge-cards.json.gz'))).toString('utf8'));
    const whole = JSON.parse(readFileSync('dist/knowledge.json', 'utf8'));
    expect(names.entities).toHaveLength(whole.entities.length);
    expect(cards).toHaveLength(whole.entities.length);
    // Every entity is its names part and its card: nothing lost on the way.
    names.entities.forEach((entity, i) => expect(withCard(entity, cards[i])).toEqual(whole.entities[i]));
    expect(Object.keys(names.index?.words ?? {}).length).toBeGreaterThan(10_000);
  });

  it('has icons of the sizes their names say', () => {
    const icons = manifest.icons;
    expect(icons).toBeTypeOf('object');
    for (const [size, file] of Object.entries(icons ?? {})) {
      expect(pngSize(join('dist', browser, String(file)))).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('has no way to turn a string into HTML in any script', () => {
    for (const file of referencedFiles(manifest).filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(join('dist', browser, file), 'utf8')).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML/);
    }
    for (const page of ['popup/popup.js', 'options/options.js', 'reader.js', ...(browser === 'chrome' ? ['content-main.js', 'card-ui.js'] : [])]) {
      expect(readFileSync(join('dist', browser, page), 'utf8')).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/);
    }
  });

  it('leaves the polyfill out of the code that runs in pages, and keeps it for the extension\'s own contexts', () => {
    // A string of the polyfill's own: the content script uses the browser's namespace.
    const polyfill = 'The message port closed before a response was received.';
    for (const file of ['content.js', ...(browser === 'chrome' ? ['content-main.js', 'card-ui.js'] : [])]) expect(readFileSync(join('dist', browser, file), 'utf8'), file).not.toContain(polyfill);
    expect(readFileSync(join('dist', browser, 'background.js'), 'utf8')).toContain(polyfill);
  });

  it('has no way to turn a string into code in any script (no eval, no Function constructor)', () => {
    const scripts = ['background.js', 'content.js', 'reader.js', 'popup/popup.js', 'options/options.js', ...(browser === 'chrome' ? ['content-main.js', 'card-ui.js'] : [])];
    for (const file of scripts) expect(readFileSync(join('dist', browser, file), 'utf8'), file).not.toMatch(/\beval\(|new Function\(|\bFunction\(\s*['"`]/);
  });
});

describe('build.mjs', () => {
  it('documents its flags', () => {
    const help = execFileSync(process.execPath, ['build.mjs', '--help'], { encoding: 'utf8' });
    for (const flag of ['--browser', '--watch', '--dev', '--package']) expect(help).toContain(flag);
  });

  it('refuses an unknown browser with a clear message', () => {
    expect(() => execFileSync(process.execPath, ['build.mjs', '--browser', 'safari'], { stdio: 'pipe' })).toThrow(
      /--browser must be chrome, firefox or all/,
    );
  });
});
