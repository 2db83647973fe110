// @vitest-environment jsdom
// The page walker on random DOM trees: whatever the page, the text it reads maps back exactly to
// the text nodes it came from, it never reads what must not be read, and it stops at its limit.
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/content/text-map.js';
import { checkPageWalker } from '../shared/page-walker-property.js';

describe('the page walker on random DOM trees', () => {
  // The same property runs in Chromium and Firefox (tests/e2e/hostile-pages.test.ts), where
  // hidden parts are hidden by real style.
  it('reads text that maps back to its nodes, skipping fields, code, scripts and hidden parts', async () => {
    await checkPageWalker(document, 300);
  });

  it('stops at its limit however deep or long the page', async () => {
    const root = document.createElement('article');
    let parent: Element = root;
    for (let depth = 0; depth < 1_000; depth++) {
      const child = document.createElement('div');
      parent.append(child);
      parent = child;
    }
    for (let i = 0; i < 2_000; i++) parent.append(Object.assign(document.createElement('p'), { textContent: `Paragraph ${i} about Singapore.` }));
    document.body.replaceChildren(root);
    const map = await readText(root, undefined, 10_000);
    expect(map.truncated).toBe(true);
    expect(map.text.length).toBeLessThanOrEqual(10_000);
    expect((await readText(root)).truncated).toBe(false);
  }, 60_000);
});
