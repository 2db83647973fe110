// Sentences of a news text: Intl.Segmenter finds the candidate boundaries, and news-specific
// repairs undo the ones it gets wrong (after "Mr.", "U.S." or an initial) and add the ones it
// cannot see (a photo caption run into the next sentence, a paragraph without a full stop).

export interface Sentence {
  text: string;
  /** Offsets of the sentence in the text that was split. */
  start: number;
  end: number;
  /** Index of the paragraph (a run of text between line breaks) it belongs to. */
  paragraph: number;
}

// Words after which a full stop does not end a sentence: titles, name parts, months, company
// suffixes and US state abbreviations as news agencies write them.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms messrs dr prof sr jr st mt ft gen col lt sgt capt maj cmdr adm gov sen rep rev hon pres supt insp det ' +
    'cpl pvt vs v etc inc ltd co corp bros dept univ approx fig vol no nos jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa penn ' +
    'tenn tex va vt wash wis wyo'
  ).split(' '),
);
// Words that often open a sentence: after a dotted abbreviation ("U.S.") one of these makes the
// full stop a sentence end after all.
const SENTENCE_OPENERS = new Set(
  'The He She It They We I But And In A An This That There His Her Their On At After When While However If As Its Our Now Yet So'.split(' '),
);
const LAST_WORD = /([\p{L}\p{N}.'’-]+)[\s"'“”‘’()[\]]*$/u;
const FIRST_WORD = /^[\s"'“‘([]*([\p{L}\p{N}]+)/u;
// A caption or heading run into the next sentence without a stop: "… in Liverpool The amount
// of drugs …", "… from its peak A climber has …", "… the Bahrain Grand Prix It was another …",
// "… who has now been arrested (pictured posed by model) A taxi driver …". A capitalised
// article, pronoun or opening preposition right after a word (or a closing bracket) and before a
// lower-case word is not English prose, nor a title ("The Guardian", "This Morning"); "vitamin A
// is", "Plan A would" are told apart by the verb or function word after the letter. "And" and
// "But" are left out: what runs into them is a sentence that lost its stop, not a caption.
const RUN_IN_BOUNDARY =
  /(?<=[\p{L}\p{N})])\s+(?=(?:(?:The|A|An) (?!(?:is|was|are|were|and|or|but|has|had|have|will|would|can|could|may|might|to|of|in|on|at|for|with|by|as|than|that)\b)|(?:He|She|It|They|We|His|Her|Their|Its|This|These|Those|There|In|On|At|After|When|While|As) )\p{Ll})/gu;

function keepsSentenceGoing(before: string, after: string): boolean {
  const last = LAST_WORD.exec(before)?.[1] ?? '';
  if (!last.endsWith('.')) return false;
  const word = last.slice(0, -1);
  const next = FIRST_WORD.exec(after)?.[1] ?? '';
  if (/^\p{Ll}/u.test(next)) return true; // "e.g. the", "approx. five"
  if (ABBREVIATIONS.has(word.toLowerCase().replace(/^.*\./, ''))) return !(word.toLowerCase() === 'no' && !/^\d/.test(next));
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. K. Rowling"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return !SENTENCE_OPENERS.has(next); // "U.S. Army", but "… the U.S. The next day"
  return false;
}

function segmenter(lang: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(lang, { granularity: 'sentence' });
  } catch {
    return new Intl.Segmenter('en', { granularity: 'sentence' });
  }
}

/** Splits a text into sentences; line breaks always end one. */
export function splitSentences(text: string, lang = 'en'): Sentence[] {
  const sentences: Sentence[] = [];
  const segments = segmenter(lang);
  const english = lang.toLowerCase().startsWith('en');
  let paragraphStart = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    const pieces: { start: number; end: number }[] = [];
    for (const { segment, index } of segments.segment(line)) {
      const start = paragraphStart + index;
      const previous = pieces.at(-1);
      if (previous && keepsSentenceGoing(text.slice(previous.start, previous.end), segment)) previous.end = start + segment.length;
      else pieces.push({ start, end: start + segment.length });
    }
    for (const piece of pieces) {
      const raw = text.slice(piece.start, piece.end);
      let from = 0;
      for (const boundary of english ? raw.matchAll(RUN_IN_BOUNDARY) : []) {
        pushTrimmed(sentences, text, piece.start + from, piece.start + boundary.index, paragraph);
        from = boundary.index;
      }
      pushTrimmed(sentences, text, piece.start + from, piece.end, paragraph);
    }
    if (line.trim()) paragraph++;
    paragraphStart += line.length + 1;
  }
  return sentences;
}

function pushTrimmed(sentences: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text.charAt(from))) from++;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to--;
  if (to > from) sentences.push({ text: text.slice(from, to), start: from, end: to, paragraph });
}
