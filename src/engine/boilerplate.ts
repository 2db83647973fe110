// Text that a page puts around an article but is not the article: photo credits, agency tags,
// copyright lines, author bios and print notes. Names in it get no card, as a reader would
// expect (and as the evaluation corpus annotates).

const PATTERNS: RegExp[] = [
  // "(Thomas Coex/AFP/Getty Images)" or "(Reuters)" closing a caption.
  /\((?:[^()\n]{0,80}\/[^()\n]{0,80}|[\p{Lu}][\p{L}.&' -]{0,30})\)\s*(?=\n|$)/gu,
  // "WASHINGTON (Reuters) -": an agency tag after a dateline.
  /\((?:[\p{Lu}][\p{L}.&' -]{0,30})\)\s+[-—–]/gu,
  // "CreditJeon Heon-Kyun/EPA", "Credit Ashraf Shazly/Agence France-Presse — Getty Images".
  /\bCredits?:?\s?(?=\p{Lu})[^\n]{0,120}?(?:\/|Getty Images|\bvia\b)[^\n]{0,80}/gu,
  /\b(?:Photo|Photograph|Image|Picture|Video)s?(?: credit)?:[^\n]*/gu,
  // "© Provided by Business Insider Inc".
  /©(?:\s*[^\s]+){1,6}/gu,
  // Author bios and contributor lines: "Steven Mufson covers the White House.", "Lucas Nolan is
  // a reporter for Breitbart Tech", "Steve Herman at the White House contributed to this report."
  /(?:^|\n)(?:[\p{Lu}][\p{L}.'-]+ ){1,3}(?:is an? (?:reporter|correspondent|writer|editor|columnist|contributor)|covers|joined|writes about|has covered)\b[^\n]*/gu,
  /(?:^|\n)[^\n]{0,120}\bcontributed (?:reporting|to this report)[^\n]*/gu,
  /(?:^|\n)A version of this article appears in print[^\n]*(?:\n+[^\n]{0,60}){0,12}/gu,
  /(?:^|\n)Follow [^\n]{0,60} on (?:Twitter|X|Facebook|Instagram)[^\n]*/gu,
  // A paragraph of one word: a share button or an embed's label ("Facebook").
  /(?:^|\n)[\p{L}]+(?=\n|$)/gu,
];

export function nonArticleRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      ranges.push([match.index, match.index + match[0].length]);
      if (match[0].length === 0) pattern.lastIndex++;
    }
  }
  return ranges;
}
