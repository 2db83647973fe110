// @vitest-environment jsdom
// The page walker on random DOM trees: whatever the page, the text it reads maps back exactly to
// the text nodes it came from, it never reads what must not be read, and it stops at its limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeFor, readText } from '../../src/content/text-map.js';
import { rangeText } from './static-range.js';

const TAGS = ['p', 'div', 'span', 'em', 'a', 'section', 'li', 'h2', 'blockquote', 'br', 'input', 'textarea', 'style', 'nav', 'code'] as const;
const NEVER_READ = new Set(['input', 'textarea', 'style', 'nav', 'code']);

type Tree = { tag: (typeof TAGS)[number]; hidden: boolean; editable: boolean; children: (Tree | string)[] };

const text = fc.string({ unit: fc.constantFrom('a', 'K', 'é', ' ', '\u00a0', '\n', '판', 'ж', '😀', '-', '.', '\u200d'), maxLength: 12 });
const tree: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    hidden: fc.constantFrom(false, false, false, false, true),
    editable: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
    children: fc.array(fc.oneof({ weight: 2, arbitrary: text }, { weight: 1, arbitrary: tie('node') as fc.Arbitrary<Tree> }), { maxLength: 4 }),
  }),
})).node;

function build(spec: Tree): Element {
  const element = document.createElement(spec.tag);
  if (spec.hidden) element.setAttribute('hidden', '');
  if (spec.editable) element.setAttribute('contenteditable', 'true');
  if (spec.tag === 'br' || spec.tag === 'input') return element;
  for (const child of spec.children) element.append(typeof child === 'string' ? document.createTextNode(child) : build(child));
  return element;
}

/** Whether a node sits inside something the walker must skip. */
function skipped(node: Node, root: Element): boolean {
  for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
    if (NEVER_READ.has(element.localName) || element.hasAttribute('hidden') || element.getAttribute('contenteditable') === 'true') return true;
  }
  return false;
}

describe('the page walker on random DOM trees', () => {
  it('reads text that maps back to its nodes, skipping fields, code, scripts and hidden parts', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (spec) => {
        const root = document.createElement('article');
        root.append(build(spec));
        document.body.replaceChildren(root);
        const map = await readText(root);
        expect(map.nodes).toHaveLength(map.starts.length);
        for (const [i, node] of map.nodes.entries()) {
          expect(skipped(node, root)).toBe(false);
          const start = map.starts[i] ?? 0;
          // Each node's text is in the string at its offset (whitespace read as spaces).
          expect(map.text.slice(start, start + node.data.length)).toBe(node.data.replace(/[\s\u00a0]/g, ' '));
          if (node.data.length > 0) expect(rangeText(rangeFor(map, start, start + node.data.length))).toBe(node.data);
        }
        // Every readable text node was read.
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let readable = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.length > 0 && !skipped(node, root)) readable++;
        expect(map.nodes).toHaveLength(readable);
      }),
      { numRuns: 300 },
    );
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
