// Key points of a news article: an extractive summary. News is written top down, and on news
// the lead is the strongest signal there is (measured: word centrality, TextRank-style graph
// centrality and name density all lowered ROUGE on ../shared/summaries). So the scorer keeps
// the order of the story and removes what is not a statement of it: captions and headings run
// into the text or closed by a photo credit, what stands above the dateline, bylines, datelines,
// questions, fragments and direct speech, and never says the same thing twice. A point shown out
// of its context drops the connective that tied it to the sentence before ("But", "However,").
import { nonArticleRanges } from './boilerplate.js';
import { type Sentence, splitSentences } from './sentences.js';

export interface SummaryOptions {
  /** How many sentences (default 3). */
  k?: number;
  /** BCP 47 language of the text (default English). */
  lang?: string;
}

const MIN_WORDS = 6;
const MAX_WORDS = 80;
/** How much a sentence that is all direct speech loses against its place in the story. */
const QUOTE_PENALTY = 0.2;
/** Two sentences sharing more than this share of content words say the same thing. */
const REDUNDANT_OVERLAP = 0.6;
/** A caption is a sentence or two and its photo credit; a longer paragraph is the story's. */
const CAPTION_SENTENCES = 3;
/** Above a dateline stand at most a headline, a dek, a caption and a byline: paragraphs. */
const DATELINE_REACH = 4;

// "Haul: The cherry picker…", "READ MORE: …", "Photo: …": a label and a colon open a caption.
const LABEL = /^[\p{Lu}][\p{L}'’ -]{0,24}:\s/u;
// A dateline or agency tag at the start of the lead: "WASHINGTON (Reuters) - ", "(CNN)".
const DATELINE = /^(?:[\p{Lu}][\p{L}.,' -]{0,40}?\s*)?\((?:CNN|Reuters|AP|AFP|VOA)\)\s*(?:[-–—]+\s*)?|^[\p{Lu}][\p{Lu} .,'-]{2,40}\s[-–—]+\s/u;
// Byline residue: "By . Daily Mail Reporter . PUBLISHED: …".
const BYLINE = /^(?:By\s|PUBLISHED:|UPDATED:|Last updated)/u;
// The rest of such a header ends in a stop set off by a space, which prose never has:
// "07:09 EST, 3 January 2014 .", "Associated Press . and Daily Mail Reporter .".
const SPACED_STOP = /\s\.$/u;
// "Scroll down for video" stands right before a picture caption: the note and that caption.
const VIDEO_NOTE = /^Scroll down for videos?\b/iu;
const VIDEO_NOTE_ALONE = /^Scroll down for videos?$/iu;
// A connective that ties a sentence to the one before it: "But", "However,". Out of its context
// in a list of points it reads as a dangling reply, and editors drop it.
const CONNECTIVE = /^(?:(?:But|And)\s+|(?:However|Meanwhile|In fact|Indeed|Still),\s+)(?=\p{L})/u;
// A word whose capital comes after its first letter: a name that keeps its lower-case start.
const CAMEL_CASE = /^\p{Ll}[\p{L}\p{N}]*\p{Lu}/u;
// The first three words of a headline, to find where the lead that restates it starts again.
const OPENING = /^\p{Lu}\S*\s+\S+\s+\S+\s/u;
// Picture notes inside a sentence: "(pictured)", "(left)", "(above)".
const PHOTO_NOTE = /\s\((?:pictured|picture|left|right|above|below|centre|center|top|bottom|file photo|inset)(?:[ ,][^)]{0,30})?\)/giu;
const TERMINAL = /[.!?…]["'”’)\]]*$/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const QUOTED = /["“”]([^"“”]*)["“”]|(?<!\p{L})['‘]([^'‘’]*)['’](?!\p{L})/gu;
const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as into about over after before under between ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'it its this that these those there here he she they we you i me him her them us our your his their my who whom ' +
    'which what when where why how not no nor than too very just also more most some any all each other such only ' +
    'own same said says say told one two new up out off down again further once'
  ).split(' '),
);

