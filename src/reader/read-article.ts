// Reads the article out of a page with Mozilla's Readability: its headline, date, language and
// text as paragraphs. The same code serves the popup (on a clone of the tab's document) and the
// command line (on a jsdom document), so both see the same text.
import { Readability } from '@mozilla/readability';

export interface ArticleText {
  title: string;
  /** YYYY-MM-DD, when the page says. */
  published: string | null;
  /** The page's declared language (primary subtag), or null when it declares none. */
  language: string | null;
  /** The body: paragraphs separated by blank lines, whitespace collapsed within them. */
  body: string;
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, td, th, dt, dd';
const DATE = /^\d{4}-\d{2}-\d{2}/;

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of the blocks that hold no other block, in reading order. */
export function blockText(body: ParentNode & { textContent: string | null }): string {
  const paragraphs: string[] = [];
  for (const element of body.querySelectorAll(BLOCKS)) {
    if (element.querySelector(BLOCKS)) continue;
    const text = collapse(element.textContent ?? '');
    if (text) paragraphs.push(text);
  }
  if (paragraphs.length === 0) paragraphs.push(collapse(body.textContent ?? ''));
  return paragraphs.join('\n\n');
}

export function metaDate(document: Document): string | null {
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

/**
 * Reads a document, which Readability changes: give it a copy. `parseHtml` turns Readability's
 * cleaned HTML into an inert document (DOMParser in a browser), never into the live page.
 */
export function readArticleFrom(document: Document, parseHtml: (html: string) => Document): ArticleText {
  const published = metaDate(document);
  const language = (document.documentElement.getAttribute('lang') ?? '').split('-')[0] || null;
  const siteNameMeta = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content');
  const parsed = new Readability(document).parse();
  const siteName = siteNameMeta ?? parsed?.siteName ?? '';
  const title = withoutSiteName(collapse(parsed?.title ?? document.title ?? ''), siteName);
  const body = parsed?.content ? blockText(parseHtml(parsed.content).body) : collapse(document.body?.textContent ?? '');
  const publishedTime = parsed?.publishedTime && DATE.test(parsed.publishedTime) ? parsed.publishedTime.slice(0, 10) : null;
  return { title, published: publishedTime ?? published, language: (parsed?.lang ?? '').split('-')[0] || language, body };
}
