// The popup reads the active tab on demand: it injects reader.js (activeTab lets it, after the
// reader's click on the toolbar button), calls the function reader.js left there, and validates
// what comes back before using any of it.
import * as v from 'valibot';
import { MAX_ARTICLE_CHARS } from './limits.js';
import { browser } from './browser.js';
import { errorText, fail, ok, type Result } from './result.js';
import { READER_GLOBAL, type ReadScope, type TabReading } from '../reader/reading.js';

const tabReading: v.GenericSchema<TabReading> = v.object({
  scope: v.picklist(['article', 'selection', 'page']),
  isArticle: v.boolean(),
  hasSelection: v.boolean(),
  title: v.pipe(v.string(), v.maxLength(2_000)),
  published: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  language: v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}$/))),
  body: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_CHARS)),
});

/** Pages no extension may read (browser pages, stores); the popup says so instead of failing. */
export function isReadableUrl(url: string | undefined): boolean {
  return url !== undefined && /^(https?|file):/.test(url);
}

export async function readTab(tabId: number, scope: ReadScope): Promise<Result<TabReading>> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/reader.js'] });
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      // Runs in the tab; only its source travels, so it names the global by value.
      func: (name: string, what: ReadScope) => (globalThis as unknown as Record<string, (scope: ReadScope) => unknown>)[name]?.(what),
      args: [READER_GLOBAL, scope],
    });
    const parsed = v.safeParse(tabReading, result?.result);
    if (parsed.success) return ok(parsed.output);
    const [issue] = parsed.issues;
    return fail(`the page gave back something unexpected: ${v.getDotPath(issue) ?? 'the reading'}: ${issue.message}`);
  } catch (error) {
    return fail(errorText(error));
  }
}
