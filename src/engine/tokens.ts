// Words of a text, with their offsets. A word is a run of letters, digits and the marks and
// invisible characters that belong inside words (soft hyphens, zero-width joiners).
import { foldKey } from './fold.js';

const WORD = /[\p{L}\p{M}\p{N}\u00AD\u200C\u200D]+/gu;
// Scripts written without spaces between words: a name can start at any character.
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// Hangul is written with spaces, but particles attach to the end of a noun: 판문점에서.
export const SUFFIXING_SCRIPT = /\p{Script=Hangul}/u;

export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Folded keys, for lookup. */
  keys: string[];
  /** 1 where a word has characters beyond ASCII (only those can be in another script). */
  nonAscii: Uint8Array;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}\u00AD\u200C\u200D]$/u;
const nonAsciiWordChar = new Map<number, boolean>();

/** Whether a code point belongs inside a word; ASCII by arithmetic, the rest by Unicode class (cached). */
function isWordCodePoint(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let known = nonAsciiWordChar.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(code));
    nonAsciiWordChar.set(code, known);
  }
  return known;
}

// One pass over the characters: a regular expression with Unicode classes costs several times
// more on long articles, where most text is ASCII.
export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: string[] = [];
  const nonAscii: number[] = [];
  let start = -1;
  let ascii = true;
  for (let at = 0; at <= text.length; ) {
    const code = at < text.length ? (text.codePointAt(at) ?? 0) : -1;
    const width = code > 0xffff ? 2 : 1;
    if (code >= 0 && isWordCodePoint(code)) {
      if (start < 0) {
        start = at;
        ascii = true;
      }
      if (code >= 128) ascii = false;
    } else if (start >= 0) {
      const word = text.slice(start, at);
      starts.push(start);
      ends.push(at);
      keys.push(ascii ? word.toLowerCase() : foldKey(word));
      nonAscii.push(ascii ? 0 : 1);
      start = -1;
    }
    at += width;
  }
  return { count: keys.length, starts: Int32Array.from(starts), ends: Int32Array.from(ends), keys, nonAscii: Uint8Array.from(nonAscii) };
}

/** The words of an alias, folded, and what stands between them. */
export function aliasWords(alias: string): { keys: string[]; words: string[]; separators: string[] } {
  const words: string[] = [];
  const separators: string[] = [];
  let last = -1;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(alias); match !== null; match = WORD.exec(alias)) {
    if (last >= 0) separators.push(alias.slice(last, match.index));
    words.push(match[0]);
    last = match.index + match[0].length;
  }
  return { keys: words.map(foldKey), words, separators };
}
