// Decides which entity each match names, and how sure that is. A wrong card is worse than
// none: ambiguous matches without enough support are dropped.
import type { CompiledEntity } from '../knowledge/bundle.js';
import type { AliasEntry } from './alias-index.js';
import type { Match } from './match.js';
import { nonArticleRanges } from './boilerplate.js';
import { roleAt } from './time.js';
import { spaceAfter, type Tokens } from './tokens.js';

/** Links below this confidence are dropped. */
export const MIN_LINK_CONFIDENCE = 0.6;
/** How sharply scores separate into confidences (softmax temperature). */
const SCORE_TEMPERATURE = 0.25;
/** Support for a candidate from the article's other places: weight of its country's share. */
const COUNTRY_CONTEXT_WEIGHT = 1;
/** Support for a candidate already named unambiguously elsewhere in the article. */
const ALREADY_NAMED_BONUS = 0.5;
/** Towns below this prior (about 300,000 people) whose name other places share need their
 * state named, or outside the US the article to be about their country. */
const AMBIGUOUS_TOWN_MAX_PRIOR = 0.55;
/** Generated entities below this prior (towns under ~100,000 people, WordNet) need their country in the article. */
const MINOR_PRIOR = 0.5;
/** A short form that only one entity has, without its full name. */
const UNIQUE_SHORT_FORM_CONFIDENCE = 0.7;
/** Support for a candidate whose kind of thing the article names often. */
const SUBKIND_CONTEXT_WEIGHT = 1;
/** A surname after the title of the one office its bearer held then is this sure. */
const TITLED_SURNAME_CONFIDENCE = 0.85;
/** An article is about a country when this share of what it names for sure lies there (a
 * city named by an ordinary word, like Nice or Reading, needs that too). */
const ARTICLE_COUNTRY_SHARE = 0.3;
/** Coreference: a surname after the full name is this sure. */
const COREFERENCE_CONFIDENCE = 0.95;

// Words that may stand before a name without being part of it ("President Moon").
const TITLE_WORDS = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary senator sen rep representative gov governor mayor king queen prince princess emperor pope general gen col colonel admiral chancellor chairman chairwoman chair leader premier ambassador judge justice coach manager captain st saint former late'.split(' '),
);

export interface Mention {
  start: number;
  end: number;
  entity: number;
  confidence: number;
}

