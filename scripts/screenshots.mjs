#!/usr/bin/env node
// Regenerates the README's screenshot from the current build (run `node build.mjs` first): the
// sample article in Chromium, marked, with Singapore's card open and the popup beside it.
import { mkdir } from 'node:fs/promises';
import { loadHarness } from './load-harness.mjs';

const { BROWSERS, launchWithExtension, markRect, openToolbarPopup, startFixtureServer } = await loadHarness();
const chromium = BROWSERS.find((spec) => spec.product === 'chrome');
const server = await startFixtureServer();
const session = await launchWithExtension(chromium);
try {
  await mkdir('docs', { recursive: true });
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1100, height: 760 });
  await page.goto(server.url('/voa-summit/'), { waitUntil: 'load' });
  await page.waitForFunction(() => CSS.highlights.has('backstory-place'));
  const popup = await openToolbarPopup(session, page);
  await popup.waitForSelector('h1.page-title');
  await popup.setViewport({ width: 340, height: 150 });
  const popupPng = await popup.screenshot({ encoding: 'base64' });
  // Compose: the article, with the popup where the toolbar would drop it.
  await page.evaluate((png) => {
    const shot = new Image();
    shot.src = `data:image/png;base64,${png}`;
    shot.style.cssText = 'position:fixed;top:8px;right:16px;border:1px solid #aaa;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.35);z-index:9999';
    document.body.append(shot);
    return shot.decode();
  }, popupPng);
  const word = await markRect(page, 'Singapore');
  await page.mouse.move(word.x, word.y);
  await page.waitForFunction(() => document.querySelector('backstory-card') !== null);
  await new Promise((resolve) => setTimeout(resolve, 600)); // the card's map and fade-in
  await page.screenshot({ path: 'docs/screenshot.png' });
  process.stdout.write('docs/screenshot.png\n');
} finally {
  await session.close();
  await server.close();
}
