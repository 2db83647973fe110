// What a reader meets on the sample article: marks, a card on hover, Esc, the keyboard path, a
// living page, an untouched DOM, and no request leaving the browser.
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, markRect, openExtensionPage, markedTexts, SAMPLE_ARTICLE_PATH, useExtensionBrowser, waitForMark, openMarkedArticle, SENTINEL_PROBE_HOST } from './harness.js';

declare global {
  interface Window {
    /** Finds text in the page as the browser's find bar does (non-standard, in both browsers). */
    find(text: string): boolean;
  }
}

const SCREENSHOT_DIR = 'test-results';
const CARD_HOST = 'backstory-card';

/** Whether text is shown in the page, shadow roots included (window.find sees what a reader sees). */
function showsText(page: Page, text: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    getSelection()?.removeAllRanges();
    return window.find(wanted);
  }, text);
}

async function waitForText(page: Page, text: string, shown = true): Promise<void> {
  await page.waitForFunction(
    (wanted, expected) => {
      getSelection()?.removeAllRanges();
      return window.find(wanted) === expected;
    },
    { polling: 100 },
    text,
    shown,
  );
}

describe.each(BROWSERS)('$name', (spec) => {
  const browser = useExtensionBrowser(spec);
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    page = await browser.session.browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(browser.server.url(SAMPLE_ARTICLE_PATH), { waitUntil: 'load' });
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
  });

  it('marks Panmunjom, Singapore and KCNA, and nothing outside the article', async () => {
    const marks = await markedTexts(page);
    expect(marks.place).toEqual(expect.arrayContaining(['Panmunjom', 'Singapore']));
    expect(marks.organization).toContain('KCNA');
    expect(marks.person).toEqual(expect.arrayContaining(['Kim Jong Un', 'Moon Jae-in', 'Kim', 'Moon']));
    // The comment box and the related links name Kim Jong Un and Panmunjom too; they are not the article.
    const inArticle = await page.evaluate(() =>
      [...CSS.highlights]
        .filter(([name]) => name.startsWith('backstory-'))
        .flatMap(([, highlight]) => [...highlight])
        .every((range) => range.startContainer.parentElement?.closest('article') !== null),
    );
    expect(inArticle).toBe(true);
  });

  it('leaves the page’s DOM as it was', async () => {
    const unchanged = await page.evaluate(async (host) => {
      const original = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const live = document.documentElement.cloneNode(true);
      if (!(live instanceof Element)) return false;
      for (const element of live.querySelectorAll(host)) element.remove();
      return live.outerHTML === original.documentElement.outerHTML;
    }, CARD_HOST);
    expect(unchanged).toBe(true);
  });

  it('shows Panmunjom’s card when the pointer rests on the word, beside it', async () => {
    expect(await showsText(page, 'Demilitarized Zone')).toBe(false);
    const word = await markRect(page, 'Panmunjom');
    await page.mouse.move(word.x, word.y);
    await waitForText(page, 'Truce village in the Korean Demilitarized Zone');
    expect(await showsText(page, 'Read more on Wikipedia')).toBe(true);
    // The card is the one element Backstory adds, and it does not cover the word it explains.
    expect(await page.$$eval(CARD_HOST, (hosts) => hosts.length)).toBe(1);
    expect(await page.evaluate((x, y) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), word.x, word.y)).not.toBe(CARD_HOST);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/card-${spec.product}.png` });
  });

  it.runIf(spec.product === 'chrome')('gives a screen reader a dialog named after the entity, with its description', async () => {
    const snapshot = await page.accessibility.snapshot({ interestingOnly: true });
    const dialogs: { name?: string; description?: string }[] = [];
    const walk = (node: { role?: string; name?: string; description?: string; children?: unknown[] } | null) => {
      if (!node) return;
      if (node.role === 'dialog') dialogs.push(node);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(snapshot);
    expect(dialogs).toEqual([expect.objectContaining({ name: 'Panmunjom', description: expect.stringContaining('Demilitarized Zone') })]);
  });

  it('closes the card on Esc', async () => {
    await page.keyboard.press('Escape');
    await waitForText(page, 'Truce village in the Korean Demilitarized Zone', false);
  });

  it('opens a card from the keyboard (Alt+Shift+B walks the marks)', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyB');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    // The first mark of the article is its headline's "US".
    await waitForText(page, 'Read more on Wikipedia');
    await page.keyboard.press('Escape');
    await waitForText(page, 'Read more on Wikipedia', false);
  });

  it('marks a paragraph appended later', async () => {
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Officials from Mongolia offered to host a later meeting.';
      document.querySelector('.article-body')?.append(paragraph);
    });
    await waitForMark(page, 'place', 'Mongolia');
  });

  it('sends no request anywhere but the page’s own server', async () => {
    // data: and blob: URLs are read in the browser, and so are the extension's own files (the
    // content script's module and the card module, at their per-session URLs in Chromium): they go nowhere.
    const elsewhere = requests.filter((url) => !url.startsWith(browser.server.url('/')) && !/^(data|blob):/.test(url) && !/^(chrome|moz)-extension:\/\/[\w-]+\/(content-main|card-ui)\.js$/.test(url));
    expect(elsewhere).toEqual([]);
    // The check sees the page's requests: the article itself went through it.
    expect(requests).toContain(browser.server.url(SAMPLE_ARTICLE_PATH));
  });

  it.runIf(spec.product === 'firefox')('sends nothing out to the network from any context (Firefox sends all its traffic to a sentinel proxy)', async () => {
    // The sentinel sees what is sent out: a request from the page to another host reaches it.
    const page = await openMarkedArticle(browser);
    await page.evaluate((host) => fetch(`http://${host}/probe`).catch(() => undefined), SENTINEL_PROBE_HOST);
    await page.close();
    // Everything the suite did so far (marks, cards, the popup, options) sent nothing else out.
    expect(browser.session.backgroundRequests()).toEqual([`http://${SENTINEL_PROBE_HOST}/probe`]);
  });

  it.runIf(spec.product === 'chrome')('sends no request from the background but for its own files', () => {
    const outside = (browser.session.backgroundRequests() ?? []).filter((url) => !url.startsWith(`chrome-extension://${browser.session.extensionId}/`));
    expect(outside).toEqual([]);
    // The check can see: the knowledge file was fetched from the extension itself.
    expect(browser.session.backgroundRequests()).toEqual(expect.arrayContaining([expect.stringMatching(/knowledge-names\.json$/)]));
  });

  it('reports no error from any extension context', async () => {
    expect(await browser.session.extensionErrors()).toEqual([]);
  });
});

