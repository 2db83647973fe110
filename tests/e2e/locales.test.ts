// The interface in the browser's language: Chromium started in Korean and in Ukrainian shows the
// popup, the options page and a card in that language, dates too. (Firefox takes its interface
// language from installed language packs, which Debian's firefox-esr build does not have.)
import { describe, expect, it } from 'vitest';
import { BROWSERS, openMarkedArticle, markRect, openExtensionPage, openPopupFor, useExtensionBrowser } from './harness.js';

const chromium = BROWSERS.filter((spec) => spec.product === 'chrome');

const CASES = [
  { language: 'ko', keyPoints: '핵심 내용', marks: '표시', date: '2018년 5월 27일', wikipedia: '위키백과에서 자세히 보기' },
  { language: 'uk', keyPoints: 'Ключові тези', marks: 'Позначки', date: '27 травня 2018', wikipedia: 'Докладніше у Вікіпедії' },
] as const;

describe.each(chromium)('$name', (spec) => {
  for (const want of CASES) {
    describe(`in ${want.language}`, () => {
      const browser = useExtensionBrowser(spec, undefined, { language: want.language });

      it('speaks the language in the popup, the options page and the card', async () => {
        const page = await openMarkedArticle(browser);
        const popup = await openPopupFor(browser.session, page);
        await popup.waitForSelector(`::-p-text(${want.keyPoints})`);
        expect(await popup.$eval('.status', (element) => element.textContent ?? '')).toContain(want.date);
        await popup.close();

        const options = await openExtensionPage(browser.session, 'options/options.html');
        expect(await options.$eval('h2', (element) => element.textContent)).toBe(want.marks);
        expect(await options.evaluate(() => document.documentElement.lang)).toBe(want.language);
        await options.close();

        await page.bringToFront();
        const word = await markRect(page, 'Panmunjom');
        await page.mouse.move(word.x, word.y);
        await page.waitForFunction(
          (text) => {
            getSelection()?.removeAllRanges();
            return window.find(text);
          },
          {},
          want.wikipedia,
        );
        await page.close();
      });
    });
  }
});
