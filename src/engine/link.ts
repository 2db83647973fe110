// Decides which entity each match names, and how sure that is. A wrong card is worse than
// none: ambiguous matches without enough support are dropped.
import type { CompiledEntity } from '../knowledge/bundle.js';
import type { AliasEntry } from './alias-index.js';
import type { Match } from './match.js';
import type { Tokens } from './tokens.js';

/** Links below this confidence are dropped. */
export const MIN_LINK_CONFIDENCE = 0.6;
/** How sharply scores separate into confidences (softmax temperature). */
const SCORE_TEMPERATURE = 0.25;
/** Support for a candidate from the article's other places: weight of its country's share. */
const COUNTRY_CONTEXT_WEIGHT = 1;
/** Support for a candidate already named unambiguously elsewhere in the article. */
const ALREADY_NAMED_BONUS = 0.5;
/** A city or region named by an ordinary word (Nice, Reading) needs its country this present. */
const COMMON_PLACE_MIN_COUNTRY_SHARE = 0.3;
/** Coreference: a surname after the full name is this sure. */
const COREFERENCE_CONFIDENCE = 0.95;

// Words that may stand before a name without being part of it ("President Moon").
const TITLE_WORDS = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary senator sen rep representative gov governor mayor king queen prince princess emperor pope general gen col colonel admiral chancellor chairman chairwoman chair leader premier ambassador judge justice coach manager captain st saint former late new old north south east west central northern southern eastern western greater upper lower'.split(' '),
);

export interface Mention {
  start: number;
  end: number;
  entity: number;
  confidence: number;
}

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
  const between = text.slice(tokens.ends[index - 1], tokens.starts[index]);
  return /[.!?:;"“”«»]\s*$|\n/.test(between) || /^[\s"“'‘(]*$/.test(between) && /[.!?]\s*["”’]?\s*$/.test(text.slice(Math.max(0, (tokens.starts[index] ?? 0) - 3), tokens.starts[index]));
}

function wordAt({ text, tokens }: Context, index: number): string {
  return text.slice(tokens.starts[index], tokens.ends[index]);
}

/**
 * A single word that touches another capitalised word is probably part of a longer name the
 * knowledge does not hold ("Trump Tower", "Singapore Airlines", "Ivanka Trump").
 */
function insideLongerName(context: Context, match: Match, matchStarts: Set<number>): boolean {
  const { text, tokens } = context;
  if (match.word < 0 || match.word !== match.lastWord) return false;
  const next = match.lastWord + 1;
  if (next < tokens.count) {
    const gap = text.slice(tokens.ends[match.lastWord], tokens.starts[next]);
    const nextWord = wordAt(context, next);
    if (/^ $/.test(gap) && isCapitalised(nextWord) && !matchStarts.has(next) && !opensSentence(context, next) && !/^\p{Lu}+$/u.test(nextWord)) return true;
  }
  const previous = match.word - 1;
  if (previous >= 0) {
    const gap = text.slice(tokens.ends[previous], tokens.starts[match.word]);
    const previousWord = wordAt(context, previous);
    if (/^ $/.test(gap) && isCapitalised(previousWord) && !opensSentence(context, previous) && !TITLE_WORDS.has(previousWord.toLowerCase().replace(/\.$/, ''))) {
      return !matchStarts.has(previous);
    }
  }
  return false;
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

export function linkMatches(text: string, tokens: Tokens, matches: readonly Match[], entities: readonly CompiledEntity[]): Mention[] {
  const context: Context = { text, tokens, entities };
  const matchStarts = new Set(matches.map((match) => match.word));
  const usable = matches.filter((match) => !insideLongerName(context, match, matchStarts));

  // Pass 1: names and acronyms that can only mean one thing set the article's context.
  const isStrong = (entry: AliasEntry) => entry.form !== 'short' && !entry.common;
  const strong = new Map<number, number>();
  for (const match of usable) {
    const named = new Set(match.candidates.filter(isStrong).map((entry) => entry.entity));
    const [only] = named;
    if (named.size === 1 && only !== undefined) strong.set(only, (strong.get(only) ?? 0) + 1);
  }
  const shares = countryShares(strong, entities);
  const distinctCountries = new Set([...strong.keys()].flatMap((index) => entities[index]?.country ?? [])).size;

  // Pass 2: in reading order, so that a surname can refer back to a full name.
  const mentions: Mention[] = [];
  const lastNamedAt = new Map<number, number>();
  for (const match of usable) {
    const coreferent = match.candidates.filter((entry) => entry.form === 'short' && lastNamedAt.has(entry.entity));
    if (coreferent.length > 0) {
      const latest = coreferent.reduce((a, b) => ((lastNamedAt.get(a.entity) ?? 0) >= (lastNamedAt.get(b.entity) ?? 0) ? a : b));
      mentions.push({ start: match.start, end: match.end, entity: latest.entity, confidence: COREFERENCE_CONFIDENCE });
      continue;
    }
    const sentenceStart = match.word >= 0 && opensSentence(context, match.word);
    const candidates = match.candidates.filter((entry) => {
      if (entry.form === 'short') return false;
      if (!entry.common) return true;
      // An ordinary word needs real capitalisation and support from the article.
      const entity = entities[entry.entity];
      const countryShare = entity?.country ? (shares.get(entity.country) ?? 0) : 0;
      const isCountry = entity?.subkind === 'country' || entity?.subkind === 'territory';
      const supported =
        strong.has(entry.entity) ||
        (isCountry && (countryShare > 0 || distinctCountries >= 2)) ||
        ((entity?.subkind === 'city' || entity?.subkind === 'region') && countryShare >= COMMON_PLACE_MIN_COUNTRY_SHARE);
      return supported && !sentenceStart;
    });
    const unique = [...new Map(candidates.map((entry) => [entry.entity, entry])).values()];
    if (unique.length === 0) continue;
    const scores = unique.map((entry) => {
      const entity = entities[entry.entity];
      const prior = entity?.prior ?? 0;
      const countryContext = entity?.country ? (shares.get(entity.country) ?? 0) * COUNTRY_CONTEXT_WEIGHT : 0;
      return prior + countryContext + (strong.has(entry.entity) ? ALREADY_NAMED_BONUS : 0);
    });
    const { best, confidence } = softmaxBest(scores);
    const chosen = unique[best];
    if (!chosen || confidence < MIN_LINK_CONFIDENCE) continue;
    mentions.push({ start: match.start, end: match.end, entity: chosen.entity, confidence });
    if (chosen.form !== 'short') lastNamedAt.set(chosen.entity, match.start);
  }
  return mentions;
}
