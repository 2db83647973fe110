#!/usr/bin/env node
// Builds Backstory: the extension for Chrome and Firefox into dist/chrome and dist/firefox,
// the command-line tool into dist/cli.mjs, and with --package the store zips.
import { parseArgs } from 'node:util';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { worldMapJson } from './scripts/world-map.mjs';

const HELP = `Usage: node build.mjs [options]

Builds the extension into dist/chrome and dist/firefox, and the CLI into dist/cli.mjs.

Options:
  --browser NAME   chrome, firefox or all (default: all)
  --dev            development build: sourcemaps, no minifying
  --watch          rebuild when a source file changes (implies --dev)
  --package        also write dist/backstory-BROWSER-VERSION.zip for the stores
  --min-city-population N
                   leave out cities smaller than N (default: the compiler's, for measuring)
  --help           show this help
`;

const BROWSERS = ['chrome', 'firefox'];

// The one list of extension entry points: output name (under dist/BROWSER) -> source. The
// content script is built on its own (CONTENT_ENTRY_POINTS).
const ENTRY_POINTS = {
  background: 'src/background/main.ts',
  reader: 'src/reader/main.ts',
  'popup/popup': 'src/popup/main.tsx',
  'options/options': 'src/options/main.tsx',
};
// The content script: in Chromium a small loader of the module content-main.js (compiled off
// the page's main thread, see src/content/module-loader.ts); Firefox's is the whole script.
const CONTENT_ENTRY_POINTS = {
  chrome: { content: 'src/content/module-loader.ts' },
  firefox: { content: 'src/content/main.ts' },
};
// Modules that Chromium's content script imports (web_accessible_resources in the manifest).
const MODULE_ENTRY_POINTS = {
  'content-main': 'src/content/main.ts',
  'card-ui': 'src/content/card-ui.tsx',
};
const STATIC_FILES = {
  'src/content/content.css': 'content.css',
  'src/popup/popup.html': 'popup/popup.html',
  'src/options/options.html': 'options/options.html',
};
// The interface's strings in every language (browser.i18n), and the manifest's name and description.
const LOCALES_DIR = '_locales';
const ICON_SIZES_PX = [16, 32, 48, 96, 128];
// Compiled once for the CLI and copied into each browser's folder.
const KNOWLEDGE_OUT = 'dist/knowledge.json';
// Shipped in two parts (src/knowledge/bundle.ts): names with the alias index, read at a cold start
// and so not compressed (inflating costs more than reading; under Mozilla's 5 MB limit for text),
// and cards, gzipped.
const KNOWLEDGE_PARTS = { 'knowledge-names.json': 'dist/knowledge-names.json', 'knowledge-cards.json.gz': 'dist/knowledge-cards.json' };
const NAMES_FILE_LIMIT_BYTES = 5 * 1024 * 1024;
// Land outlines for the cards' locator maps.
const WORLD_MAP_FILE = 'world-map.json';

// Firefox keeps a background page (event page) where Chrome has a service worker.
const GECKO_SETTINGS = {
  id: 'backstory@reading-companion',
  // The CSS Custom Highlight API, which paints the marks, shipped in Firefox 140.
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};
// data_collection_permissions came to Firefox for Android in version 142.
const GECKO_ANDROID_SETTINGS = { strict_min_version: '142.0' };
const BROWSER_TARGETS = { chrome: ['chrome121'], firefox: ['firefox140'] };

// Backstory never renders HTML from a string. Preact's one innerHTML assignment serves
// dangerouslySetInnerHTML, which Backstory does not use: the build replaces it with a throw, so
// the bundles hold no HTML sink at all (and Mozilla's linter has nothing to warn about).
const PREACT_HTML_SINK = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
const NO_RAW_HTML = '(()=>{throw new Error("Backstory renders no raw HTML")})()';
const HTML_SINKS_IN_OUTPUT = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/;

// Mozilla's Readability (run only on an inert copy of the page) restores a page's markup from
// a string when it retries, and parses <noscript> images from one. The build makes the first a
// copy of nodes and drops the second (images do not matter for text), so reader.js, too, holds
// no HTML sink. Each replacement must match exactly once, or the build stops for a review.
const READABILITY_REWRITES = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCacheHtml = page.cloneNode(true);'],
  ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);'],
  ['tmp.innerHTML = noscript.innerHTML;', 'return;'],
];

