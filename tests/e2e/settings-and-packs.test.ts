// The options page changes open tabs at once; a knowledge pack brings a new name to the sample
// article; a broken pack is refused whole, with its line and field, and loses nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, openMarkedArticle, markedTexts, markRect, openExtensionPage, useExtensionBrowser, waitForMark } from './harness.js';

const allMarks = (page: Page) => markedTexts(page).then((marks) => Object.entries(marks).filter(([name]) => name !== 'current').flatMap(([, texts]) => texts));

async function upload(options: Page, file: string): Promise<void> {
  const input = (await options.waitForSelector('input[type="file"]')) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error('no file input');
  await input.uploadFile(resolve('tests/fixtures/packs', file));
}

describe.each(BROWSERS)('$name', (spec) => {
  const browser = useExtensionBrowser(spec);

  it('applies the options page to an open tab at once: kinds, style and on/off', async () => {
    const article = await openMarkedArticle(browser);
    const options = await openExtensionPage(browser.session, 'options/options.html');
    expect(await allMarks(article)).toContain('Kim Jong Un');

    await (await options.waitForSelector('input[name="kind-person"]'))?.click();
    await expect.poll(() => allMarks(article)).not.toContain('Kim Jong Un');
    expect(await allMarks(article)).toContain('Panmunjom');
    await (await options.waitForSelector('input[name="kind-person"]'))?.click();
    await expect.poll(() => allMarks(article)).toContain('Kim Jong Un');

    await (await options.waitForSelector('input[value="tint"]'))?.click();
    await article.waitForFunction(() => (CSS.highlights.get('backstory-tint-place')?.size ?? 0) > 0 && !CSS.highlights.has('backstory-place'));
    await (await options.waitForSelector('input[value="hover"]'))?.click();
    await article.waitForFunction(() => ![...CSS.highlights.keys()].some((name) => /^backstory-(tint-)?place$/.test(name)));
    await (await options.waitForSelector('input[value="underline"]'))?.click();
    await article.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0);

    await (await options.waitForSelector('input[name="enabled"]'))?.click();
    await expect.poll(() => allMarks(article).then((marks) => marks.length)).toBe(0);
    await (await options.waitForSelector('input[name="enabled"]'))?.click();
    await expect.poll(() => allMarks(article).then((marks) => marks.length)).toBeGreaterThan(0);
    await Promise.all([options.close(), article.close()]);
  });

  it('imports a pack with an invented entry, which is then marked and carded on the sample article', async () => {
    const article = await openMarkedArticle(browser);
    // The invented name, in a paragraph the page appends (as live pages do).
    await article.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Analysts at the Zorblax Institute in Seoul said the talks would go on.';
      document.querySelector('[itemprop="articleBody"]')?.append(paragraph);
    });
    await waitForMark(article, 'place', 'Seoul');
    expect(await allMarks(article)).not.toContain('Zorblax Institute');
    const options = await openExtensionPage(browser.session, 'options/options.html');
    await upload(options, 'invented.json');
    await options.waitForSelector('::-p-text(holds 1 entries)');
    expect(await options.$eval('.pack-preview th', (cell) => cell.textContent)).toBe('Zorblax Institute');
    await options.locator('::-p-text(Import)').click();
    await options.waitForSelector('::-p-text(Imported “invented” (1 entries).)');

    await expect.poll(() => allMarks(article), { timeout: 10_000 }).toContain('Zorblax Institute');
    await article.bringToFront();
    await article.evaluate(() => document.querySelector('[itemprop="articleBody"] p:last-child')?.scrollIntoView({ block: 'center' }));
    const word = await markRect(article, 'Zorblax Institute');
    await article.mouse.move(word.x, word.y);
    await article.waitForFunction(() => {
      getSelection()?.removeAllRanges();
      return window.find('Invented entry of the end-to-end tests');
    });

    // A broken file: refused whole, with its line and field; the pack and the settings stay.
    await options.bringToFront();
    await upload(options, 'broken.json');
    const alert = await options.waitForSelector('.pack-preview.problems');
    const text = await alert?.evaluate((element) => element.textContent ?? '');
    expect(text).toContain('broken.json cannot be imported');
    expect(text).toMatch(/line 3, kind: /);
    expect(await options.$('::-p-text(Import)')).toBeNull();
    expect(await options.$$eval('.pack-list li', (items) => items.length)).toBe(1);
    expect(await options.$eval('input[name="enabled"]', (input) => (input as HTMLInputElement).checked)).toBe(true);
    expect(await allMarks(article)).toContain('Zorblax Institute');

    // Removing the pack takes its name off the page.
    await (await options.waitForSelector('::-p-text(Close)'))?.click();
    await (await options.waitForSelector('.pack-list li button:last-of-type'))?.click();
    await expect.poll(() => allMarks(article), { timeout: 10_000 }).not.toContain('Zorblax Institute');
    await Promise.all([options.close(), article.close()]);
  });

  it('refuses every kind of bad pack with its reason, loses nothing, and shows markup in fields as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-bad-packs-'));
    const entry = (fields: Record<string, unknown> = {}) => ({ id: 'bad-pack-entry', kind: 'organization', subkind: 'company', name: 'Quorvane Holdings', description: 'An invented company of the end-to-end tests.', ...fields });
    const files: [string, string | Buffer, RegExp][] = [
      ['invalid.json', '[{"id": "x",', /not valid JSON/],
      ['wrong-types.json', JSON.stringify([entry({ kind: 42, aliases: 'all of them' })], null, 1), /line \d+, kind: .*line \d+, aliases: |line \d+, aliases: .*line \d+, kind: /s],
      ['fifty-megabytes.json', Buffer.alloc(50 * 1024 * 1024, 0x20), /the file is 50\.0 MB; a pack file may be at most 2 MB/],
      ['a-million-entries.json', `[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]`, /may be at most 2 MB/],
      ['too-many-entries.json', JSON.stringify(Array.from({ length: 5_001 }, (_, i) => ({ id: `e${i}`, kind: 'other', subkind: 'x', name: `E${i}`, description: 'x' }))), /the file holds 5001 entries; a pack holds at most 5000/],
      ['prototype.json', `[${JSON.stringify(entry()).slice(0, -1)},"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]`, /__proto__/],
      ['duplicate-ids.json', JSON.stringify([entry(), entry()], null, 1), /used twice/],
    ];
    const options = await openExtensionPage(browser.session, 'options/options.html');
    const packsBefore = await options.$$eval('.pack-list li', (items) => items.length);
    for (const [name, content, reason] of files) {
      writeFileSync(join(dir, name), content);
      const input = (await options.waitForSelector('input[type="file"]')) as ElementHandle<HTMLInputElement> | null;
      await input?.uploadFile(join(dir, name));
      await options.waitForSelector(`.pack-preview.problems ::-p-text(${name})`, { timeout: 15_000 });
      const text = (await options.$eval('.pack-preview.problems', (element) => element.textContent ?? '')) ?? '';
      expect(text, name).toMatch(reason);
      expect(await options.$('::-p-text(Import)'), name).toBeNull();
      await options.click('.pack-preview.problems button');
      await options.waitForSelector('.pack-preview.problems', { hidden: true });
    }
    // Nothing came of them: no pack, and no prototype of the page was touched.
    expect(await options.$$eval('.pack-list li', (items) => items.length)).toBe(packsBefore);
    expect(await options.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();

    // Markup in a good file's fields is shown as text, never as markup.
    const markup = '<img src=x onerror="document.title=\'pwned\'">Quorvane <b>Holdings</b>';
    writeFileSync(join(dir, 'markup.json'), JSON.stringify([entry({ name: markup, description: '<script>document.title = "pwned"</script> An invented company.' })]));
    const input = (await options.waitForSelector('input[type="file"]')) as ElementHandle<HTMLInputElement> | null;
    await input?.uploadFile(join(dir, 'markup.json'));
    const heading = await options.waitForSelector('.pack-preview th');
    expect(await heading?.evaluate((cell) => cell.textContent)).toBe(markup);
    expect(await options.$$('.pack-preview img, .pack-preview b, .pack-preview script')).toHaveLength(0);
    expect(await options.evaluate(() => document.title)).not.toBe('pwned');
    await (await options.waitForSelector('.pack-preview ::-p-text(Cancel)'))?.click();
    await options.close();
  });

  it('reports no error from any extension context', async () => {
    expect(await browser.session.extensionErrors()).toEqual([]);
  });
});

