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

/**
 * Whether a word's key is `key`, compared in place for ASCII words (no string made): the
 * matcher checks each further word of a candidate alias so.
 */
export function keyIs(text: string, tokens: Tokens, word: number, key: string): boolean {
  if (tokens.nonAscii[word] === 1) return tokens.key(word) === key;
  const start = tokens.starts[word] ?? 0;
  if ((tokens.ends[word] ?? 0) - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) {
    const code = text.charCodeAt(start + i);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== key.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether one space, and nothing else, stands between word `word` and the next. */
export function spaceAfter(text: string, tokens: Tokens, word: number): boolean {
  const end = tokens.ends[word] ?? 0;
  return word + 1 < tokens.count && tokens.starts[word + 1] === end + 1 && text.charCodeAt(end) === 32;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A hash of an ASCII key (FNV-1a over its lower-case characters); never 0. */
export function asciiKeyHash(key: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
  return hash | 1;
}

/** The same typed array, longer (the words of a text are not counted before they are read). */
function grown<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(array: T, length: number): T {
  const larger = new (array.constructor as new (length: number) => T)(length);
  larger.set(array);
  return larger;
}

/** The code point at `at`, whose first unit is `code`. */
function codePointAt(text: string, at: number, code: number): number {
  return code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(at) ?? code) : code;
}

/** For each ASCII character, its lower-case form if it belongs in words, or 0. */
const ASCII_WORD_KEY = new Uint8Array(128).map((_, code) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? code : code >= 65 && code <= 90 ? code + 32 : 0,
);
/** Most news words are about six characters with the space: a first guess at how many a text has. */
const CHARS_PER_WORD_GUESS = 6;

/** The words' arrays, as long as the text might need (grown when it needs more). */
class WordArrays {
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  hashes: Int32Array<ArrayBuffer>;
  nonAscii: Uint8Array<ArrayBuffer>;
  lowerInitial: Uint8Array<ArrayBuffer>;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.nonAscii = new Uint8Array(capacity);
    this.lowerInitial = new Uint8Array(capacity);
  }

  grow(): void {
    const capacity = this.starts.length * 2;
    this.starts = grown(this.starts, capacity);
    this.ends = grown(this.ends, capacity);
    this.hashes = grown(this.hashes, capacity);
    this.nonAscii = grown(this.nonAscii, capacity);
    this.lowerInitial = grown(this.lowerInitial, capacity);
  }
}

// One pass over the characters, without a string per word: a word's key is made only when the
// matcher asks for it, and most words (lower case, starting no name) it never does. ASCII
// characters, most of most texts, are read through a table in a tight loop; a regular
// expression with Unicode classes costs several times more on long articles.
export function tokenize(text: string): Tokens {
  const words = new WordArrays(Math.ceil(text.length / CHARS_PER_WORD_GUESS) + 16);
  const count = readWords(text, words);
  // Views, not copies: the arrays live as long as the tokens.
  const wordStarts = words.starts.subarray(0, count);
  const wordEnds = words.ends.subarray(0, count);
  const wordNonAscii = words.nonAscii.subarray(0, count);
  // Keys made so far, by word: few words need one (the matcher finds most by their hash).
  const keys = new Map<number, string>();
  return {
    count,
    starts: wordStarts,
    ends: wordEnds,
    nonAscii: wordNonAscii,
    lowerInitial: words.lowerInitial.subarray(0, count),
    hashes: words.hashes.subarray(0, count),
    key(word: number): string | undefined {
      if (word < 0 || word >= count) return undefined;
      let key = keys.get(word);
      if (key === undefined) {
        const written = text.slice(wordStarts[word], wordEnds[word]);
        key = wordNonAscii[word] === 1 ? foldKey(written) : written.toLowerCase();
        keys.set(word, key);
      }
      return key;
    },
  };
}

/**
 * Fills the arrays with the words of the text and returns how many there are. The loop is a
 * function of its own that returns right after it: V8 compiles a long loop while it runs, and
 * code after the loop that has not run yet would throw that compiled code away on every call.
 */
function readWords(text: string, words: WordArrays): number {
  let { starts, ends, hashes, nonAscii, lowerInitial } = words;
  const length = text.length;
  let count = 0;
  let at = 0;
  while (at < length) {
    // Between words: skip to the next word character.
    let code = text.charCodeAt(at);
    if (code < 128) {
      if (ASCII_WORD_KEY[code] === 0) {
        at++;
        continue;
      }
    } else {
      const point = codePointAt(text, at, code);
      if (!isWordCodePoint(point)) {
        // A lone surrogate is one unit: only a pair makes a code point beyond 0xFFFF.
        at += point > 0xffff ? 2 : 1;
        continue;
      }
    }
    // A word: its ASCII characters in a tight loop, any others one code point at a time.
    const start = at;
    const opensLower = code >= 97 && code <= 122;
    let ascii = true;
    // asciiKeyHash of the word so far, computed as it is read.
    let hash = FNV_OFFSET;
    while (at < length) {
      code = text.charCodeAt(at);
      if (code < 128) {
        const key = ASCII_WORD_KEY[code] ?? 0;
        if (key === 0) break;
        hash = Math.imul(hash ^ key, FNV_PRIME);
        at++;
        continue;
      }
      const point = codePointAt(text, at, code);
      if (!isWordCodePoint(point)) break;
      ascii = false;
      at += point > 0xffff ? 2 : 1;
    }
    if (count === starts.length) {
      words.grow();
      ({ starts, ends, hashes, nonAscii, lowerInitial } = words);
    }
    starts[count] = start;
    ends[count] = at;
    hashes[count] = ascii ? hash | 1 : 0;
    nonAscii[count] = ascii ? 0 : 1;
    lowerInitial[count] = ascii && opensLower ? 1 : 0;
    count++;
  }
  return count;
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