// Modules replaced by another in some bundles: Firefox's content script takes the card module in
// its bundle (see src/content/card-loader.ts), and the content script reaches the browser's own
// namespace instead of the polyfill (see src/platform/browser.native.ts).
const FIREFOX_MODULE_SWAPS = { 'src/content/card-loader.ts': 'src/content/card-loader.bundled.ts' };
const CONTENT_MODULE_SWAPS = { 'src/platform/browser.ts': 'src/platform/browser.native.ts' };
function swapModules(swaps) {
  return {
    name: 'swap-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, ({ path, resolveDir }) => {
        const wanted = relative(process.cwd(), join(resolveDir, path.replace(/\.js$/, '.ts'))).split('\\').join('/');
        const swap = swaps[wanted];
        return swap ? { path: resolve(swap) } : undefined;
      });
    },
  };
}

const withoutHtmlSinks = {
  name: 'without-html-sinks',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/ }, async ({ path }) => {
      let source = await readFile(path, 'utf8');
      for (const [from, to] of READABILITY_REWRITES) {
        const count = source.split(from).length - 1;
        if (count !== 1) return { errors: [{ text: `expected "${from}" once in ${path}, found ${count}: review READABILITY_REWRITES in build.mjs` }] };
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
    build.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const sinks = source.match(PREACT_HTML_SINK)?.length ?? 0;
      if (sinks !== 1) {
        return { errors: [{ text: `expected one innerHTML assignment in ${path}, found ${sinks}: review the HTML-sink guard in build.mjs` }] };
      }
      return { contents: source.replace(PREACT_HTML_SINK, NO_RAW_HTML), loader: 'js' };
    });
  },
};

function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        browser: { type: 'string', default: 'all' },
        dev: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        package: { type: 'boolean', default: false },
        'min-city-population': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    fail(`${error.message}\n\n${HELP}`);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  if (values.browser !== 'all' && !BROWSERS.includes(values.browser)) {
    fail(`--browser must be chrome, firefox or all, not "${values.browser}"`);
  }
  if (values.watch && values.package) fail('--watch and --package do not go together');
  const minCityPopulation = values['min-city-population'] === undefined ? undefined : Number(values['min-city-population']);
  if (minCityPopulation !== undefined && !(Number.isInteger(minCityPopulation) && minCityPopulation > 0)) {
    fail('--min-city-population must be a positive whole number');
  }
  return {
    browsers: values.browser === 'all' ? BROWSERS : [values.browser],
    dev: values.dev || values.watch,
    watch: values.watch,
    package: values.package,
    minCityPopulation,
  };
}

function fail(message) {
  process.stderr.write(`build: ${message}\n`);
  process.exit(2);
}

async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Firefox's manifest is Chrome's with the smallest changes Firefox needs. */
export function firefoxManifest(chromeManifest) {
  const { service_worker: script, ...background } = chromeManifest.background;
  return {
    ...chromeManifest,
    background: { ...background, scripts: [script] },
    browser_specific_settings: { gecko: GECKO_SETTINGS, gecko_android: GECKO_ANDROID_SETTINGS },
    // Firefox's content script is one bundle with the card in it: nothing is web-accessible.
    web_accessible_resources: undefined,
  };
}

/** `inPage`: code that runs in web pages' tabs (the content script and the modules it imports). */
function esbuildOptions(browser, options, version, entryPoints, { inPage = false } = {}) {
  const swaps = { ...(browser === 'firefox' ? FIREFOX_MODULE_SWAPS : {}), ...(inPage ? CONTENT_MODULE_SWAPS : {}) };
  return {
    entryPoints,
    outdir: join('dist', browser),
    bundle: true,
    format: 'iife',
    target: BROWSER_TARGETS[browser],
    minify: !options.dev,
    sourcemap: options.dev ? 'linked' : false,
    legalComments: 'none',
    define: { BACKSTORY_VERSION: JSON.stringify(version) },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [swapModules(swaps), withoutHtmlSinks],
    metafile: true,
    logLevel: 'warning',
  };
}

// The engine as an ES module for Node: parseKnowledge(text) and createAnalyzer(knowledge).
function engineOptions(options) {
  return {
    entryPoints: ['src/engine/index.ts'],
    outfile: 'dist/engine.mjs',
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    minify: false,
    sourcemap: options.dev ? 'linked' : false,
    logLevel: 'warning',
  };
}

