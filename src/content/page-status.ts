import { textStats } from '../engine/text-stats.js';
import type { PageStatus } from '../platform/messages.js';
import { MAX_ARTICLE_CHARS } from '../platform/limits.js';
import { describeArticle } from './article-finder.js';

/** What the popup shows about the page: its article's headline, length and reading time. */
export function pageStatus(doc: Document, truncated: boolean): PageStatus {
  const article = describeArticle(doc);
  const { words, readingMinutes } = textStats((article?.root ?? doc.body)?.textContent?.slice(0, MAX_ARTICLE_CHARS) ?? '');
  return { title: article?.title ?? doc.title.trim(), date: article?.date ?? null, words, readingMinutes, truncated };
}
