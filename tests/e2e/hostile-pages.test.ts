// Pages Backstory does not control, each made from the sample article: a strict CSP, CSS that
// restyles everything, scripts that overwrite built-ins, a huge and deep page, a mutation storm,
// iframes, right-to-left text, quirks mode, form fields, open shadow roots. Backstory keeps
// working where it can, stays out where it must, and never breaks the page.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, markedTexts, markRect, openPopupFor, probeFromOtherExtension, useExtensionBrowser, type BrowserUnderTest } from './harness.js';

const SAMPLE = readFileSync('tests/fixtures/pages/voa-summit/index.html', 'utf8');
const BODY = /<div class="article-body" itemprop="articleBody">([\s\S]*?)<\/div>/.exec(SAMPLE)?.[1] ?? '';

/** Page scripts that replace what a careless extension would rely on. */
const SABOTAGE = `
  Array.prototype.map = function () { throw new Error('map is sabotaged'); };
  Array.prototype.filter = function () { return []; };
  Array.prototype.push = function () { return 0; };
  Array.prototype.includes = function () { return true; };
  Object.defineProperty(Array.prototype, 'length', { get() { return 0; } });
  Element.prototype.attachShadow = function () { throw new Error('no shadow roots here'); };
  Element.prototype.append = function () { throw new Error('no appending'); };
  window.fetch = function () { throw new Error('no fetch'); };
  window.MutationObserver = function () { throw new Error('no observers'); };
  window.Promise = function () { throw new Error('no promises'); };
  JSON.parse = function () { return {}; };
  JSON.stringify = function () { return '{}'; };
  window.setTimeout = function () { return 0; };
  CSS.highlights.set = function () { return this; };
  document.createRange = function () { throw new Error('no ranges'); };
`;

function withHead(extra: string, page = SAMPLE): string {
  return page.replace('</head>', `${extra}\n</head>`);
}

function deepNesting(depth: number, text: string): string {
  return `${'<div>'.repeat(depth)}<p>${text}</p>${'</div>'.repeat(depth)}`;
}

/** The hostile pages, written to a temporary folder that the fixture server serves under the news host. */
function writeHostilePages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-hostile-'));
  const pages: Record<string, string> = {
    csp: withHead(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`),
    restyle: withHead(`<style>
      * { all: unset !important; }
      html, body, main, article, div, p { display: block !important; }
      ::highlight(backstory-person), ::highlight(backstory-place), ::highlight(backstory-current) { color: transparent !important; background: none !important; }
      backstory-card, backstory-card * { display: none !important; opacity: 0 !important; visibility: hidden !important; transform: scale(0) !important; }
      :not(html):not(body) { position: static !important; z-index: 0 !important; }
    </style>`),
    builtins: withHead(`<script>${SABOTAGE}</script>`),
    huge: SAMPLE.replace(
      BODY,
      `${BODY}${deepNesting(2_000, 'Deep inside, Kim Jong Un met Moon Jae-in at Panmunjom.')}${'<p>Filler about Singapore and the Korean peninsula, again and again and again.</p>'.repeat(50_000)}`,
    ),
    storm: withHead(`<script>
      addEventListener('load', () => {
        const ticker = document.createElement('p');
        ticker.id = 'ticker';
        document.querySelector('[itemprop="articleBody"]').append(ticker);
        let n = 0;
        const started = performance.now();
        const timer = setInterval(() => {
          for (let i = 0; i < 10; i++) ticker.textContent = 'Update ' + (n++) + ' from the wires';
          if (n === 2000) {
            const late = document.createElement('p');
            late.textContent = 'Later, the delegation flew on to Pyongyang.';
            ticker.before(late);
          }
          if (performance.now() - started > 10000) { clearInterval(timer); window.stormOver = true; }
        }, 10);
      });
    </script>`),
    frames: SAMPLE.replace('</article>', `<iframe srcdoc="<p>Inside a frame: Donald Trump spoke in Tokyo.</p>" width="400" height="80"></iframe></article>`),
    rtl: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>قمة</title><meta property="og:type" content="article"></head><body><article><h1>محادثات في بانمونجوم</h1>
      ${'<p>التقى مسؤولون أمريكيون وكوريون شماليون في Panmunjom لبحث قمة محتملة بين Donald Trump و Kim Jong Un في Singapore، حسبما قالت وزارة الخارجية.</p>'.repeat(4)}
      </article></body></html>`,
    quirks: SAMPLE.replace(/^<!doctype html>\s*/i, ''),
    fields: SAMPLE.replace(
      '</article>',
      `<form><input value="Kim Jong Un in an input"><textarea>Moon Jae-in in a textarea</textarea></form><div contenteditable="true"><p>Panmunjom in an editable block, Singapore too.</p></div></article>`,
    ),
    shadow: withHead(
      `<script>
        addEventListener('DOMContentLoaded', () => {
          const host = document.createElement('div');
          host.id = 'shadow-host';
          document.querySelector('[itemprop="articleBody"]').append(host);
          host.attachShadow({ mode: 'open' }).innerHTML = '<p>In an open shadow root: Vladimir Putin visited Beijing.</p>';
        });
      </script>`,
    ),
  };
  for (const [name, html] of Object.entries(pages)) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'index.html'), html);
  }
  return dir;
}

