#!/usr/bin/env node
// `npm run bench [-- --json FILE] [--runs N]`: what Backstory costs, side by side with the
// alternatives, measured in one run (ratios, not absolute times, are what compare across
// runs on a shared machine). Prints a Markdown table and writes bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { newsParagraphs, newsText } from './news-text.mjs';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    runs: { type: 'string', default: '5' },
    part: { type: 'string', default: 'all' },
    'engine-child': { type: 'string' },
    text: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('Usage: npm run bench [-- --json FILE] [--runs N] [--part engine|page|sizes|all]\n');
  process.exit(0);
}
const RUNS = Math.max(1, Number(values.runs));
if (typeof global.gc !== 'function') {
  // Heap figures need a collector we can call: run again with it exposed.
  const again = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}
if (!existsSync('dist/engine.mjs') || !existsSync('dist/chrome/content.js')) {
  process.stderr.write('bench: build first (npm run build)\n');
  process.exit(2);
}

/** A method slower than this per run is not run on the next, ten times larger text. */
const SLOW_RUN_MS = 15_000;
/** How long an engine method runs untimed before it is timed. */
const WARM_UP_MS = 3_000;
/** A method is timed for at least this long (but at most MAX_RUNS times). */
const MIN_TIMED_MS = 1_000;
const MAX_RUNS = 30;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const MB = 1024 * 1024;
const heapUsed = () => {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
};
const results = { machine: machine(), engine: [], page: [], popup: null, sizes: [] };

function machine() {
  const chromium = (() => {
    try {
      return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'not found';
    }
  })();
  return { cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, memory: `${Math.round(totalmem() / 2 ** 30)} GiB`, node: process.version, chromium, date: new Date().toISOString().slice(0, 10) };
}

// ---- 1. The engine against the alternatives, on the same text and the same names ----

async function corpusText() {
  const parts = [readFileSync('tests/fixtures/pages/voa-summit/article.txt', 'utf8')];
  const pages = '../shared/corpus/pages';
  if (existsSync(pages)) {
    const { JSDOM } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    for (const file of readdirSync(pages).filter((name) => name.endsWith('.html')).sort()) {
      const dom = new JSDOM(readFileSync(join(pages, file), 'utf8'));
      const article = new Readability(dom.window.document).parse();
      if (article?.textContent) parts.push(article.textContent.replace(/[ \t]+/g, ' '));
    }
  }
  return parts.join('\n\n');
}

