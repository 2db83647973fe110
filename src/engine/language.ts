// Guesses an article's language when the page does not say: the script first, then, for Latin
// script, which language's most frequent function words the text uses most.

// Words that are frequent in one language and rare in the others of this list.
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'for', 'was', 'this', 'are', 'have'],
  es: ['el', 'los', 'las', 'del', 'que', 'por', 'una', 'para', 'con', 'como', 'más', 'pero'],
  pt: ['os', 'das', 'dos', 'não', 'uma', 'para', 'com', 'como', 'mais', 'pelo', 'foi', 'são'],
  fr: ['le', 'les', 'des', 'est', 'une', 'dans', 'pour', 'qui', 'pas', 'sur', 'avec', 'au'],
  it: ['il', 'della', 'che', 'non', 'una', 'per', 'sono', 'gli', 'delle', 'nel', 'anche', 'con'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'sich', 'auch', 'ein'],
  nl: ['de', 'het', 'een', 'van', 'en', 'niet', 'dat', 'zijn', 'voor', 'ook', 'met', 'op'],
  cs: ['je', 'se', 'na', 'že', 'které', 'jako', 'ale', 'jsou', 'také', 'pro', 'byl', 'jeho'],
  pl: ['się', 'nie', 'na', 'że', 'jest', 'jak', 'ale', 'jego', 'przez', 'oraz', 'był', 'dla'],
};
const SAMPLE_CHARS = 20_000;

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

function dominantScript(sample: string): string | undefined {
  const letters = sample.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
  const cyrillic = letters.filter((letter) => /\p{Script=Cyrillic}/u.test(letter)).length;
  if (cyrillic > latin) return /[іїєґ]/i.test(sample) ? 'uk' : 'ru';
  for (const [script, lang] of SCRIPTS) {
    const count = letters.filter((letter) => script.test(letter)).length;
    if (count > latin) return lang;
  }
  return undefined;
}

export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const byScript = dominantScript(sample);
  if (byScript) return byScript;
  const counts = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best = 'en';
  let bestScore = 0;
  for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
    const score = words.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return best;
}