const SPACE = /\s/;
const ALL_CAPITALS = /^\p{Lu}+$/u;
const NEWLINE = 10;
// Marks after which a new sentence (or a quotation, or a list item) starts.
const SENTENCE_END = /[.!?:;"“”«»]/;

interface Context {
  text: string;
  tokens: Tokens;
  entities: readonly CompiledEntity[];
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** True when the word at `index` opens a sentence or a paragraph. */
function opensSentence({ text, tokens }: Context, index: number): boolean {
  if (index === 0) return true;
  const from = tokens.ends[index - 1] ?? 0;
  // What stands between the words, read from the end: spaces (a line break among them opens a
  // paragraph), then a sentence's last mark, or a line break further back.
  let at = (tokens.starts[index] ?? 0) - 1;
  for (; at >= from && SPACE.test(text.charAt(at)); at--) if (text.charCodeAt(at) === NEWLINE) return true;
  if (at >= from && SENTENCE_END.test(text.charAt(at))) return true;
  for (; at >= from; at--) if (text.charCodeAt(at) === NEWLINE) return true;
  return false;
}

function wordAt({ text, tokens }: Context, index: number): string {
  return text.slice(tokens.starts[index], tokens.ends[index]);
}

/**
 * A single word that touches another capitalised word is probably part of a longer name the
 * knowledge does not hold ("Trump Tower", "Singapore Airlines", "Ivanka Trump").
 */
function insideLongerName(context: Context, match: Match, matchStarts: Uint8Array): boolean {
  const { tokens } = context;
  if (match.word < 0 || match.word !== match.lastWord) return false;
  const next = match.lastWord + 1;
  if (spaceAfter(context.text, context.tokens, match.lastWord) && tokens.lowerInitial[next] !== 1) {
    const nextWord = wordAt(context, next);
    if (isCapitalised(nextWord) && matchStarts[next] !== 1 && !opensSentence(context, next) && !ALL_CAPITALS.test(nextWord)) return true;
  }
  const previous = match.word - 1;
  if (previous >= 0 && spaceAfter(context.text, context.tokens, previous) && tokens.lowerInitial[previous] !== 1) {
    const previousWord = wordAt(context, previous);
    if (isCapitalised(previousWord) && !opensSentence(context, previous) && !TITLE_WORDS.has(previousWord.toLowerCase().replace(/\.$/, ''))) {
      // A surname after another first name is that person's ("David Emery" is not Unai Emery).
      const onlySurnames = match.candidates.every((entry) => entry.form === 'short');
      return onlySurnames || matchStarts[previous] !== 1;
    }
  }
  return false;
}

// Words before a surname that say which office its bearer holds ("President Obama").
const ROLE_TITLES: [RegExp, RegExp][] = [
  [/^(?:President)$/, /\bpresident\b/i],
  [/^(?:Prime Minister|Premier|PM)$/, /\bprime minister\b|\bpremier\b/i],
  [/^(?:Chancellor)$/, /\bchancellor\b/i],
  [/^(?:Secretary|Secretary of State)$/, /\bsecretary\b/i],
  [/^(?:Senator|Sen)$/, /\bsenator\b|\bsenate\b/i],
  [/^(?:Governor|Gov)$/, /\bgovernor\b/i],
  [/^(?:Representative|Rep|Congressman|Congresswoman)$/, /\brepresentative\b|\bhouse\b|\bcongress/i],
  [/^(?:Speaker)$/, /\bspeaker\b/i],
  [/^(?:Minister|Foreign Minister|Defense Minister|Defence Minister)$/, /\bminister\b/i],
  [/^(?:King|Queen|Emperor|Emir|Sultan|Crown Prince)$/, /\bking\b|\bqueen\b|\bemperor\b|\bemir\b|\bsultan\b|\bcrown prince\b/i],
  [/^(?:Pope)$/, /\bpope\b/i],
  [/^(?:Mayor)$/, /\bmayor\b/i],
  [/^(?:General|Gen)$/, /\bgeneral\b|\bchief of\b|\bcommander\b/i],
  [/^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Judge|Justice)$/, /./],
];
// "the Obama administration", "the Netanyahu government": a surname before these names its leader.
const LEADERSHIP_NOUNS = /^(?:administration|government|cabinet|presidency|White House|campaign)$/;
const LEADER_ROLE = /\bpresident\b|\bprime minister\b|\bchancellor\b|\bpremier\b|\bking\b|\bqueen\b/i;

/** A capitalised word, not a title, right before a one-word match ("Vanessa Hicks"). */
function afterCapitalisedWord(context: Context, match: Match): boolean {
  const { tokens } = context;
  const previous = match.word - 1;
  if (match.word < 0 || previous < 0 || match.word !== match.lastWord) return false;
  if (!spaceAfter(context.text, context.tokens, previous) || tokens.lowerInitial[previous] === 1) return false;
  const word = wordAt(context, previous);
  if (!isCapitalised(word) || TITLE_WORDS.has(word.toLowerCase())) return false;
  // "The Obama administration": a capitalised word that opens a sentence is often just a word.
  return !(opensSentence(context, previous) && SENTENCE_OPENERS.has(word.toLowerCase()));
}

// Words that open sentences before a surname without being a first name.
const SENTENCE_OPENERS = new Set(
  'the a an and but or so yet then now still also when while after before if as since until during under with without by from to of in on at for his her their our its this that these those meanwhile however although though because instead unlike like why how what who where asked said according'.split(' '),
);

const ADDRESS_JOINER = /[./@_#]/;
const SITE_DOMAIN = /^\.(?:com|org|net|co\.uk|news)\b/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Part of a web address, a domain or a handle: "Football.London", "@KCNA", "nytimes.com/Politico". */
function insideAddress(text: string, match: Match): boolean {
  const joined = ADDRESS_JOINER;
  const before = text.charAt(match.start - 1);
  const after = text.charAt(match.end);
  if (!joined.test(before) && !joined.test(after)) return false;
  // "Wired.com" is the outlet's own site: its name, not part of an address.
  const siteName = SITE_DOMAIN.test(text.slice(match.end, match.end + 8)) && !joined.test(before);
  if (siteName) return false;
  return (joined.test(before) && LETTER_OR_DIGIT.test(text.charAt(match.start - 2))) || (joined.test(after) && LETTER_OR_DIGIT.test(text.charAt(match.end + 1)));
}

/** What the article is about: the share of its unambiguous mentions per kind and subkind. */
function kindShares(strong: Map<number, number>, entities: readonly CompiledEntity[]): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [index, mentions] of strong) {
    const entity = entities[index];
    if (!entity || entity.subkind === 'country') continue;
    const key = `${entity.kind}/${entity.subkind}`;
    counts.set(key, (counts.get(key) ?? 0) + mentions);
    total += mentions;
  }
  return new Map([...counts].map(([key, count]) => [key, count / total]));
}

