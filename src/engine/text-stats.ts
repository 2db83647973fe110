// Word count and reading time of an article's text.

/** Silent reading of non-fiction in English, words per minute (Brysbaert 2019, J. Mem. Lang.). */
const READING_WORDS_PER_MINUTE = 238;
/** Chinese and Japanese text is read per character, not per word (same meta-analysis). */
const READING_CJK_CHARS_PER_MINUTE = 255;

// Han ideographs and Japanese kana are written without spaces between words.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export interface TextStats {
  words: number;
  cjkChars: number;
  readingMinutes: number;
}

export function textStats(text: string): TextStats {
  const cjkChars = text.match(CJK_CHAR)?.length ?? 0;
  const words = text.replace(CJK_CHAR, ' ').match(WORD)?.length ?? 0;
  const minutes = words / READING_WORDS_PER_MINUTE + cjkChars / READING_CJK_CHARS_PER_MINUTE;
  return { words, cjkChars, readingMinutes: words + cjkChars === 0 ? 0 : Math.max(1, Math.round(minutes)) };
}