describe.each(BROWSERS)('$name, options page', (spec) => {
  const browser = useExtensionBrowser(spec);

  it('changes the marks in an open tab at once: every mention, or only the first', async () => {
    const { server, session } = browser;
    const article = await session.browser.newPage();
    await article.goto(server.url(SAMPLE_ARTICLE_PATH), { waitUntil: 'load' });
    await article.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0);
    const count = (text: string) => markedTexts(article).then((marks) => Object.values(marks).flat().filter((mark) => mark === text).length);
    expect(await count('Singapore')).toBeGreaterThan(1);

    const options = await openExtensionPage(session, 'options/options.html');
    await (await options.waitForSelector('input[value="first"]'))?.click();
    await expect.poll(() => count('Singapore')).toBe(1);

    await (await options.waitForSelector('input[value="all"]'))?.click();
    await expect.poll(() => count('Singapore')).toBeGreaterThan(1);
  });
});

describe.each(BROWSERS)('$name, single-page sites', (spec) => {
  const browser = useExtensionBrowser(spec);

  it('starts over when the site swaps in another article without a page load', async () => {
    const { server, session } = browser;
    const page = await session.browser.newPage();
    await page.goto(server.url(SAMPLE_ARTICLE_PATH), { waitUntil: 'load' });
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    await page.evaluate(() => {
      history.pushState({}, '', '/voa-summit/next-story');
      const old = document.querySelector('main');
      const next = document.createElement('main');
      const article = document.createElement('article');
      const heading = document.createElement('h1');
      heading.textContent = 'Mongolia Offers to Host Talks';
      article.append(heading);
      for (let i = 0; i < 6; i++) {
        const paragraph = document.createElement('p');
        paragraph.textContent = 'Officials in Ulaanbaatar said Mongolia would welcome a meeting between the two leaders, and the United Nations offered its help with the arrangements.';
        article.append(paragraph);
      }
      next.append(article);
      old?.replaceWith(next);
    });
    await waitForMark(page, 'place', 'Mongolia');
    const texts = await markedTexts(page);
    expect(Object.values(texts).flat()).not.toContain('Panmunjom');
  });
});

describe.each(BROWSERS)('$name, touch screens', (spec) => {
  const browser = useExtensionBrowser(spec);

  it('opens a card when a mark is tapped', async () => {
    const { server, session } = browser;
    const page = await session.browser.newPage();
    await page.setViewport({ width: 800, height: 900, hasTouch: true, isMobile: false });
    await page.goto(server.url(SAMPLE_ARTICLE_PATH), { waitUntil: 'load' });
    await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);
    const word = await markRect(page, 'Panmunjom');
    await page.touchscreen.tap(word.x, word.y);
    await waitForText(page, 'Truce village in the Korean Demilitarized Zone');
  });
});