/** Where the article is: the share of its unambiguous places and entities per country. */
function countryShares(strong: Map<number, number>, entities: readonly CompiledEntity[]): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [index, mentions] of strong) {
    const country = entities[index]?.country;
    if (!country) continue;
    counts.set(country, (counts.get(country) ?? 0) + mentions);
    total += mentions;
  }
  return new Map([...counts].map(([country, count]) => [country, count / total]));
}

function softmaxBest(scores: number[]): { best: number; confidence: number } {
  const max = Math.max(...scores);
  const weights = scores.map((score) => Math.exp((score - max) / SCORE_TEMPERATURE));
  const sum = weights.reduce((a, b) => a + b, 0);
  const best = scores.indexOf(max);
  return { best, confidence: (weights[best] ?? 0) / sum };
}

/** The role word written before a match ("President", "Prime Minister", "Mr."), if any. */
function titleBefore({ text, tokens }: Context, word: number): RegExp | undefined {
  if (word <= 0) return undefined;
  const before = text.slice(Math.max(0, (tokens.starts[word] ?? 0) - 40), tokens.starts[word]);
  const written = /((?:\p{Lu}[\p{L}]*\.? ){1,3})$/u.exec(before)?.[1]?.replace(/\./g, '').trim();
  if (!written) return undefined;
  const lastTwo = written.split(' ').slice(-2).join(' ');
  const last = written.split(' ').slice(-1).join(' ');
  for (const [title, role] of ROLE_TITLES) if (title.test(lastTwo) || title.test(last)) return role;
  return undefined;
}

function wordAfter(context: Context, match: Match): string {
  const { text, tokens } = context;
  const next = match.lastWord + 1;
  if (match.word < 0 || !spaceAfter(context.text, context.tokens, match.lastWord)) return '';
  const second = next + 1 < tokens.count ? text.slice(tokens.starts[next], tokens.ends[next + 1]) : '';
  const word = text.slice(tokens.starts[next], tokens.ends[next]);
  return LEADERSHIP_NOUNS.test(second) ? second : word;
}

