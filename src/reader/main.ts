// reader.js: injected into the active tab by the popup, only when the popup asks (never on page
// load), in the extension's isolated world. It leaves one function there for the popup's next
// executeScript call: read the article, the selection or the whole page, as plain text.
import { isProbablyReaderable } from '@mozilla/readability';
import { declaresArticle } from '../content/article-finder.js';
import { MAX_ARTICLE_CHARS } from '../platform/limits.js';
import { collapse, readArticleFrom } from './read-article.js';
import { READER_GLOBAL, type ReadScope, type TabReading } from './reading.js';

function read(scope: ReadScope): TabReading {
  const language = (document.documentElement.getAttribute('lang') ?? '').split('-')[0] || null;
  const selection = document.getSelection()?.toString().trim() ?? '';
  const isArticle = declaresArticle(document) || isProbablyReaderable(document);
  const base = { scope, isArticle, hasSelection: selection.length > 0 };
  if (scope === 'selection') return { ...base, title: collapse(document.title), published: null, language, body: selection.slice(0, MAX_ARTICLE_CHARS) };
  if (scope === 'page') {
    const body = (document.body?.innerText ?? '').replace(/\n{3,}/g, '\n\n').trim();
    return { ...base, title: collapse(document.title), published: null, language, body: body.slice(0, MAX_ARTICLE_CHARS) };
  }
  const copy = document.cloneNode(true) as Document;
  const article = readArticleFrom(copy, (html) => new DOMParser().parseFromString(html, 'text/html'));
  return { ...base, ...article, body: article.body.slice(0, MAX_ARTICLE_CHARS) };
}

Object.defineProperty(globalThis, READER_GLOBAL, { value: read, configurable: true });
