// Finds the article in a news page: the element that holds its text, and what the page says
// about it (headline, date, language).

// A block of paragraphs counts as the article only with at least this much text.
const MIN_ARTICLE_CHARS = 500;
const ARTICLE_TYPES = /(?:^|")(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting)(?:"|$)/;

export interface ArticleInfo {
  root: Element;
  title: string;
  /** YYYY-MM-DD, when the page says. */
  date: string | undefined;
  lang: string | undefined;
}

function textLength(element: Element): number {
  return element.textContent?.length ?? 0;
}

/** Whether the page declares itself an article (JSON-LD or Open Graph). */
export function declaresArticle(doc: Document): boolean {
  if (doc.querySelector('meta[property="og:type"][content="article" i]')) return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    if (ARTICLE_TYPES.test(script.textContent ?? '')) return true;
  }
  return false;
}

/** The element whose direct paragraphs hold the most text: the article body of an unmarked page. */
function densestParagraphBlock(doc: Document): Element | null {
  const totals = new Map<Element, number>();
  for (const paragraph of doc.querySelectorAll('p')) {
    const parent = paragraph.parentElement;
    if (parent) totals.set(parent, (totals.get(parent) ?? 0) + textLength(paragraph));
  }
  let best: Element | null = null;
  let bestChars = 0;
  for (const [element, chars] of totals) {
    if (chars > bestChars) [best, bestChars] = [element, chars];
  }
  return bestChars >= MIN_ARTICLE_CHARS ? best : null;
}

function largest(elements: Iterable<Element>): Element | null {
  let best: Element | null = null;
  for (const element of elements) if (!best || textLength(element) > textLength(best)) best = element;
  return best;
}

export function findArticleRoot(doc: Document): Element | null {
  const body = doc.querySelector('[itemprop="articleBody"]');
  const article = largest(doc.querySelectorAll('article'));
  // Prefer <article> (it holds the headline) when it contains the marked-up body.
  if (article && (!body || article.contains(body)) && textLength(article) >= MIN_ARTICLE_CHARS) return article;
  if (body && textLength(body) >= MIN_ARTICLE_CHARS) return body;
  const dense = densestParagraphBlock(doc);
  if (dense) return dense;
  return declaresArticle(doc) ? (doc.querySelector('main') ?? null) : null;
}

function metaContent(doc: Document, selector: string): string | undefined {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
}

export function publicationDate(doc: Document): string | undefined {
  const candidates = [
    metaContent(doc, 'meta[property="article:published_time"]'),
    metaContent(doc, 'meta[itemprop="datePublished"]'),
    ...[...doc.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) => /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '')?.[1],
    ),
    doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? undefined,
  ];
  return candidates.find((value): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value))?.slice(0, 10);
}

export function describeArticle(doc: Document): ArticleInfo | null {
  const root = findArticleRoot(doc);
  if (!root) return null;
  const headline = root.querySelector('h1')?.textContent?.trim();
  const title = headline || metaContent(doc, 'meta[property="og:title"]') || doc.title.trim();
  const lang = (root.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement.lang) || undefined;
  return { root, title, date: publicationDate(doc), lang };
}
