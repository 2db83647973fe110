// Reads an article from a file the way the browser will see it: HTML through Mozilla's
// Readability, plain text as it is (its first line taken as the headline).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';

export interface Article {
  title: string;
  published: string | null;
  /** The page's declared language, or null when it declares none. */
  language: string | null;
  /** Paragraphs separated by blank lines, whitespace collapsed within them. */
  text: string;
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, td, th, dt, dd';
const DATE = /^\d{4}-\d{2}-\d{2}/;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of the blocks that hold no other block, in reading order. */
function blockText(html: string): string {
  const document = new JSDOM(`<body>${html}</body>`).window.document;
  const paragraphs: string[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    if (element.querySelector(BLOCKS)) continue;
    const text = collapse(element.textContent ?? '');
    if (text) paragraphs.push(text);
  }
  if (paragraphs.length === 0) paragraphs.push(collapse(document.body.textContent ?? ''));
  return paragraphs.join('\n\n');
}

function metaDate(document: Document): string | null {
  const candidates = [
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    document.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    document.querySelector('meta[name="date"]')?.getAttribute('content'),
    document.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    candidates.push(match?.[1]);
  }
  return candidates.find((value): value is string => typeof value === 'string' && DATE.test(value))?.slice(0, 10) ?? null;
}

/** "Headline - Breitbart", "Headline | The Site": the site's name is not part of the headline. */
function withoutSiteName(title: string, siteName: string): string {
  const parts = title.split(/\s+[-|–—]\s+/);
  const last = parts[parts.length - 1] ?? '';
  const looksLikeSite = parts.length > 1 && (last === siteName.trim() || last.split(' ').length <= 3);
  return looksLikeSite ? parts.slice(0, -1).join(' - ') : title;
}

export function articleFromHtml(html: string, url = 'https://example.org/article'): Article {
  const dom = new JSDOM(html, { url });
  const document = dom.window.document;
  const published = metaDate(document);
  const language = (document.documentElement.getAttribute('lang') ?? '').split('-')[0] || null;
  const parsed = new Readability(document).parse();
  const siteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? parsed?.siteName ?? '';
  const title = withoutSiteName(collapse(parsed?.title ?? document.title ?? ''), siteName);
  const body = parsed?.content ? blockText(parsed.content) : collapse(document.body?.textContent ?? '');
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  const publishedTime = parsed?.publishedTime && DATE.test(parsed.publishedTime) ? parsed.publishedTime.slice(0, 10) : null;
  return { title, published: publishedTime ?? published, language: (parsed?.lang ?? '').split('-')[0] || language, text };
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
