// The page walker's property on random DOM trees, for jsdom (tests/unit) and for real browsers
// (tests/e2e, bundled into a page): whatever the page, the text it reads maps back exactly to
// the text nodes it came from, it never reads what must not be read, and it reads all the rest.
import fc from 'fast-check';
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

function build(doc: Document, spec: Tree): Element {
  const element = doc.createElement(spec.tag);
  if (spec.hidden) element.setAttribute('hidden', '');
  if (spec.editable) element.setAttribute('contenteditable', 'true');
  if (spec.tag === 'br' || spec.tag === 'input') return element;
  for (const child of spec.children) element.append(typeof child === 'string' ? doc.createTextNode(child) : build(doc, child));
  return element;
}

/** Whether a node sits inside something the walker must skip. */
function skipped(node: Node, root: Element): boolean {
  for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
    if (NEVER_READ.has(element.localName) || element.hasAttribute('hidden') || element.getAttribute('contenteditable') === 'true') return true;
  }
  return false;
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** Runs the property `numRuns` times in `doc`; throws fast-check's report (with the smallest failing tree) when it fails. */
export async function checkPageWalker(doc: Document, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(tree, async (spec) => {
      const root = doc.createElement('article');
      root.append(build(doc, spec));
      doc.body.replaceChildren(root);
      const map = await readText(root);
      check(map.nodes.length === map.starts.length, 'a start for every node');
      for (const [i, node] of map.nodes.entries()) {
        check(!skipped(node, root), `read a node it must skip: ${JSON.stringify(node.data)}`);
        const start = map.starts[i] ?? 0;
        // Each node's text is in the string at its offset (whitespace read as spaces).
        check(map.text.slice(start, start + node.data.length) === node.data.replace(/[\s\u00a0]/g, ' '), `node ${i} is not at its offset`);
        if (node.data.length > 0) check(rangeText(rangeFor(map, start, start + node.data.length)) === node.data, `node ${i} does not map back`);
      }
      // Every readable text node was read.
      const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let readable = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.length > 0 && !skipped(node, root)) readable++;
      check(map.nodes.length === readable, `read ${map.nodes.length} of ${readable} readable nodes`);
    }),
    { numRuns },
  );
}