async function open({ session, server }: BrowserUnderTest, name: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(server.url(`/${name}/`), { waitUntil: 'load' });
  return page;
}

const marksOf = (page: Page) => markedTexts(page).then((marks) => Object.entries(marks).filter(([name]) => name !== 'current').flatMap(([, texts]) => texts));

/** Rests the pointer on a mark; true when the card then covers the page just below the word. */
async function cardOpensBelow(page: Page, text: string): Promise<boolean> {
  const word = await markRect(page, text);
  await page.mouse.move(word.x, word.y);
  const below = { x: word.left + 20, y: word.bottom + 30 };
  try {
    await page.waitForFunction((x, y) => document.elementFromPoint(x, y)?.tagName.toLowerCase() === 'backstory-card', { timeout: 10_000 }, below.x, below.y);
    return true;
  } catch {
    return false;
  }
}

describe.each(BROWSERS)('$name', (spec) => {
  const browser = useExtensionBrowser(spec, writeHostilePages);

  it('marks and cards a page with a strict CSP (default-src none), the card styled', async () => {
    const page = await open(browser, 'csp');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    expect(await cardOpensBelow(page, 'Panmunjom')).toBe(true);
    await page.close();
  });

  it('keeps the card visible when page CSS restyles everything, highlights and custom elements included', async () => {
    const page = await open(browser, 'restyle');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    expect(await cardOpensBelow(page, 'Panmunjom')).toBe(true);
    await page.close();
  });

  it('works when page scripts overwrite built-ins (arrays, shadow roots, fetch, observers, JSON, ranges)', async () => {
    const page = await open(browser, 'builtins');
    await page.waitForFunction(() => (window as unknown as { CSS: { highlights: { size: number } } }).CSS.highlights.size > 0, { timeout: 10_000 });
    const marks = await page.evaluate(() => {
      // The page's own Array.prototype is sabotaged: read the registry with a clean one.
      const frame = document.createElement('iframe');
      document.documentElement.appendChild(frame);
      const { Array: clean, Range: CleanRange } = frame.contentWindow as unknown as { Array: ArrayConstructor; Range: typeof Range };
      const found: string[] = [];
      const text = (mark: AbstractRange) => {
        const range = new CleanRange();
        range.setStart(mark.startContainer, mark.startOffset);
        range.setEnd(mark.endContainer, mark.endOffset);
        return range.toString();
      };
      CSS.highlights.forEach((highlight) => highlight.forEach((mark) => void clean.prototype.push.call(found, text(mark))));
      return clean.prototype.join.call(found, '|');
    });
    expect(marks).toContain('Panmunjom');
    await page.close();
  });

  it('marks a 5 MB page of 50,000 paragraphs and 2,000-deep nesting without hanging, and says it stopped early', async () => {
    const page = await open(browser, 'huge');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0, { timeout: 30_000 });
    // The page stays responsive: a round trip through its event loop is quick.
    const started = Date.now();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(Date.now() - started).toBeLessThan(1_000);
    const popup = await openPopupFor(browser.session, page);
    await popup.waitForSelector('::-p-text(Backstory marked names in its first part only)', { timeout: 30_000 });
    await Promise.all([popup.close(), page.close()]);
  }, 90_000);

  it('stays bounded in a mutation storm (1,000 changes a second for 10 s) and keeps up with the page', async () => {
    const page = await open(browser, 'storm');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    // The page measures its own event loop: how late a 50 ms timer fires, at worst.
    await page.evaluate(() => {
      const state = { worst: 0 };
      (window as unknown as { lag: typeof state }).lag = state;
      let expected = performance.now() + 50;
      const tick = () => {
        const now = performance.now();
        state.worst = Math.max(state.worst, now - expected);
        expected = now + 50;
        if (!(window as unknown as { stormOver?: boolean }).stormOver) setTimeout(tick, 50);
      };
      setTimeout(tick, 50);
    });
    // A paragraph added two seconds into the storm is marked while the storm goes on: analysis
    // keeps up with the page, at a bounded rate.
    await expect.poll(() => marksOf(page), { timeout: 7_000, interval: 250 }).toContain('Pyongyang');
    expect(await page.evaluate(() => (window as unknown as { stormOver?: boolean }).stormOver)).toBeUndefined();
    await page.waitForFunction(() => (window as unknown as { stormOver?: boolean }).stormOver === true, { timeout: 20_000, polling: 500 });
    const worst = await page.evaluate(() => (window as unknown as { lag: { worst: number } }).lag.worst);
    expect(worst).toBeLessThan(250);
    await page.close();
  }, 60_000);

  it('leaves iframes alone and marks the article around them', async () => {
    const page = await open(browser, 'frames');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(await frame?.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await marksOf(page)).not.toContain('Tokyo');
    await page.close();
  });

  it('marks a right-to-left page, and the card opens inside the viewport', async () => {
    const page = await open(browser, 'rtl');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    expect(await marksOf(page)).toEqual(expect.arrayContaining(['Panmunjom', 'Donald Trump']));
    expect(await cardOpensBelow(page, 'Panmunjom')).toBe(true);
    await page.close();
  });

  it('marks a page in quirks mode', async () => {
    const page = await open(browser, 'quirks');
    expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    expect(await marksOf(page)).toContain('Panmunjom');
    await page.close();
  });

  it('never marks inputs, textareas or editable blocks', async () => {
    const page = await open(browser, 'fields');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    const inFields = await page.evaluate(() =>
      [...CSS.highlights.values()].flatMap((highlight) => [...highlight]).filter((range) => range.startContainer.parentElement?.closest('form, [contenteditable]')).length,
    );
    expect(inFields).toBe(0);
    await page.close();
  });

  it('leaves open shadow roots of the page alone and marks the rest', async () => {
    const page = await open(browser, 'shadow');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    expect(await marksOf(page)).not.toContain('Vladimir Putin');
    expect(await page.evaluate(() => document.getElementById('shadow-host')?.shadowRoot?.textContent)).toContain('Vladimir Putin');
    await page.close();
  });

  it('cannot be driven by the page: no message channel into the extension, and posted messages are ignored', async () => {
    const page = await open(browser, 'csp');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    const reached = await page.evaluate(async (id) => {
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, message: object) => Promise<unknown> } } }).chrome?.runtime;
      // A page can only message an extension that lists it under externally_connectable.
      if (typeof runtime?.sendMessage !== 'function') return 'no channel';
      try {
        await runtime.sendMessage(id, { type: 'cs-bg:card', id: 'panmunjom' });
        return 'answered';
      } catch {
        return 'refused';
      }
    }, browser.session.extensionId);
    expect(reached).not.toBe('answered');
    await page.evaluate(() => {
      const selection = getSelection();
      selection?.removeAllRanges();
      window.find('Panmunjom');
      for (const type of ['bg-cs:explain', 'bg-cs:next-mark', 'popup-cs:reveal']) window.postMessage({ type, selection: 'Panmunjom', id: 'panmunjom' }, '*');
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.evaluate(() => document.querySelector('backstory-card'))).toBeNull();
    await page.close();
  });

  it('reads random DOM trees as it must (the page walker\'s property, fuzzed in the real browser)', async () => {
    // The same property as the unit test under jsdom, here with real style and layout.
    const bundle = await esbuild.build({
      stdin: { contents: "import { checkPageWalker } from './tests/shared/page-walker-property.ts'; Object.assign(window, { checkPageWalker });", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'warning',
    });
    const page = await browser.session.browser.newPage();
    await page.goto(`http://127.0.0.1:${browser.server.port}/voa-summit/`, { waitUntil: 'load' });
    await page.evaluate(bundle.outputFiles[0]?.text ?? '');
    const failure = await page.evaluate(() =>
      (window as unknown as { checkPageWalker: (doc: Document, runs: number) => Promise<void> }).checkPageWalker(document, 300).then(
        () => null,
        (error: unknown) => String(error),
      ),
    );
    expect(failure).toBeNull();
    await page.close();
  });

  it('answers no other extension: every message is refused and the lifeline port closed', async () => {
    const results = await probeFromOtherExtension(browser.session);
    expect(Object.keys(results).sort()).toEqual(['cs-bg:add-to-pack', 'cs-bg:analyze', 'cs-bg:card', 'popup-bg:analyze', 'port']);
    for (const [attempt, outcome] of Object.entries(results)) {
      if (attempt === 'port') expect(outcome, attempt).toBe('disconnected');
      else expect(outcome, attempt).toMatch(/^(refused|no answer)/);
    }
  });

  it('reports no error from any extension context', async () => {
    expect(await browser.session.extensionErrors()).toEqual([]);
  });
});