function textOfSize(base, chars) {
  let text = base;
  let seed = 1;
  while (text.length < chars) text += `\n\n${newsText(Math.min(200_000, chars - text.length), seed++)}`;
  return text.slice(0, chars);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The methods compared, each set up from the same list of names (or the knowledge file itself). */
async function engineMethods() {
  const { createAnalyzer, parseKnowledge } = await import('../dist/engine.mjs');
  const bundle = parseKnowledge(readFileSync('dist/knowledge.json', 'utf8'));
  const names = () => [...new Set(bundle.entities.flatMap((entity) => entity.aliases.map((alias) => alias.text)))];
  return [
    {
      name: 'Backstory match and link',
      setup: () => createAnalyzer(bundle),
      run: (analyzer, text) => analyzer.analyze({ text, lang: 'en' }).length,
    },
    {
      name: 'RegExp alternation',
      setup: () => {
        const sorted = names().sort((a, b) => b.length - a.length).map(escapeRegExp);
        return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
      },
      run: (pattern, text) => {
        let count = 0;
        for (const _ of text.matchAll(pattern)) count++;
        return count;
      },
    },
    {
      name: 'modern-ahocorasick',
      setup: async () => {
        const { default: AhoCorasick } = await import('modern-ahocorasick');
        return new AhoCorasick(names());
      },
      run: (automaton, text) => automaton.search(text).length,
    },
    {
      name: 'compromise (people, places, organizations)',
      setup: async () => (await import('compromise')).default,
      run: (nlp, text) => {
        const doc = nlp(text);
        return doc.people().length + doc.places().length + doc.organizations().length;
      },
    },
  ];
}

/**
 * One method on one text, in a process of its own (`--engine-child`): each measurement starts
 * from a fresh heap, so that one method's text or state (a 10 MB text, a lexicon) does not make
 * the collector slower for the next. Prints its figures as JSON.
 */
async function engineChild(methodName, textFile) {
  const text = readFileSync(textFile, 'utf8');
  // What every method shares (the knowledge file read, the list of names) is not its set-up.
  const method = (await engineMethods()).find((candidate) => candidate.name === methodName);
  const before = heapUsed();
  const setupStart = performance.now();
  const state = await method.setup();
  const setupMs = performance.now() - setupStart;
  const heapMB = (heapUsed() - before) / MB;
  // Untimed runs on the text's first 100 KB for the same time for every method, so that the
  // compiler has seen each at work: the figures are steady-state throughput (set-up time is its
  // own column).
  const warmUp = text.slice(0, 100 * 1024);
  const warmUpStart = performance.now();
  do method.run(state, warmUp);
  while (performance.now() - warmUpStart < WARM_UP_MS);
  const runs = text.length >= 10 * MB ? Math.min(RUNS, 3) : RUNS;
  const times = [];
  let found = 0;
  // A fast method runs more often, for at least a second in all: its median is then not one
  // moment of a noisy machine.
  const timedStart = performance.now();
  for (let run = 0; run < runs || (performance.now() - timedStart < MIN_TIMED_MS && run < MAX_RUNS); run++) {
    const start = performance.now();
    found = method.run(state, text);
    times.push(performance.now() - start);
    // One run of a very slow method says enough.
    if (times[0] > SLOW_RUN_MS) break;
  }
  process.stdout.write(`${JSON.stringify({ setupMs, heapMB, ms: median(times), found })}\n`);
}

async function benchEngine() {
  const base = await corpusText();
  const sizes = [['100 KB', 100 * 1024], ['1 MB', MB], ['10 MB', 10 * MB]];
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-text-'));
  const textFiles = new Map(
    sizes.map(([label, chars]) => {
      const file = join(dir, `${label.replace(' ', '')}.txt`);
      writeFileSync(file, textOfSize(base, chars));
      return [label, file];
    }),
  );
  for (const { name } of await engineMethods()) {
    let previousMs = 0;
    for (const [label] of sizes) {
      if (previousMs > SLOW_RUN_MS) {
        results.engine.push({ method: name, size: label, skipped: `over ${SLOW_RUN_MS / 1000} s at the size before` });
        continue;
      }
      const child = spawnSync(process.execPath, ['--expose-gc', 'bench/run.mjs', '--engine-child', name, '--text', textFiles.get(label), '--runs', String(RUNS)], {
        encoding: 'utf8',
        maxBuffer: 16 * MB,
      });
      if (child.status !== 0) throw new Error(`bench: ${name} on ${label} failed: ${child.stderr}`);
      const { setupMs, heapMB, ms, found } = JSON.parse(child.stdout.trim().split('\n').at(-1));
      previousMs = ms;
      results.engine.push({ method: name, size: label, setupMs, heapMB, ms, mbPerS: (sizes.find(([l]) => l === label)[1]) / MB / (ms / 1000), found });
      process.stderr.write(`bench: ${name}, ${label}: ${ms.toFixed(0)} ms\n`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  for (const row of results.engine) {
    const ours = results.engine.find((other) => other.method === 'Backstory match and link' && other.size === row.size);
    if (row.mbPerS && ours?.mbPerS) row.backstoryTimesFaster = ours.mbPerS / row.mbPerS;
  }
}

// ---- 2. The cost in a real page (Chromium) ----

function writeLongArticle(dir) {
  // About 1 MB of text in 20,000 nodes: 2,000 paragraphs of text, links and emphasis.
  const paragraphs = newsParagraphs(MB, 7).slice(0, 2_000);
  const body = paragraphs
    .map((paragraph, i) => {
      const words = paragraph.split(' ');
      const third = Math.floor(words.length / 3);
      return `<p>${words.slice(0, third).join(' ')} <a href="#p${i}">${words.slice(third, third + 3).join(' ')}</a> ${words.slice(third + 3, 2 * third).join(' ')} <em>${words.slice(2 * third, 2 * third + 2).join(' ')}</em> ${words.slice(2 * third + 2).join(' ')}</p>`;
    })
    .join('\n');
  mkdirSync(join(dir, 'long'), { recursive: true });
  writeFileSync(
    join(dir, 'long', 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long article</title><meta property="og:type" content="article"></head><body><article><h1>A long article</h1>${body}</article></body></html>`,
  );
  const sample = readFileSync('tests/fixtures/pages/voa-summit/index.html', 'utf8');
  mkdirSync(join(dir, 'voa-summit'), { recursive: true });
  writeFileSync(join(dir, 'voa-summit', 'index.html'), sample);
  writeFileSync(join(dir, 'voa-summit', 'site.css'), readFileSync('tests/fixtures/pages/voa-summit/site.css'));
}

const SETTLE_MS = 3_000;

// When the first mark is painted: polls every frame, so only on loads that are not traced.
const MARK_WATCH = `
  window.__bench = { markedAt: null };
  const watch = () => {
    if (CSS.highlights && [...CSS.highlights.values()].some((h) => h.size > 0)) window.__bench.markedAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`;

/**
 * Main-thread work of the page's renderer in a trace: every task's CPU time (the trace's thread
 * time: what the main thread computed, not the time it waited for a core, which on a shared
 * machine is mostly other processes), summed, and the same as wall time; the longest task (wall
 * time, as the long-task threshold of 50 ms is); and the tasks that ran the extension's own code
 * (a script event from a chrome-extension:// URL inside the task).
 */
function mainThreadTasks(traceEvents) {
  const frames = traceEvents.find((event) => event.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const rendererPid = frames[0]?.processId;
  const mainThread = traceEvents.find((event) => event.pid === rendererPid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')?.tid;
  const onMain = traceEvents.filter((event) => event.ph === 'X' && event.pid === rendererPid && event.tid === mainThread);
  const tasks = onMain.filter((event) => event.name === 'RunTask');
  const extensionScripts = onMain.filter((event) => String(event.args?.data?.url ?? '').startsWith('chrome-extension://'));
  const ours = tasks.filter((task) => extensionScripts.some((event) => event.ts >= task.ts && event.ts < task.ts + task.dur));
  const wall = (list) => list.map((event) => event.dur / 1000);
  const cpu = (list) => list.map((event) => (event.tdur ?? event.dur) / 1000);
  const sum = (list) => list.reduce((total, value) => total + value, 0);
  return {
    cpuMs: sum(cpu(tasks)),
    wallMs: sum(wall(tasks)),
    longestMs: Math.max(0, ...wall(tasks)),
    extensionCpuMs: sum(cpu(ours)),
    extensionLongestMs: Math.max(0, ...wall(ours)),
  };
}

async function measurePage(browser, url, withExtension) {
  // First load: when are the marks painted? (This also lets the browser compile and cache the
  // content script's code, as for a reader's second article.)
  const first = await browser.newPage();
  await first.evaluateOnNewDocument(MARK_WATCH);
  await first.goto(url, { waitUntil: 'load' });
  if (withExtension) await first.waitForFunction(() => window.__bench.markedAt !== null, { timeout: 60_000 });
  const markedAtMs = await first.evaluate(() => window.__bench.markedAt);
  await first.close();
  // Second load, traced: the main-thread work and the longest task.
  const page = await browser.newPage();
  const tracePath = join(tmpdir(), `backstory-trace-${process.pid}.json`);
  await page.tracing.start({ path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(url, { waitUntil: 'load' });
  // The same quiet time with and without Backstory (no polling from here, which would add
  // tasks of its own): long enough for the marks of the long article.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await page.tracing.stop();
  const tasks = mainThreadTasks(JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents);
  const session = await page.createCDPSession();
  await session.send('Performance.enable');
  const metrics = Object.fromEntries((await session.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]));
  await page.close();
  return { cpuMs: tasks.cpuMs, wallMs: tasks.wallMs, heapMB: metrics.JSHeapUsedSize / MB, longestMs: tasks.longestMs, extensionCpuMs: tasks.extensionCpuMs, extensionLongestMs: tasks.extensionLongestMs, markedAtMs };
}

/** The toolbar popup on the sample article, opened as a reader would: its first paint, and when the key points and who-and-what appear (ms after the popup's navigation started). */
async function measurePopup(session, url, openToolbarPopup) {
  const page = await session.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => CSS.highlights.has('backstory-place'));
  const popup = await openToolbarPopup(session, page);
  await popup.waitForSelector('.points li');
  const keyPointsMs = await popup.evaluate(() => performance.now());
  await popup.waitForSelector('.who .entity');
  const whoAndWhatMs = await popup.evaluate(() => performance.now());
  await popup.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const firstPaintMs = await popup.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await popup.close();
  await page.close();
  return { firstPaintMs, keyPointsMs, whoAndWhatMs };
}

async function knowledgeColdLoadMs(session) {
  const worker = await session.browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().includes(session.extensionId));
  const handle = await worker.worker();
  return handle.evaluate(() => performance.getEntriesByName('backstory-knowledge-load').at(-1)?.duration ?? null);
}

async function benchPage() {
  const { BROWSERS, launchWithExtension, openToolbarPopup, startFixtureServer } = await (await import('../scripts/load-harness.mjs')).loadHarness();
  const chromium = BROWSERS.find((spec) => spec.product === 'chrome');
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  writeLongArticle(dir);
  const server = await startFixtureServer(dir);
  const pages = [['sample article', '/voa-summit/'], ['1 MB article, 20,000 nodes', '/long/']];
  const rows = new Map(pages.map(([label]) => [label, { with: [], without: [], coldLoad: [] }]));
  const popupRuns = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh browser each run, so that the knowledge file is loaded cold every time. The
    // baseline is the same page in the same browser at 127.0.0.1, where Backstory does not run.
    const session = await launchWithExtension(chromium);
    for (const [label, path] of pages) {
      const row = rows.get(label);
      row.with.push(await measurePage(session.browser, server.url(path), true));
      if (label === pages[0][0]) {
        row.coldLoad.push(await knowledgeColdLoadMs(session));
        popupRuns.push(await measurePopup(session, server.url(path), openToolbarPopup));
      }
      row.without.push(await measurePage(session.browser, `http://127.0.0.1:${server.port}${path}`, false));
    }
    await session.close();
    process.stderr.write(`bench: page run ${run + 1}/${RUNS}\n`);
  }
  await server.close();
  results.popup = {
    firstPaintMs: median(popupRuns.map((run) => run.firstPaintMs)),
    keyPointsMs: median(popupRuns.map((run) => run.keyPointsMs)),
    whoAndWhatMs: median(popupRuns.map((run) => run.whoAndWhatMs)),
  };
  for (const [label, row] of rows) {
    const pick = (list, key) => median(list.map((item) => item[key]));
    results.page.push({
      page: label,
      markedAtMs: pick(row.with, 'markedAtMs'),
      addedCpuMs: pick(row.with, 'cpuMs') - pick(row.without, 'cpuMs'),
      addedWallMs: pick(row.with, 'wallMs') - pick(row.without, 'wallMs'),
      extensionCpuMs: pick(row.with, 'extensionCpuMs'),
      extensionLongestTaskMs: pick(row.with, 'extensionLongestMs'),
      longestTaskMs: pick(row.with, 'longestMs'),
      longestTaskWithoutMs: pick(row.without, 'longestMs'),
      addedHeapMB: pick(row.with, 'heapMB') - pick(row.without, 'heapMB'),
      knowledgeColdLoadMs: row.coldLoad.length ? median(row.coldLoad) : null,
      runs: { with: row.with, without: row.without },
    });
  }
}

// ---- 3. Sizes ----

function benchSizes() {
  const files = [
    ['content script (the loader content.js and the module content-main.js it imports)', ['dist/chrome/content.js', 'dist/chrome/content-main.js']],
    ['card module (imported by the content script on the first card)', 'dist/chrome/card-ui.js'],
    ['content script in Firefox (one bundle, the card included)', 'dist/firefox/content.js'],
    ['background', 'dist/chrome/background.js'],
    ['popup', 'dist/chrome/popup/popup.js'],
    ['reader (injected by the popup on demand)', 'dist/chrome/reader.js'],
    ['options', 'dist/chrome/options/options.js'],
    ['knowledge: names and index (as shipped, read at a cold start)', 'dist/chrome/knowledge-names.json'],
    ['knowledge: cards (as shipped, read on the first card)', 'dist/chrome/knowledge-cards.json.gz'],
    ['knowledge file (JSON)', 'dist/knowledge.json'],
  ];
  for (const [label, file] of files) {
    // A part in several files counts each file gzipped on its own, as the browser reads them.
    const parts = [file].flat();
    const kb = parts.reduce((sum, part) => sum + statSync(part).size / 1024, 0);
    const gzipKb = parts.reduce((sum, part) => {
      const bytes = readFileSync(part);
      return sum + (part.endsWith('.gz') ? bytes.length : gzipSync(bytes).length) / 1024;
    }, 0);
    results.sizes.push({ what: label, file: parts.join(' + '), kb, gzipKb });
  }
}

// ---- Report ----

function fixed(value, digits = 1) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(digits);
}

function markdown() {
  const m = results.machine;
  const lines = [`# Backstory benchmarks`, '', `Measured ${m.date} on ${m.cpu}, ${m.memory}, Node ${m.node}, ${m.chromium}. Medians of ${RUNS} runs; ratios from the same run.`, '', 'Engine: each method on each text in a process of its own (a fresh heap), after 3 s of untimed runs on the text\'s first 100 KB, then timed for at least a second (and at least the runs above; 3 on 10 MB).', ''];
  if (results.engine.length) {
    lines.push('## Engine: names in news text (same text, same names)', '', '| method | text | MB/s | set-up ms | heap after set-up MB | Backstory is × faster |', '| --- | --- | ---: | ---: | ---: | ---: |');
    for (const row of results.engine) {
      lines.push(row.skipped ? `| ${row.method} | ${row.size} | (${row.skipped}) | | | |` : `| ${row.method} | ${row.size} | ${fixed(row.mbPerS, 2)} | ${fixed(row.setupMs, 0)} | ${fixed(row.heapMB)} | ${fixed(row.backstoryTimesFaster, 1)} |`);
    }
    lines.push('');
  }
  if (results.page.length) {
    lines.push(
      '## In the page (Chromium, with the extension against without it)',
      '',
      "Main-thread time added: the CPU time of all the page's main-thread tasks with the extension minus without it (the trace's thread time: what the thread computed, which also counts the rendering of the marks, and not the time it waited for a core on this shared machine); the same in wall time, which that waiting blurs, beside it. Backstory's own tasks: the CPU time of the tasks that ran the extension's code (a trace event from its script inside the task); the longest of them, and the longest task of all, in wall time.",
      '', '| page | marks painted at ms | main-thread time added ms, CPU (wall) | Backstory\'s own tasks ms, CPU (longest) | longest task ms (without) | heap added MB | knowledge cold load ms |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of results.page) lines.push(`| ${row.page} | ${fixed(row.markedAtMs, 0)} | ${fixed(row.addedCpuMs)} (${fixed(row.addedWallMs)}) | ${fixed(row.extensionCpuMs)} (${fixed(row.extensionLongestTaskMs)}) | ${fixed(row.longestTaskMs, 0)} (${fixed(row.longestTaskWithoutMs, 0)}) | ${fixed(row.addedHeapMB, 2)} | ${fixed(row.knowledgeColdLoadMs, 0)} |`);
    lines.push('');
  }
  if (results.popup) {
    const p = results.popup;
    lines.push('## Toolbar popup on the sample article (Chromium, ms after it opens)', '', '| first paint | key points shown | who and what shown |', '| ---: | ---: | ---: |', `| ${fixed(p.firstPaintMs, 0)} | ${fixed(p.keyPointsMs, 0)} | ${fixed(p.whoAndWhatMs, 0)} |`, '');
  }
  if (results.sizes.length) {
    lines.push('## Sizes', '', '| what | KB | gzipped KB |', '| --- | ---: | ---: |');
    for (const row of results.sizes) lines.push(`| ${row.what} | ${fixed(row.kb)} | ${fixed(row.gzipKb)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

if (values['engine-child']) {
  await engineChild(values['engine-child'], values.text);
  process.exit(0);
}
if (values.part === 'all' || values.part === 'sizes') benchSizes();
if (values.part === 'all' || values.part === 'engine') await benchEngine();
if (values.part === 'all' || values.part === 'page') await benchPage();
const report = markdown();
process.stdout.write(`${report}\n`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
// bench/RESULTS.md keeps the last full run: a run of one part prints its table but leaves the
// file alone, so that it never mixes figures of runs measured at different times.
if (values.part === 'all') writeFileSync('bench/RESULTS.md', `${report}\n`);
else process.stderr.write('bench: one part measured; bench/RESULTS.md keeps the last full run\n');
