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

/** The element with the most text, and its length (each element's text is read once: it can be long). */
function largest(elements: Iterable<Element>): { element: Element; chars: number } | null {
  let best: { element: Element; chars: number } | null = null;
  for (const element of elements) {
    const chars = textLength(element);
    if (!best || chars > best.chars) best = { element, chars };
  }
  return best;
}

export function findArticleRoot(doc: Document): Element | null {
  const body = doc.querySelector('[itemprop="articleBody"]');
  const largestArticle = largest(doc.querySelectorAll('article'));
  const article = largestArticle?.element;
  // Prefer <article> (it holds the headline) when it contains the marked-up body.
  if (article && (!body || article.contains(body)) && (largestArticle?.chars ?? 0) >= MIN_ARTICLE_CHARS) return article;
  if (body && textLength(body) >= MIN_ARTICLE_CHARS) return body;
  const dense = densestParagraphBlock(doc);
  if (dense) return dense;
  return declaresArticle(doc) ? (doc.querySelector('main') ?? null) : null;
}

function metaContent(doc: Document, selector: string): string | undefined {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
}

/** Where a page states its date, most trusted first; each is read only if those before say nothing. */
const DATE_SOURCES: readonly ((doc: Document) => Iterable<string | undefined>)[] = [
  (doc) => [metaContent(doc, 'meta[property="article:published_time"]')],
  (doc) => [metaContent(doc, 'meta[itemprop="datePublished"]')],
  (doc) => [...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) => /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '')?.[1]),
  (doc) => [doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? undefined],
];

export function publicationDate(doc: Document): string | undefined {
  for (const source of DATE_SOURCES) {
    for (const value of source(doc)) if (value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  }
  return undefined;
}

export function describeArticle(doc: Document): ArticleInfo | null {
  const root = findArticleRoot(doc);
  if (!root) return null;
  const headline = root.querySelector('h1')?.textContent?.trim();
  const title = headline || metaContent(doc, 'meta[property="og:title"]') || doc.title.trim();
  const lang = (root.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement.lang) || undefined;
  return { root, title, date: publicationDate(doc), lang };
}
