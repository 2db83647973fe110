// Finds every alias of the knowledge file in an article in one pass over its words: at each
// word, the longest alias that starts there and fits the case rule wins, and matching goes on
// after it. Several entities may share the winning alias; linking chooses between them.
import type { AliasEntry, AliasIndex, Bucket } from './alias-index.js';
import { detached, foldKey, foldMarks } from './fold.js';
import { keyIs, spaceAfter, SUFFIXING_SCRIPT, UNSPACED_SCRIPT, type Tokens } from './tokens.js';

export interface Match {
  start: number;
  end: number;
  /** Index of the first word of the match, or -1 inside a word (unspaced scripts). */
  word: number;
  /** Index of the last word of the match. */
  lastWord: number;
  candidates: AliasEntry[];
  /** The next shorter alias found at the same place, for when none of these candidates holds. */
  fallback?: Match;
}

const SPACE_OR_HYPHEN = new Set([' ', '-']);
// Straight, curly and modifier-letter apostrophes are one (O'Brien, O’Brien, Об'єднаних).
const APOSTROPHES = /[’‘ʼ′`]/g;

// Slavic languages inflect names by adding case endings: Czech "Liverpoolu", "Moyesem",
// "Heskeyho"; Russian "Путина". These are the endings (folded: no diacritics) taken.
const INFLECTING_LANGUAGES = new Set(['cs', 'sk', 'pl', 'ru', 'uk', 'be', 'hr', 'sr', 'sl', 'bg']);
const CASE_ENDINGS = new Set([
  'a', 'u', 'e', 'y', 'i', 'o', 'em', 'ou', 'ovi', 'um', 'ech', 'ach', 'ami', 'ove', 'ho', 'mu', 'om', 'ov', 'ie', 'owi', 'ów',
  'а', 'у', 'е', 'ы', 'и', 'і', 'о', 'ом', 'ой', 'ою', 'ем', 'ого', 'ому', 'ів', 'ов',
]);
/** The shortest name that may carry an ending. */
const MIN_INFLECTED_NAME_CHARS = 4;
const MAX_INFLECTION_CHARS = 3;

/** A written word fits an alias word when equal or, in an inflecting language, the word plus a case ending. */
function wordFits(written: string, expected: string, inflecting: boolean): boolean {
  if (written === expected) return true;
  return (
    inflecting &&
    expected.length >= MIN_INFLECTED_NAME_CHARS &&
    written.length > expected.length &&
    written.startsWith(expected) &&
    CASE_ENDINGS.has(written.slice(expected.length))
  );
}

// An alias that opens with an article ("The Republicans") falls back to the name after it.
const ARTICLE = 'the';
// Articles that open names in the languages of the knowledge file (The Nation, Le Monde, El País, Die Zeit).
const LEADING_ARTICLES = new Set(['the', 'le', 'la', 'les', 'el', 'los', 'las', 'il', 'lo', 'die', 'der', 'das', 'de', 'het', 'o', 'a', 'os', 'as']);

function separatorFits(text: string, from: number, to: number, expected: string): boolean {
  // The common case, one space, is read in place.
  if (to - from === 1 && text.charAt(from) === expected) return true;
  const raw = text.slice(from, to);
  const isSpace = /^[ \t\u00A0\u2000-\u200A\u202F]+$/.test(raw) || (raw.includes('\n') && !/\n\s*\n/.test(raw) && /^\s+$/.test(raw));
  const isHyphen = /^[-‐‑‒–—]$/.test(raw);
  const klass = isSpace ? ' ' : isHyphen ? '-' : raw.replace(APOSTROPHES, "'");
  return klass === expected || (SPACE_OR_HYPHEN.has(klass) && SPACE_OR_HYPHEN.has(expected));
}

const INNER_CAPITAL = /^\p{Lu}\p{Ll}+\p{Lu}/u;
const CAPITAL = /^\p{Lu}/u;
/** "U.S." and "US" are one spelling. */
const undotted = (word: string): string => (word.includes('.') ? word.replaceAll('.', '') : word);

/** Whether a word is written exactly so (the common case, compared in place). */
function writtenAs(text: string, tokens: Tokens, word: number, expected: string): boolean {
  const start = tokens.starts[word] ?? 0;
  return (tokens.ends[word] ?? 0) - start === expected.length && text.startsWith(expected, start);
}

/**
 * The case rule: the first word must be written as in the alias (or in capitals, as in
 * headlines and datelines, except for aliases that are ordinary words, where only real
 * capitalisation is evidence); later words may differ in case ("Korean peninsula").
 * Acronyms match exactly.
 */
function caseFits(text: string, tokens: Tokens, word: number, entry: AliasEntry, inflecting: boolean): boolean {
  if (entry.anyCase) return true;
  // An alias that is also an ordinary word counts only where it is capitalised.
  if (entry.common && !opensWithCapital(text, tokens.starts[word] ?? 0)) return false;
  for (let i = 0; i < entry.words.length; i++) {
    const expected = entry.words[i] ?? '';
    if (writtenAs(text, tokens, word + i, expected)) continue;
    const full = foldMarks(text.slice(tokens.starts[word + i], tokens.ends[word + i]));
    const written = inflecting && full.length > expected.length ? full.slice(0, expected.length) : full;
    if (written === expected || undotted(written) === undotted(expected)) continue;
    if (entry.form === 'acronym') return false;
    // Later words may differ in case, except after a leading article: "The Nation" is a
    // magazine, "The nation's economy" is not.
    if (i > 0) {
      if (LEADING_ARTICLES.has(entry.keys[0] ?? '')) return false;
      continue;
    }
    // An alias written in lower case ("the North") may open a sentence.
    const lowerInitial = expected.charAt(0) !== expected.charAt(0).toUpperCase();
    if (lowerInitial && written === expected.charAt(0).toUpperCase() + expected.slice(1)) continue;
    // A name with inner capitals is often written with only the first ("Politifact", "Youtube").
    if (INNER_CAPITAL.test(expected) && written === expected.charAt(0) + expected.slice(1).toLowerCase()) continue;
    if (entry.common || expected.length < 2 || written !== expected.toUpperCase()) return false;
  }
  return true;
}

function languageFits(entry: AliasEntry, lang: string): boolean {
  return entry.langs === undefined || !entry.latin || entry.langs.includes(lang);
}

/** Whether an alias is written at `word`: its words, what stands between them and its trailing dot. */
function aliasAt(text: string, tokens: Tokens, word: number, entry: AliasEntry, inflecting: boolean): number {
  const length = entry.keys.length;
  if (word + length > tokens.count) return -1;
  // The first word was looked up by its key (or, with endings, by its stem).
  if (inflecting && !wordFits(tokens.key(word) ?? '', entry.keys[0] ?? '', inflecting)) return -1;
  for (let i = 1; i < length; i++) {
    const fits = inflecting ? wordFits(tokens.key(word + i) ?? '', entry.keys[i] ?? '', inflecting) : keyIs(text, tokens, word + i, entry.keys[i] ?? '');
    if (!fits) return -1;
    if (!separatorFits(text, tokens.ends[word + i - 1] ?? 0, tokens.starts[word + i] ?? 0, entry.separators[i - 1] ?? ' ')) return -1;
  }
  const lastEnd = tokens.ends[word + length - 1] ?? 0;
  if (entry.trailing && !text.startsWith(entry.trailing, lastEnd)) return -1;
  return lastEnd + entry.trailing.length;
}

/**
 * The longest aliases of the two lists that fit at `word` (all the entities that share them), with
 * the next shorter ones as fallback. Lists are longest first.
 */
function matchAt(
  text: string,
  tokens: Tokens,
  word: number,
  longer: readonly AliasEntry[],
  single: readonly AliasEntry[],
  lang: string,
  inflecting: boolean,
): Match | undefined {
  let best: Match | undefined;
  for (let pass = 0; pass < 2; pass++) {
    for (const entry of pass === 0 ? longer : single) {
      const end = aliasAt(text, tokens, word, entry, inflecting);
      if (end < 0 || !languageFits(entry, lang) || !caseFits(text, tokens, word, entry, inflecting)) continue;
      if (best === undefined) {
        best = { start: tokens.starts[word] ?? 0, end, word, lastWord: word + entry.keys.length - 1, candidates: [entry] };
      } else if (best.end === end) {
        best.candidates.push(entry);
      } else if (best.fallback === undefined) {
        best.fallback = { start: best.start, end, word, lastWord: word + entry.keys.length - 1, candidates: [entry] };
      } else if (best.fallback.end === end) {
        best.fallback.candidates.push(entry);
      }
    }
  }
  // Lists are longest first, but a trailing dot ("U.S.") can make a later alias end further.
  const fallback = best?.fallback;
  if (best && fallback && fallback.end > best.end) {
    delete best.fallback;
    fallback.fallback = best;
    return fallback;
  }
  return best;
}

/** Names inside a run of an unspaced script (Chinese, Japanese, Thai), longest first. */
function matchUnspaced(text: string, start: number, end: number, index: AliasIndex, word: number, matches: Match[]): void {
  for (let at = start; at < end; ) {
    const list = index.startingWithChar(foldKey(text.charAt(at)));
    const entry = list?.find((candidate) => text.startsWith(candidate.text, at) && at + candidate.text.length <= end);
    if (!entry || !list) {
      at++;
      continue;
    }
    const candidates = list.filter((candidate) => candidate.text === entry.text);
    matches.push({ start: at, end: at + entry.text.length, word: -1, lastWord: word, candidates });
    at += entry.text.length;
  }
}

/** A Hangul word that starts with a known name followed by a particle: 판문점에서. */
function matchHangul(tokens: Tokens, word: number, index: AliasIndex): Match | undefined {
  const key = tokens.key(word) ?? '';
  for (let length = key.length; length >= 2; length--) {
    const list = index.hangul(key.slice(0, length));
    if (list) {
      const start = tokens.starts[word] ?? 0;
      return { start, end: start + length, word, lastWord: word, candidates: [...list] };
    }
  }
  return undefined;
}

const NONE: readonly AliasEntry[] = [];

/** A bucket (or none) found for an ASCII key, kept under the key's hash. */
interface KnownBucket {
  key: string;
  bucket: Bucket | undefined;
}
// Per index, the buckets of the ASCII words met so far, by hash: most words of an article come
// again (and come again in the next article), and are then found without their key being made.
const bucketsByHash = new WeakMap<AliasIndex, Map<number, KnownBucket>>();
const MAX_KNOWN_BUCKETS = 50_000;

function asciiBucket(text: string, tokens: Tokens, word: number, index: AliasIndex): Bucket | undefined {
  let known = bucketsByHash.get(index);
  if (!known) bucketsByHash.set(index, (known = new Map()));
  const hash = tokens.hashes[word] ?? 0;
  const seen = known.get(hash);
  // Two keys may share a hash: the key is compared before the bucket is used.
  if (seen && keyIs(text, tokens, word, seen.key)) return seen.bucket;
  const key = tokens.key(word) ?? '';
  const bucket = index.startingWith(key);
  if (known.size >= MAX_KNOWN_BUCKETS) known.clear();
  known.set(hash, { key: detached(key), bucket });
  return bucket;
}

/**
 * The longest aliases that start at a word: looked up by its key, or in an inflecting language
 * by its stem.
 */
function matchWord(text: string, tokens: Tokens, word: number, index: AliasIndex, lang: string, inflecting: boolean): Match | undefined {
  if (word >= tokens.count) return undefined;
  if (!inflecting && tokens.nonAscii[word] === 0) {
    const exact = asciiBucket(text, tokens, word, index);
    if (!exact) return undefined;
    // Only aliases whose second word is the next word can match.
    const next = word + 1;
    let longer: readonly AliasEntry[] | undefined;
    if (exact.bySecond.size > 0 && next < tokens.count) {
      longer = tokens.nonAscii[next] === 0 ? exact.bySecondHash.get(tokens.hashes[next] ?? 0) : exact.bySecond.get(tokens.key(next) ?? '');
    }
    return matchAt(text, tokens, word, longer ?? NONE, exact.single, lang, inflecting);
  }
  const key = tokens.key(word) ?? '';
  const exact = index.startingWith(key);
  if (!inflecting || key.length <= MIN_INFLECTED_NAME_CHARS) {
    const longer = exact && exact.bySecond.size > 0 ? exact.bySecond.get(tokens.key(word + 1) ?? '') : undefined;
    return exact && matchAt(text, tokens, word, longer ?? NONE, exact.single, lang, inflecting);
  }
  // Endings may change any word: every alias of the stem is tried.
  const stems: AliasEntry[] = exact ? [...exact.longer, ...exact.single] : [];
  for (let cut = 1; cut <= MAX_INFLECTION_CHARS && key.length - cut >= MIN_INFLECTED_NAME_CHARS; cut++) {
    const bucket = index.startingWith(key.slice(0, -cut));
    if (bucket) stems.push(...bucket.longer, ...bucket.single);
  }
  stems.sort((a, b) => b.keys.length - a.keys.length || b.text.length - a.text.length);
  return matchAt(text, tokens, word, stems, NONE, lang, inflecting);
}

/** Whether the word after this one is a capitalised word in the same phrase ("North" → "Korean"). */
function namesGoOn(text: string, tokens: Tokens, word: number): boolean {
  return spaceAfter(text, tokens, word) && tokens.lowerInitial[word + 1] !== 1 && opensWithCapital(text, tokens.starts[word + 1] ?? 0);
}

/** Whether the text at `at` is a capital letter (one beyond the BMP too). */
function opensWithCapital(text: string, at: number): boolean {
  return CAPITAL.test(String.fromCodePoint(text.codePointAt(at) ?? 0));
}

export function findMatches(text: string, tokens: Tokens, index: AliasIndex, lang: string): Match[] {
  const matches: Match[] = [];
  const inflecting = INFLECTING_LANGUAGES.has(lang);
  for (let word = 0; word < tokens.count; ) {
    // A lower-case word starts a name only if some alias opens in lower case ("de Gaulle"):
    // most words of a text are passed over here, without even making their key.
    if (!inflecting && tokens.lowerInitial[word] === 1 && !index.opensInLowerCase(tokens.hashes[word] ?? 0)) {
      word++;
      continue;
    }
    let match = matchWord(text, tokens, word, index, lang, inflecting);
    if (match && match.lastWord > word && keyIs(text, tokens, word, ARTICLE)) {
      const after = matchWord(text, tokens, word + 1, index, lang, inflecting);
      // "the North Korea summit": the name after the article reaches further, so it wins.
      if (after && after.end > match.end) match = after;
      // "the North Korean leader": the name goes on past a short form, which is only its start
      // ("The Hague Tuesday", a name in full, stays).
      else if (match.candidates.every((entry) => entry.form === 'short') && namesGoOn(text, tokens, match.lastWord)) match = undefined;
      else if (after && !match.fallback) match.fallback = after;
      if (!match) {
        word++;
        continue;
      }
    }
    if (match) {
      matches.push(match);
      word = match.lastWord + 1;
      continue;
    }
    const start = tokens.starts[word] ?? 0;
    const end = tokens.ends[word] ?? 0;
    const first = text.charAt(start);
    if (tokens.nonAscii[word] !== 1) {
      word++;
      continue;
    }
    if (index.hasUnspaced && UNSPACED_SCRIPT.test(text.slice(start, end))) matchUnspaced(text, start, end, index, word, matches);
    else if (index.hasHangul && SUFFIXING_SCRIPT.test(first)) {
      const hangul = matchHangul(tokens, word, index);
      if (hangul) matches.push(hangul);
    }
    word++;
  }
  return matches;
}