/** Lower-case content words, with crude folding of English plurals and -ing/-ed endings. */
function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const [raw] of text.toLowerCase().matchAll(WORD)) {
    const word = raw.replace(/['’]s$/u, '');
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    words.add(word.length > 4 ? word.replace(/(?:ies|es|s|ing|ed)$/u, '') : word);
  }
  return words;
}

/** A sentence that states something: long enough, ended, not a question, caption or byline. */
function isStatement(text: string): boolean {
  const words = text.match(WORD)?.length ?? 0;
  return (
    words >= MIN_WORDS &&
    words <= MAX_WORDS &&
    TERMINAL.test(text) &&
    !text.endsWith('?') &&
    !LABEL.test(text) &&
    !BYLINE.test(text) &&
    !SPACED_STOP.test(text)
  );
}

/** A headline run into the lead that restates it ("David Cameron will say … David Cameron will
 * say today …"): the text from where its opening words come again. */
function fromRestatedOpening(text: string): string {
  const opening = OPENING.exec(text)?.[0];
  if (!opening) return text;
  const again = text.indexOf(` ${opening}`, opening.length);
  return again < 0 ? text : text.slice(again + 1);
}

/** The sentence without a leading connective, capitalised again (but not "eBay", "iPhone"). */
function withoutConnective(text: string): string {
  const rest = text.replace(CONNECTIVE, '');
  if (rest === text || CAMEL_CASE.test(rest)) return rest;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** How much of a sentence is direct speech, 0..1. */
function quotedShare(text: string): number {
  let quoted = 0;
  for (const match of text.matchAll(QUOTED)) quoted += match[0].length;
  return quoted / text.length;
}

/** Share of the words of `a` that `b` has too. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / a.size;
}

/** Where the story starts: at a dateline that opens a paragraph near the top ("LONDON — After
 * nearly 20 years…"). What stands above it is a headline, a dek or a caption. */
function storyStart(sentences: readonly Sentence[]): number {
  const start = sentences.findIndex(
    (sentence, index) =>
      sentence.paragraph < DATELINE_REACH &&
      sentences[index - 1]?.paragraph !== sentence.paragraph &&
      DATELINE.test(sentence.text) &&
      isStatement(sentence.text.replace(DATELINE, '')),
  );
  return Math.max(0, start);
}

/** Paragraphs that a photo credit closes ("… after the election. (Thomas Coex/AFP/Getty Images)"):
 * captions, however much they read like statements. */
function captionParagraphs(text: string, sentences: readonly Sentence[]): Set<number> {
  const credits = nonArticleRanges(text);
  const sizes = new Map<number, number>();
  for (const { paragraph } of sentences) sizes.set(paragraph, (sizes.get(paragraph) ?? 0) + 1);
  const captions = new Set<number>();
  if (sizes.size < 2) return captions; // a caption stands beside a story, not alone
  sentences.forEach((sentence, index) => {
    const size = sizes.get(sentence.paragraph) ?? 0;
    const closesParagraph = sentences[index + 1]?.paragraph !== sentence.paragraph;
    const credit = credits.some(([from, to]) => from <= sentence.start && to >= sentence.end);
    if (closesParagraph && credit && size > 1 && size <= CAPTION_SENTENCES) captions.add(sentence.paragraph);
  });
  return captions;
}

interface Candidate {
  /** What the summary shows: the sentence without a dateline or picture notes. */
  text: string;
  order: number;
  words: Set<string>;
  score: number;
}

/** The k sentences that best summarise a news text, in the order the text has them. */
export function summarize(text: string, options: SummaryOptions = {}): string[] {
  const k = Math.max(1, Math.floor(options.k ?? 3));
  const lang = options.lang ?? 'en';
  const sentences = splitSentences(text, lang);
  const english = lang.toLowerCase().startsWith('en');
  const captions = captionParagraphs(text, sentences);
  const candidates: Candidate[] = [];
  let afterVideoNote = false;
  for (const sentence of sentences.slice(storyStart(sentences))) {
    const cleaned = fromRestatedOpening(sentence.text.replace(DATELINE, '').replace(PHOTO_NOTE, ''));
    const caption = afterVideoNote || VIDEO_NOTE.test(cleaned) || captions.has(sentence.paragraph);
    afterVideoNote = VIDEO_NOTE_ALONE.test(cleaned);
    if (caption || !isStatement(cleaned)) continue;
    const shown = english ? withoutConnective(cleaned) : cleaned;
    const order = candidates.length;
    candidates.push({ text: shown, order, words: contentWords(shown), score: 1 / (1 + order) - QUOTE_PENALTY * quotedShare(shown) });
  }
  // A text with no sentence that qualifies (a list, a transcript) still gets its opening.
  if (candidates.length === 0) return sentences.slice(0, k).map((sentence) => sentence.text);
  const chosen: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score || a.order - b.order)) {
    if (chosen.length >= k) break;
    if (chosen.some((other) => overlap(other.words, candidate.words) > REDUNDANT_OVERLAP)) continue;
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.order - b.order).map((candidate) => candidate.text);
}
