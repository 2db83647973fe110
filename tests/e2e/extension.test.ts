// The built extension, loaded into each real browser, on the sample article.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, openToolbarPopup, SAMPLE_ARTICLE_PATH, useExtensionBrowser, type BrowserUnderTest } from './harness.js';

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
    // The content script registers its highlights only after the background has answered its
    // hello; the page's main world shares the highlight registry, so the test can see them.
    await page.waitForFunction(() => ['person', 'place', 'organization', 'event', 'other'].every((kind) => CSS.highlights.has(`backstory-${kind}`)));
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

  it.runIf(spec.product === 'chrome')('shows what it sees on the page in the toolbar popup', async () => {
    const page = await openSampleArticle(browser);
    await page.waitForFunction(() => CSS.highlights.has('backstory-place'));
    const popup = await openToolbarPopup(browser.session, page);
    const heading = await popup.waitForSelector('h1.page-title');
    expect(await heading?.evaluate((element) => element.textContent)).toBe(
      'US, North Korean Officials Discuss Preparations for Potential Summit',
    );
    const status = await popup.$eval('.status', (element) => element.textContent ?? '');
    expect(status).toMatch(/^[\d,]+ words · \d+ min read$/);
    await popup.close();
    await page.close();
  });

  it.runIf(spec.product === 'chrome')('turns marks off for the site from the popup, and on again', async () => {
    const page = await openSampleArticle(browser);
    const marked = () => page.evaluate(() => [...CSS.highlights.values()].reduce((sum, highlight) => sum + highlight.size, 0));
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    const flip = async () => {
      const popup = await openToolbarPopup(browser.session, page);
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
