import { textStats } from '../engine/text-stats.js';
import type { PageStatus } from '../platform/messages.js';

// Until the article finder lands, the article is the first of these that the page has.
const ARTICLE_SELECTORS = ['article', '[itemprop="articleBody"]', 'main'];

function articleRoot(doc: Document): Element | null {
  for (const selector of ARTICLE_SELECTORS) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  return doc.body;
}

function pageTitle(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  return og || doc.title.trim();
}

export function pageStatus(doc: Document): PageStatus {
  const { words, readingMinutes } = textStats(articleRoot(doc)?.textContent ?? '');
  return { title: pageTitle(doc), words, readingMinutes };
}
