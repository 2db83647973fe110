// What reader.js leaves in the tab and gives back to the popup (no dependencies: reader.js
// stays small). The popup validates every reading: the text comes from a page.
export const READER_GLOBAL = 'backstoryRead';
export type ReadScope = 'article' | 'selection' | 'page';

export interface TabReading {
  scope: ReadScope;
  /** The page declares itself an article or reads like one (Readability's test). */
  isArticle: boolean;
  hasSelection: boolean;
  title: string;
  published: string | null;
  language: string | null;
  body: string;
}
