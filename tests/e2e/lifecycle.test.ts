// When the extension goes away (updated, reloaded, removed) with a tab open, the page must be
// left as if Backstory had never been there: no marks, no card, no error.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, markRect, SAMPLE_ARTICLE_PATH, useExtensionBrowser } from './harness.js';

/** A picture of the article's first paragraphs, as a reader sees them. */
async function articlePicture(page: Page): Promise<string> {
  const clip = await page.$eval('.article-body', (body) => {
    const box = body.getBoundingClientRect();
    return { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 300) };
  });
  await page.mouse.move(1, 1);
  return page.screenshot({ clip, encoding: 'base64' });
}

describe.each(BROWSERS)('$name', (spec) => {
  const browser = useExtensionBrowser(spec);

  it('removes its marks and card from open tabs when the extension is removed', async () => {
    const { server, session } = browser;
    // The same article where Backstory does not run: how the page looks without it.
    const plain = await session.browser.newPage();
    await plain.goto(`http://127.0.0.1:${server.port}${SAMPLE_ARTICLE_PATH}`, { waitUntil: 'load' });
    const unmarked = await articlePicture(plain);

    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.url(SAMPLE_ARTICLE_PATH), { waitUntil: 'load' });
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    const word = await markRect(page, 'Singapore');
    await page.mouse.move(word.x, word.y);
    await page.waitForFunction(() => document.querySelector('backstory-card') !== null);
    await page.bringToFront();
    expect(await articlePicture(page)).not.toBe(unmarked);

    await session.browser.uninstallExtension(session.extensionId);

    // Chrome leaves the old script running, which takes itself down; Firefox unloads it with
    // its stylesheet. Either way the page must look as it did without Backstory.
    await expect.poll(() => articlePicture(page), { timeout: 10_000, interval: 250 }).toBe(unmarked);
    await expect.poll(() => page.evaluate(() => document.querySelector('backstory-card')?.getBoundingClientRect().height ?? 0)).toBe(0);
    expect(errors).toEqual([]);
  });
});
