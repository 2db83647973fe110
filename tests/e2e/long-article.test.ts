// A long article: marks stay painted around the reader, however long the page, and follow
// scrolling (Chromium re-lays out every registered range whenever highlights change).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './harness.js';

const MAX_PAINTED_RANGES = 1_000;
const COPIES = 40;

/** The sample article's paragraphs, forty times over: about 3,000 marks. */
function writeLongPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-long-'));
  const sample = readFileSync('tests/fixtures/pages/voa-summit/index.html', 'utf8');
  const body = /<div class="article-body" itemprop="articleBody">([\s\S]*?)<\/div>/.exec(sample)?.[1] ?? '';
  const page = sample.replace(body, body.repeat(COPIES));
  mkdirSync(join(dir, 'long'), { recursive: true });
  writeFileSync(join(dir, 'long', 'index.html'), page);
  return dir;
}

const registeredRanges = () => [...CSS.highlights].filter(([name]) => name.startsWith('backstory-')).reduce((sum, [, h]) => sum + h.size, 0);

describe.each(BROWSERS)('$name', (spec) => {
  const browser = useExtensionBrowser(spec, writeLongPage);

  it('keeps at most a thousand ranges registered and moves them with the reader', async () => {
    const { server, session } = browser;
    const page = await session.browser.newPage();
    await page.goto(server.url('/long/'), { waitUntil: 'load' });
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    expect(await page.evaluate(registeredRanges)).toBeLessThanOrEqual(MAX_PAINTED_RANGES);
    const lastParagraph = 'Leaders of North and South Korea also agreed';
    const markedNear = () =>
      page.evaluate((text) => {
        const paragraphs = [...document.querySelectorAll('.article-body p')].filter((p) => p.textContent?.includes(text));
        const last = paragraphs.at(-1);
        return [...(CSS.highlights.get('backstory-organization') ?? [])].some((range) => last?.contains(range.startContainer));
      }, lastParagraph);
    expect(await markedNear()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(markedNear).toBe(true);
    expect(await page.evaluate(registeredRanges)).toBeLessThanOrEqual(MAX_PAINTED_RANGES);
  });
});