describe.each(BROWSERS)('$name, the context menu', (spec) => {
  const browser = useExtensionBrowser(spec);

  /** What the background does on a click of "Backstory: explain …": the same message, from an extension page. */
  async function explain(article: Page, selection: string, id: string | null): Promise<void> {
    const sender = await openExtensionPage(browser.session, 'options/options.html');
    // The article is the active tab again (a page without the "tabs" permission sees no URLs).
    await article.bringToFront();
    const reply = await sender.evaluate(
      async (request) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object): Promise<unknown> } } }).browser;
        const [tab] = await api.tabs.query({ active: true, currentWindow: true });
        return tab?.id === undefined ? 'no tab' : JSON.stringify(await api.tabs.sendMessage(tab.id, request));
      },
      { type: 'bg-cs:explain', selection, id },
    );
    await sender.close();
    expect(reply).toBe(JSON.stringify({ ok: true, value: { shown: true } }));
  }

  async function select(article: Page, text: string): Promise<void> {
    await article.evaluate((wanted) => {
      getSelection()?.removeAllRanges();
      window.find(wanted);
    }, text);
  }

  it('opens the card of a selected name, and for an unknown one offers to add it to a pack', async () => {
    const article = await openMarkedArticle(browser);
    await select(article, 'Heather Nauert');
    await explain(article, 'Heather Nauert', 'heather-nauert');
    await article.waitForFunction(() => {
      getSelection()?.removeAllRanges();
      return window.find('Former Fox News anchor');
    });

    await select(article, 'Press Secretary');
    await explain(article, 'Press Secretary', null);
    await article.waitForFunction(() => {
      getSelection()?.removeAllRanges();
      return window.find('Backstory does not know this name.');
    });
    const pagesBefore = (await browser.session.browser.pages()).length;
    // The card lives in a closed shadow root: Chromium reaches its button through the
    // accessibility tree; in Firefox, the reader's click lands where find() shows the label.
    if (spec.product === 'chrome') {
      await article.locator('::-p-aria([name="Add it to my knowledge"][role="button"])').click();
    } else {
      const button = await article.evaluate(() => {
        getSelection()?.removeAllRanges();
        window.find('Add it to my knowledge');
        const rect = getSelection()?.getRangeAt(0).getBoundingClientRect();
        return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
      });
      expect(button).not.toBeNull();
      await article.mouse.click(button!.x, button!.y);
    }
    await expect.poll(async () => (await browser.session.browser.pages()).length).toBeGreaterThan(pagesBefore);
    const options = (await browser.session.browser.pages()).at(-1)!;
    const name = await options.waitForSelector('input[name="add-name"]');
    expect(await name?.evaluate((input) => (input as HTMLInputElement).value)).toBe('Press Secretary');
    await options.close();
    await article.close();
  });
});
