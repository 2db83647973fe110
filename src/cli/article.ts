// Reads an article from a file the way the browser will see it: HTML through Mozilla's
// Readability, plain text as it is (its first line taken as the headline).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { JSDOM } from 'jsdom';
import { collapse, readArticleFrom } from '../reader/read-article.js';

export interface Article {
  title: string;
  published: string | null;
  /** The page's declared language, or null when it declares none. */
  language: string | null;
  /** Paragraphs separated by blank lines, whitespace collapsed within them. */
  text: string;
}

export function articleFromHtml(html: string, url = 'https://example.org/article'): Article {
  const document = new JSDOM(html, { url }).window.document;
  const { title, published, language, body } = readArticleFrom(document, (content) => new JSDOM(`<body>${content}</body>`).window.document);
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return { title, published, language, text };
}

export function articleFromText(raw: string): Article {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const title = collapse(text.split('\n', 1)[0] ?? '');
  return { title, published: null, language: null, text };
}

export async function readArticle(path: string, raw?: string): Promise<Article> {
  const content = raw ?? (await readFile(path, 'utf8'));
  const isHtml = ['.html', '.htm'].includes(extname(path).toLowerCase()) || /^\s*<(!doctype|html)/i.test(content);
  return isHtml ? articleFromHtml(content) : articleFromText(content);
}