function cliOptions(options, version) {
  return {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // jsdom (for Readability in Node) loads files of its own at run time: leave it to node_modules.
    external: ['jsdom'],
    minify: false,
    sourcemap: options.dev ? 'linked' : false,
    banner: { js: '#!/usr/bin/env node' },
    define: { BACKSTORY_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  };
}

// The knowledge compiler is TypeScript run under Node at build time.
async function compileKnowledge(minCityPopulation) {
  await esbuild.build({
    entryPoints: ['src/knowledge/compiler/main.ts'],
    outfile: 'dist/dev/knowledge-compiler.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const { buildKnowledge } = await import(pathToFileURL(join(process.cwd(), 'dist/dev/knowledge-compiler.mjs')).href);
  const ok = await buildKnowledge(KNOWLEDGE_OUT, (line) => process.stdout.write(`${line}\n`), minCityPopulation);
  if (!ok) fail('the knowledge file was not built');
}

async function copyStatic(browser, manifest, generated) {
  const out = join('dist', browser);
  await mkdir(join(out, 'icons'), { recursive: true });
  const shipped = browser === 'firefox' ? firefoxManifest(manifest) : manifest;
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(shipped, null, 2)}\n`);
  for (const size of ICON_SIZES_PX) {
    await cp(`icons/icon-${size}.png`, join(out, 'icons', `icon-${size}.png`));
  }
  for (const [name, bytes] of Object.entries(generated.knowledge)) await writeFile(join(out, name), bytes);
  await writeFile(join(out, WORLD_MAP_FILE), generated.worldMap);
  for (const [from, to] of Object.entries(STATIC_FILES)) {
    await mkdir(join(out, to, '..'), { recursive: true });
    await cp(from, join(out, to));
  }
  await cp(LOCALES_DIR, join(out, LOCALES_DIR), { recursive: true });
}

async function zipFolder(folder, zipPath) {
  const files = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.map')) continue;
    const full = join(entry.parentPath, entry.name);
    const relative = full.slice(folder.length + 1).split('\\').join('/');
    // A fixed date keeps the zip byte-for-byte reproducible.
    files[relative] = [await readFile(full), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(zipPath, zipSync(sorted, { level: 9 }));
}

/** Fails the build when any extension bundle can turn a string into HTML. */
async function assertNoHtmlSinks(results) {
  for (const result of results) {
    for (const file of Object.keys(result.metafile?.outputs ?? {})) {
      if (!file.endsWith('.js')) continue;
      const sink = (await readFile(file, 'utf8')).match(HTML_SINKS_IN_OUTPUT);
      if (sink) fail(`${file} contains an HTML sink (${sink[0]}); Backstory builds DOM, never HTML strings`);
    }
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const manifest = await readJson('manifest.json');
  const { version } = await readJson('package.json');
  if (manifest.version !== version) {
    fail(`manifest.json has version ${manifest.version} but package.json has ${version}; make them equal`);
  }
  await mkdir('dist', { recursive: true });
  await compileKnowledge(options.minCityPopulation);
  // Made once, shipped in each browser's folder.
  const generated = {
    // Gzipped: a seventh of the size, and the background inflates it with the browser's own
    // DecompressionStream. (Mozilla's linter also refuses to parse text files over 5 MB.)
    knowledge: Object.fromEntries(
      await Promise.all(
        Object.entries(KNOWLEDGE_PARTS).map(async ([name, file]) => {
          const bytes = await readFile(file);
          if (!name.endsWith('.gz') && bytes.length > NAMES_FILE_LIMIT_BYTES) fail(`${file} is ${bytes.length} bytes; Mozilla's linter refuses text files over 5 MB`);
          return [name, name.endsWith('.gz') ? gzipSync(bytes, { level: 9 }) : bytes];
        }),
      ),
    ),
    worldMap: worldMapJson(),
  };

  const builds = [];
  for (const browser of options.browsers) {
    await rm(join('dist', browser), { recursive: true, force: true });
    await copyStatic(browser, manifest, generated);
    // The content script is bundled on its own, with its own module swaps.
    builds.push(esbuildOptions(browser, options, version, ENTRY_POINTS), esbuildOptions(browser, options, version, CONTENT_ENTRY_POINTS[browser], { inPage: true }));
    if (browser === 'chrome') {
      // V8's explicit compile hint: every function of these modules is compiled as the module
      // streams in, off the page's main thread, instead of on it when first called.
      builds.push({ ...esbuildOptions(browser, options, version, MODULE_ENTRY_POINTS, { inPage: true }), format: 'esm', banner: { js: '//# allFunctionsCalledOnLoad' } });
    }
  }
  builds.push(cliOptions(options, version), engineOptions(options));

  if (options.watch) {
    for (const build of builds) await (await esbuild.context(build)).watch();
    process.stdout.write(`build: watching src/ for ${options.browsers.join(' and ')} (Ctrl-C stops)\n`);
    return;
  }
  const results = await Promise.all(builds.map((build) => esbuild.build(build)));
  await assertNoHtmlSinks(results);
  process.stdout.write(`build: ${options.browsers.map((b) => `dist/${b}`).join(', ')}, dist/cli.mjs, dist/engine.mjs (${options.dev ? 'dev' : 'minified'})\n`);

  if (options.package) {
    for (const browser of options.browsers) {
      const zipPath = join('dist', `backstory-${browser}-${version}.zip`);
      await zipFolder(join('dist', browser), zipPath);
      process.stdout.write(`build: ${zipPath}\n`);
    }
  }
}

// Run only as a program; tests import firefoxManifest().
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
