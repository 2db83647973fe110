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
}

export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: string[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
    keys.push(foldKey(match[0]));
  }
  return { count: keys.length, starts: Int32Array.from(starts), ends: Int32Array.from(ends), keys };
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
