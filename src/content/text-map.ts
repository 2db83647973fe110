// Reads an article's visible text into one string, with a map from offsets back to the text
// nodes, so that the engine's offsets become DOM ranges. Whitespace characters are read as
// spaces one for one (offsets stay exact); block boundaries become "\n\n", which map to no node.

import { MAX_ARTICLE_CHARS } from '../platform/limits.js';

// Never part of the article: navigation, asides, forms and what users type, code, comments.
const EXCLUDED = [
  'nav', 'aside', 'footer', 'form', 'input', 'textarea', 'select', 'button', 'script', 'style', 'noscript',
  'template', 'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'object', 'canvas', 'video', 'audio',
  '[contenteditable]:not([contenteditable="false"])', '[hidden]', '[aria-hidden="true"]', '[role="navigation"]',
  '[role="complementary"]', '[role="search"]', '[role="textbox"]', '[id^="comments" i]', '[class~="comments" i]',
  '[class~="comment" i]', '[class*="comment-list" i]', '[class*="comments-" i]',
  '[class*="byline" i]', '[rel="author"]', '[itemprop="author"]', 'backstory-card',
].join(',');
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE',
  'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'BR', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);
const PARAGRAPH_BREAK = '\n\n';
const WHITESPACE = /[\s\u00a0]/g;

export interface TextMap {
  text: string;
  /** The text nodes, in document order, and where each starts in `text`. */
  nodes: Text[];
  starts: number[];
  /** The article went on past the most text Backstory reads: only its start is in `text`. */
  truncated: boolean;
}

export function isExcluded(element: Element): boolean {
  return element.matches(EXCLUDED) || (typeof element.checkVisibility === 'function' && !element.checkVisibility());
}

/** Work on the page's main thread is cut into slices of at most this long (long tasks are 50 ms). */
export const SLICE_MS = 8;

/** Lets the browser paint and handle input between slices of work. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads the text in slices, yielding to the page between them; stops early when `signal` aborts
 * or after `maxChars` (a hostile or endless page cannot make the work unbounded).
 */
export async function readText(root: Element, signal?: AbortSignal, maxChars = MAX_ARTICLE_CHARS): Promise<TextMap> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node instanceof Element && node !== root && isExcluded(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;
  let truncated = false;
  let sliceStart = performance.now();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      if (signal?.aborted) break;
      sliceStart = performance.now();
    }
    if (node instanceof Text) {
      const data = node.data;
      if (data.length === 0) continue;
      if (length + PARAGRAPH_BREAK.length + data.length > maxChars) {
        truncated = true;
        break;
      }
      if (pendingBreak && length > 0 && data.trim().length > 0) {
        parts.push(PARAGRAPH_BREAK);
        length += PARAGRAPH_BREAK.length;
        pendingBreak = false;
      }
      nodes.push(node);
      starts.push(length);
      parts.push(data.replace(WHITESPACE, ' '));
      length += data.length;
    } else if (node instanceof Element && BLOCKS.has(node.tagName)) {
      pendingBreak = true;
    }
  }
  return { text: parts.join(''), nodes, starts, truncated };
}

/** The node holding `offset` (the last node starting at or before it). */
function nodeIndexAt(map: TextMap, offset: number): number {
  let low = 0;
  let high = map.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((map.starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The DOM range of text[start, end), or null when the text has changed under it. */
export function rangeFor(map: TextMap, start: number, end: number): StaticRange | null {
  const first = nodeIndexAt(map, start);
  const last = nodeIndexAt(map, end - 1);
  const startNode = map.nodes[first];
  const endNode = map.nodes[last];
  if (!startNode || !endNode || !startNode.isConnected || !endNode.isConnected) return null;
  const startOffset = start - (map.starts[first] ?? 0);
  const endOffset = end - (map.starts[last] ?? 0);
  if (startOffset > startNode.length || endOffset > endNode.length) return null;
  return new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset });
}
