// The built extension, loaded into each real browser, on the sample article.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, markedTexts, markRect, openPopupFor, SAMPLE_ARTICLE_PATH, useExtensionBrowser, type BrowserUnderTest } from './harness.js';

async function openSampleArticle({ session, server }: BrowserUnderTest): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(server.url(SAMPLE_ARTICLE_PATH), { waitUntil: 'load' });
  return page;
}

describe.each(BROWSERS)('$name', (spec) => {
  const browser = useExtensionBrowser(spec);

  it('serves the sample article under a news hostname', async () => {
    const page = await openSampleArticle(browser);
    expect(new URL(page.url()).hostname).toBe('www.voanews.com');
    expect(await page.title()).toContain('North Korean Officials Discuss Preparations');
    await page.close();
  });

  it('runs the content script on the sample article, and the background answers it', async () => {
    const page = await openSampleArticle(browser);
    // Marks are painted only from the background's analysis; the page's main world shares the
    // highlight registry, so the test can see them.
    await page.waitForFunction(() => ['person', 'place', 'organization'].every((kind) => (CSS.highlights.get(`backstory-${kind}`)?.size ?? 0) > 0));
    await page.close();
  });

  it('does not run on a page outside the news sites it is enabled for', async () => {
    // The same page on a plain loopback address; then the news copy, which must get marked.
    // Once the news copy is marked, the content script has had its chance on the first page.
    const outside = await browser.session.browser.newPage();
    await outside.goto(`http://127.0.0.1:${browser.server.port}${SAMPLE_ARTICLE_PATH}`, { waitUntil: 'load' });
    const inside = await openSampleArticle(browser);
    await inside.waitForFunction(() => CSS.highlights.has('backstory-place'));
    expect(await outside.evaluate(() => CSS.highlights.size)).toBe(0);
    await Promise.all([outside.close(), inside.close()]);
  });

  it('gives the gist in the toolbar popup: key points, and who and what, each opening its card', async () => {
    const page = await openSampleArticle(browser);
    await page.waitForFunction(() => CSS.highlights.has('backstory-place'));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const popup = await openPopupFor(browser.session, page);
    const heading = await popup.waitForSelector('h1.page-title');
    expect(await heading?.evaluate((element) => element.textContent)).toBe('US, North Korean Officials Discuss Preparations for Potential Summit');
    expect(await popup.$eval('.status', (element) => element.textContent ?? '')).toMatch(/^May 27, 2018 · [\d,]+ words · \d+ min read$/);

    const points = await popup.$$eval('.points ol li', (items) => items.map((item) => item.textContent ?? ''));
    expect(points).toHaveLength(3);
    const article = await page.evaluate(() => document.querySelector('article')?.textContent?.replace(/\s+/g, ' ') ?? '');
    for (const point of points) expect(article).toContain(point);
    await (await popup.$('::-p-text(More key points)'))?.click();
    await popup.waitForFunction(() => document.querySelectorAll('.points ol li').length === 5);

    await popup.waitForSelector('.who .entity');
    const names = await popup.$$eval('.who .entity', (buttons) => buttons.map((button) => button.textContent ?? ''));
    expect(names).toEqual(expect.arrayContaining(['Kim Jong Un', 'Moon Jae-in', 'Panmunjom']));
    const groups = await popup.$$eval('.who section', (sections) => sections.map((section) => section.getAttribute('aria-label')));
    expect(groups.slice(0, 3)).toEqual(['People', 'Places', 'Organizations']);
    const people = await popup.$$eval('.who section[aria-label="People"] .entity', (buttons) => buttons.map((button) => button.textContent ?? ''));
    expect(people.slice(0, 3)).toEqual(expect.arrayContaining(['Kim Jong Un', 'Donald Trump']));

    // Choosing Panmunjom: its card opens in the popup, and the page scrolls to it and lights it.
    await (await popup.$('.who .entity::-p-text(Panmunjom)'))?.click();
    const card = await popup.waitForSelector('.who .card h2');
    expect(await card?.evaluate((element) => element.textContent)).toBe('Panmunjom');
    await popup.waitForSelector('.who .card .desc');
    await page.waitForFunction(() => (CSS.highlights.get('backstory-current')?.size ?? 0) === 1);
    expect((await markedTexts(page)).current).toEqual(['Panmunjom']);
    // The lit mark is the first mention, and the page has scrolled to it.
    const rect = await markRect(page, 'Panmunjom');
    expect(rect.top >= 0 && rect.bottom <= (await page.evaluate(() => window.innerHeight))).toBe(true);
    mkdirSync('test-results', { recursive: true });
    await popup.screenshot({ path: `test-results/popup-${spec.product}.png` });
    await popup.close();
    await page.close();
  });

  it('offers the selection or the whole page where the page is not an article', async () => {
    const page = await browser.session.browser.newPage();
    await page.goto(browser.server.url('/not-an-article/'), { waitUntil: 'load' });
    const popup = await openPopupFor(browser.session, page);
    await popup.waitForSelector('::-p-text(does not look like a news article)');
    await (await popup.waitForSelector('::-p-text(Analyse the whole page)'))?.click();
    await popup.waitForSelector('.who .entity::-p-text(Singapore)');
    expect(await popup.$eval('.status', (element) => element.textContent ?? '')).toContain('the whole page');
    await popup.close();
    await page.close();
  });

  it('turns marks off for the site from the popup, and on again', async () => {
    const page = await openSampleArticle(browser);
    const marked = () => page.evaluate(() => [...CSS.highlights.values()].reduce((sum, highlight) => sum + highlight.size, 0));
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    const flip = async () => {
      const popup = await openPopupFor(browser.session, page);
      await (await popup.waitForSelector('.site-switch input'))?.click();
      await popup.close();
    };
    await flip();
    await expect.poll(marked).toBe(0);
    await flip();
    await expect.poll(marked).toBeGreaterThan(0);
    await page.close();
  });

  it('reports no error from any extension context', async () => {
    expect(await browser.session.extensionErrors()).toEqual([]);
  });
});