export function linkMatches(
  text: string,
  tokens: Tokens,
  matches: readonly Match[],
  entities: readonly CompiledEntity[],
  date?: string,
  ownersOf: (text: string) => number = () => 0,
  lang = 'en',
): Mention[] {
  const context: Context = { text, tokens, entities };
  const matchStarts = new Uint8Array(tokens.count);
  for (const match of matches) if (match.word >= 0) matchStarts[match.word] = 1;
  const boilerplate = nonArticleRanges(text);
  const outsideArticle = (match: Match) => boilerplate.some((range) => match.start >= range[0] && match.end <= range[1]);
  const partOfOtherNames = new Set<string>();
  const usable = matches.filter((match) => {
    if (outsideArticle(match) || insideAddress(text, match)) return false;
    // "Vanessa Hicks said": even at the start of a sentence, a capitalised word before a
    // surname makes it someone else's, so the lone "Hicks" later is not our Hicks either.
    if (afterCapitalisedWord(context, match)) {
      for (const entry of match.candidates) if (entry.form === 'short') partOfOtherNames.add(entry.text);
    }
    if (!insideLongerName(context, match, matchStarts)) return true;
    // "David Emery" is someone else: a later lone "Emery" is more likely them than our Emery.
    for (const entry of match.candidates) if (entry.form === 'short') partOfOtherNames.add(entry.text);
    return false;
  });

  // Pass 1: names and acronyms that can only mean one thing set the article's context. A lone
  // word naming a minor generated entity ("David", a town in Panama) is not evidence of anything.
  const isStrong = (entry: AliasEntry) =>
    entry.form !== 'short' &&
    !entry.common &&
    (entry.keys.length > 1 || entry.form === 'acronym' || (entities[entry.entity]?.prior ?? 0) >= MINOR_PRIOR || entities[entry.entity]?.source === 'curated');
  const strong = new Map<number, number>();
  for (const match of usable) {
    // A name that opens with an article and has another reading after it ("The Republicans" /
    // "Republicans") proves nothing yet.
    if (match.fallback && match.fallback.start > match.start) continue;
    // The one entity the strong candidates name, if they name exactly one.
    let only: number | undefined;
    let several = false;
    for (const entry of match.candidates) {
      if (!isStrong(entry)) continue;
      if (only === undefined) only = entry.entity;
      else if (entry.entity !== only) several = true;
    }
    if (only !== undefined && !several) strong.set(only, (strong.get(only) ?? 0) + 1);
  }
  const shares = countryShares(strong, entities);
  const subkindShares = kindShares(strong, entities);
  const distinctCountries = new Set([...strong.keys()].flatMap((index) => entities[index]?.country ?? [])).size;

  // Names of what the article names for sure, to place ambiguous towns ("Hamilton" needs Ohio).
  const strongNames = new Set([...strong.keys()].flatMap((index) => entities[index]?.name ?? []));

  // Pass 2: in reading order, so that a surname can refer back to a full name.
  const mentions: Mention[] = [];
  const lastNamedAt = new Map<number, number>();

  const link = (match: Match): Mention | undefined => {
    // The candidate named in full most recently.
    let latest: AliasEntry | undefined;
    let latestAt = -1;
    for (const entry of match.candidates) {
      const namedAt = entry.form === 'short' ? lastNamedAt.get(entry.entity) : undefined;
      if (namedAt !== undefined && namedAt > latestAt) {
        latest = entry;
        latestAt = namedAt;
      }
    }
    if (latest) return { start: match.start, end: match.end, entity: latest.entity, confidence: COREFERENCE_CONFIDENCE };
    // A short form that, in all the knowledge, belongs to one hand-written entity and is not an
    // ordinary word names it even without its full name ("Freud", "Trump supporters").
    const [onlyShort] = match.candidates;
    if (
      onlyShort &&
      match.candidates.every((entry) => entry.entity === onlyShort.entity) &&
      onlyShort.form === 'short' &&
      !onlyShort.common &&
      // Which surnames are also words is known for English only ("Čech" is a Czech man).
      lang === 'en' &&
      entities[onlyShort.entity]?.source === 'curated' &&
      ownersOf(onlyShort.text) === 1 &&
      !partOfOtherNames.has(onlyShort.text)
    ) {
      lastNamedAt.set(onlyShort.entity, match.start);
      return { start: match.start, end: match.end, entity: onlyShort.entity, confidence: UNIQUE_SHORT_FORM_CONFIDENCE };
    }
    // A surname with the office before it ("President Obama") or its leadership after it ("the
    // Obama administration") names the one bearer who held such an office at the article's date.
    if (match.word >= 0 && match.candidates.some((entry) => entry.form === 'short')) {
      const shortPeople = match.candidates.filter(
        (entry) => entry.form === 'short' && entities[entry.entity]?.kind === 'person' && !partOfOtherNames.has(entry.text),
      );
      const role = shortPeople.length === 0 ? undefined : titleBefore(context, match.word) ?? (LEADERSHIP_NOUNS.test(wordAfter(context, match)) ? LEADER_ROLE : undefined);
      if (role) {
        // Who held such an office at the article's date; failing that, ever ("the Carter administration").
        const people = [...new Set(shortPeople.map((entry) => entry.entity))];
        const rolesOf = (index: number) => (entities[index]?.roles ?? []).filter((r) => role.test(r.title));
        const atDate = date ? people.filter((index) => roleAt(rolesOf(index), date) !== undefined) : [];
        const holders = atDate.length > 0 ? atDate : people.filter((index) => rolesOf(index).length > 0);
        const [only] = holders;
        if (holders.length === 1 && only !== undefined) {
          lastNamedAt.set(only, match.start);
          return { start: match.start, end: match.end, entity: only, confidence: TITLED_SURNAME_CONFIDENCE };
        }
      }
    }
    const sentenceStart = match.word >= 0 && opensSentence(context, match.word);
    const singleWord = match.word === match.lastWord;
    const { chosen, confidence, elsewhere } = decisionFor(match, sentenceStart, singleWord);
    if (!chosen || confidence < MIN_LINK_CONFIDENCE) return match.fallback ? link(match.fallback) : undefined;
    if (elsewhere) return undefined;
    // A longer name from a country the article never mentions yields to a shorter one from a
    // country it does ("The Republicans" of France, or the Republicans of a US story).
    const chosenCountry = entities[chosen.entity]?.country;
    if (match.fallback && chosenCountry && !shares.has(chosenCountry) && !strong.has(chosen.entity)) {
      const shorter = link(match.fallback);
      const shorterCountry = shorter ? entities[shorter.entity]?.country : undefined;
      if (shorter && shorterCountry && shares.has(shorterCountry)) return shorter;
    }
    lastNamedAt.set(chosen.entity, match.start);
    return { start: match.start, end: match.end, entity: chosen.entity, confidence };
  };

  // Which entity the general rules choose depends only on the candidates, on whether the name
  // opens a sentence and is one word, and on what the article names for sure, which is settled
  // before this pass: decided once per such case (an article names the same things again and again).
  interface Decision {
    chosen: AliasEntry | undefined;
    confidence: number;
    /** A town whose name a place in a country the article is more about shares: better no card. */
    elsewhere: boolean;
  }
  // Most matches have one candidate: their decisions are kept by entry and case, the others by a
  // key listing their candidates.
  const decisionsByEntry = new Map<AliasEntry, (Decision | undefined)[]>();
  const decisions = new Map<string, Decision>();
  const entryNumbers = new Map<AliasEntry, number>();
  const decisionFor = (match: Match, sentenceStart: boolean, singleWord: boolean): Decision => {
    const situation = (sentenceStart ? 2 : 0) + (singleWord ? 1 : 0);
    const [only] = match.candidates;
    if (only && match.candidates.length === 1) {
      let bySituation = decisionsByEntry.get(only);
      if (!bySituation) decisionsByEntry.set(only, (bySituation = []));
      return (bySituation[situation] ??= decide(match, sentenceStart, singleWord));
    }
    let key = String(situation);
    for (const entry of match.candidates) {
      let number = entryNumbers.get(entry);
      if (number === undefined) {
        number = entryNumbers.size;
        entryNumbers.set(entry, number);
      }
      key += `,${number}`;
    }
    let decision = decisions.get(key);
    if (!decision) {
      decision = decide(match, sentenceStart, singleWord);
      decisions.set(key, decision);
    }
    return decision;
  };

  const decide = (match: Match, sentenceStart: boolean, singleWord: boolean): Decision => {
    const placeCandidates = new Set(match.candidates.filter((entry) => entities[entry.entity]?.kind === 'place').map((entry) => entry.entity));
    const candidates = match.candidates.filter((entry) => {
      if (entry.form === 'short') return false;
      const entity = entities[entry.entity];
      if (!entity) return false;
      const countryShare = entity.country ? (shares.get(entity.country) ?? 0) : 0;
      const isCountry = entity.subkind === 'country' || entity.subkind === 'territory';
      // A generated, minor name (a town, a WordNet entry) from a country the article does not
      // otherwise name is more likely a word or a first name ("David", "Una"); so is any
      // generated name that opens a sentence.
      const generated = entity.source !== 'curated' && !strong.has(entry.entity) && countryShare === 0;
      if (generated && singleWord && (entity.prior < MINOR_PRIOR || (sentenceStart && entity.prior < 0.9))) return false;
      // A town whose name other places share needs its state or country named in the article.
      if (entity.subkind === 'city' && entity.prior < AMBIGUOUS_TOWN_MAX_PRIOR && placeCandidates.size > 1 && !strong.has(entry.entity)) {
        const region = entity.facts?.State ?? (entity.country ? undefined : '');
        const placed = region ? strongNames.has(region) : countryShare >= ARTICLE_COUNTRY_SHARE;
        if (!placed) return false;
      }
      if (!entry.common) return true;
      // An ordinary word needs real capitalisation and support from the article: named
      // otherwise too, in the country the article is about, or written by hand as a name that
      // stands mid-sentence ("Apple", "Earth", "Twitter").
      const handWrittenName = entity.source === 'curated' && !sentenceStart && (entity.kind !== 'place' || entity.subkind === 'celestial');
      const supported =
        strong.has(entry.entity) ||
        handWrittenName ||
        countryShare >= ARTICLE_COUNTRY_SHARE ||
        (isCountry && (countryShare > 0 || distinctCountries >= 1)) ||
        ((entity.subkind === 'city' || entity.subkind === 'region') && countryShare >= ARTICLE_COUNTRY_SHARE);
      return supported && !sentenceStart;
    });
    const unique = [...new Map(candidates.map((entry) => [entry.entity, entry])).values()];
    if (unique.length === 0) return { chosen: undefined, confidence: 0, elsewhere: false };
    const scores = unique.map((entry) => {
      const entity = entities[entry.entity];
      const prior = entity?.prior ?? 0;
      const countryContext = entity?.country ? (shares.get(entity.country) ?? 0) * COUNTRY_CONTEXT_WEIGHT : 0;
      // What else the article names: "Liverpool" among football clubs is the club. (Places
      // are told apart by their countries, not by how many states or cities are named.)
      const subkindContext = entity && entity.kind !== 'place' ? (subkindShares.get(`${entity.kind}/${entity.subkind}`) ?? 0) * SUBKIND_CONTEXT_WEIGHT : 0;
      return prior + countryContext + subkindContext + (strong.has(entry.entity) ? ALREADY_NAMED_BONUS : 0);
    });
    const { best, confidence } = softmaxBest(scores);
    const chosen = unique[best];
    if (!chosen || confidence < MIN_LINK_CONFIDENCE) return { chosen, confidence, elsewhere: false };
    // A place name shared by places in several countries, in an article about another of those
    // countries ("Cambridge" in a story set in Massachusetts): better no card than the wrong town.
    const chosenPlace = entities[chosen.entity];
    let elsewhere = false;
    if (chosenPlace?.kind === 'place' && chosenPlace.subkind === 'city' && chosenPlace.country) {
      const chosenShare = shares.get(chosenPlace.country) ?? 0;
      elsewhere = match.candidates.some((entry) => {
        const other = entities[entry.entity];
        const otherShare = shares.get(other?.country ?? '') ?? 0;
        return other?.kind === 'place' && other.country !== chosenPlace.country && otherShare >= ARTICLE_COUNTRY_SHARE && otherShare > chosenShare;
      });
    }
    return { chosen, confidence, elsewhere };
  };

  for (const match of usable) {
    const mention = link(match);
    if (mention) mentions.push(mention);
  }
  return mentions;
}
