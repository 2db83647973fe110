// Limits shared by every context, in a module without dependencies.

/** The most article text sent for analysis or read from a tab (about 4 MB of UTF-16). */
export const MAX_ARTICLE_CHARS = 2_000_000;
