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
  /** The folded key of a word, for lookup (made when first asked for: most words never are). */
  key(word: number): string | undefined;
  /** 1 where a word has characters beyond ASCII (only those can be in another script). */
  nonAscii: Uint8Array;
  /** 1 where an ASCII word opens with a lower-case letter. */
  lowerInitial: Uint8Array;
  /** For ASCII words, asciiKeyHash of the key; 0 for the others. */
  hashes: Int32Array;
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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A hash of an ASCII key (FNV-1a over its lower-case characters); never 0. */
export function asciiKeyHash(key: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
  return hash | 1;
}

/** The same typed array, twice as long (the words of a text are not counted before they are read). */
function doubled<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}

// One pass over the characters, without a string per word: a word's key is made only when the
// matcher asks for it, and most words (lower case, starting no name) it never does. A regular
// expression with Unicode classes costs several times more on long articles, where most text
// is ASCII.
export function tokenize(text: string): Tokens {
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  let hashes = new Int32Array(1024);
  let nonAscii = new Uint8Array(1024);
  let lowerInitial = new Uint8Array(1024);
  let count = 0;
  let start = -1;
  let ascii = true;
  // asciiKeyHash of the word so far, computed as it is read.
  let hash = FNV_OFFSET;
  for (let at = 0; at <= text.length; ) {
    let code = at < text.length ? text.charCodeAt(at) : -1;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      code = text.codePointAt(at) ?? code;
      width = code > 0xffff ? 2 : 1;
    }
    if (code >= 0 && isWordCodePoint(code)) {
      if (start < 0) {
        start = at;
        ascii = true;
        hash = FNV_OFFSET;
      }
      if (code >= 128) ascii = false;
      else hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), FNV_PRIME);
    } else if (start >= 0) {
      if (count === starts.length) {
        starts = doubled(starts);
        ends = doubled(ends);
        hashes = doubled(hashes);
        nonAscii = doubled(nonAscii);
        lowerInitial = doubled(lowerInitial);
      }
      const first = text.charCodeAt(start);
      starts[count] = start;
      ends[count] = at;
      hashes[count] = ascii ? hash | 1 : 0;
      nonAscii[count] = ascii ? 0 : 1;
      lowerInitial[count] = ascii && first >= 97 && first <= 122 ? 1 : 0;
      count++;
      start = -1;
    }
    at += width;
  }
  const keys: (string | undefined)[] = new Array<string | undefined>(count).fill(undefined);
  // Views, not copies: the arrays live as long as the tokens.
  const wordStarts = starts.subarray(0, count);
  const wordEnds = ends.subarray(0, count);
  const wordNonAscii = nonAscii.subarray(0, count);
  return {
    count,
    starts: wordStarts,
    ends: wordEnds,
    nonAscii: wordNonAscii,
    lowerInitial: lowerInitial.subarray(0, count),
    hashes: hashes.subarray(0, count),
    key(word: number): string | undefined {
      if (word < 0 || word >= count) return undefined;
      let key = keys[word];
      if (key === undefined) {
        const written = text.slice(wordStarts[word], wordEnds[word]);
        key = wordNonAscii[word] === 1 ? foldKey(written) : written.toLowerCase();
        keys[word] = key;
      }
      return key;
    },
  };
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
