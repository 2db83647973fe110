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
// Words that in prose only open a sentence mark a run-in the same way ("… in Glasgow Another
// food bank warned", "… & Co According to Fox"), as does an article or preposition before a
// number ("… in Mexico The 12,400ft volcano", "… 100 years ago In 2006, …").
const RUN_IN_BOUNDARY =
  /(?<=[\p{L}\p{N})])\s+(?=(?:(?:The|A|An) (?!(?:is|was|are|were|and|or|but|has|had|have|will|would|can|could|may|might|to|of|in|on|at|for|with|by|as|than|that)\b)|(?:He|She|It|They|We|His|Her|Their|Its|This|These|Those|There|In|On|At|After|When|While|As|Another|Each|Some|Last|Despite|According|Following|Speaking|Then) )\p{Ll}|(?:The|In|On|At|After) \p{N})/gu;
// A sentence that opens with a numeral ("… the nation needed. 8 things to know …", "… in 2014.
// 15 people were hurt") gets no boundary from Intl.Segmenter, which reads the lower-case word
// after the number as the sentence going on.
const NUMERAL_OPENING = /(?<=(?:\p{Ll}{3}|\p{N}{4}|["'”’)\]])[.!?]["'”’)\]]*)\s+(?=\p{N}[\p{N},.]*\s+\p{Ll})/gu;
// A quoted question or exclamation goes on into its attribution: "'Why?' he asked."
const QUOTE_BEFORE_ATTRIBUTION = /[?!]["'”’]+\s*$/u;
// "then-Sen.", "ex-Gov.": a title after a prefix is still an abbreviation.
const TITLE_PREFIX = /^(?:then|ex)-/u;

function keepsSentenceGoing(before: string, after: string): boolean {
  const next = FIRST_WORD.exec(after)?.[1] ?? '';
  if (QUOTE_BEFORE_ATTRIBUTION.test(before) && /^\p{Ll}/u.test(next)) return true;
  const last = LAST_WORD.exec(before)?.[1] ?? '';
  if (!last.endsWith('.')) return false;
  const word = last.slice(0, -1);
  if (/^\p{Ll}/u.test(next)) return true; // "e.g. the", "approx. five"
  if (ABBREVIATIONS.has(word.toLowerCase().replace(/^.*\./, '').replace(TITLE_PREFIX, ''))) return !(word.toLowerCase() === 'no' && !/^\d/.test(next));
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
      for (const boundary of english ? boundariesWithin(raw) : []) {
        pushTrimmed(sentences, text, piece.start + from, piece.start + boundary, paragraph);
        from = boundary;
      }
      pushTrimmed(sentences, text, piece.start + from, piece.end, paragraph);
    }
    if (line.trim()) paragraph++;
    paragraphStart += line.length + 1;
  }
  return sentences;
}

/** Where a piece of English text that Intl.Segmenter left whole holds more than one sentence. */
function boundariesWithin(raw: string): number[] {
  const boundaries = [...raw.matchAll(RUN_IN_BOUNDARY)].map((match) => match.index);
  for (const { index } of raw.matchAll(NUMERAL_OPENING)) if (!keepsSentenceGoing(raw.slice(0, index), raw.slice(index))) boundaries.push(index);
  return boundaries.sort((a, b) => a - b);
}

function pushTrimmed(sentences: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text.charAt(from))) from++;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to--;
  if (to > from) sentences.push({ text: text.slice(from, to), start: from, end: to, paragraph });
}
