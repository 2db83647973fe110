// Folding for comparison: the engine never rewrites the article's text (offsets stay true to
// it); it compares folded keys of words instead.

const SPECIAL_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', þ: 'th', ð: 'd' };
const SPECIALS = /[ßæœøđłıþð]/g;
// Combining marks, soft hyphens and zero-width joiners do not change which word it is.
const IGNORABLE = /[\p{M}\u00AD\u200B-\u200D\u2060]/gu;
const ASCII = /^[\x00-\x7F]*$/;

/** V8 makes a slice of at least this many characters a view into the whole string it was cut from. */
const SLICE_VIEW_CHARS = 13;

/**
 * The string as a copy of its own, for keys kept after an analysis: a word sliced from an
 * article would otherwise keep the whole article alive.
 */
export function detached(text: string): string {
  return text.length < SLICE_VIEW_CHARS ? text : Array.from(text).join('');
}

// Folding a word beyond ASCII normalises it twice: the words an article repeats are folded once.
const folded = new Map<string, string>();
const MAX_FOLDED = 20_000;

/** A word as the matcher compares it: lower case, without diacritics: "Souček" -> "soucek". */
export function foldKey(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let key = folded.get(word);
  if (key === undefined) {
    // NFC after stripping marks puts Hangul syllables (and any other composed letters) back together.
    key = word
      .normalize('NFD')
      .replace(IGNORABLE, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(SPECIALS, (char) => SPECIAL_FOLDS[char] ?? char);
    if (folded.size >= MAX_FOLDED) folded.clear();
    folded.set(detached(word), key);
  }
  return key;
}

/** The word with diacritics and ignorable characters removed but its case kept. */
export function foldMarks(word: string): string {
  if (ASCII.test(word)) return word;
  return word.normalize('NFD').replace(IGNORABLE, '').normalize('NFC');
}
